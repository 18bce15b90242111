"""리포트 › 많이 본 기사: the newsroom's view of the rankings, with counts and CSV/XLSX export."""

import django_filters
from django import forms
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from news.models import ArticlePage, SectionPage
from news.templatetags.news_tags import kst

from .queries import PERIOD_DAYS, PERIOD_LABELS, ranked_articles


def _ranked_elsewhere(queryset, name, value):
    return queryset  # MostReadReportView.get_queryset filters and ranks in one go


class MostReadFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label="기간",
        choices=list(PERIOD_LABELS.items()),
        empty_label=None,
        method=_ranked_elsewhere,
        widget=forms.RadioSelect,
    )
    section = django_filters.ModelChoiceFilter(
        label="섹션 (하위 섹션 포함)",
        queryset=SectionPage.objects.order_by("path"),
        empty_label="전체",
        method=_ranked_elsewhere,
    )

    class Meta:
        model = ArticlePage
        fields = ["period", "section"]


class MostReadReportView(ReportView):
    """Live public articles by views in the last 24 hours, 7 or 30 days."""

    page_title = "많이 본 기사"
    header_icon = "view"
    index_url_name = "readership_most_read"
    index_results_url_name = "readership_most_read_results"
    results_template_name = "readership/admin/most_read_results.html"
    filterset_class = MostReadFilterSet
    no_results_message = "이 기간에 집계된 조회수가 없습니다. 조회수는 1분마다 반영됩니다."
    columns = [
        TitleColumn(
            "title",
            label="제목",
            url_name="wagtailadmin_pages:edit",
        ),
        Column("first_published_at", label="입력", accessor=lambda a: kst(a.first_published_at)),
        Column("views", label="조회수", accessor=lambda a: round(a.score)),
    ]
    list_export = ["title", "article_number", "first_published_at", "views"]
    export_headings = {
        "title": "제목",
        "article_number": "기사 번호",
        "first_published_at": "입력",
        "views": "조회수",
    }

    def get_queryset(self):
        period = self.request.GET.get("period")
        if period not in PERIOD_DAYS:
            period = "day"
        section = None
        section_id = self.request.GET.get("section", "")
        if section_id.isascii() and section_id.isdigit():  # '²'.isdigit() is true
            section = SectionPage.objects.filter(pk=int(section_id)).first()
        return ranked_articles(period, section).defer_streamfields()

    def decorate_paginated_queryset(self, object_list):
        for article in object_list:
            article.views = round(article.score)
        return object_list

    def get_filename(self):
        return "most-read"


@hooks.register("register_admin_urls")
def register_most_read_urls():
    urls = [
        path("", MostReadReportView.as_view(), name="readership_most_read"),
        path(
            "results/",
            MostReadReportView.as_view(results_only=True),
            name="readership_most_read_results",
        ),
    ]
    return [path("reports/most-read/", include(urls))]


@hooks.register("register_reports_menu_item")
def register_most_read_menu_item():
    return MenuItem(
        "많이 본 기사",
        reverse("readership_most_read"),
        name="most-read",
        icon_name="view",
        order=640,
    )
