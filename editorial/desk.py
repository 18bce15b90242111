"""The desk's admin: dashboard panels and the article listing (기사 목록, editorial/views.py).

Each panel is a short list read in a fixed number of queries, however many
articles, revisions, views or comments there are: 승인 대기 (what waits for my
approval), 신고된 댓글, 게재 예약, 오늘 게재된 기사, 많이 본 기사.
"""

from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.db.models import Case, CharField, IntegerField, Prefetch, Value, When
from django.db.models.functions import Cast
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import (
    AbstractGroupApprovalTask,
    Page,
    Revision,
    Task,
    TaskState,
    get_default_page_content_type,
)
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from comments.models import Comment
from comments.views_admin import excerpt
from news.models import ArticlePage, ArticleReporter
from readership.queries import most_read

from .views import ArticleListingViewSet, ArticleStatus

KST = ZoneInfo("Asia/Seoul")
PANEL_LIMIT = 8

# Wagtail's "검토 대기" panel lists the same task states as 승인 대기, one query per row.
REPLACED_WAGTAIL_PANELS = {"workflow_objects_to_moderate"}


def kst_midnight(now=None):
    """The start of today in Korea, as an aware datetime."""
    local = timezone.localtime(now or timezone.now(), KST)
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def listing_url(**params):
    """기사 목록 with filters, e.g. listing_url(status="scheduled")."""
    url = reverse(article_listing.get_url_name("index"))
    return f"{url}?{urlencode(params)}" if params else url


def pages_by_id(ids):
    """{id: page} with each page's parent (its section) in `_parent_page`: two queries."""
    pages = list(
        Page.objects.filter(pk__in=ids).only(
            "id", "title", "path", "depth", "url_path", "live", "owner", "content_type"
        )
    )
    Page.objects.annotate_parent_page(pages)
    return {page.pk: page for page in pages}


def section_title(page):
    parent = getattr(page, "_parent_page", None)
    return parent.title if parent is not None and parent.depth > 2 else ""


class EditLinks:
    """Whether a user may open a page in the editor, from the user's cached permissions.

    Wagtail's page policy counts "add" on a section plus being the page's owner as
    "change" (the owner rule PagePermissionTester.can_edit applies), so a reporter's own
    article links to its editor, a colleague's to the site. Only the permission rows (one
    query per request) and the page's owner_id are read, so a list of any length costs
    nothing more. What this leaves out of can_edit is the workflow reviewer's access
    (a query per page); the 승인 대기 panel links reviewers to the editor itself.
    """

    def __init__(self, user):
        self.user = user
        self.policy = policy_registry.get_by_type(Page)

    def can_edit(self, page):
        # "change", or "add" with page.owner_id == user.pk (see the class docstring).
        return self.policy.user_has_any_permission_for_instance(self.user, {"change"}, page)

    def url(self, page, request=None):
        if self.can_edit(page):
            return reverse("wagtailadmin_pages:edit", args=(page.pk,))
        if page.live:
            return page.get_url(request=request)
        return ""


class DeskPanel(Component):
    """A dashboard panel: a heading, a short list, a link to the whole list."""

    name = ""
    heading = ""
    order = 100

    def is_shown(self, request):
        return True

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {
            "request": request,
            "csrf_token": parent_context.get("csrf_token"),
            "panel_id": self.name.replace("_", "-"),
            "heading": self.heading,
            **self.get_panel_context(request),
        }

    def get_panel_context(self, request):
        return {}

    def render_html(self, parent_context=None):
        if not self.is_shown(parent_context["request"]):
            return ""
        return super().render_html(parent_context)


class AwaitingApprovalPanel(DeskPanel):
    """Articles in a workflow whose current task the user may approve (승인 대기).

    Which task states a user may moderate is each task's own rule
    (Task.get_task_states_user_can_moderate, as Wagtail's own dashboard asks), so a
    custom task (a section desk's, say) is respected.
    """

    name = "desk_awaiting_approval"
    heading = "승인 대기"
    template_name = "editorial/panels/awaiting_approval.html"
    order = 100

    def get_panel_context(self, request):
        user = request.user
        tasks = {task.pk: task for task in Task.objects.filter(active=True).specific()}
        approver_of = group_task_memberships(user, tasks.values())
        states = TaskState.objects.none()
        for task in tasks.values():
            states |= task.get_task_states_user_can_moderate(user=user)
        states = states.filter(workflow_state__base_content_type=get_default_page_content_type())
        total = states.count()
        rows = []
        if total:
            waiting = list(
                states.select_related("revision", "workflow_state__requested_by").order_by(
                    "-started_at", "-pk"
                )[:PANEL_LIMIT]
            )
            pages = pages_by_id([int(state.workflow_state.object_id) for state in waiting])
            for state in waiting:
                page = pages.get(int(state.workflow_state.object_id))
                if page is None:  # deleted while in review
                    continue
                task = tasks[state.task_id]
                rows.append(
                    {
                        "page": page,
                        "title": state.revision.object_str or page.title,
                        "section": section_title(page),
                        "requested_by": state.workflow_state.requested_by,
                        "started_at": state.started_at,
                        "task_name": task.name,
                        "actions": workflow_actions(task, page, user, state),
                        "edit_url": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                        "preview_url": reverse(
                            "wagtailadmin_pages:workflow_preview", args=(page.pk, task.pk)
                        ),
                    }
                )
        return {
            "rows": rows,
            "total": total,
            "is_approver": user.is_superuser or any(approver_of.values()) or bool(total),
            "all_url": listing_url(status=ArticleStatus.IN_REVIEW),
        }

    def render_html(self, parent_context=None):
        # Shown to whoever approves anything, even with nothing waiting (that is news
        # too); a reporter who approves nothing does not get an empty box.
        context = self.get_context_data(parent_context)
        if not context["is_approver"]:
            return ""
        return render_to_string(self.template_name, context)


