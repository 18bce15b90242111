"""How an article is previewed in the admin: as a page on a phone or a desktop, and as a front-page card.

The 1면 카드 mode renders the real front page (home/home_page.html, filled by
home.front_page) with the version being edited put in the places its type takes:
a news story as 톱기사 and first in its section's block, a 사설/칼럼 first in
오피니언, a 포토 story also first in 포토뉴스. Where the editors have already put it
(톱기사 or a headline), it stays there with their front-page title and photo.
Nothing is saved.
"""

import copy

from django.utils import timezone

FRONT_CARD_MODE = "front_card"

# Readers are mostly on phones; 360 px is the narrowest layout the site is built for.
PREVIEW_SIZES = [
    {
        "name": "mobile",
        "icon": "mobile-alt",
        "device_width": 360,
        "label": "휴대폰 화면으로 미리보기",
    },
    {
        "name": "desktop",
        "icon": "desktop",
        "device_width": 1280,
        "label": "데스크톱 화면으로 미리보기",
    },
]


class ArticlePreviewMixin:
    """Preview modes and sizes of news.ArticlePage (Wagtail's PreviewableMixin API)."""

    preview_modes = [("", "기사 페이지"), (FRONT_CARD_MODE, "1면 카드")]
    preview_sizes = PREVIEW_SIZES
    default_preview_size = "mobile"

    def get_preview_template(self, request, mode_name):
        if mode_name == FRONT_CARD_MODE:
            return "news/preview_front_card.html"
        return super().get_preview_template(request, mode_name)

    def get_preview_context(self, request, mode_name):
        if mode_name == FRONT_CARD_MODE:
            return self.front_card_context(request)
        return super().get_preview_context(request, mode_name)

    def as_front_card(self):
        """A copy of this unsaved version as front-page lists hold articles: with the
        photo (kept by save() for listings) and the time it will show once published."""
        card = copy.copy(self)
        card.listing_image = self.main_image or self.first_body_image()
        if card.first_published_at is None:
            card.first_published_at = self.go_live_at or timezone.now()
        return card

    def front_card_context(self, request):
        from home.models import HomePage

        card = self.as_front_card()
        # Sections live only under the front page (parent_page_types), so every article,
        # even one not saved yet, has one above it.
        home = HomePage.objects.ancestor_of(self).get()
        context = home.get_context(request)
        context.update(
            article=card,
            placements=place_on_front(context["front"], card, self.top_section(home)),
        )
        return context

    def top_section(self, home):
        from .models import SectionPage

        steplen = type(home).steplen
        return SectionPage.objects.filter(path=self.path[: (home.depth + 1) * steplen]).first()


def place_on_front(front, card, top_section):
    """Put `card` on `front` (a home.front_page.FrontPage) where its type takes it.

    Returns the names of those places, for the preview's note.
    """
    from home.front_page import (
        HEADLINE_SLOTS,
        OPINION_COUNT,
        PHOTO_COUNT,
        SECTION_COUNT,
        FrontItem,
        SectionBlock,
    )

    from .models import OPINION_TYPES, ArticleType

    def same(article):
        return article is card or (card.pk is not None and article.pk == card.pk)

    def without_card(articles):
        return [article for article in articles if not same(article)]

    places = []
    curated = [item for item in [front.top_story, *front.headlines] if item and same(item.article)]
    for item in curated:
        # The editors' front-page title and photo stay; the article's own follow the draft.
        if item.title == item.article.title:
            item.title = card.title
        if item.image == item.article.listing_image:
            item.image = card.listing_image
        item.article = card
        places.append("톱기사" if item is front.top_story else "헤드라인")

    front.latest = [card if same(article) else article for article in front.latest]

    if card.article_type in OPINION_TYPES:
        front.opinion = [card, *without_card(front.opinion)][:OPINION_COUNT]
        places.append("오피니언")
    elif not curated:
        headlines = [front.top_story, *front.headlines] if front.top_story else front.headlines
        front.headlines = [item for item in headlines if not same(item.article)][:HEADLINE_SLOTS]
        front.top_story = FrontItem.automatic(card)
        places.append("톱기사")

    if card.article_type == ArticleType.PHOTO and card.listing_image:
        front.photos = [card, *without_card(front.photos)][:PHOTO_COUNT]
        places.append("포토뉴스")
    else:
        front.photos = without_card(front.photos)

    for block in front.sections:
        block.articles = without_card(block.articles)
    if card.article_type not in OPINION_TYPES and top_section is not None:
        block = next((b for b in front.sections if b.section.pk == top_section.pk), None)
        if block is None:
            block = SectionBlock(section=top_section, articles=[])
            front.sections = sorted([*front.sections, block], key=lambda b: b.section.path)
        block.articles = [card, *block.articles][:SECTION_COUNT]
        places.append(f"{top_section.title} 섹션")
    front.sections = [block for block in front.sections if block.articles]
    return places
