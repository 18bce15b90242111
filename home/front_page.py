"""What the front page shows, chosen in a fixed number of queries however big the archive.

An article appears at most once. The places are claimed in this order, each step
skipping what an earlier one took (the page shows them in a different order):

1. 톱기사 and 헤드라인: the editors' choices on the HomePage (live, public articles only;
   an unpublished choice leaves its place to the automatic fill).
2. Automatic fill of the top story and of the headline places left empty: news (not
   사설/칼럼) published in the last FRONT_PAGE_GRADE_WINDOW_HOURS (48) by grade
   (헤드라인 › 중요 › 일반), newest first within a grade; if that window holds too few,
   the newest news of any age.
3. 오피니언: 사설 and 칼럼, newest first, a column with its columnist's photo.
4. 포토뉴스: 포토 articles with a photo, newest first; filled up with the newest
   articles that have a photo.
5. 최신기사: the newest articles of any type not placed above.
6. One block per top-level section (the menu's order): its newest news articles,
   subsections included (a section holding only 사설/칼럼 gets no block: they are in
   오피니언).

The specialised blocks claim their articles before 최신기사 so that today's editorial
shows with its columnist and a photo story with its photo, not as a bare line.

많이 본 뉴스 is a ranking (readership.queries.most_read) shown beside these; it does not
take part in the de-duplication: its two periods share articles by nature, and a
ranking with its leader missing would be wrong.
"""

import dataclasses
import datetime

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone

from news.models import (
    OPINION_TYPES,
    ArticlePage,
    ArticleReporter,
    ArticleType,
    NewsImage,
    SectionPage,
)
from readership.queries import not_private, visible_articles

from .models import HEADLINE_SLOTS

LATEST_COUNT = 10
PHOTO_COUNT = 4
SECTION_COUNT = 4
OPINION_COUNT = 4
DEFAULT_GRADE_WINDOW_HOURS = 48


@dataclasses.dataclass
class FrontItem:
    """A curated or automatic place: the article, with the front page's title and photo."""

    article: ArticlePage
    title: str
    image: NewsImage | None
    curated: bool = False

    @classmethod
    def automatic(cls, article):
        return cls(article=article, title=article.title, image=article.listing_image)


@dataclasses.dataclass
class SectionBlock:
    section: SectionPage
    articles: list


@dataclasses.dataclass
class FrontPage:
    top_story: FrontItem | None = None
    headlines: list = dataclasses.field(default_factory=list)
    latest: list = dataclasses.field(default_factory=list)
    photos: list = dataclasses.field(default_factory=list)
    sections: list = dataclasses.field(default_factory=list)
    opinion: list = dataclasses.field(default_factory=list)
    opinion_section: SectionPage | None = None

    def articles(self):
        items = ([self.top_story] if self.top_story else []) + self.headlines
        yield from (item.article for item in items)
        yield from self.latest
        yield from self.photos
        for block in self.sections:
            yield from block.articles
        yield from self.opinion


def grade_window():
    hours = getattr(settings, "FRONT_PAGE_GRADE_WINDOW_HOURS", DEFAULT_GRADE_WINDOW_HOURS)
    return datetime.timedelta(hours=hours)


def _listing(queryset):
    return queryset.select_related("listing_image").defer_streamfields()


def build_front_page(home, now=None):
    now = now or timezone.now()
    front = FrontPage()
    articles = _listing(visible_articles().descendant_of(home))
    shown = set()

    def take(article_list):
        shown.update(article.pk for article in article_list)
        return article_list

    _curated(home, front, shown)
    _automatic_headlines(articles, front, shown, now)

    sections = list(
        SectionPage.objects.child_of(home).live().filter(not_private()).order_by("path")
    )
    newest = ("-first_published_at", "-pk")
    front.opinion = take(
        list(
            articles.filter(article_type__in=OPINION_TYPES)
            .exclude(pk__in=shown)
            .order_by(*newest)[:OPINION_COUNT]
        )
    )
    if front.opinion:
        front.opinion_section = next(
            (s for s in sections if front.opinion[0].path.startswith(s.path)), None
        )

    with_photo = articles.filter(listing_image__isnull=False).exclude(pk__in=shown)
    photo_stories = list(
        with_photo.filter(article_type=ArticleType.PHOTO).order_by(*newest)[:PHOTO_COUNT]
    )
    # Always asked, even when there are photo stories enough: a fixed query count.
    other_photos = list(with_photo.order_by(*newest)[:PHOTO_COUNT])
    photos = photo_stories + [a for a in other_photos if a not in photo_stories]
    front.photos = take(photos[:PHOTO_COUNT])

    front.latest = take(list(articles.exclude(pk__in=shown).order_by(*newest)[:LATEST_COUNT]))

    front.sections = _section_blocks(articles, sections, shown)
    for block in front.sections:
        take(block.articles)

    _prefetch(front)
    return front