def workflow_actions(task, page, user, state):
    """The task's actions for this user as dashboard buttons: 승인 first (the usual
    answer, posted at once), then those that ask for a comment in a dialog."""
    actions = [
        {
            # The task's own words (Wagtail's, in Korean from locale/ko/: 승인, 의견 달아
            # 승인, 수정 요청), already in hand: no query.
            "label": label,
            "modal": bool(modal),
            "primary": name == "approve" and not modal,
            "url": reverse("wagtailadmin_pages:workflow_action", args=(page.pk, name, state.pk)),
        }
        for name, label, modal in task.get_actions(page, user)
    ]
    return sorted(actions, key=lambda action: (not action["primary"], action["modal"]))


def group_task_memberships(user, tasks):
    """For group approval tasks: is the user in one of the task's groups? One query per
    task model, stored where Wagtail's own check (`_user_in_groups`) keeps its answers,
    so asking each task afterwards costs no query."""
    checks = getattr(user, "_group_approval_task_checks", None)
    if checks is None:
        checks = {}
        user._group_approval_task_checks = checks
    by_model = {}
    for task in tasks:
        if isinstance(task, AbstractGroupApprovalTask) and task.pk not in checks:
            by_model.setdefault(type(task), []).append(task.pk)
    for model, task_ids in by_model.items():
        field = model._meta.get_field("groups")
        through = field.remote_field.through
        task_column = field.m2m_field_name()
        group_column = field.m2m_reverse_field_name()
        member_of = set(
            through.objects.filter(
                **{
                    f"{task_column}__in": task_ids,
                    f"{group_column}__in": user.groups.values("pk"),
                }
            ).values_list(f"{task_column}_id", flat=True)
        )
        for task_id in task_ids:
            checks[task_id] = task_id in member_of
    return checks


def revisions_of_pages_seen_by(user, revisions):
    """Keep the revisions of pages `user` may open in the page explorer (their sections,
    and the pages above them): an embargoed headline is news before its time.

    One subquery, whatever the number of pages (Revision.object_id holds the page's id as
    text); the explorable pages cost the user's cached permissions and one query.
    """
    if user.is_superuser:
        return revisions
    explorable = (
        PagePermissionPolicy()
        .explorable_instances(user)
        .annotate(id_text=Cast("pk", output_field=CharField()))
        .values("id_text")
    )
    return revisions.filter(object_id__in=explorable)


class ScheduledPanel(DeskPanel):
    """Revisions approved to go live later (게재 예약): Wagtail keeps the time on the
    revision (approved_go_live_at), for new articles and for changes to live ones alike."""

    name = "desk_scheduled"
    heading = "게재 예약"
    template_name = "editorial/panels/scheduled.html"
    order = 120

    def get_panel_context(self, request):
        scheduled = revisions_of_pages_seen_by(
            request.user, Revision.page_revisions.filter(approved_go_live_at__isnull=False)
        )
        total = scheduled.count()
        rows = []
        if total:
            revisions = list(
                scheduled.select_related("user").order_by("approved_go_live_at", "pk")[:PANEL_LIMIT]
            )
            pages = pages_by_id([int(revision.object_id) for revision in revisions])
            links = EditLinks(request.user)
            policy = links.policy
            now = timezone.now()
            for revision in revisions:
                page = pages.get(int(revision.object_id))
                if page is None:
                    continue
                can_publish = policy.user_has_any_permission_for_instance(
                    request.user, {"publish"}, page
                )
                rows.append(
                    {
                        "page": page,
                        "title": revision.object_str or page.title,
                        "section": section_title(page),
                        "go_live_at": revision.approved_go_live_at,
                        "overdue": revision.approved_go_live_at <= now,
                        "is_update": page.live,
                        "scheduled_by": revision.user,
                        "edit_url": links.url(page, request),
                        "unschedule_url": reverse(
                            "wagtailadmin_pages:revisions_unschedule",
                            args=(page.pk, revision.pk),
                        )
                        if can_publish
                        else "",
                    }
                )
        return {
            "rows": rows,
            "total": total,
            "all_url": listing_url(status=ArticleStatus.SCHEDULED),
        }


