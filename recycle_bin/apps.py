from django.apps import AppConfig


class RecycleBinConfig(AppConfig):
    name = "recycle_bin"
    verbose_name = "휴지통"

    def ready(self):
        from wagtail.signals import page_published

        from .bin import leave_the_bin_when_published

        # Connected here, not in wagtail_hooks: a shell or a management command that
        # publishes never loads the admin's hooks.
        page_published.connect(
            leave_the_bin_when_published, dispatch_uid="recycle_bin_leave_when_published"
        )
