"""숨기기, 다시 보이기, 삭제: the editors' moderation actions, on one comment or many.

They are Wagtail bulk actions on the comment listing; a row's menu links to the
same confirmation page for that one comment. Every change goes through
Comment.change_status, so reply counts, open reports and the log stay right.
"""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.http import Http404
from django.urls import reverse
from wagtail.log_actions import LogContext
from wagtail.models import ModelLogEntry
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from .models import Comment

MODERATE = "moderate"


def with_author_deleted(queryset):
    """Annotate `author_deleted`: the reader removed it, so editors must not bring it back."""
    deleted_by_author = ModelLogEntry.objects.filter(
        content_type__app_label=Comment._meta.app_label,
        content_type__model=Comment._meta.model_name,
        object_id=Cast(OuterRef("pk"), CharField()),
        action="comments.delete",
    )
    return queryset.annotate(author_deleted=Exists(deleted_by_author))


def moderation_url(action_type, comment, next_url):
    """The confirmation page of one moderation action for a single comment."""
    meta = Comment._meta
    url = reverse("wagtail_bulk_action", args=(meta.app_label, meta.model_name, action_type))
    return f"{url}?{urlencode({'next': next_url, 'id': comment.pk})}"


class ModerationBulkAction(SnippetBulkAction):
    models = [Comment]
    template_name = "comments/admin/confirm_moderation.html"
    status = None
    log_action = None
    # Wording of the confirmation page ("이 댓글을 …" + question) and the message afterwards.
    question = ""
    button_text = ""
    done_message = ""
    unchanged_message = ""

    @classmethod
    def applies_to(cls, comment):
        """Whether the action changes anything for this comment (else it is left alone)."""
        return comment.status != cls.status

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission(request.user, MODERATE):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @classmethod
    def get_queryset(cls, model, object_ids):
        object_ids = [pk for pk in object_ids if str(pk).isascii() and str(pk).isdigit()]
        comments = with_author_deleted(
            Comment.objects.filter(pk__in=object_ids).select_related(
                "article", "author__reader_profile"
            )
        )
        comments = list(comments)
        if not comments:
            raise Http404
        return comments

    def get_all_objects_in_listing_query(self, parent_id):
        # "Select all in listing" would ignore the listing's filters and act on
        # every comment of the paper: refuse it rather than hide everything.
        return []

    def check_perm(self, comment):
        return not comment.author_deleted

    def object_context(self, comment):
        return {
            "item": comment,
            "edit_url": reverse(
                Comment.snippet_viewset.get_url_name("inspect"), args=(comment.pk,)
            ),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            display_name=self.display_name,
            question=self.question,
            button_text=self.button_text,
            action_button_class="serious" if "serious" in self.classes else "",
        )
        return context

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        changed = 0
        for comment in objects:
            if not cls.applies_to(comment):
                continue
            # One log context per comment: Wagtail's history keeps only the latest
            # entry per (uuid, action), so a shared uuid would drop all but one.
            with LogContext(user=user):
                comment.change_status(cls.status, user=user, action=cls.log_action)
            changed += 1
        return changed, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        message = self.done_message.format(count=num_parent_objects)
        unchanged = len(self.actionable_objects) - num_parent_objects
        if unchanged:
            message += " " + self.unchanged_message.format(count=unchanged)
        return message


class HideBulkAction(ModerationBulkAction):
    display_name = "숨기기"
    action_type = "hide"
    aria_label = "선택한 댓글 숨기기"
    action_priority = 10
    icon_name = "no-view"
    status = Comment.Status.HIDDEN
    log_action = "comments.hide"
    question = "숨길까요? 독자에게는 내용이 보이지 않습니다."
    button_text = "숨기기"
    done_message = "댓글 {count}개를 숨겼습니다."
    unchanged_message = "이미 숨겨진 댓글 {count}개는 그대로 두었습니다."


class ShowBulkAction(ModerationBulkAction):
    display_name = "다시 보이기"
    action_type = "show"
    aria_label = "선택한 댓글 다시 보이기"
    action_priority = 20
    icon_name = "view"
    status = Comment.Status.VISIBLE
    log_action = "comments.show"
    question = "다시 공개할까요? 처리되지 않은 신고는 처리한 것으로 닫힙니다."
    button_text = "다시 보이기"
    done_message = "댓글 {count}개를 다시 공개했습니다."
    unchanged_message = "이미 공개되어 있고 신고가 없는 댓글 {count}개는 그대로 두었습니다."

    @classmethod
    def applies_to(cls, comment):
        # A visible comment with open reports: showing it dismisses the reports.
        return comment.status != cls.status or comment.report_count > 0


class DeleteBulkAction(ModerationBulkAction):
    """Replaces Wagtail's snippet delete for comments: the row stays, as evidence."""

    display_name = "삭제"
    action_type = "delete"
    aria_label = "선택한 댓글 삭제"
    action_priority = 30
    classes = {"serious"}
    icon_name = "bin"
    status = Comment.Status.DELETED
    log_action = "comments.delete_by_editor"
    question = "삭제할까요? 독자에게는 보이지 않고, 내용과 기록은 관리자 화면에 남습니다."

    button_text = "삭제"
    done_message = "댓글 {count}개를 삭제했습니다."
    unchanged_message = "이미 삭제된 댓글 {count}개는 그대로 두었습니다."


MODERATION_ACTIONS = (HideBulkAction, ShowBulkAction, DeleteBulkAction)
