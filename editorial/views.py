"""기사 목록: the desk's listing of every article, filtered, sorted and searched in Korean.

A Wagtail PageListingViewSet for news.ArticlePage (admin › 기사 목록, /admin/articles/).
Every filter narrows the queryset with plain column lookups or `pk__in` subqueries,
so it combines with the Korean search backend, which only accepts filters it can
translate (modelsearch checks them).
"""

import django_filters
from django import forms
from django.conf import settings
from django.db.models import CharField, F, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Cast, Length, Substr
from django_filters.fields import DateRangeField
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.ui.tables.pages import BulkActionsColumn, PageTitleColumn, ParentPageColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Page, Revision, WorkflowState, get_default_page_content_type
from wagtail.search.backends import get_search_backend

from news.models import ArticlePage, ArticleReporter, ArticleType, Reporter, SectionPage
from news.templatetags.news_tags import kst
from recycle_bin.bin import binned_page_ids


class ArticleStatus:
    """The desk's names for where an article is; an article may be in more than one
    (a live article whose next version waits for approval, or is scheduled)."""

    DRAFT = "draft"
    IN_REVIEW = "in_review"
    CHANGES_REQUESTED = "changes_requested"
    SCHEDULED = "scheduled"
    LIVE = "live"

    CHOICES = [
        (DRAFT, "초안"),
        (IN_REVIEW, "승인 대기"),
        (CHANGES_REQUESTED, "수정 요청"),
        (SCHEDULED, "게재 예약"),
        (LIVE, "게재 중"),
    ]


def _page_ids(queryset):
    """Page ids from a queryset of rows keyed by a page's id as text (object_id)."""
    return (
        queryset.filter(base_content_type=get_default_page_content_type())
        .annotate(page_id=Cast("object_id", IntegerField()))
        .values("page_id")
    )


def scheduled_page_ids():
    return _page_ids(Revision.objects.filter(approved_go_live_at__isnull=False))


def workflow_page_ids(*statuses):
    return _page_ids(WorkflowState.objects.filter(status__in=statuses))


def filter_by_status(queryset, status):
    if status == ArticleStatus.LIVE:
        return queryset.filter(live=True)
    if status == ArticleStatus.SCHEDULED:
        return queryset.filter(pk__in=scheduled_page_ids())
    if status == ArticleStatus.IN_REVIEW:
        return queryset.filter(pk__in=workflow_page_ids(WorkflowState.STATUS_IN_PROGRESS))
    if status == ArticleStatus.CHANGES_REQUESTED:
        return queryset.filter(pk__in=workflow_page_ids(WorkflowState.STATUS_NEEDS_CHANGES))
    if status == ArticleStatus.DRAFT:
        return (
            queryset.filter(live=False)
            .exclude(pk__in=scheduled_page_ids())
            .exclude(
                pk__in=workflow_page_ids(
                    WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES
                )
            )
        )
    return queryset


def status_labels(article):
    """[(label, is_primary)] for one listed article, from the listing's annotations."""
    labels = []
    if article.live:
        labels.append(("게재 중", True))
    scheduled_at = getattr(article, "scheduled_at", None)
    if scheduled_at:
        labels.append((f"게재 예약 {kst(scheduled_at)}", False))
    state = article.current_workflow_state
    if state is not None:
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            labels.append(("수정 요청", False))
        else:
            labels.append(("승인 대기", False))
    if not labels:
        labels.append(("게재 종료" if article.expired else "초안", False))
    return labels


class PickerDateRangeField(DateRangeField):
    """Dates as the admin's date picker types them (WAGTAIL_DATE_FORMAT, 2022.04.07) or ISO."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        picker_format = getattr(settings, "WAGTAIL_DATE_FORMAT", "%Y-%m-%d")
        for field in self.fields:
            field.input_formats = [picker_format, "%Y-%m-%d"]
            field.error_messages["invalid"] = "날짜를 2022.04.07처럼 적어 주세요."


class KSTDateRangeFilter(django_filters.DateFromToRangeFilter):
    """Whole days in the site's time zone (Asia/Seoul): the end day is included."""

    field_class = PickerDateRangeField


class SectionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, section):
        # Sections nest under the front page (depth 2): 지역, then ─ 대전.
        return "─ " * max(section.depth - 3, 0) + section.title


class SectionFilter(django_filters.ModelChoiceFilter):
    field_class = SectionChoiceField


