"""Builders for test content, creating pages the way the admin does (add_child, revision, publish)."""

import datetime
import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.rich_text import RichText

from news.models import ArticlePage, ArticleReporter, NewsImage, SectionPage

KST = datetime.timezone(datetime.timedelta(hours=9))


def add_section(parent, title, slug):
    section = SectionPage(title=title, slug=slug)
    parent.add_child(instance=section)
    section.save_revision().publish()
    return section


def make_image(title="사진", caption="", credit="", color=(20, 80, 160)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 400), color).save(buffer, "JPEG")
    image = NewsImage(title=title, default_caption=caption, default_credit=credit)
    image.file = ImageFile(buffer, name="photo.jpg")
    image.save()
    return image


def add_article(section, title="기사", reporters=(), published_at=None, body=None, **fields):
    body = body or [("paragraph", RichText("<p>본문 첫 문단입니다.</p>"))]
    tags = fields.pop("tags", [])
    article = ArticlePage(title=title, body=body, **fields)
    article.tags.set(tags)
    article.article_reporters = [
        ArticleReporter(reporter=reporter, sort_order=order)
        for order, reporter in enumerate(reporters)
    ]
    section.add_child(instance=article)
    article.save_revision().publish()
    if published_at:
        ArticlePage.objects.filter(pk=article.pk).update(
            first_published_at=published_at, last_published_at=published_at
        )
        article.refresh_from_db()
    return article
