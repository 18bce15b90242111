"""The worker (`manage.py run_worker`): one pass publishes what is due exactly once, even with
two workers at once; it expires, flushes the counters, purges the bin; logs a line per pass;
stops cleanly on SIGTERM."""

import datetime
import io
import os
import select
import signal
import subprocess
import sys
import threading
import time

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.db.models.signals import pre_save
from django.utils import timezone
from newsroom import add_article
from wagtail.models import PageLogEntry, Revision
from wagtail.rich_text import RichText
from wagtail.signals import published

from ads.models import Banner, BannerDailyStats, BannerSlot
from ads.stats import COUNTERS as BANNER_COUNTERS
from editorial import worker
from news.models import ArticlePage
from readership.counting import count_view
from readership.models import ArticleDailyViews
from recycle_bin import bin as recycle_bin
from recycle_bin.models import BinnedArticle


def scheduled_article(section, title="예약 기사", minutes=30):
    """An article scheduled the way the admin does it: a revision published with a future go_live_at."""
    article = ArticlePage(
        title=title,
        body=[("paragraph", RichText("<p>예약한 기사 본문.</p>"))],
        live=False,
        go_live_at=timezone.now() + datetime.timedelta(minutes=minutes),
    )
    section.add_child(instance=article)
    revision = article.save_revision()
    revision.publish()
    article.refresh_from_db()
    assert not article.live and article.scheduled_revision == revision
    return article, revision


def worker_was_down(article, hours=2):
    """Its time came `hours` ago while no worker ran: go_live_at is now in the past."""
    past = timezone.now() - datetime.timedelta(hours=hours)
    for revision in Revision.page_revisions.filter(
        object_id=str(article.pk), approved_go_live_at__isnull=False
    ):
        revision.approved_go_live_at = past
        revision.content["go_live_at"] = past.isoformat()
        revision.save(update_fields=["approved_go_live_at", "content"])
    ArticlePage.objects.filter(pk=article.pk).update(go_live_at=past)


def scheduled_publications(article):
    return PageLogEntry.objects.filter(page=article, action="wagtail.publish.scheduled")


def test_an_article_due_while_the_worker_was_down_goes_live_on_the_next_pass(sections, client):
    article, revision = scheduled_article(sections["daejeon"])
    assert worker.run_pass().published == 0  # not yet due
    assert client.get(article.url).status_code == 404

    worker_was_down(article)
    result = worker.run_pass()

    assert result.ran and result.published == 1 and result.errors == 0
    article.refresh_from_db()
    assert article.live and article.live_revision == revision
    assert article.first_published_at is not None
    assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()
    assert scheduled_publications(article).count() == 1
    assert client.get(article.url).status_code == 200


def test_a_second_pass_publishes_nothing_again(sections):
    article, _revision = scheduled_article(sections["daejeon"])
    worker_was_down(article)
    assert worker.run_pass().published == 1
    first_published = ArticlePage.objects.get(pk=article.pk).last_published_at

    again = worker.run_pass()

    assert again.published == 0
    assert scheduled_publications(article).count() == 1
    assert ArticlePage.objects.get(pk=article.pk).last_published_at == first_published


