"""What readers do to comments: post, edit, delete, like, report.

Each action is one transaction that checks the rules, changes the rows and
their counts, and writes a log entry (who, when, what), or refuses with a
CommentRefused and changes nothing.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.log_actions import log

from accounts.models import ReaderProfile

from .models import Comment, CommentLike, CommentReport, CommentSettings
from .rules import CommentRefused, check_banned_words, check_editable, check_pace, clean_text


def _profile_locked(user):
    """The reader's profile, locked: one reader's posts are checked for pace one at a time."""
    profile = ReaderProfile.objects.select_for_update().filter(user=user).first()
    if profile is None:
        raise CommentRefused("댓글을 쓰려면 먼저 닉네임을 정해 주세요.", status=403)
    return profile


def post_comment(article, user, text, parent_id=None):
    text = clean_text(text)
    if not getattr(article, "comments_open", True):
        raise CommentRefused("이 기사는 댓글을 받지 않습니다.", status=403)
    check_banned_words(text)
    settings = CommentSettings.load()
    with transaction.atomic():
        _profile_locked(user)
        check_pace(user, settings)
        parent = None
        if parent_id:
            parent = (
                Comment.objects.select_for_update()
                .filter(pk=parent_id, article=article, status=Comment.Status.VISIBLE)
                .first()
            )
            if parent is None:
                raise CommentRefused("답글을 달 댓글이 삭제되었거나 숨겨졌습니다.", status=404)
            if parent.parent_id:  # replies are one level deep: answer the thread
                parent = Comment.objects.select_for_update().get(pk=parent.parent_id)
                if not parent.is_visible and not parent.reply_count:
                    raise CommentRefused("답글을 달 댓글이 삭제되었거나 숨겨졌습니다.", status=404)
        comment = Comment.objects.create(article=article, author=user, parent=parent, text=text)
        if parent is not None:
            Comment.objects.filter(pk=parent.pk).update(reply_count=F("reply_count") + 1)
        log(comment, "comments.post", user=user, data={"text": text, "article": article.pk})
    return comment


def edit_comment(comment, user, text):
    text = clean_text(text)
    check_banned_words(text)
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        check_editable(comment, user)
        if text == comment.text:
            return comment
        before = comment.text
        comment.text = text
        comment.edited_at = timezone.now()
        comment.save(update_fields=["text", "edited_at"])
        log(comment, "comments.edit", user=user, data={"before": before, "text": text})
    return comment


def delete_comment(comment, user):
    if comment.author_id != user.pk:
        raise CommentRefused("내가 쓴 댓글만 삭제할 수 있습니다.", status=403)
    if comment.status == Comment.Status.DELETED:
        raise CommentRefused("이미 삭제된 댓글입니다.", status=404)
    return comment.change_status(Comment.Status.DELETED, user=user, action="comments.delete")


def toggle_like(comment, user):
    """Like, or take the like back: (liked, like_count) afterwards."""
    if not comment.is_visible:
        raise CommentRefused("삭제되었거나 숨겨진 댓글은 추천할 수 없습니다.", status=404)
    if comment.author_id == user.pk:
        raise CommentRefused("내 댓글은 추천할 수 없습니다.", status=403)
    with transaction.atomic():
        Comment.objects.select_for_update().filter(pk=comment.pk).first()
        removed, _ = CommentLike.objects.filter(comment=comment, user=user).delete()
        if removed:
            Comment.objects.filter(pk=comment.pk).update(like_count=F("like_count") - 1)
            log(comment, "comments.unlike", user=user)
        else:
            CommentLike.objects.create(comment=comment, user=user)
            Comment.objects.filter(pk=comment.pk).update(like_count=F("like_count") + 1)
            log(comment, "comments.like", user=user)
        count = Comment.objects.values_list("like_count", flat=True).get(pk=comment.pk)
    return not removed, count


def report_comment(comment, user, reason, detail=""):
    """Report once; enough open reports hide the comment until an editor reviews it."""
    if reason not in CommentReport.Reason.values:
        raise CommentRefused("신고 사유를 골라 주세요.")
    if comment.author_id == user.pk:
        raise CommentRefused("내 댓글은 신고할 수 없습니다.", status=403)
    if comment.status not in (Comment.Status.VISIBLE, Comment.Status.PENDING):
        raise CommentRefused("삭제되었거나 숨겨진 댓글입니다.", status=404)
    detail = (detail or "").strip()
    if len(detail) > 200:
        raise CommentRefused(
            f"자세한 내용은 200자까지 쓸 수 있습니다. 지금 {len(detail):,}자입니다."
        )
    threshold = CommentSettings.load().report_threshold
    try:
        with transaction.atomic():
            locked = Comment.objects.select_for_update().get(pk=comment.pk)
            CommentReport.objects.create(comment=locked, user=user, reason=reason, detail=detail)
            locked.report_count += 1
            locked.save(update_fields=["report_count"])
            log(locked, "comments.report", user=user, data={"reason": reason, "detail": detail})
    except IntegrityError:
        raise CommentRefused("이미 신고한 댓글입니다.", status=409) from None
    if locked.is_visible and locked.report_count >= threshold:
        locked.change_status(Comment.Status.PENDING, user=None, action="comments.auto_hide")
    return locked
