"""The watermarked renditions article photos are shown in, and making them when an article goes live.

The specs mirror the `{% image %}` tags in the templates (tests/test_watermark.py keeps the two
in step). Publishing makes what the article page and its card show: the body's photos, a 포토
article's large first photo, the card in section lists, and the page head's share image and
crops (home/templatetags/seo_tags.py), so the first reader does not wait for them.
"""

import logging

from django_tasks import task

logger = logging.getLogger(__name__)

BODY_PHOTO = "width-1200|watermark"  # news/blocks/image_block.html
LEAD_PHOTO = "width-1600|watermark"  # the same, for a 포토 article's first photo
CARD_PHOTO = "fill-480x270|watermark"  # includes/article_card.html
FRONT_LEAD_PHOTO = "fill-800x450|watermark"  # home/home_page.html: the top story
FRONT_HEADLINE_PHOTO = "fill-240x150|watermark"  # home/home_page.html: headlines
FRONT_PHOTO_NEWS = "fill-400x300|watermark"  # home/home_page.html: 포토뉴스

# Every watermarked spec the templates use.
TEMPLATE_SPECS = frozenset(
    {
        BODY_PHOTO,
        LEAD_PHOTO,
        CARD_PHOTO,
        FRONT_LEAD_PHOTO,
        FRONT_HEADLINE_PHOTO,
        FRONT_PHOTO_NEWS,
    }
)


def article_photo_specs(article):
    """{photo: [specs]} for what a reader of the article page and its card sees first.

    The front page's crops are left to the front page: most articles never appear there.
    """
    from home.templatetags.seo_tags import ARTICLE_IMAGE_FILTERS, ARTICLE_SHARE_IMAGE_FILTER
    from news.models import ArticleType

    specs = {}

    def want(image, spec):
        if image is not None and spec not in specs.setdefault(image, []):
            specs[image].append(spec)

    photos = [
        block.value["image"]
        for block in article.body
        if block.block_type == "image" and block.value.get("image")
    ]
    if article.article_type == ArticleType.PHOTO:
        # news_tags.article_body: the first body photo, else the main photo, shown large.
        if photos:
            want(photos.pop(0), LEAD_PHOTO)
        else:
            want(article.main_image, LEAD_PHOTO)
    for photo in photos:
        want(photo, BODY_PHOTO)
    # The page head's photo is the listing photo: the chosen one, else the body's first.
    for spec in (CARD_PHOTO, ARTICLE_SHARE_IMAGE_FILTER, *ARTICLE_IMAGE_FILTERS):
        want(article.listing_image, spec)
    return specs


@task()
def pregenerate_article_renditions(page_id):
    """Make the live article's missing renditions; returns how many photos were looked at."""
    from news.models import ArticlePage

    article = (
        ArticlePage.objects.live()
        .filter(pk=page_id)
        .select_related("main_image", "listing_image")
        .first()
    )
    if article is None:  # unpublished or deleted since
        return 0
    specs = article_photo_specs(article)
    for photo, photo_specs in specs.items():
        try:
            photo.get_renditions(*photo_specs)
        except Exception:
            # A missing or broken file must not stop the others; readers get Wagtail's
            # placeholder for it as before.
            logger.exception("Could not pre-generate renditions of image %s", photo.pk)
    return len(specs)