def test_an_expired_article_is_unpublished_once(sections, client):
    article = add_article(sections["daejeon"], title="게재 종료 기사")
    ArticlePage.objects.filter(pk=article.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    assert worker.run_pass().expired == 1
    article.refresh_from_db()
    assert not article.live and article.expired
    assert client.get(article.url).status_code == 404
    assert worker.run_pass().expired == 0
    assert (
        PageLogEntry.objects.filter(page=article, action="wagtail.unpublish.scheduled").count() == 1
    )


def test_a_pass_writes_the_counters_waiting_in_the_cache(sections):
    article = add_article(sections["daejeon"], title="많이 읽은 기사")
    count_view(article.pk)
    count_view(article.pk)
    banner = Banner.objects.create(
        name="광고",
        slot=BannerSlot.HEADER,
        kind="html",
        html="<p>광고</p>",
        link_url="https://shop.example.kr/",
        starts_at=timezone.now() - datetime.timedelta(hours=1),
    )
    BANNER_COUNTERS.add(f"{timezone.localdate():%Y%m%d}:{banner.pk}:i")

    result = worker.run_pass()

    assert result.view_rows == 1 and result.banner_rows == 1
    assert ArticleDailyViews.objects.get(article=article).views == 2
    assert BannerDailyStats.objects.filter(banner=banner).exists()


def test_one_failing_article_does_not_stop_the_others(sections, monkeypatch):
    broken, _ = scheduled_article(sections["daejeon"], title="고장 난 예약")
    fine, _ = scheduled_article(sections["daejeon"], title="멀쩡한 예약")
    worker_was_down(broken, hours=3)
    worker_was_down(fine, hours=2)

    def refuse(sender, instance, **kwargs):
        if instance.pk == broken.pk:
            raise RuntimeError("a receiver failed")

    published.connect(refuse, dispatch_uid="test_worker_refuse")
    try:
        result = worker.run_pass()
    finally:
        published.disconnect(dispatch_uid="test_worker_refuse")

    assert result.published == 1 and result.errors == 1
    assert ArticlePage.objects.get(pk=fine.pk).live
    # The failed one was rolled back whole: still scheduled, tried again on the next pass.
    assert not ArticlePage.objects.get(pk=broken.pk).live
    assert ArticlePage.objects.get(pk=broken.pk).scheduled_revision is not None
    assert worker.run_pass().published == 1


def other_connection():
    """A second database session, as another worker process would have."""
    return connections.create_connection("default")


def test_a_pass_is_skipped_while_another_worker_holds_the_lock(sections):
    article, _ = scheduled_article(sections["daejeon"])
    worker_was_down(article)
    other = other_connection()
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [worker.LOCK_KEY])
        result = worker.run_pass()
        assert not result.ran and result.summary().startswith("pass skipped")
        assert not ArticlePage.objects.get(pk=article.pk).live
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [worker.LOCK_KEY])
    finally:
        other.close()
    assert worker.run_pass().published == 1


def test_the_command_logs_one_line_per_pass_in_english(sections):
    article, _ = scheduled_article(sections["daejeon"])
    worker_was_down(article)
    out = io.StringIO()

    call_command("run_worker", "--once", stdout=out)

    lines = out.getvalue().splitlines()
    assert len(lines) == 1, lines
    assert "INFO pass done: published 1, expired 0, view rows 0, banner rows 0" in lines[0]
    assert "purged from bin 0, errors 0" in lines[0]


def test_the_command_refuses_a_zero_interval(db):
    with pytest.raises(CommandError):
        call_command("run_worker", "--interval", "0", stdout=io.StringIO())


# Two workers at once. Their passes run in threads with their own database sessions, so the
# test data has to be committed (transaction=True); serialized_rollback restores the site
# that migrations created for the tests that follow.
concurrent = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def run_in_thread(function, results, name):
    def target():
        try:
            results[name] = function()
        except Exception as error:  # reported by the test's assertions
            results[name] = error
        finally:
            connection.close()

    thread = threading.Thread(target=target, name=name)
    thread.start()
    return thread


