"""Article views: counted in the cache per article and KST day, flushed as upserts.

A view costs the reader's request only cache operations (readership/counter.py).
`flush_views()` moves the counts into `ArticleDailyViews` with one `INSERT … ON
CONFLICT DO UPDATE SET views = views + EXCLUDED.views` per batch of 1,000 articles; it
runs from the view endpoint at most once a minute (`READERSHIP_FLUSH_SECONDS`) and from
`manage.py flush_views`.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection
from django.utils import timezone

from .counter import CacheCounter
from .models import ArticleDailyViews

KST = ZoneInfo("Asia/Seoul")
VIEWS = CacheCounter("readership:views")
FLUSH_DUE_KEY = VIEWS.due_key


def kst_today(now=None):
    return timezone.localtime(now or timezone.now(), KST).date()


def count_view(article_id, now=None):
    VIEWS.add(f"{kst_today(now):%Y%m%d}:{int(article_id)}")


def pending_views():
    """{(article_id, day): views} counted but not yet flushed."""
    return {key: count for key, count in _rows(VIEWS.pending()).items() if count}


def flush_if_due():
    """Flush when the last flush is older than the interval; never raises."""
    interval = getattr(settings, "READERSHIP_FLUSH_SECONDS", 60)
    return VIEWS.flush_if_due(flush_views, interval) or 0


def flush_views():
    """Write every pending count to ArticleDailyViews; returns the number of rows touched."""
    return len(VIEWS.flush(_rows, lambda batch: _upsert(batch)))


def _rows(counts):
    """{"20240510:123": views} → {(123, date(2024, 5, 10)): views}; stray names dropped."""
    rows = {}
    for name, count in counts.items():
        day, _, article_id = name.partition(":")
        try:
            rows[int(article_id), datetime.datetime.strptime(day, "%Y%m%d").date()] = count
        except ValueError:
            continue
    return rows


def _upsert(items):
    """One statement: add each (article, day)'s views to its row, creating missing rows.

    Articles deleted since they were read are skipped rather than failing the batch.
    """
    table = connection.ops.quote_name(ArticleDailyViews._meta.db_table)
    article_table = connection.ops.quote_name(
        ArticleDailyViews._meta.get_field("article").related_model._meta.db_table
    )
    sql = f"""
        INSERT INTO {table} (article_id, day, views)
        SELECT v.article_id, v.day, v.views
        FROM unnest(%s::integer[], %s::date[], %s::integer[]) AS v(article_id, day, views)
        WHERE EXISTS (SELECT 1 FROM {article_table} a WHERE a.page_ptr_id = v.article_id)
        ON CONFLICT (article_id, day)
        DO UPDATE SET views = {table}.views + EXCLUDED.views
    """
    article_ids = [article_id for (article_id, _day), _count in items]
    days = [day for (_article_id, day), _count in items]
    views = [count for _key, count in items]
    with connection.cursor() as cursor:
        cursor.execute(sql, [article_ids, days, views])
