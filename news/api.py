"""How articles read in the API (config/api.py): their section, byline, photo and body.

Each field loads what it needs for the whole listing at once (`Batch`): one or
two queries per field asked for, however many articles the listing holds.
"""

from collections import defaultdict

from django.db.models import Prefetch, prefetch_related_objects
from rest_framework.fields import Field
from wagtail.api.utils import get_full_url
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page

# Rendition name: filter spec. `large` is the width Open Graph and news portals ask for.
MAIN_IMAGE_RENDITIONS = {"large": "width-1200", "thumbnail": "fill-600x400"}
BODY_IMAGE_RENDITIONS = {"large": "width-1200"}


class Batch:
    """The objects one API response serialises, and what was loaded for all of them."""

    def __init__(self, objects):
        self.objects = list(objects)
        self._loaded = {}

    @classmethod
    def of(cls, field, instance):
        """The batch `instance` came in (a listing's page), else a batch of just it."""
        view = field.context.get("view")
        batch = getattr(view, "api_batch", None)
        if batch is None and view is not None:  # a detail view: the one object is the batch
            batch = view.api_batch = cls([instance])
        if batch is None or not any(obj is instance for obj in batch.objects):
            return cls([instance])  # an object nested in another, on its own
        return batch

    def load(self, name, loader):
        """`loader(objects)` once per batch; its result is kept under `name`."""
        if name not in self._loaded:
            self._loaded[name] = loader(self.objects)
        return self._loaded[name]


def _image_details(image, renditions):
    details = {"id": image.pk, "title": image.title, "width": image.width, "height": image.height}
    for name, spec in renditions.items():
        details[name] = ImageRenditionField(spec).to_representation(image)
    return details


class ArticleSectionField(Field):
    """`{"id", "title", "url"}` of the section the article is filed in."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, article):
        sections = Batch.of(self, article).load("sections", _load_parents)
        section = sections.get(article.path[: -Page.steplen])
        if section is None:
            return None
        request = self.context.get("request")
        return {"id": section.pk, "title": section.title, "url": section.get_full_url(request)}


def _load_parents(pages):
    paths = {page.path[: -Page.steplen] for page in pages}
    return {page.path: page for page in Page.objects.filter(path__in=paths)}


class ArticleReportersField(Field):
    """The byline in order: `[{"id", "name", "title", "url"}]`, url being the reporter page."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, article):
        Batch.of(self, article).load("reporters", _load_reporters)
        request = self.context.get("request")
        return [
            {
                "id": reporter.pk,
                "name": reporter.name,
                "title": reporter.title,
                "url": get_full_url(request, reporter.get_absolute_url()),
            }
            for reporter in article.reporters
        ]


def _load_reporters(articles):
    from .models import ArticleReporter

    prefetch_related_objects(
        articles,
        Prefetch("article_reporters", queryset=ArticleReporter.objects.select_related("reporter")),
    )


class ArticleTagsField(Field):
    """The article's tags as names, sorted."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, article):
        return Batch.of(self, article).load("tags", _load_article_tags).get(article.pk, [])


def _load_article_tags(articles):
    from .models import ArticleTag

    names = defaultdict(list)
    links = ArticleTag.objects.filter(content_object_id__in=[a.pk for a in articles])
    for article_id, name in links.order_by("tag__name").values_list(
        "content_object_id", "tag__name"
    ):
        names[article_id].append(name)
    return names


class TagNamesField(Field):
    """A taggit manager's names, sorted, read from a prefetch when the listing made one."""

    def to_representation(self, manager):
        return sorted(tag.name for tag in manager.all())


class ArticleSeriesField(Field):
    """`{"id", "name", "url"}` of the series (연재) the article belongs to, or null."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, article):
        if article.series_id is None:
            return None
        Batch.of(self, article).load(
            "series", lambda objs: prefetch_related_objects(objs, "series")
        )
        series = article.series
        request = self.context.get("request")
        return {
            "id": series.pk,
            "name": series.name,
            "url": get_full_url(request, series.get_absolute_url()),
        }


class ArticleMainImageField(Field):
    """The photo listings and shares show (the chosen one, else the body's first) with renditions.

    `{"id", "title", "width", "height", "caption", "credit", "large": {...}, "thumbnail": {...}}`;
    each rendition has url, full_url, width, height and alt.
    """

    def get_attribute(self, instance):
        return instance

    def to_representation(self, article):
        if article.listing_image_id is None:
            return None
        Batch.of(self, article).load(
            "listing_image",
            lambda objs: prefetch_related_objects(objs, "listing_image__renditions"),
        )
        image = article.listing_image
        if image is None:
            return None
        details = _image_details(image, MAIN_IMAGE_RENDITIONS)
        details["caption"] = image.default_caption
        details["credit"] = image.default_credit
        return details


class ArticleBodyField(Field):
    """The body as structured blocks: `[{"type", "value", "id"}]`, in order.

    paragraph: rich text (`?rich_text_format=` as elsewhere in the API); subheading: text;
    quote: `{"text", "attribution"}`; embed: the URL; image: `{"image": {id, title, width,
    height, large}, "caption", "credit"}` with the caption and credit readers see (the
    photo's defaults where the block leaves them empty).
    """

    def get_attribute(self, instance):
        return instance

    def to_representation(self, article):
        images = Batch.of(self, article).load("body_images", _load_body_images)
        stream_block = article.body.stream_block
        blocks = []
        for item in article.body.raw_data:
            block_type = item.get("type")
            child_block = stream_block.child_blocks.get(block_type)
            if child_block is None:  # a block type the model no longer has
                continue
            if block_type == "image":
                value = self._image_value(item.get("value") or {}, images)
            else:
                value = child_block.get_api_representation(
                    child_block.to_python(item.get("value")), context=self.context
                )
            blocks.append({"type": block_type, "value": value, "id": item.get("id")})
        return blocks

    @staticmethod
    def _image_value(raw, images):
        image = images.get(raw.get("image"))
        return {
            "image": _image_details(image, BODY_IMAGE_RENDITIONS) if image else None,
            "caption": raw.get("caption") or (image.default_caption if image else ""),
            "credit": raw.get("credit") or (image.default_credit if image else ""),
        }


def _load_body_images(articles):
    from .models import NewsImage

    ids = {
        (item.get("value") or {}).get("image")
        for article in articles
        for item in article.body.raw_data
        if item.get("type") == "image"
    }
    ids = [pk for pk in ids if isinstance(pk, int)]
    if not ids:
        return {}
    return NewsImage.objects.prefetch_related("renditions").in_bulk(ids)
