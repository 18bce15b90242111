"""The newsroom's background worker: what has to happen on time without an editor.

One pass does, in order:

1. Wagtail's scheduled expiry and publishing (what `manage.py publish_scheduled` does):
   live pages whose 게재 종료 (expire_at) has passed are unpublished, then revisions whose
   approved 게재 예약 time (approved_go_live_at) has come are published. A time that passed
   while no worker ran is simply due: the next pass publishes it.
2. The view and banner counters waiting in the cache go to their daily rows
   (`flush_views`, `flush_banner_stats`).
3. Articles that have been in the bin (휴지통) longer than RECYCLE_BIN_DAYS are purged.

Never twice, among the worker's own passes: a pass runs only while it holds a PostgreSQL
advisory lock, so two workers (or a worker and `run_worker --once` from cron) never run
passes together; and each revision or page is re-read under row locks (the page's row
first, then the revision's) in its own transaction just before it is published or
unpublished, so a second publisher that takes the same locks (publish_due called directly,
without the advisory lock) waits, then finds it already done. Wagtail's own
`manage.py publish_scheduled` takes no such locks: it reads the due revisions without a
lock and may publish one a second time if it runs beside the worker. Do not run it where
the worker runs.

`manage.py run_worker` (editorial/management/commands/run_worker.py) runs passes in a loop.
"""

import hashlib
import logging
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import close_old_connections, connection, transaction
from django.utils import timezone
from wagtail.models import DraftStateMixin, Page, Revision

logger = logging.getLogger(__name__)

DEFAULT_INTERVAL = 30

# pg_try_advisory_lock takes a bigint: a stable one derived from the worker's name.
LOCK_KEY = int.from_bytes(
    hashlib.blake2b(b"chungcheong:editorial.worker", digest_size=8).digest(), "big", signed=True
)


@dataclass
class PassResult:
    """What one pass did; `ran` is False when another worker held the lock."""

    ran: bool = True
    published: int = 0
    expired: int = 0
    view_rows: int = 0
    banner_rows: int = 0
    purged: int = 0
    errors: int = 0
    seconds: float = 0.0

    def summary(self):
        if not self.ran:
            return "pass skipped: another worker is running a pass"
        return (
            f"pass done: published {self.published}, expired {self.expired}, "
            f"view rows {self.view_rows}, banner rows {self.banner_rows}, "
            f"purged from bin {self.purged}, errors {self.errors} ({self.seconds:.2f} s)"
        )


def interval_seconds():
    return max(1, int(getattr(settings, "EDITORIAL_WORKER_INTERVAL", DEFAULT_INTERVAL)))


