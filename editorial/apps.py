from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "편집국"

    def ready(self):
        from .roles import install_review_notifier

        # Here rather than in wagtail_hooks: a shell or a management command that submits
        # an article for review must mail the section's desk too.
        install_review_notifier()