class ArticleFilterSet(WagtailFilterSet):
    section = SectionFilter(
        label="섹션",
        queryset=SectionPage.objects.order_by("path"),
        empty_label="전체",
        method="filter_section",
        help_text="하위 섹션의 기사도 함께 보여 줍니다.",
    )
    reporter = django_filters.ModelChoiceFilter(
        label="기자",
        queryset=Reporter.objects.order_by("-active", "name"),
        empty_label="전체",
        method="filter_reporter",
    )
    status = django_filters.ChoiceFilter(
        label="상태",
        choices=ArticleStatus.CHOICES,
        empty_label="전체",
        method="filter_status",
        widget=forms.RadioSelect,
    )
    article_type = django_filters.ChoiceFilter(
        label="기사 유형",
        choices=ArticleType.choices,
        empty_label="전체",
        widget=forms.RadioSelect,
    )
    first_published_at = KSTDateRangeFilter(label="입력일", widget=DateRangePickerWidget)
    latest_revision_created_at = KSTDateRangeFilter(
        label="최근 수정일", widget=DateRangePickerWidget
    )

    class Meta:
        model = ArticlePage
        fields = [
            "section",
            "reporter",
            "status",
            "article_type",
            "first_published_at",
            "latest_revision_created_at",
        ]

    def filter_section(self, queryset, name, section):
        return queryset.filter(path__startswith=section.path, depth__gt=section.depth)

    def filter_reporter(self, queryset, name, reporter):
        return queryset.filter(
            pk__in=ArticleReporter.objects.filter(reporter=reporter).values("page_id")
        )

    def filter_status(self, queryset, name, status):
        return filter_by_status(queryset, status)


class BylineColumn(Column):
    def get_value(self, article):
        return article.byline


class StatusColumn(Column):
    cell_template_name = "editorial/listing/status_cell.html"

    def get_value(self, article):
        return status_labels(article)


def section_path():
    """The parent's path: sorting on it lists sections in the menu's (tree) order."""
    return Substr("path", 1, Length("path") - Page.steplen)


def first_reporter_name():
    return Subquery(
        ArticleReporter.objects.filter(page_id=OuterRef("pk"))
        .order_by("sort_order", "pk")
        .values("reporter__name")[:1]
    )


def scheduled_at():
    return Subquery(
        Revision.page_revisions.filter(
            approved_go_live_at__isnull=False,
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
        .order_by("-approved_go_live_at")
        .values("approved_go_live_at")[:1]
    )


def prefetch_bylines():
    return Prefetch(
        "article_reporters",
        queryset=ArticleReporter.objects.select_related("reporter").order_by("sort_order"),
    )


ARTICLE_COLUMNS = [
    BulkActionsColumn("bulk_actions"),
    PageTitleColumn("title", label="제목", sort_key="title", classname="title"),
    ParentPageColumn("parent", label="섹션", sort_key="section", width="10%"),
    BylineColumn("byline", label="기자", sort_key="reporter", width="12%"),
    Column("article_type", label="유형", accessor="get_article_type_display", width="7%"),
    StatusColumn("status", label="상태", width="14%"),
    Column(
        "latest_revision_created_at",
        label="최근 수정",
        accessor=lambda article: kst(article.latest_revision_created_at),
        sort_key="latest_revision_created_at",
        width="11%",
    ),
    Column(
        "first_published_at",
        label="입력",
        accessor=lambda article: kst(article.first_published_at),
        sort_key="first_published_at",
        width="11%",
    ),
]


class ArticleIndexView(IndexView):
    page_title = "기사 목록"
    paginate_by = 30
    default_ordering = "-latest_revision_created_at"
    base_columns = ARTICLE_COLUMNS
    # Sort keys ordered by expressions: annotations the search backend would refuse by
    # name, and NULLs (drafts have no 입력) last either way.
    EXPRESSION_ORDERINGS = {
        "section": section_path,
        "reporter": first_reporter_name,
        "first_published_at": lambda: F("first_published_at"),
    }

    def get_base_queryset(self):
        # Binned articles are unpublished pages still in the tree: not the desk's work.
        return super().get_base_queryset().exclude(pk__in=binned_page_ids())

    def annotate_queryset(self, pages):
        return (
            super()
            .annotate_queryset(pages)
            .annotate(scheduled_at=scheduled_at())
            .prefetch_related(prefetch_bylines())
        )

    def order_queryset(self, queryset):
        ordering = self.ordering or ""
        expression = self.EXPRESSION_ORDERINGS.get(ordering.lstrip("-"))
        if expression is None or (self.is_searching and not self.is_explicitly_ordered):
            return super().order_queryset(queryset)
        descending = ordering.startswith("-")
        first = expression()
        first = first.desc(nulls_last=True) if descending else first.asc(nulls_last=True)
        return queryset.order_by(
            first, F("latest_revision_created_at").desc(nulls_last=True), F("pk").desc()
        )

    def search_queryset(self, queryset):
        # Wagtail's page listings autocomplete on titles only; the desk searches the
        # whole article (subtitle, lead, body, tags, reporters) through the Korean
        # analyser, as readers do.
        if not self.is_searching:
            return queryset
        return get_search_backend().search(
            self.search_query,
            queryset,
            order_by_relevance=not self.is_explicitly_ordered,
        )


class ArticleListingViewSet(PageListingViewSet):
    model = ArticlePage
    index_view_class = ArticleIndexView
    filterset_class = ArticleFilterSet
    columns = ARTICLE_COLUMNS
    icon = "doc-full-inverse"
    menu_label = "기사 목록"
    menu_order = 150
    add_to_admin_menu = True
