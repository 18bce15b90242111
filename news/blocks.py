"""StreamField blocks of an article body."""

import re
from html import unescape

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "superscript", "subscript"]
_BLOCK_BREAK = re.compile(r"</(?:p|h\d|li|blockquote)>|<(?:br|hr)\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def text_for_indexing(html):
    """Wagtail's get_text_for_indexing for stored rich text, by regex: several times faster.

    Stored rich text is well-formed (the editor writes `<` in text as `&lt;`),
    which is all a regex needs; Django's strip_tags parses HTML to cope with
    anything.
    """
    return unescape(_TAG.sub("", _BLOCK_BREAK.sub(" ", html))).strip()


class ImageBlock(blocks.StructBlock):
    """A photo with caption and credit; empty fields fall back to the image's defaults."""

    image = ImageChooserBlock(label="사진")
    caption = blocks.CharBlock(
        label="사진 설명",
        required=False,
        max_length=500,
        help_text="비워 두면 사진에 저장된 기본 설명을 씁니다.",
    )
    credit = blocks.CharBlock(
        label="출처",
        required=False,
        max_length=100,
        help_text="예: 대전시 제공. 비워 두면 사진에 저장된 기본 출처를 씁니다.",
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["caption"] = caption_for(value)
        context["credit"] = credit_for(value)
        return context

    class Meta:
        icon = "image"
        label = "사진"
        template = "news/blocks/image_block.html"


def caption_for(value):
    image = value.get("image")
    return value.get("caption") or (image.default_caption if image else "")


def credit_for(value):
    image = value.get("image")
    return value.get("credit") or (image.default_credit if image else "")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="인용문")
    attribution = blocks.CharBlock(label="말한 사람", required=False, max_length=100)

    class Meta:
        icon = "openquote"
        label = "인용"
        template = "news/blocks/quote_block.html"


class ArticleBodyBlock(blocks.StreamBlock):
    def get_searchable_content(self, value):
        content = []
        for child in value:
            if child.block_type == "paragraph":
                content.append(text_for_indexing(child.value.source))
            else:
                content.extend(child.block.get_searchable_content(child.value))
        return content

    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES, label="문단", template="news/blocks/paragraph_block.html"
    )
    image = ImageBlock()
    subheading = blocks.CharBlock(
        label="중간 제목",
        max_length=200,
        form_classname="title",
        icon="title",
        template="news/blocks/subheading_block.html",
    )
    quote = QuoteBlock()
    embed = EmbedBlock(
        label="동영상·SNS 삽입",
        help_text="유튜브, X 등의 주소를 붙여 넣으세요.",
        template="news/blocks/embed_block.html",
    )


class StandardBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"], label="문단"
    )
    image = ImageBlock()
