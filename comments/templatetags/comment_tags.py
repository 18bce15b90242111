"""Template filters for the comment section."""

from django import template

from comments.rules import length

register = template.Library()


@register.filter
def grapheme_length(text):
    """Characters as the `N / 400` counter counts them."""
    return length(text or "")
