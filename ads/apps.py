from django.apps import AppConfig


class AdsConfig(AppConfig):
    name = "ads"
    verbose_name = "광고"

    def ready(self):
        from . import signals  # noqa: F401
