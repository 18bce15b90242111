"""The 댓글 admin menu: moderating reader comments, the banned-words list, and their log."""

from django.utils.text import Truncator
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from news.templatetags.news_tags import kst

from .bulk_actions import MODERATION_ACTIONS
from .filters import CommentFilterSet
from .models import BannedWord, Comment, CommentReport
from .views_admin import (
    BannedWordForm,
    CommentHistoryView,
    CommentIndexView,
    CommentInspectView,
    CommentPermissionPolicy,
    CommentURLFinder,
)

# Before any view asks for Comment's policy, or Wagtail makes a default one.
register_permission_policy(Comment, CommentPermissionPolicy(Comment))


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = "댓글 관리"
    index_view_class = CommentIndexView
    inspect_view_class = CommentInspectView
    history_view_class = CommentHistoryView
    inspect_view_enabled = True
    copy_view_enabled = False
    # Comments point at articles; indexing them would make every article's
    # usage count every comment and cost a write per comment posted.
    add_to_reference_index = False
    url_finder_class = CommentURLFinder
    filterset_class = CommentFilterSet
    search_fields = ["text"]
    search_backend_name = None  # comments are not in the search index: plain icontains
    ordering = "-created_at"
    list_per_page = 50
    index_template_name = "comments/admin/index.html"
    inspect_template_name = "comments/admin/inspect.html"

    def get_queryset(self, request):
        return Comment.objects.select_related("article", "author__reader_profile")

    def get_permissions_to_register(self):
        # Adding and deleting comments is never allowed here, so don't offer it to groups.
        return (
            super()
            .get_permissions_to_register()
            .filter(codename__in=["change_comment", "view_comment"])
        )


class BannedWordViewSet(SnippetViewSet):
    model = BannedWord
    icon = "warning"
    menu_label = "금칙어"
    add_to_reference_index = False
    copy_view_enabled = False
    list_display = [
        "word",
        "note",
        Column(
            "created_at",
            label="등록일",
            accessor=lambda word: kst(word.created_at),
            sort_key="created_at",
        ),
    ]
    search_fields = ["word", "note"]
    search_backend_name = None
    edit_handler = ObjectList(
        [FieldPanel("word"), FieldPanel("note")], base_form_class=BannedWordForm
    )


class CommentAdminGroup(SnippetViewSetGroup):
    items = (CommentViewSet, BannedWordViewSet)
    menu_icon = "comment"
    menu_label = "댓글"
    menu_order = 230


register_snippet(CommentAdminGroup)


# After Wagtail's own snippet delete (order 0), so ours replaces it for comments.
for moderation_action in MODERATION_ACTIONS:
    hooks.register("register_bulk_action", moderation_action, order=10)


def _excerpt(text, length=40):
    return Truncator(" ".join((text or "").split())).chars(length)


class EditFormatter(LogFormatter):
    label = "수정"

    def format_message(self, log_entry):
        before = (log_entry.data or {}).get("before")
        return f"수정 (이전: {_excerpt(before)})" if before else "수정"


class ReportFormatter(LogFormatter):
    label = "신고"

    def format_message(self, log_entry):
        data = log_entry.data or {}
        reason = dict(CommentReport.Reason.choices).get(data.get("reason"), "기타")
        detail = data.get("detail")
        return f"신고: {reason}" + (f" ({_excerpt(detail)})" if detail else "")


# (action, label, message) for the actions whose message says it all.
LOG_ACTIONS = [
    ("comments.post", "작성", "작성"),
    ("comments.delete", "작성자 삭제", "작성자가 삭제"),
    ("comments.like", "추천", "추천"),
    ("comments.unlike", "추천 취소", "추천 취소"),
    ("comments.auto_hide", "신고 누적 자동 숨김", "신고가 쌓여 자동으로 숨김 (검토 대기)"),
    ("comments.hide", "숨김", "편집자가 숨김"),
    ("comments.show", "다시 보이기", "편집자가 다시 공개 (신고 처리)"),
    ("comments.delete_by_editor", "편집자 삭제", "편집자가 삭제"),
]


@hooks.register("register_log_actions")
def register_comment_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)
    actions.register_action("comments.edit")(EditFormatter)
    actions.register_action("comments.report")(ReportFormatter)
