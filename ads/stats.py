"""Impression and click counts without a database write per hit.

A hit adds one to a counter in the cache, keyed by day (KST), banner and kind, with the
`CacheCounter` that also counts article views (readership/counter.py). At most once a
minute (`ADS_STATS_FLUSH_SECONDS`: the first hit after the minute is up, or `manage.py
flush_banner_stats`) the counters are taken out of the cache and added to the daily rows
with one INSERT … ON CONFLICT DO UPDATE statement per 1,000 rows, so a popular banner
never makes readers queue for a row lock.

The counters live in the cache named by ADS_CACHE, else in the same cache as the article
view counters (see readership.counter.counter_cache: READERSHIP_CACHE, or a local-memory
cache of their own with room for a busy day). Shared by every web process (Redis in
production), they survive a restart of them; with a local-memory cache each process
counts and flushes its own, and a restart loses at most the last minute.
"""

import datetime

from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.utils import timezone

from readership.counter import CacheCounter
from readership.counter import counter_cache as shared_counter_cache

from .models import Banner, BannerDailyStats

IMPRESSIONS = "i"
CLICKS = "c"
KINDS = (IMPRESSIONS, CLICKS)
COUNTABLE_IDS_KEY = "ads:countable-ids"


def counter_cache():
    return shared_counter_cache(getattr(settings, "ADS_CACHE", None))


COUNTERS = CacheCounter("ads", cache=counter_cache)
FLUSH_DUE_KEY = COUNTERS.due_key


def flush_interval():
    return getattr(settings, "ADS_STATS_FLUSH_SECONDS", 60)


def countable_banner_ids(now=None):
    """Banners a hit may be counted for: live now, or ended within the last hour.

    A reader who scrolls to a banner shown just before its end still saw it. Kept in the
    cache for a minute (and dropped when a banner is saved), so a hit reads no table.
    """
    ids = counter_cache().get(COUNTABLE_IDS_KEY)
    if ids is None:
        now = now or timezone.now()
        recent = now - datetime.timedelta(hours=1)
        ids = set(
            Banner.objects.filter(active=True, starts_at__lte=now)
            .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=recent))
            .values_list("pk", flat=True)
        )
        counter_cache().set(COUNTABLE_IDS_KEY, ids, flush_interval())
    return ids


def count(banner_ids, kind, now=None):
    """Add one `kind` hit to each of `banner_ids` (unknown or ended banners are skipped)."""
    now = now or timezone.now()
    countable = countable_banner_ids(now)
    day = timezone.localdate(now)
    counted = [banner_id for banner_id in set(banner_ids) if banner_id in countable]
    for banner_id in counted:
        COUNTERS.add(f"{day:%Y%m%d}:{banner_id}:{kind}")
    flush_if_due()
    return len(counted)


def flush_if_due():
    """Flush when the last flush (by any process sharing the cache) is a minute old."""
    COUNTERS.flush_if_due(flush, flush_interval())


def flush():
    """Move every pending counter into BannerDailyStats; returns (rows, impressions, clicks).

    Counts of banners deleted since they were counted are dropped by the upsert.
    """
    items = COUNTERS.flush(_rows, lambda batch: _upsert(batch))
    impressions = sum(row[IMPRESSIONS] for _key, row in items)
    clicks = sum(row[CLICKS] for _key, row in items)
    return len(items), impressions, clicks


def _rows(counts):
    """{"20240510:7:i": 3} → {(7, date(2024, 5, 10)): {"i": 3, "c": 0}}; stray names dropped."""
    rows = {}
    for name, count in counts.items():
        day, _, rest = name.partition(":")
        banner_id, _, kind = rest.partition(":")
        try:
            key = int(banner_id), datetime.datetime.strptime(day, "%Y%m%d").date()
        except ValueError:
            continue
        if kind in KINDS:
            rows.setdefault(key, dict.fromkeys(KINDS, 0))[kind] += count
    return rows


def _upsert(items):
    """One statement for the batch; rows of banners deleted meanwhile are dropped."""
    stats = BannerDailyStats._meta.db_table
    banners = Banner._meta.db_table
    sql = f"""
        INSERT INTO {stats} (banner_id, day, impressions, clicks)
        SELECT batch.banner_id, batch.day, batch.impressions, batch.clicks
        FROM unnest(%s::bigint[], %s::date[], %s::bigint[], %s::bigint[])
            AS batch (banner_id, day, impressions, clicks)
        WHERE EXISTS (SELECT 1 FROM {banners} banner WHERE banner.id = batch.banner_id)
        ON CONFLICT (banner_id, day) DO UPDATE SET
            impressions = {stats}.impressions + EXCLUDED.impressions,
            clicks = {stats}.clicks + EXCLUDED.clicks
    """
    params = [
        [banner_id for (banner_id, _day), _row in items],
        [day for (_banner_id, day), _row in items],
        [row[IMPRESSIONS] for _key, row in items],
        [row[CLICKS] for _key, row in items],
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
