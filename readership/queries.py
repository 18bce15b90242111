"""Most-read rankings, and the live public articles every reader-facing list starts from."""

import datetime

from django.db.models import Case, Exists, F, FloatField, OuterRef, Sum, Value, When
from django.db.models.functions import Left, Length
from django.utils import timezone
from wagtail.models import PageViewRestriction

from news.models import ArticlePage

from .counting import KST

PERIOD_DAYS = {"day": 1, "week": 7, "month": 30}
PERIOD_LABELS = {"day": "24시간", "week": "7일", "month": "30일"}
BOX_PERIODS = ("day", "week")  # the readers' box; the admin report also has 30일


def not_private():
    """Pages outside any private (restricted) section, as a subquery of the same statement.

    Wagtail's PageQuerySet.public() reads the restrictions in a query of its own each
    time it is called; this keeps each list to one statement.
    """
    restricted = PageViewRestriction.objects.filter(
        page__path=Left(OuterRef("path"), Length("page__path"))
    )
    return ~Exists(restricted)


def visible_articles():
    """Live articles readers may see (not in a private section)."""
    return ArticlePage.objects.live().filter(not_private())


def period_window(period, now=None):
    """(first full day, the day before it, weight of that day) for a sliding window.

    Counts are kept per KST day, so "the last 24 hours" is today's views plus the part
    of yesterday still inside the window: yesterday's views × the share of the day not
    yet elapsed today (at 06:00, 75 % of yesterday). "7 days" is today, the six days
    before it and the same share of the seventh.
    """
    if period not in PERIOD_DAYS:
        raise ValueError(f"period must be one of {sorted(PERIOD_DAYS)}, not {period!r}")
    now = timezone.localtime(now or timezone.now(), KST)
    today = now.date()
    elapsed = (now - now.replace(hour=0, minute=0, second=0, microsecond=0)).total_seconds()
    first_full_day = today - datetime.timedelta(days=PERIOD_DAYS[period] - 1)
    partial_day = first_full_day - datetime.timedelta(days=1)
    return first_full_day, partial_day, max(0.0, 1.0 - elapsed / 86400)


def most_read(period="day", section=None, limit=10, now=None):
    """The `limit` most read live public articles of the period, in one query.

    `section` (a SectionPage) keeps the articles of that section and its subsections.
    Each article carries `score`, its views in the window (fractional: see period_window).
    """
    return list(ranked_articles(period, section, now).defer_streamfields()[:limit])


def ranked_articles(period="day", section=None, now=None):
    """Live public articles read in the period, most read first, annotated with `score`."""
    _first_full_day, partial_day, partial_weight = period_window(period, now)
    articles = visible_articles().filter(daily_views__day__gte=partial_day)
    if section is not None:
        articles = articles.filter(path__startswith=section.path, depth__gt=section.depth)
    score = Sum(
        Case(
            When(
                daily_views__day=partial_day,
                then=F("daily_views__views") * Value(partial_weight),
            ),
            default=F("daily_views__views") * Value(1.0),
            output_field=FloatField(),
        )
    )
    return (
        articles.annotate(score=score)
        .filter(score__gt=0)
        .order_by("-score", "-first_published_at", "-pk")
    )
