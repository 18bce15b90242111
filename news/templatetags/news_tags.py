"""Template tags for articles: KST dates and the body with its dateline lead."""

import re
from zoneinfo import ZoneInfo

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()

KST = ZoneInfo("Asia/Seoul")
FIRST_PARAGRAPH_OPENING = re.compile(r"^\s*<p\b[^>]*>")


@register.filter
def kst(value):
    """2022.04.07 16:33, in Korea Standard Time whatever the server's zone."""
    if not value:
        return ""
    return format_date(timezone.localtime(value, KST), settings.NEWS_DATETIME_FORMAT)


@register.simple_tag(takes_context=True)
def article_body(context, page, paper_name):
    """The body's blocks, with `[충청신문=대전] 권예진 기자 = ` opening the first paragraph."""
    lead = page.dateline_lead(paper_name)
    rendered = []
    first_photo_seen = False
    for block in page.body:
        block_context = context.flatten()
        if block.block_type == "image":
            # The first photo is usually above the fold: load it at once, the rest lazily.
            block_context["eager"] = not first_photo_seen
            first_photo_seen = True
        html = block.render(context=block_context)
        if lead and block.block_type == "paragraph":
            html = _open_with(html, lead)
            lead = ""
        rendered.append(html)
    if lead:
        rendered.insert(0, format_html('<p class="article-dateline">{}</p>', lead))
    return mark_safe("".join(rendered))


def _open_with(paragraph_html, lead):
    marker = f'<span class="article-dateline">{escape(lead)}</span>'
    match = FIRST_PARAGRAPH_OPENING.match(paragraph_html)
    if match:
        return paragraph_html[: match.end()] + marker + paragraph_html[match.end() :]
    return f"<p>{marker}</p>{paragraph_html}"


@register.filter
def photo_credit(credit):
    """(사진=대전시 제공)"""
    return f"(사진={credit})" if credit else ""
