"""A changed banner reaches readers within seconds: slot answers and the countable ids are rebuilt."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .models import Banner
from .slots import bump_version
from .stats import COUNTABLE_IDS_KEY, counter_cache


def banner_changed(**kwargs):
    bump_version()
    counter_cache().delete(COUNTABLE_IDS_KEY)


@receiver(post_save, sender=Banner)
def banner_saved(sender, **kwargs):
    banner_changed()


@receiver(post_delete, sender=Banner)
def banner_deleted(sender, **kwargs):
    banner_changed()


@receiver(m2m_changed, sender=Banner.sections.through)
def banner_sections_changed(sender, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        banner_changed()