@contextmanager
def worker_lock():
    """Yield True while this connection holds the worker's advisory lock, False if another does.

    A session lock, released at the end of the pass, or by PostgreSQL if the process dies.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY])
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            try:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
            except Exception:  # the connection is gone, and the lock with it
                logger.warning("could not release the worker lock; the connection was lost")


def _draft_state_models():
    """Pages, and any other model with publishing (Wagtail's publish_scheduled does the same)."""
    return [Page] + [
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]


def _is_binned(page_id):
    from recycle_bin.models import BinnedArticle

    return BinnedArticle.objects.filter(page_id=page_id).exists()


def expire_due(now=None):
    """Unpublish live objects whose expire_at has passed; returns (expired, errors)."""
    now = now or timezone.now()
    expired = errors = 0
    for model in _draft_state_models():
        due = model.objects.filter(live=True, expire_at__lt=now).order_by("expire_at")
        for pk in list(due.values_list("pk", flat=True)):
            try:
                with transaction.atomic():
                    # Re-read under a row lock: another process may have done it meanwhile.
                    obj = (
                        model.objects.select_for_update()
                        .filter(pk=pk, live=True, expire_at__lt=now)
                        .first()
                    )
                    if obj is None:
                        continue
                    if isinstance(obj, Page):
                        obj = obj.specific
                    obj.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
                    expired += 1
            except Exception:
                errors += 1
                logger.exception("could not unpublish expired %s pk=%s", model.__name__, pk)
    return expired, errors


def publish_due(now=None):
    """Publish every revision whose approved go-live time has come; returns (published, errors)."""
    now = now or timezone.now()
    published = errors = 0
    due = (
        Revision.objects.filter(approved_go_live_at__lte=now)
        .order_by("approved_go_live_at", "pk")
        .values_list("pk", "base_content_type_id", "object_id")
    )
    for pk, content_type_id, object_id in list(due):
        try:
            with transaction.atomic():
                published += _publish_one(pk, content_type_id, object_id, now)
        except Exception:
            errors += 1
            logger.exception("could not publish scheduled revision pk=%s", pk)
    return published, errors


def _publish_one(pk, content_type_id, object_id, now):
    """Publish one due revision inside the caller's transaction; 1 if it was published.

    Locks are taken in the order everything else that changes a page takes them (moving
    it to the bin, restoring or purging it, Wagtail's own publish): the page's row
    first, then the revision's. A second publisher waits at the page's row; once the
    first commits, approved_go_live_at is cleared and the re-read finds nothing to do.
    """
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is not None:
        model._default_manager.select_for_update().filter(pk=object_id).values_list("pk").first()
    revision = (
        Revision.objects.select_for_update().filter(pk=pk, approved_go_live_at__lte=now).first()
    )
    if revision is None:
        return 0
    if model is not None and issubclass(model, Page) and _is_binned(object_id):
        # An article in the bin is never published; restoring it decides. Read under the
        # page's lock, so an article binned a moment ago is seen as binned.
        Revision.objects.filter(pk=pk).update(approved_go_live_at=None)
        return 0
    revision.publish(log_action="wagtail.publish.scheduled")
    return 1


def _step(result, name, function):
    """Run one step; a failing step is logged and counted, and the pass goes on."""
    try:
        return function()
    except Exception:
        result.errors += 1
        logger.exception("%s failed", name)
        return None


def run_pass(now=None):
    """One pass of every job, under the advisory lock. Returns a PassResult."""
    from ads.stats import flush as flush_banner_stats
    from readership.counting import flush_views
    from recycle_bin.bin import purge_expired

    started = time.monotonic()
    with worker_lock() as acquired:
        if not acquired:
            return PassResult(ran=False)
        result = PassResult()
        expiry = _step(result, "expiry", lambda: expire_due(now))
        if expiry:
            result.expired, errors = expiry
            result.errors += errors
        publishing = _step(result, "scheduled publishing", lambda: publish_due(now))
        if publishing:
            result.published, errors = publishing
            result.errors += errors
        result.view_rows = _step(result, "flush_views", flush_views) or 0
        banners = _step(result, "flush_banner_stats", flush_banner_stats)
        result.banner_rows = banners[0] if banners else 0
        purge = _step(result, "bin purge", lambda: purge_expired(now))
        if purge:
            result.purged, errors = purge
            result.errors += errors
    result.seconds = time.monotonic() - started
    return result


def _drop_stale_connections():
    # Not inside a transaction: that only happens when a test calls the worker.
    if not connection.in_atomic_block:
        close_old_connections()


class Worker:
    """Runs passes every `interval` seconds until SIGTERM or SIGINT (then finishes the pass)."""

    def __init__(self, interval=None):
        self.interval = interval or interval_seconds()
        self.stopping = threading.Event()

    def stop(self, signum=None, frame=None):
        if not self.stopping.is_set() and signum is not None:
            logger.info("%s received: stopping after the current pass", signal.Signals(signum).name)
        self.stopping.set()

    def install_signal_handlers(self):
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)

    def run_once(self):
        _drop_stale_connections()  # a database restart between passes is not fatal
        try:
            result = run_pass()
        except Exception:  # the database is down, a migration is missing…: try again later
            logger.exception("pass failed")
            result = PassResult(errors=1)
        else:
            logger.info(result.summary())
        finally:
            _drop_stale_connections()
        return result

    def run_forever(self):
        logger.info("worker started: a pass every %s s", self.interval)
        while not self.stopping.is_set():
            self.run_once()
            self.stopping.wait(self.interval)
        logger.info("worker stopped")
