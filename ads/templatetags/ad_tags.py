"""Banner slot placeholders: `{% banner_slot "header" %}` and `{% with_inline_banner body %}`.

A placeholder holds no banner, only where to ask for one (static_src/js/ads.js fills it),
so the page around it stays the same for every reader and cacheable. They cost no query.
"""

import re

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from wagtail.models import Page

from news.models import SectionPage

from ..models import BannerSlot

register = template.Library()

# An opening or closing tag; rich text stores `<` in text as `&lt;`, so this finds them all.
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>")
VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip


SLOT_LABELS = {
    BannerSlot.HEADER: "상단 광고",
    BannerSlot.ARTICLE_SIDE: "기사 옆 광고",
    BannerSlot.INLINE: "본문 중간 광고",
    BannerSlot.FOOTER: "하단 광고",
}


def _section_id(context, section):
    """The section a slot is on: the one given, else the page's (`section` or the page itself)."""
    if section in (None, ""):
        section = context.get("section")
        if not isinstance(section, Page):
            page = context.get("page")
            section = page if isinstance(page, SectionPage) else None
    if isinstance(section, Page):
        return section.pk
    if isinstance(section, int) and section > 0:
        return section
    if isinstance(section, str) and section.isascii() and section.isdigit():
        return int(section)
    return None


def render_slot(context, slot, section=None):
    if slot not in BannerSlot.values:
        return ""
    section_id = _section_id(context, section)
    request = context.get("request")
    src = reverse("ads:slot", args=[slot])
    if section_id:
        src += f"?section={section_id}"
    top_level = slot in (BannerSlot.HEADER, BannerSlot.FOOTER)
    return render_to_string(
        "ads/slot.html",
        {
            "slot": slot,
            "element": "aside" if top_level else "div",
            "label": SLOT_LABELS[slot],
            "section_id": section_id or "",
            "src": src,
            "impressions_url": reverse("ads:impressions"),
            "preview": bool(getattr(request, "is_preview", False)),
        },
    ).strip()


@register.simple_tag(takes_context=True)
def banner_slot(context, slot, section=None):
    """`{% banner_slot "header" %}` or `{% banner_slot "article_side" section=section %}`."""
    return mark_safe(render_slot(context, slot, section))


@register.simple_tag(takes_context=True)
def with_inline_banner(context, body_html, section=None):
    """`{% with_inline_banner body %}`: the body with the between-paragraphs slot in it.

    The slot goes after the body's Nth paragraph, N being ADS_INLINE_AFTER_PARAGRAPH (3).
    Only top-level paragraphs count (not those inside a quote), and a body of N
    paragraphs or fewer gets no slot, so the banner always sits between two paragraphs.
    """
    html = str(body_html)
    position = _after_paragraph(html, getattr(settings, "ADS_INLINE_AFTER_PARAGRAPH", 3))
    if position is None or not html[position:].strip():
        return mark_safe(html)
    slot = render_slot(context, BannerSlot.INLINE, section)
    return mark_safe(html[:position] + slot + html[position:])


def _after_paragraph(html, count):
    """The offset just after the `count`th top-level `</p>`, or None."""
    depth = 0
    seen = 0
    for match in TAG.finditer(html):
        closing, name = match.group(1), match.group(2).lower()
        if name in VOID_ELEMENTS or match.group(0).endswith("/>"):
            continue
        if not closing:
            depth += 1
            continue
        depth = max(depth - 1, 0)
        if name == "p" and depth == 0:
            seen += 1
            if seen == count:
                return match.end()
    return None
