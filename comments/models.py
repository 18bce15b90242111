"""Reader comments under articles, their likes and reports, and the rules editors set.

Counts a listing needs (likes, visible replies, open reports) are kept on the
comment row and changed only here, inside the transaction that changes what
they count, so the comment section reads a fixed number of queries however
many comments, likes and reports there are.
"""

from django.conf import settings
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.log_actions import log

from accounts.models import display_name

# Fixed by the rules the seed page shows (`0 / 400`, "작성 후 1분내에만").
MAX_LENGTH = 400
EDIT_WINDOW_SECONDS = 60


class Comment(models.Model):
    class Status(models.TextChoices):
        VISIBLE = "visible", "공개"
        HIDDEN = "hidden", "숨김"
        PENDING = "pending", "신고 누적 검토 대기"
        DELETED = "deleted", "삭제"

    article = models.ForeignKey(
        "news.ArticlePage",
        on_delete=models.CASCADE,
        related_name="reader_comments",
        verbose_name="기사",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="reader_comments",
        verbose_name="작성자",
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name="답글 대상",
    )
    text = models.TextField("내용")
    status = models.CharField("상태", max_length=16, choices=Status.choices, default=Status.VISIBLE)
    created_at = models.DateTimeField("작성", default=timezone.now)
    edited_at = models.DateTimeField("수정", null=True, blank=True)
    like_count = models.PositiveIntegerField("추천", default=0)
    reply_count = models.PositiveIntegerField("답글", default=0, help_text="공개된 답글 수")
    report_count = models.PositiveIntegerField("신고", default=0, help_text="처리되지 않은 신고 수")

    class Meta:
        verbose_name = "댓글"
        verbose_name_plural = "댓글"
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["article", "parent", "status", "-created_at"]),
            models.Index(fields=["author", "-created_at"]),
            models.Index(fields=["status", "-created_at"]),
        ]

    def __str__(self):
        excerpt = self.text if len(self.text) <= 30 else self.text[:30] + "…"
        return f"{self.author_name}: {excerpt}"

    @property
    def author_name(self):
        return display_name(self.author)

    @property
    def is_reply(self):
        return self.parent_id is not None

    @property
    def is_visible(self):
        return self.status == self.Status.VISIBLE

    @property
    def edit_deadline(self):
        return self.created_at + timezone.timedelta(seconds=EDIT_WINDOW_SECONDS)

    def can_edit(self, user, now=None):
        return (
            self.is_visible
            and self.author_id == getattr(user, "pk", None)
            and (now or timezone.now()) < self.edit_deadline
        )

    def can_delete(self, user):
        return self.status != self.Status.DELETED and self.author_id == getattr(user, "pk", None)

    def change_status(self, status, *, user, action):
        """Move to `status`, keep the parent's visible-reply count right, and log it."""
        with transaction.atomic():
            locked = Comment.objects.select_for_update().get(pk=self.pk)
            was_visible = locked.is_visible
            locked.status = status
            fields = ["status"]
            if status == self.Status.VISIBLE and locked.report_count:
                # An editor looked and let it stand: its reports are dealt with.
                locked.reports.filter(resolved_at__isnull=True).update(
                    resolved_at=timezone.now(), resolved_by=user
                )
                locked.report_count = 0
                fields.append("report_count")
            locked.save(update_fields=fields)
            if locked.parent_id and was_visible != locked.is_visible:
                Comment.objects.filter(pk=locked.parent_id).update(
                    reply_count=F("reply_count") + (1 if locked.is_visible else -1)
                )
            log(locked, action, user=user, data={"status": status})
        self.status, self.report_count = locked.status, locked.report_count
        return self


class CommentLike(models.Model):
    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="likes", verbose_name="댓글"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name="독자"
    )
    created_at = models.DateTimeField("추천한 때", auto_now_add=True)

    class Meta:
        verbose_name = "댓글 추천"
        verbose_name_plural = "댓글 추천"
        constraints = [
            models.UniqueConstraint(fields=["comment", "user"], name="comments_like_once")
        ]

    def __str__(self):
        return f"{display_name(self.user)} → {self.comment_id}"


