"""Keep the cached watermark current, and pre-generate an article's photos when it goes live."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.signals import page_published

from .renditions import pregenerate_article_renditions
from .watermark import forget_watermark, forget_watermark_of_logo


def settings_changed(sender, **kwargs):
    forget_watermark()


def image_changed(sender, instance, **kwargs):
    forget_watermark_of_logo(instance.pk)


def article_published(sender, instance, **kwargs):
    # After the commit: a worker (or the immediate backend) must see the live revision.
    transaction.on_commit(partial(pregenerate_article_renditions.enqueue, instance.pk))


def connect():
    from news.models import ArticlePage

    from .models import WatermarkSettings

    post_save.connect(settings_changed, sender=WatermarkSettings)
    post_delete.connect(settings_changed, sender=WatermarkSettings)
    post_save.connect(image_changed, sender=get_image_model())
    post_delete.connect(image_changed, sender=get_image_model())
    page_published.connect(article_published, sender=ArticlePage)
