from django.apps import AppConfig


class ReadershipConfig(AppConfig):
    name = "readership"
    verbose_name = "많이 본 뉴스"
