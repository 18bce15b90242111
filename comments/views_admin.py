"""The comment moderation admin: who may do what, the listing, the comment's page, its history.

Editors read every comment and hide, show or delete it; nobody writes a comment
or rewrites a reader's words in the admin, and nothing is erased from the
database (the row and its log are the evidence).
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import (
    BulkActionsCheckboxColumn,
    Column,
    NumberColumn,
    StatusTagColumn,
    TitleColumn,
)
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.widgets import Button, HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import HistoryView, IndexView, InspectView

from accounts.models import display_name
from news.templatetags.news_tags import kst

from .bulk_actions import MODERATE, MODERATION_ACTIONS, moderation_url, with_author_deleted
from .models import BannedWord, Comment
from .rules import GRAPHEME, fold_for_matching

EXCERPT_LENGTH = 40


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Reading and moderating, never adding, editing or deleting rows, whoever asks.

    Wagtail's "change" opens its edit form, so moderation is an action of its
    own, granted by Django's comments.change_comment permission.
    """

    def user_has_permission(self, user, action):
        if action == MODERATE:
            return user.has_perm("comments.change_comment")
        if action == "view":
            return user.has_perm("comments.change_comment") or user.has_perm(
                "comments.view_comment"
            )
        return False

    def users_with_any_permission(self, actions):
        codenames = set()
        if MODERATE in actions:
            codenames.add("change_comment")
        if "view" in actions:
            codenames |= {"change_comment", "view_comment"}
        if not codenames:
            return get_user_model().objects.none()
        return self._get_users_with_any_permission_codenames(codenames)


class CommentURLFinder(ModelAdminURLFinder):
    """Links to a comment (from the site log, for instance) open its page, not an edit form."""

    def construct_edit_url(self, instance):
        return reverse(Comment.snippet_viewset.get_url_name("inspect"), args=(instance.pk,))

    def get_edit_url(self, instance):
        policy = Comment.snippet_viewset.permission_policy
        if self.user and not policy.user_has_permission(self.user, "view"):
            return None
        return self.construct_edit_url(instance)


def excerpt(comment):
    """The first EXCERPT_LENGTH characters as readers count them (never half an emoji)."""
    characters = GRAPHEME.findall(" ".join(comment.text.split()))
    if len(characters) <= EXCERPT_LENGTH:
        return "".join(characters)
    return "".join(characters[:EXCERPT_LENGTH]) + "…"


def status_label(comment):
    label = comment.get_status_display()
    if comment.status == Comment.Status.DELETED and getattr(comment, "author_deleted", False):
        return f"{label} (작성자)"
    return label


def article_url(article, request):
    """The live article when it is published, else its edit page."""
    if article.live:
        url = article.get_url(request=request)
        if url:
            return url
    return reverse("wagtailadmin_pages:edit", args=(article.pk,))


class ArticleColumn(Column):
    cell_template_name = "comments/admin/article_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = article_url(instance.article, parent_context.get("request"))
        return context


class ModerationButtonsMixin:
    """Links to 숨기기 / 다시 보이기 / 삭제 for one comment, as its status allows."""

    def moderation_actions(self, comment):
        if getattr(comment, "author_deleted", False) or not self.user_has_permission(MODERATE):
            return []
        return [action for action in MODERATION_ACTIONS if action.applies_to(comment)]