class CommentReport(models.Model):
    class Reason(models.TextChoices):
        ABUSE = "abuse", "욕설·비방"
        OBSCENE = "obscene", "음란·선정성"
        SPAM = "spam", "광고·스팸"
        PRIVACY = "privacy", "개인정보 노출"
        FALSE = "false", "허위 사실 유포"
        OTHER = "other", "기타"

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="reports", verbose_name="댓글"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name="신고자"
    )
    reason = models.CharField("신고 사유", max_length=16, choices=Reason.choices)
    detail = models.CharField("자세한 내용", max_length=200, blank=True)
    created_at = models.DateTimeField("신고한 때", auto_now_add=True)
    resolved_at = models.DateTimeField("처리한 때", null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="처리한 편집자",
    )

    class Meta:
        verbose_name = "댓글 신고"
        verbose_name_plural = "댓글 신고"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["comment", "user"], name="comments_report_once")
        ]

    def __str__(self):
        return f"{self.get_reason_display()} ({display_name(self.user)})"


class BannedWord(models.Model):
    word = models.CharField(
        "금칙어",
        max_length=50,
        unique=True,
        help_text="이 말이 들어간 댓글은 등록되지 않습니다. 띄어쓰기와 대소문자는 가리지 않습니다.",
    )
    note = models.CharField("메모", max_length=200, blank=True)
    created_at = models.DateTimeField("등록일", auto_now_add=True)

    class Meta:
        verbose_name = "금칙어"
        verbose_name_plural = "금칙어"
        ordering = ["word"]

    def __str__(self):
        return self.word


@register_setting(icon="comment")
class CommentSettings(BaseGenericSetting):
    best_count = models.PositiveSmallIntegerField(
        "BEST댓글 수",
        default=3,
        help_text="목록 위에 보여 줄 BEST댓글의 최대 개수 (0이면 보이지 않음)",
    )
    best_min_score = models.PositiveSmallIntegerField(
        "BEST댓글 최소 점수",
        default=5,
        help_text="답글 수와 추천 수를 더한 점수가 이 값 이상이어야 합니다.",
    )
    report_threshold = models.PositiveSmallIntegerField(
        "자동 숨김 신고 수",
        default=5,
        help_text="처리되지 않은 신고가 이만큼 쌓이면 댓글을 숨기고 검토를 기다립니다.",
    )
    min_interval_seconds = models.PositiveSmallIntegerField(
        "연속 작성 간격 (초)",
        default=15,
        help_text="한 독자가 댓글을 다시 쓰기까지 기다려야 하는 시간",
    )
    hourly_limit = models.PositiveSmallIntegerField(
        "시간당 최대 댓글 수", default=30, help_text="한 독자가 한 시간에 쓸 수 있는 댓글 수"
    )
    page_size = models.PositiveSmallIntegerField(
        "한 번에 보여 줄 댓글 수",
        default=20,
        help_text="'더보기'를 누를 때마다 이만큼 더 보여 줍니다.",
    )

    panels = [
        MultiFieldPanel(["best_count", "best_min_score"], heading="BEST댓글"),
        MultiFieldPanel(["report_threshold"], heading="신고"),
        MultiFieldPanel(["min_interval_seconds", "hourly_limit"], heading="도배 방지"),
        FieldPanel("page_size"),
    ]

    class Meta:
        verbose_name = "댓글 설정"

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        if self.report_threshold < 1:
            errors["report_threshold"] = "1 이상이어야 합니다."
        if not 1 <= self.page_size <= 100:
            errors["page_size"] = "1에서 100 사이로 정해 주세요."
        if self.hourly_limit < 1:
            errors["hourly_limit"] = "1 이상이어야 합니다."
        if errors:
            raise ValidationError(errors)