def wait_for(condition, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def someone_waits_for_a_row_lock():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0


@concurrent
def test_two_workers_at_once_publish_the_article_once(sections):
    article, revision = scheduled_article(sections["daejeon"])
    worker_was_down(article)
    inside_publish = threading.Event()
    release = threading.Event()

    def hold_first_publisher(sender, instance, **kwargs):
        if threading.current_thread().name == "first":
            inside_publish.set()
            release.wait(20)

    published.connect(hold_first_publisher, dispatch_uid="test_worker_hold")
    results = {}
    try:
        first = run_in_thread(worker.run_pass, results, "first")
        assert inside_publish.wait(20), "the first worker never reached the publication"
        # The first worker is in the middle of publishing: a second one starts its pass now.
        second = run_in_thread(worker.run_pass, results, "second")
        second.join(20)
        release.set()
        first.join(20)
    finally:
        release.set()
        published.disconnect(dispatch_uid="test_worker_hold")

    assert results["first"].published == 1, results
    assert results["second"].ran is False, results
    article.refresh_from_db()
    assert article.live and article.live_revision == revision
    assert scheduled_publications(article).count() == 1


@concurrent
def test_without_the_lock_the_row_lock_still_publishes_once(sections):
    """Even two publishers that bypass the advisory lock (publish_due directly) cannot both
    publish: the second waits on the revision's row and then finds it already published."""
    article, revision = scheduled_article(sections["daejeon"])
    worker_was_down(article)
    inside_publish = threading.Event()
    release = threading.Event()

    def hold_first_publisher(sender, instance, **kwargs):
        if threading.current_thread().name == "first":
            inside_publish.set()
            release.wait(20)

    published.connect(hold_first_publisher, dispatch_uid="test_worker_hold_rows")
    results = {}
    try:
        first = run_in_thread(worker.publish_due, results, "first")
        assert inside_publish.wait(20)
        second = run_in_thread(worker.publish_due, results, "second")
        assert wait_for(someone_waits_for_a_row_lock), "the second publisher never waited"
        release.set()
        first.join(20)
        second.join(20)
    finally:
        release.set()
        published.disconnect(dispatch_uid="test_worker_hold_rows")

    assert results["first"] == (1, 0), results
    assert results["second"] == (0, 0), results
    article.refresh_from_db()
    assert article.live and article.live_revision == revision
    assert scheduled_publications(article).count() == 1


@concurrent
def test_binning_an_article_the_worker_is_publishing_waits_instead_of_deadlocking(sections):
    """The worker and 휴지통 both lock the page's row before its revisions: whichever comes
    second waits for the first, and the article ends up binned (it was live a moment)."""
    article, revision = scheduled_article(sections["daejeon"])
    worker_was_down(article)
    inside_publish = threading.Event()
    release = threading.Event()

    def hold_the_worker_before_it_saves_the_page(sender, instance, **kwargs):
        if threading.current_thread().name == "worker":
            inside_publish.set()
            release.wait(20)

    pre_save.connect(
        hold_the_worker_before_it_saves_the_page, sender=ArticlePage, dispatch_uid="test_hold"
    )
    results = {}
    try:
        publisher = run_in_thread(worker.publish_due, results, "worker")
        assert inside_publish.wait(20), "the worker never reached the publication"
        mover = run_in_thread(
            lambda: recycle_bin.move_to_bin(ArticlePage.objects.get(pk=article.pk)),
            results,
            "mover",
        )
        assert wait_for(someone_waits_for_a_row_lock), "moving to the bin never waited"
        release.set()
        publisher.join(30)
        mover.join(30)
    finally:
        release.set()
        pre_save.disconnect(sender=ArticlePage, dispatch_uid="test_hold")

    assert results["worker"] == (1, 0), results
    assert isinstance(results["mover"], BinnedArticle), results
    assert results["mover"].was_live and results["mover"].live_revision_id == revision.pk
    article.refresh_from_db()
    assert not article.live
    assert scheduled_publications(article).count() == 1


# The command as a process of its own, against the test database.


def database_url():
    db = connection.settings_dict
    host = db["HOST"] or "localhost"
    port = f"&port={db['PORT']}" if db.get("PORT") else ""
    if host.startswith("/"):
        return f"postgres://{db['USER']}:{db['PASSWORD']}@/{db['NAME']}?host={host}{port}"
    netloc = f"{host}:{db['PORT']}" if db.get("PORT") else host
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{netloc}/{db['NAME']}"


def start_worker(*arguments):
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "PYTHONUNBUFFERED": "1",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", *arguments],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def read_line_containing(process, text, seconds=60):
    """Lines from the process until one contains `text`; all lines read so far."""
    lines = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 0.5)
        if ready:
            line = process.stdout.readline()
            if not line:
                break
            lines.append(line)
            if text in line:
                return lines
    raise AssertionError(f"no line with {text!r} in {lines!r}")


@concurrent
def test_run_worker_once_publishes_from_its_own_process(sections):
    article, revision = scheduled_article(sections["daejeon"])
    worker_was_down(article)

    process = start_worker("--once")
    output, _ = process.communicate(timeout=120)

    assert process.returncode == 0, output
    assert "pass done: published 1" in output
    article.refresh_from_db()
    assert article.live and article.live_revision == revision


@concurrent
def test_sigterm_stops_the_worker_after_its_pass(sections):
    process = start_worker("--interval", "60")
    try:
        lines = read_line_containing(process, "pass done")
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, output
    # It does not sleep out its 60 seconds: it stops at once, and says so.
    assert time.monotonic() - started < 15
    assert "SIGTERM received" in output and "worker stopped" in output, lines + [output]
