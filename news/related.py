"""The article lists under an article: related, the same series, the same reporters, more.

Each list's ids come from one small query, every card of every list is then read
in one listing query, so an article page costs the same number of queries however
big the paper, the reporter's archive or the series grow.

An article appears once under another: editor picks and the series list come
first, then the automatic related articles, the reporters' other articles and
the section's latest (기사 더보기).
"""

from django.db.models import Case, Count, IntegerField, Max, Subquery, Value, When
from wagtail.models import Page

RELATED_COUNT = 6
SERIES_COUNT = 5
REPORTER_COUNT = 5
MORE_COUNT = 6


class ArticleNeighbours:
    def __init__(self, article, section, tags, site):
        from .models import ArticlePage

        self.article = article
        self.section = section
        self.tags = tags
        # Computed once: Wagtail's public() reads every view restriction each time it is called.
        self._private = ArticlePage.objects.all().private_q()
        self._shown = {article.pk} if article.pk else set()  # a new article's preview has none

        picks = self._unique(link.article_id for link in article.related_links.all())
        series = self._ids(self._series_articles(), SERIES_COUNT)
        self._shown.update(picks)
        self._shown.update(series)
        by_tags = self._by_shared_tags(RELATED_COUNT - len(picks))
        self._shown.update(by_tags)
        by_reporters = self._ids(self._reporters_articles(), REPORTER_COUNT)
        self._shown.update(by_reporters)
        more = self._ids(ArticlePage.objects.child_of(section), MORE_COUNT)
        if not more and site is not None:  # a lone article in its section: the paper's latest
            root_path = Page.objects.filter(pk=site.root_page_id).values("path")[:1]
            in_site = ArticlePage.objects.filter(path__startswith=Subquery(root_path))
            more = self._ids(in_site, MORE_COUNT)

        cards = ArticlePage.objects.filter(pk__in=[*picks, *series, *by_tags, *by_reporters, *more])
        cards = {card.pk: card for card in cards.live().exclude(self._private).as_cards()}
        self.related = self._cards(cards, [*picks, *by_tags], RELATED_COUNT)
        self.series_others = self._cards(cards, series)
        self.reporter_others = self._cards(cards, by_reporters)
        self.more = self._cards(cards, more)

    def _unique(self, ids):
        unique = []
        for pk in ids:
            if pk not in self._shown and pk not in unique:
                unique.append(pk)
        return unique

    def _ids(self, queryset, count):
        """The newest `count` live, public articles of `queryset` not shown yet."""
        return list(
            queryset.live()
            .exclude(self._private)
            .exclude(pk__in=self._shown)
            .filter(alias_of__isnull=True)
            .order_by("-first_published_at", "-pk")
            .values_list("pk", flat=True)[:count]
        )

    def _series_articles(self):
        from .models import ArticlePage

        if not self.article.series_id:
            return ArticlePage.objects.none()
        return ArticlePage.objects.filter(series_id=self.article.series_id)

    def _reporters_articles(self):
        from .models import ArticlePage, ArticleReporter

        reporter_ids = [reporter.pk for reporter in self.article.reporters]
        if not reporter_ids:
            return ArticlePage.objects.none()
        return ArticlePage.objects.filter(
            pk__in=ArticleReporter.objects.filter(reporter_id__in=reporter_ids).values("page_id")
        )

    def _by_shared_tags(self, count):
        """Articles sharing the most tags first; of those, the same section's; then the newest."""
        from .models import ArticlePage, ArticleTag

        if not self.tags or count <= 0:
            return []
        rows = (
            ArticleTag.objects.filter(
                tag_id__in=[tag.pk for tag in self.tags],
                content_object__live=True,
                content_object__alias_of__isnull=True,
            )
            .exclude(content_object_id__in=self._shown)
            .exclude(content_object__in=ArticlePage.objects.filter(self._private).values("pk"))
            .values("content_object_id")
            .annotate(
                shared=Count("pk"),
                same_section=Max(
                    Case(
                        When(content_object__path__startswith=self.section.path, then=Value(1)),
                        default=Value(0),
                        output_field=IntegerField(),
                    )
                ),
                newest=Max("content_object__first_published_at"),
            )
            .order_by("-shared", "-same_section", "-newest", "-content_object_id")
        )
        return [row["content_object_id"] for row in rows[:count]]

    @staticmethod
    def _cards(cards, ids, count=None):
        found = [cards[pk] for pk in ids if pk in cards]
        return found[:count] if count else found