class PublishedTodayPanel(DeskPanel):
    """Articles first published today, Korean time (오늘 게재된 기사), newest first."""

    name = "desk_published_today"
    heading = "오늘 게재된 기사"
    template_name = "editorial/panels/published_today.html"
    order = 130

    def get_panel_context(self, request):
        today = kst_midnight()
        published = ArticlePage.objects.live().filter(first_published_at__gte=today)
        total = published.count()
        rows = []
        if total:
            articles = list(
                published.defer_streamfields()
                .prefetch_related(
                    _bylines(),
                )
                .order_by("-first_published_at", "-pk")[:PANEL_LIMIT]
            )
            Page.objects.annotate_parent_page(articles)
            links = EditLinks(request.user)
            rows = [
                {
                    "page": article,
                    "title": article.title,
                    "section": section_title(article),
                    "byline": article.byline,
                    "published_at": article.first_published_at,
                    "edit_url": links.url(article, request),
                    "live_url": article.get_url(request=request),
                }
                for article in articles
            ]
        day = today.date().isoformat()
        return {
            "rows": rows,
            "total": total,
            "all_url": listing_url(
                status=ArticleStatus.LIVE,
                first_published_at_from=day,
                first_published_at_to=day,
                ordering="-first_published_at",
            ),
        }


def _bylines():
    return Prefetch(
        "article_reporters",
        queryset=ArticleReporter.objects.select_related("reporter").order_by("sort_order"),
    )


class MostReadPanel(DeskPanel):
    """The most read articles of the last 24 hours (readership's ranking, one query)."""

    name = "desk_most_read"
    heading = "많이 본 기사"
    template_name = "editorial/panels/most_read.html"
    order = 140

    def get_panel_context(self, request):
        articles = most_read("day", limit=PANEL_LIMIT)
        links = EditLinks(request.user)
        rows = [
            {
                "page": article,
                "title": article.title,
                "views": round(article.score),
                "edit_url": links.url(article, request),
                "live_url": article.get_url(request=request),
            }
            for article in articles
        ]
        return {"rows": rows, "report_url": reverse("readership_most_read")}


class ReportedCommentsPanel(DeskPanel):
    """Reader comments with open reports still to be looked at (신고된 댓글): those
    hidden automatically for review first, then the most reported."""

    name = "desk_reported_comments"
    heading = "신고된 댓글"
    template_name = "editorial/panels/reported_comments.html"
    order = 110

    def is_shown(self, request):
        return Comment.snippet_viewset.permission_policy.user_has_permission(request.user, "view")

    def get_panel_context(self, request):
        waiting = Comment.objects.filter(
            report_count__gt=0, status__in=[Comment.Status.VISIBLE, Comment.Status.PENDING]
        )
        total = waiting.count()
        comments = []
        if total:
            comments = list(
                waiting.select_related("article", "author__reader_profile")
                .defer("article__body")
                .order_by(
                    Case(
                        When(status=Comment.Status.PENDING, then=Value(0)),
                        default=Value(1),
                        output_field=IntegerField(),
                    ),
                    "-report_count",
                    "-created_at",
                    "-pk",
                )[:PANEL_LIMIT]
            )
        viewset = Comment.snippet_viewset
        rows = [
            {
                "comment": comment,
                "excerpt": excerpt(comment),
                "article_title": comment.article.title,
                "pending": comment.status == Comment.Status.PENDING,
                "url": reverse(viewset.get_url_name("inspect"), args=(comment.pk,)),
            }
            for comment in comments
        ]
        return {
            "rows": rows,
            "total": total,
            "all_url": reverse(viewset.get_url_name("list")) + "?status=reported",
        }


DESK_PANELS = (
    AwaitingApprovalPanel,
    ReportedCommentsPanel,
    ScheduledPanel,
    PublishedTodayPanel,
    MostReadPanel,
)


@hooks.register("construct_homepage_panels")
def add_desk_panels(request, panels):
    panels[:] = [
        panel for panel in panels if getattr(panel, "name", "") not in REPLACED_WAGTAIL_PANELS
    ]
    panels.extend(panel_class() for panel_class in DESK_PANELS)


article_listing = ArticleListingViewSet("article_listing", url_prefix="articles")


@hooks.register("register_admin_viewset")
def register_article_listing():
    return article_listing
