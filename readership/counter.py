"""Counting in the cache, written to the database in batches: no write per event.

Shared by article views (readership/counting.py) and banner impressions and clicks
(ads/stats.py). A `CacheCounter` keeps one integer per key (`cache.incr`, atomic in
Redis, Memcached and the local-memory cache). The first event after each drain also
takes a slot in an append-only registry (`cache.incr` on a sequence, then the slot), so
a drain knows which counters to read without listing the cache. `flush()` takes the
registered counts out (subtracting what it read, so events arriving meanwhile stay for
the next flush) and hands them to the caller's upsert in batches, in one transaction;
if that fails, the counts go back into the cache. `flush_if_due()` runs a flush at most
once per interval, from whichever request comes first.

The cache must not evict counters before they are drained, and should be shared by
every web process (Redis): with a local-memory cache each process counts, dedupes
and flushes on its own, which is correct but loses the last minute's counts of a
process that stops. See counter_cache() for which cache is used.
"""

import contextlib
import logging

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction

logger = logging.getLogger(__name__)

COUNTER_TIMEOUT = 60 * 60 * 24 * 3  # a counter left undrained this long is dropped
SLOT_TIMEOUT = 60 * 60 * 24
# A drain re-reads this many slots before its cursor: a slot whose number was taken
# but not yet written when the previous drain read the registry is not missed.
SLOT_OVERLAP = 64
LOCK_TIMEOUT = 120
BATCH_SIZE = 1000  # rows per upsert statement

LOCAL_MAX_ENTRIES = 100_000
_local_cache = None


def counter_cache(alias=None):
    """The cache named `alias`, else READERSHIP_CACHE, else a "readership" cache, else default.

    A local-memory default (the settings as shipped) culls a third of its entries once
    it holds 300, which would drop counters along with the readers' dedupe keys: then
    the counters get a local-memory cache of their own, large enough for a busy day.
    """
    global _local_cache
    alias = alias or getattr(settings, "READERSHIP_CACHE", None)
    if alias is None and "readership" in settings.CACHES:
        alias = "readership"
    if alias is not None:
        return caches[alias]
    if settings.CACHES["default"]["BACKEND"] != "django.core.cache.backends.locmem.LocMemCache":
        return caches["default"]
    if _local_cache is None:
        _local_cache = LocMemCache(
            "readership-counters", {"TIMEOUT": None, "OPTIONS": {"MAX_ENTRIES": LOCAL_MAX_ENTRIES}}
        )
    return _local_cache


class CacheCounter:
    """Counters under `namespace` in the cache that `cache()` returns (read on each use)."""

    def __init__(self, namespace, cache=counter_cache):
        self.namespace = namespace
        self._get_cache = cache

    @property
    def cache(self):
        return self._get_cache()

    def _key(self, name):
        return f"{self.namespace}:count:{name}"

    def _slot(self, number):
        return f"{self.namespace}:slot:{number}"

    @property
    def _sequence(self):
        return f"{self.namespace}:slots"

    @property
    def _cursor(self):
        return f"{self.namespace}:drained-upto"

    @property
    def _lock(self):
        return f"{self.namespace}:draining"

    @property
    def due_key(self):
        """Present in the cache while the last flush is younger than the interval."""
        return f"{self.namespace}:flush-due"

    def add(self, name, amount=1):
        """Count `amount` events for `name` (a string without spaces)."""
        cache, key = self.cache, self._key(name)
        if cache.add(key, amount, COUNTER_TIMEOUT):
            total = amount
        else:
            try:
                total = cache.incr(key, amount)
            except ValueError:  # expired between add() and incr()
                cache.add(key, amount, COUNTER_TIMEOUT)
                total = amount
        if total == amount:  # the first event since the last drain
            self._register(name)

    def _register(self, name):
        cache = self.cache
        cache.add(self._sequence, 0, None)
        try:
            number = cache.incr(self._sequence)
        except ValueError:
            cache.add(self._sequence, 0, None)
            number = cache.incr(self._sequence)
        cache.set(self._slot(number), name, SLOT_TIMEOUT)

    def pending(self):
        """The registered counters and their current counts (for tests and the admin)."""
        cache = self.cache
        last = cache.get(self._sequence) or 0
        cursor = min(cache.get(self._cursor) or 0, last)
        first = max(1, cursor - SLOT_OVERLAP + 1)
        names = set(cache.get_many([self._slot(n) for n in range(first, last + 1)]).values())
        counts = cache.get_many([self._key(name) for name in names])
        return {name: counts.get(self._key(name), 0) for name in names}

    @contextlib.contextmanager
    def draining(self):
        """Yield {name: count} taken out of the cache; put back if the block raises.

        Yields None when another process is draining right now.
        """
        cache = self.cache
        if not cache.add(self._lock, 1, LOCK_TIMEOUT):
            yield None
            return
        taken = {}
        try:
            last = cache.get(self._sequence) or 0
            cursor = cache.get(self._cursor) or 0
            if cursor > last:  # the sequence was evicted or the cache restarted
                cursor = 0
            first = max(1, cursor - SLOT_OVERLAP + 1)
            slots = [self._slot(n) for n in range(first, last + 1)]
            names = set(cache.get_many(slots).values())
            counts = cache.get_many([self._key(name) for name in names])
            for name in names:
                count = counts.get(self._key(name)) or 0
                if count <= 0:
                    continue
                try:
                    left = cache.decr(self._key(name), count)
                except ValueError:  # expired since: what we read is all there was
                    left = 0
                taken[name] = count
                if left > 0:  # events arrived while we read: keep them registered
                    self._register(name)
            try:
                yield taken
            except BaseException:
                self._restore(taken)
                raise
            cache.set(self._cursor, last, None)
            cache.delete_many(
                [self._slot(n) for n in range(first, max(first, last - SLOT_OVERLAP))]
            )
        finally:
            cache.delete(self._lock)

    def _restore(self, taken):
        for name, count in taken.items():
            self.add(name, count)
        if taken:
            logger.warning("%s: %d counters put back into the cache", self.namespace, len(taken))

    def flush(self, rows, upsert):
        """Write every pending count to the database; returns the rows written, sorted.

        `rows(taken)` turns {counter name: count} into {row key: values}; `upsert(batch)`
        writes a list of up to BATCH_SIZE (key, values) items in one statement. If a
        write fails, nothing is written and the counts go back into the cache.
        """
        with self.draining() as taken:
            if not taken:
                return []
            items = sorted(rows(taken).items())
            batches = [items[n : n + BATCH_SIZE] for n in range(0, len(items), BATCH_SIZE)]
            # One statement is atomic by itself (and needs no savepoint); more share a
            # transaction, so a failure half-way writes nothing twice.
            with transaction.atomic() if len(batches) > 1 else contextlib.nullcontext():
                for batch in batches:
                    upsert(batch)
            return items

    def flush_if_due(self, flush, seconds):
        """Run `flush()` unless one ran within `seconds` in any process sharing the cache.

        Never raises, so the reader's request goes on; a failed flush left its counts in
        the cache for the next one. Returns what `flush()` returned, else None.
        """
        if not self.cache.add(self.due_key, 1, seconds):
            return None
        try:
            return flush()
        except Exception:
            logger.exception("%s: counts not written; kept for the next flush", self.namespace)
            return None