class CommentIndexView(ModerationButtonsMixin, IndexView):
    history_url_name = None  # set by the viewset

    def get_base_queryset(self):
        return with_author_deleted(super().get_base_queryset())

    def order_queryset(self, queryset):
        queryset = super().order_queryset(queryset)
        # Many comments share a minute: the id keeps pages from overlapping.
        return queryset.order_by(*queryset.query.order_by, "-pk")

    @cached_property
    def columns(self):
        title_column_class = self._get_title_column_class(TitleColumn)
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="snippet"),
            title_column_class(
                "text",
                label="내용",
                accessor=excerpt,
                get_url=self.get_inspect_url,
                get_title_id=lambda comment: f"snippet_{comment.pk}_title",
            ),
            ArticleColumn("article", label="기사", accessor="article.title"),
            Column("author", label="작성자", accessor=lambda comment: comment.author_name),
            Column(
                "created_at",
                label="작성",
                accessor=lambda comment: kst(comment.created_at),
                sort_key="created_at",
            ),
            StatusTagColumn(
                "status",
                label="상태",
                accessor=status_label,
                primary=lambda comment: comment.status == Comment.Status.VISIBLE,
            ),
            NumberColumn("like_count", label="추천", sort_key="like_count"),
            NumberColumn("reply_count", label="답글", sort_key="reply_count"),
            NumberColumn("report_count", label="신고", sort_key="report_count"),
        ]

    @cached_property
    def listing_url(self):
        """Where an action returns to: this listing with its filters, also when the
        rows were fetched by the filter script from the results-only URL."""
        query = self.request.GET.copy()
        query.pop("_w_filter_fragment", None)
        url = reverse(self.index_url_name)
        return f"{url}?{query.urlencode()}" if query else url

    def get_list_more_buttons(self, instance):
        # Wagtail's edit, copy and delete never apply; its "Inspect" gets a plainer name.
        buttons = [
            MenuItem(
                "자세히 보기",
                url=self.get_inspect_url(instance),
                icon_name="info-circle",
                priority=10,
            )
        ]
        next_url = self.listing_url
        buttons += [
            MenuItem(
                action.display_name,
                url=moderation_url(action.action_type, instance, next_url),
                icon_name=action.icon_name,
                priority=20 + action.action_priority,
            )
            for action in self.moderation_actions(instance)
        ]
        buttons.append(
            MenuItem(
                "기록",
                url=reverse(self.history_url_name, args=(instance.pk,)),
                icon_name="history",
                priority=90,
            )
        )
        return buttons


class CommentInspectView(ModerationButtonsMixin, InspectView):
    page_title = "댓글 보기"
    history_url_name = None  # set by the viewset

    def get_object(self, queryset=None):
        comments = with_author_deleted(
            Comment.objects.select_related(
                "article", "author__reader_profile", "parent__author__reader_profile"
            )
        )
        return get_object_or_404(comments, pk=self.pk)

    def get_fields(self):
        return []

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                action.display_name,
                url=moderation_url(action.action_type, self.object, self.request.get_full_path()),
                icon_name=action.icon_name,
                priority=action.action_priority,
            )
            for action in self.moderation_actions(self.object)
        ]

    @cached_property
    def header_more_buttons(self):
        return [
            Button(
                "기록",
                url=reverse(self.history_url_name, args=(self.object.pk,)),
                icon_name="history",
            )
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comment = self.object
        context.update(
            comment=comment,
            status_label=status_label(comment),
            article_url=article_url(comment.article, self.request),
            author_email=comment.author.email if comment.author else "",
            parent_url=(
                reverse(Comment.snippet_viewset.get_url_name("inspect"), args=(comment.parent_id,))
                if comment.parent_id
                else ""
            ),
            reports=self.get_reports(),
        )
        return context

    def get_reports(self):
        reports = list(
            self.object.reports.select_related("user__reader_profile", "resolved_by").order_by(
                "-created_at", "-pk"
            )
        )
        for report in reports:
            report.reporter_name = display_name(report.user)
            report.resolver_name = report.resolved_by and get_user_display_name(report.resolved_by)
        return reports


class CommentHistoryView(HistoryView):
    """Wagtail's history of the comment, open to whoever may read comments."""

    any_permission_required = [MODERATE, "view"]

    def get_edit_url(self, instance):
        return reverse(Comment.snippet_viewset.get_url_name("inspect"), args=(instance.pk,))

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton("댓글 보기", url=self.get_edit_url(self.object), icon_name="info-circle")
        ]


class BannedWordForm(WagtailAdminModelForm):
    def clean_word(self):
        word = self.cleaned_data["word"].strip()
        folded = fold_for_matching(word)
        if not folded:
            raise ValidationError(
                "글자가 하나도 없습니다. 공백과 문장부호는 금칙어가 될 수 없습니다."
            )
        others = BannedWord.objects.exclude(pk=self.instance.pk).values_list("word", flat=True)
        for other in others:
            if fold_for_matching(other) == folded:
                raise ValidationError(
                    f"이미 등록된 금칙어입니다: '{other}'. 띄어쓰기와 대소문자는 가리지 않습니다."
                )
        return word
