"""The bin (휴지통): an article deleted in the admin waits here before it is really deleted.

A binned article stays where it was in the page tree, unpublished, with this record
beside it. Nothing moves, so its address (slug and URL path), its revisions, its history,
its reader comments and every reference to it are kept exactly; restoring it only
removes the record (and publishes it again if it was live). The worker purges records
older than RECYCLE_BIN_DAYS by deleting the page for good.
"""

import datetime
import math

from django.conf import settings
from django.db import models
from django.utils import timezone

DEFAULT_DAYS = 30


def bin_days():
    return int(getattr(settings, "RECYCLE_BIN_DAYS", DEFAULT_DAYS))


class BinnedArticle(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name="기사",
        on_delete=models.CASCADE,
        related_name="recycle_bin_entry",
    )
    # The section it sits in (its parent page), kept for the listing: binned articles
    # cannot be moved, so it stays true until the article is restored or purged.
    section = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="섹션",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="삭제한 사람",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    deleted_at = models.DateTimeField("삭제 시각", default=timezone.now, db_index=True)
    was_live = models.BooleanField("삭제 전 게재 중", default=False)
    # What readers saw when it was binned, published again on restore.
    live_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A 게재 예약 cancelled by binning, scheduled again on restore if its time is still ahead.
    scheduled_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    scheduled_at = models.DateTimeField("게재 예약 시각", null=True)
    # Kept so a restored article's 수정 time does not move: its content did not change.
    last_published_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = "휴지통 기사"
        verbose_name_plural = "휴지통"
        ordering = ["-deleted_at", "-pk"]
        default_permissions = ("view",)
        permissions = [
            ("restore_binnedarticle", "휴지통 기사 복원"),
            ("purge_binnedarticle", "휴지통 기사 영구 삭제"),
        ]

    def __str__(self):
        return self.page.get_admin_display_title() if self.page_id else "삭제된 기사"

    @property
    def purge_at(self):
        return self.deleted_at + datetime.timedelta(days=bin_days())

    def days_left(self, now=None):
        """Days until the worker purges it, counting a started day: 30 just after deleting,
        1 on its last day, 0 once it is due."""
        remaining = (self.purge_at - (now or timezone.now())).total_seconds()
        return max(0, math.ceil(remaining / 86400))
