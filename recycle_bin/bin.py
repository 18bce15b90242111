"""Moving articles to the bin, restoring them, and purging them for good.

Binning unpublishes the article (readers then get a 404 and every list, feed, sitemap,
search and API result leaves it out, as for any unpublished page), cancels its approval
workflow and any 게재 예약, and records who did it, when and what was live or scheduled.
The page is not moved: its slug, URL path, revisions, history and comments stay as they
are, so restoring gives back the same address with everything on it.
"""

import datetime
import logging

from django.db import transaction
from django.utils import timezone
from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Page

from .models import BinnedArticle, bin_days

logger = logging.getLogger(__name__)


class BinError(Exception):
    """An operation the bin refuses; the message is for editors (Korean)."""


def is_article(page):
    from news.models import ArticlePage

    specific_class = page.specific_class
    return specific_class is not None and issubclass(specific_class, ArticlePage)


def binned_page_ids():
    """A subquery of the ids of pages in the bin."""
    return BinnedArticle.objects.values("page_id")


def is_binned(page):
    return BinnedArticle.objects.filter(page_id=page.pk).exists()


def articles_under(page):
    """Articles below `page` (binned ones included): deleting `page` would destroy them."""
    from news.models import ArticlePage

    return ArticlePage.objects.descendant_of(page)


@transaction.atomic
def move_to_bin(page, user=None):
    """Unpublish `page` (an article) and put it in the bin. Returns the BinnedArticle."""
    page = Page.objects.select_for_update().get(pk=page.pk).specific
    if not is_article(page):
        raise BinError("기사만 휴지통으로 옮길 수 있습니다.")
    if is_binned(page):
        raise BinError("이미 휴지통에 있는 기사입니다.")

    scheduled = page.scheduled_revision
    entry = BinnedArticle(
        page=page,
        section_id=page.get_parent().pk,
        deleted_by=user if user and user.is_authenticated else None,
        was_live=page.live,
        live_revision_id=page.live_revision_id,
        scheduled_revision=scheduled,
        scheduled_at=scheduled.approved_go_live_at if scheduled else None,
        last_published_at=page.last_published_at,
    )
    workflow_state = page.current_workflow_state
    if workflow_state:
        workflow_state.cancel(user=entry.deleted_by)
    if page.live:
        # The delete permission was checked by the admin; Wagtail's unpublish also takes
        # down aliases of the article and tells caches and the search index.
        UnpublishPageAction(page, user=entry.deleted_by).execute(skip_permission_checks=True)
    page.revisions.update(approved_go_live_at=None)  # the worker must not publish it
    entry.save()
    log(
        instance=page,
        action="recycle_bin.move",
        user=entry.deleted_by,
        data={"days": bin_days(), "was_live": entry.was_live},
    )
    return entry


RESTORED_AS_DRAFT = "draft"
RESTORED_LIVE = "published"
RESTORED_SCHEDULED = "scheduled"


def _lock(entry):
    """Lock the entry's page row, then the entry's row, and return the entry re-read (None
    if it left the bin meanwhile).

    Everything that changes a binned article takes its locks in this order (the page row
    first, as move_to_bin and the worker's publishing do), so two of them wait for each
    other instead of deadlocking.
    """
    page_id = BinnedArticle.objects.filter(pk=entry.pk).values_list("page_id", flat=True).first()
    if page_id is None:
        return None
    Page.objects.select_for_update().filter(pk=page_id).values_list("pk").first()
    return (
        BinnedArticle.objects.select_for_update(of=("self",))
        .select_related("page", "live_revision", "scheduled_revision")
        .filter(pk=entry.pk)
        .first()
    )


def _log_restore(page, outcome, user=None):
    log(instance=page, action="recycle_bin.restore", user=user, data={"outcome": outcome})


@transaction.atomic
def restore(entry, user=None, publish=True, now=None):
    """Take the article out of the bin, where it always was in the tree.

    With `publish`, an article that was live is published again as it was (its live
    revision, keeping its 수정 time), and a cancelled 게재 예약 whose time is still ahead
    is scheduled again. Otherwise it comes back as a draft. Returns what happened:
    RESTORED_LIVE, RESTORED_SCHEDULED or RESTORED_AS_DRAFT.
    """
    now = now or timezone.now()
    entry = _lock(entry)
    if entry is None:
        raise BinError("휴지통에 없는 기사입니다. 이미 복원했거나 영구 삭제했습니다.")
    page = entry.page.specific
    entry.delete()

    outcome = RESTORED_AS_DRAFT
    if publish and entry.was_live and entry.live_revision:
        entry.live_revision.publish(user=user, skip_permission_checks=True)
        # The same content as before: 입력 and 수정 stay (a revision holds them rounded to ms).
        Page.objects.filter(pk=page.pk).update(
            first_published_at=page.first_published_at,
            last_published_at=entry.last_published_at or page.last_published_at,
        )
        outcome = RESTORED_LIVE
    elif publish and entry.scheduled_revision and entry.scheduled_at and entry.scheduled_at > now:
        # go_live_at is still in the future: publishing the revision schedules it again.
        entry.scheduled_revision.publish(user=user, skip_permission_checks=True)
        outcome = RESTORED_SCHEDULED
    _log_restore(page, outcome, user=user)
    return outcome


def purge(entry, user=None):
    """Delete a binned article for good (with its revisions and comments).

    False if it is no longer in the bin, or if it is live: published means not in the
    bin, so an entry left beside a live article is dropped and the article kept.
    """
    with transaction.atomic():
        entry = _lock(entry)
        if entry is None:
            return False
        page = entry.page.specific
        if page.live:
            entry.delete()
            _log_restore(page, RESTORED_LIVE)
            logger.warning("not purged, live again: %r pk=%s", page.title, page.pk)
            return False
        DeletePageAction(page, user=user).execute(skip_permission_checks=True)
    logger.info("purged from the bin: %r pk=%s", page.title, page.pk)
    return True


def leave_the_bin_when_published(sender, instance, **kwargs):
    """page_published: whatever published (or scheduled) a binned article restored it.

    The admin offers no way to publish a binned article; this keeps the rule for every
    other way (a script, the shell, a path added later), so the worker never purges a
    live article. restore() takes the entry away before it publishes: nothing to do then.
    """
    removed, _ = BinnedArticle.objects.filter(page_id=instance.pk).delete()
    if removed:
        _log_restore(instance, RESTORED_LIVE if instance.live else RESTORED_SCHEDULED)


def purge_expired(now=None):
    """Purge every article binned more than RECYCLE_BIN_DAYS ago; returns (purged, errors)."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=bin_days())
    purged = errors = 0
    for entry in BinnedArticle.objects.filter(deleted_at__lte=cutoff).only("pk"):
        try:
            purged += purge(entry)
        except Exception:
            errors += 1
            logger.exception("could not purge binned article entry pk=%s", entry.pk)
    return purged, errors
