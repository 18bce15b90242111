"""Template tags for articles: KST dates, the body with its dateline lead, share settings."""

import re
from zoneinfo import ZoneInfo

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()

KST = ZoneInfo("Asia/Seoul")
FIRST_PARAGRAPH_OPENING = re.compile(r"^\s*<p\b[^>]*>")

# Kakao's SDK, loaded only when a reader presses the KakaoTalk button. The version and its
# integrity hash (from developers.kakao.com › JavaScript SDK › 다운로드) go together; both
# can be replaced in settings (KAKAO_JAVASCRIPT_SDK_URL, KAKAO_JAVASCRIPT_SDK_INTEGRITY).
KAKAO_SDK_URL = "https://t1.kakaocdn.net/kakao_js_sdk/2.7.2/kakao.min.js"
KAKAO_SDK_INTEGRITY = "sha384-TiCUE00h649CAMonG018J2ujOgDKW/kVWlChEuu4jK2vxfAAD0eZxzCKakxg55G4"


@register.filter
def kst(value):
    """2022.04.07 16:33, in Korea Standard Time whatever the server's zone."""
    if not value:
        return ""
    return format_date(timezone.localtime(value, KST), settings.NEWS_DATETIME_FORMAT)


# Where a banner between paragraphs goes (see `inline_template` below): after this paragraph.
INLINE_SLOT_AFTER_PARAGRAPH = 3


@register.simple_tag(takes_context=True)
def article_body(context, page, paper_name, inline_template=""):
    """The body's blocks, with `[충청신문=대전] 권예진 기자 = ` opening the first paragraph.

    A 포토 article opens with its photo, large. `inline_template`, when given, is rendered
    between paragraphs (after the third, when more text follows): the place for a banner
    slot between paragraphs.
    """
    from news.models import ArticleType

    lead = page.dateline_lead(paper_name)
    blocks = list(page.body)
    rendered = []
    if page.article_type == ArticleType.PHOTO:
        first_photo = next(
            (block for block in blocks if block.block_type == "image" and block.value.get("image")),
            None,
        )
        if first_photo is not None:
            blocks.remove(first_photo)
            rendered.append(first_photo.render(context=_photo_context(context, lead_photo=True)))
        elif page.main_image:
            image_block = page.body.stream_block.child_blocks["image"]
            value = image_block.to_python({"image": page.main_image.pk})
            rendered.append(
                image_block.render(value, context=_photo_context(context, lead_photo=True))
            )
    has_lead_photo = first_photo_seen = bool(rendered)
    paragraphs_left = sum(block.block_type == "paragraph" for block in blocks)
    paragraphs_seen = 0
    for block in blocks:
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
        if block.block_type == "paragraph":
            paragraphs_seen += 1
            if (
                inline_template
                and paragraphs_seen == INLINE_SLOT_AFTER_PARAGRAPH
                and paragraphs_left > paragraphs_seen
            ):
                rendered.append(render_to_string(inline_template, context.flatten()))
    if lead:
        rendered.insert(
            1 if has_lead_photo else 0, format_html('<p class="article-dateline">{}</p>', lead)
        )
    return mark_safe("".join(rendered))


def _photo_context(context, **extra):
    photo_context = context.flatten()
    photo_context.update(eager=True, **extra)
    return photo_context


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


@register.simple_tag
def kakao_share():
    """Kakao's JavaScript key and SDK when KAKAO_JAVASCRIPT_KEY is set, else None."""
    key = getattr(settings, "KAKAO_JAVASCRIPT_KEY", "")
    if not key:
        return None
    sdk_url = getattr(settings, "KAKAO_JAVASCRIPT_SDK_URL", "")
    if sdk_url:  # another version: its own hash, or none
        integrity = getattr(settings, "KAKAO_JAVASCRIPT_SDK_INTEGRITY", "")
    else:
        sdk_url, integrity = KAKAO_SDK_URL, KAKAO_SDK_INTEGRITY
    return {"key": key, "sdk_url": sdk_url, "integrity": integrity}
