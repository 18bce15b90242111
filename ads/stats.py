"""Impression and click counts without a database write per hit.

A hit adds one to a counter in the shared cache, keyed by banner, day (KST) and kind.
At most once a minute (the first hit after the minute is up, or `manage.py
flush_banner_stats`) the counters are taken out of the cache and added to the daily rows
in one INSERT … ON CONFLICT DO UPDATE statement, so a popular banner never makes readers
queue for a row lock.

The counters live in the cache named by ADS_CACHE ("default" unless set). With Redis
(production) they are shared by every web process and survive a restart of them; with a
local-memory cache each process counts and flushes its own, a restart loses at most the
last minute, and the cache needs room (MAX_ENTRIES) so counters are not culled.
"""

import datetime
import logging
import re

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models import Q
from django.utils import timezone

from .models import Banner, BannerDailyStats

logger = logging.getLogger(__name__)

IMPRESSIONS = "i"
CLICKS = "c"
KINDS = {IMPRESSIONS: "impressions", CLICKS: "clicks"}

# Counters outlive a missed flush by two days; flush looks back as far.
COUNTER_DAYS = 3
COUNTER_TTL = COUNTER_DAYS * 24 * 60 * 60
COUNTABLE_IDS_KEY = "ads:countable-ids"
FLUSH_DUE_KEY = "ads:flush-due"

# Crawlers, link previews, uptime checks, headless browsers and scripts are not readers.
# Naver's Yeti and Daum's Daumoa by name; "DaumApps" (the Daum app's browser) is a reader,
# and so are CUBOT phones.
BOT_USER_AGENT = re.compile(
    r"(?<!cu)bot\b|bot/|crawl|spider|slurp|scrap|archiver|monitor|checker|preview|"
    r"validator|yeti|daumoa|yandex|facebookexternalhit|facebookcatalog|whatsapp|"
    r"embedly|ahrefs|semrush|gptbot|chatgpt|claudebot|anthropic|ccbot|bytespider|"
    r"headless|phantomjs|puppeteer|playwright|selenium|webdriver|lighthouse|pagespeed|"
    r"pingdom|uptimerobot|statuscake|^curl|\bcurl/|wget|python|aiohttp|httpie|go-http|"
    r"okhttp|java/|httpclient|libwww|node-fetch|axios|undici|postman|insomnia|guzzle",
    re.IGNORECASE,
)


def counter_cache():
    return caches[getattr(settings, "ADS_CACHE", "default")]


def flush_interval():
    return getattr(settings, "ADS_STATS_FLUSH_SECONDS", 60)


def is_bot(request):
    """No user agent, or one that names a crawler or a script."""
    agent = request.headers.get("User-Agent", "").strip()
    return not agent or bool(BOT_USER_AGENT.search(agent))


def counter_key(banner_id, day, kind):
    return f"ads:n:{day:%Y%m%d}:{banner_id}:{kind}"


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


def _add(key, amount=1):
    try:
        counter_cache().incr(key, amount)
    except ValueError:
        if not counter_cache().add(key, amount, COUNTER_TTL):
            counter_cache().incr(key, amount)  # another process created it first


def count(banner_ids, kind, now=None):
    """Add one `kind` hit to each of `banner_ids` (unknown or ended banners are skipped)."""
    now = now or timezone.now()
    countable = countable_banner_ids(now)
    day = timezone.localdate(now)
    counted = 0
    for banner_id in set(banner_ids):
        if banner_id in countable:
            _add(counter_key(banner_id, day, kind))
            counted += 1
    flush_if_due()
    return counted


def flush_if_due():
    """Flush when the last flush (by any process sharing the cache) is a minute old."""
    if counter_cache().add(FLUSH_DUE_KEY, True, flush_interval()):
        try:
            flush()
        except Exception:  # the counts went back into the cache; the reader's page goes on
            logger.exception("Banner statistics could not be flushed; retrying in a minute")


def flush(now=None):
    """Move every pending counter into BannerDailyStats; returns (rows, impressions, clicks).

    Each counter is decremented by what was read, so hits arriving meanwhile stay for the
    next flush; the rows are written in one statement.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    days = [today - datetime.timedelta(days=back) for back in range(COUNTER_DAYS)]
    oldest = timezone.make_aware(datetime.datetime.combine(days[-1], datetime.time.min))
    banner_ids = list(
        Banner.objects.filter(starts_at__lte=now)
        .filter(Q(ends_at__isnull=True) | Q(ends_at__gte=oldest))
        .values_list("pk", flat=True)
    )
    keys = {
        counter_key(banner_id, day, kind): (banner_id, day, kind)
        for banner_id in banner_ids
        for day in days
        for kind in KINDS
    }
    found = counter_cache().get_many(list(keys)) if keys else {}
    totals = {}
    for key, value in found.items():
        if not value:
            continue
        try:
            counter_cache().decr(key, value)
        except ValueError:
            continue  # expired between the read and now: nothing to move
        banner_id, day, kind = keys[key]
        row = totals.setdefault((banner_id, day), {IMPRESSIONS: 0, CLICKS: 0})
        row[kind] += value
    if not totals:
        return 0, 0, 0
    try:
        _upsert(totals)
    except Exception:
        for (banner_id, day), row in totals.items():  # give the counts back for the next try
            for kind, value in row.items():
                if value:
                    _add(counter_key(banner_id, day, kind), value)
        raise
    impressions = sum(row[IMPRESSIONS] for row in totals.values())
    clicks = sum(row[CLICKS] for row in totals.values())
    return len(totals), impressions, clicks


def _upsert(totals):
    """One statement for the whole batch; rows of banners deleted meanwhile are dropped."""
    stats = BannerDailyStats._meta.db_table
    banners = Banner._meta.db_table
    items = sorted(totals.items())
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
