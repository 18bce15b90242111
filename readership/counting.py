"""Article views: counted in the cache per article and KST day, flushed as upserts.

A view costs the reader's request only cache operations. `flush_views()` moves the
counts into `ArticleDailyViews` with one `INSERT … ON CONFLICT DO UPDATE SET views =
views + EXCLUDED.views` per batch of 1,000 articles; it runs from the view endpoint
at most once a minute (`READERSHIP_FLUSH_SECONDS`) and from `manage.py flush_views`.
"""

import datetime
import logging
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .counter import CacheCounter, counter_cache
from .models import ArticleDailyViews

logger = logging.getLogger(__name__)

KST = ZoneInfo("Asia/Seoul")
BATCH_SIZE = 1000
VIEWS = CacheCounter("readership:views")
FLUSH_DUE_KEY = "readership:views:flush-due"


def kst_today(now=None):
    return timezone.localtime(now or timezone.now(), KST).date()


def count_view(article_id, now=None):
    VIEWS.add(f"{kst_today(now):%Y%m%d}:{int(article_id)}")


def pending_views():
    """{(article_id, day): views} counted but not yet flushed."""
    return {
        key: count
        for name, count in VIEWS.pending().items()
        if count and (key := _parse(name)) is not None
    }


def flush_interval():
    return getattr(settings, "READERSHIP_FLUSH_SECONDS", 60)


def flush_if_due():
    """Flush when the last flush is older than the interval; never raises."""
    if not counter_cache().add(FLUSH_DUE_KEY, 1, flush_interval()):
        return 0
    try:
        return flush_views()
    except Exception:
        logger.exception(
            "조회수를 데이터베이스에 기록하지 못했습니다. 다음 기록 때 다시 시도합니다."
        )
        return 0


def flush_views():
    """Write every pending count to ArticleDailyViews; returns the number of rows touched."""
    with VIEWS.draining() as taken:
        if not taken:
            return 0
        rows = {}
        for name, count in taken.items():
            key = _parse(name)
            if key is not None:
                rows[key] = rows.get(key, 0) + count
        items = sorted(rows.items())
        with transaction.atomic():
            for start in range(0, len(items), BATCH_SIZE):
                _upsert(items[start : start + BATCH_SIZE])
        return len(items)


def _parse(name):
    day, _, article_id = name.partition(":")
    try:
        return int(article_id), datetime.datetime.strptime(day, "%Y%m%d").date()
    except ValueError:
        return None


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
