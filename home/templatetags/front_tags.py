"""The front page's tags: the 속보 ticker on every page, columnists' photos."""

from django import template
from django.utils import timezone

from home.front_page import columnist_photo as _columnist_photo
from readership.queries import visible_articles

register = template.Library()

BREAKING_LIMIT = 5


@register.simple_tag
def breaking_news():
    """Live breaking articles, newest first: one query on every page.

    After `breaking_until` the server no longer renders an article here; pages already
    in a cache carry each expiry and front.js hides the item then.
    """
    return list(
        visible_articles()
        .filter(breaking_until__gt=timezone.now())
        .defer_streamfields()
        .order_by("-first_published_at", "-pk")[:BREAKING_LIMIT]
    )


@register.filter
def columnist_photo(article):
    return _columnist_photo(article)


@register.filter
def iso_seconds(value):
    """2024-05-10T12:00:00+09:00: ISO 8601 every browser's Date.parse reads (no microseconds)."""
    if not value:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")