def _curated(home, front, shown):
    """The editors' top story and headline slots: 3 queries whatever their number."""
    slots = list(home.headlines.all()[:HEADLINE_SLOTS]) if home.pk else []
    wanted = [home.top_story_id] + [slot.article_id for slot in slots]
    wanted = [pk for pk in wanted if pk]
    if not wanted:
        return
    found = _listing(visible_articles()).in_bulk(wanted)
    image_ids = [home.top_story_image_id] + [slot.image_id for slot in slots]
    image_ids = [pk for pk in image_ids if pk]
    images = NewsImage.objects.in_bulk(image_ids) if image_ids else {}

    def item(article_id, title, image_id):
        article = found.get(article_id)
        if article is None or article.pk in shown:
            return None
        shown.add(article.pk)
        image = images.get(image_id) or article.listing_image
        return FrontItem(article=article, title=title or article.title, image=image, curated=True)

    if home.top_story_id:
        front.top_story = item(home.top_story_id, home.top_story_title, home.top_story_image_id)
    for slot in slots:
        headline = item(slot.article_id, slot.title, slot.image_id)
        if headline:
            front.headlines.append(headline)


def _automatic_headlines(articles, front, shown, now):
    """Fill the empty top story and headline places by grade, then by recency."""
    needed = (0 if front.top_story else 1) + HEADLINE_SLOTS - len(front.headlines)
    if needed <= 0:
        return
    news = articles.exclude(article_type__in=OPINION_TYPES).exclude(pk__in=shown)
    graded = list(
        news.filter(first_published_at__gte=now - grade_window()).order_by(
            "-grade", "-first_published_at", "-pk"
        )[:needed]
    )
    # Always asked, even when the window is full: the page's query count stays the same.
    newest = list(news.order_by("-first_published_at", "-pk")[:needed])
    picked = graded + [article for article in newest if article not in graded]
    picked = picked[:needed]
    shown.update(article.pk for article in picked)
    items = [FrontItem.automatic(article) for article in picked]
    if front.top_story is None and items:
        front.top_story = items.pop(0)
    front.headlines += items


def _section_blocks(articles, sections, shown):
    """Each top-level section's newest news not shown yet: one statement (UNION ALL)."""
    if not sections:
        return []
    news = articles.exclude(article_type__in=OPINION_TYPES).exclude(pk__in=shown)
    per_section = [
        news.filter(path__startswith=section.path)
        .order_by("-first_published_at", "-pk")
        .values("pk")[:SECTION_COUNT]
        for section in sections
    ]
    ids = (
        per_section[0].union(*per_section[1:], all=True) if len(per_section) > 1 else per_section[0]
    )
    found = list(articles.filter(pk__in=ids).order_by("-first_published_at", "-pk"))
    blocks = []
    for section in sections:
        in_section = [article for article in found if article.path.startswith(section.path)]
        if in_section:
            blocks.append(SectionBlock(section=section, articles=in_section))
    return blocks


def _prefetch(front):
    """Bylines (with columnists' photos) and every photo's renditions: 2 queries."""
    articles = list(front.articles())
    prefetch_related_objects(
        articles,
        Prefetch(
            "article_reporters",
            queryset=ArticleReporter.objects.select_related("reporter__photo").order_by(
                "sort_order"
            ),
        ),
    )
    images = {}
    for item in ([front.top_story] if front.top_story else []) + front.headlines:
        if item.image:
            images.setdefault(item.image.pk, []).append(item.image)
    for article in articles:
        if article.listing_image:
            images.setdefault(article.listing_image.pk, []).append(article.listing_image)
    for article in front.opinion:
        photo = columnist_photo(article)
        if photo:
            images.setdefault(photo.pk, []).append(photo)
    prefetch_related_objects([image for same in images.values() for image in same], "renditions")


def columnist_photo(article):
    """A column shows its columnist: the first reporter's photo (사설 are unsigned)."""
    if article.article_type != ArticleType.COLUMN:
        return None
    reporters = article.reporters
    return reporters[0].photo if reporters else None
