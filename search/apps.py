from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "검색"

    def ready(self):
        from . import dictionary  # noqa: F401  (connects the dictionary's signal handlers)
