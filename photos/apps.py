from django.apps import AppConfig


class PhotosConfig(AppConfig):
    name = "photos"
    verbose_name = "사진"

    def ready(self):
        from . import signals

        signals.connect()
