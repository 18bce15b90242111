"""The 광고 admin menu (banners with their totals) and the 광고 통계 report (daily counts)."""

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.urls import include, path, reverse
from django_filters.fields import DateRangeField
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from news.templatetags.news_tags import kst

from .forms import BannerForm
from .models import TRUSTED_HTML_PERMISSION, Banner, BannerDailyStats, BannerKind, BannerSlot

VIEWING = ["add", "change", "delete", "view"]


def period(banner):
    end = kst(banner.ends_at) if banner.ends_at else "계속"
    return f"{kst(banner.starts_at)} ~ {end}"


def click_rate(impressions, clicks):
    return f"{clicks / impressions:.2%}" if impressions else "-"


class BannerFilterSet(WagtailFilterSet):
    slot = django_filters.ChoiceFilter(
        label="위치", choices=BannerSlot.choices, empty_label="전체", widget=forms.RadioSelect
    )
    kind = django_filters.ChoiceFilter(
        label="종류", choices=BannerKind.choices, empty_label="전체", widget=forms.RadioSelect
    )
    active = django_filters.BooleanFilter(label="사용")

    class Meta:
        model = Banner
        fields = ["slot", "kind", "active"]


class BannerViewSet(SnippetViewSet):
    model = Banner
    icon = "pick"
    menu_label = "광고"
    menu_name = "ads"
    menu_order = 250
    add_to_admin_menu = True
    add_to_reference_index = False
    filterset_class = BannerFilterSet
    search_fields = ["name", "advertiser"]
    search_backend_name = None  # plain icontains: banners are not in the search index
    ordering = "-starts_at"
    list_display = [
        "name",
        Column("slot", label="위치", accessor="get_slot_display", sort_key="slot"),
        Column("kind", label="종류", accessor="get_kind_display"),
        Column("period", label="게재 기간", accessor=period, sort_key="starts_at"),
        Column("status", label="상태", accessor=lambda banner: banner.status()),
        Column("weight", label="가중치", sort_key="weight"),
        Column("total_impressions", label="노출", sort_key="total_impressions"),
        Column("total_clicks", label="클릭", sort_key="total_clicks"),
        Column(
            "click_rate",
            label="클릭률",
            accessor=lambda banner: click_rate(banner.total_impressions, banner.total_clicks),
        ),
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("name"), FieldPanel("advertiser"), FieldPanel("slot")],
                heading="광고",
            ),
            MultiFieldPanel(
                [
                    FieldPanel("kind", widget=forms.RadioSelect),
                    FieldPanel("image"),
                    FieldPanel("alt_text"),
                    # Left out of the form for editors without the permission (Wagtail
                    # removes the field, so a posted value is ignored); see BannerForm.
                    FieldPanel("html", permission=TRUSTED_HTML_PERMISSION),
                    FieldPanel("link_url"),
                ],
                heading="내용",
            ),
            MultiFieldPanel(
                [
                    FieldPanel("starts_at"),
                    FieldPanel("ends_at"),
                    FieldPanel("sections", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("weight"),
                    FieldPanel("active"),
                ],
                heading="게재 설정",
            ),
        ],
        base_form_class=BannerForm,
    )

    def get_queryset(self, request):
        return Banner.objects.annotate(
            total_impressions=Coalesce(Sum("daily_stats__impressions"), 0),
            total_clicks=Coalesce(Sum("daily_stats__clicks"), 0),
        )


register_snippet(BannerViewSet)


class PickerDateRangeField(DateRangeField):
    """Dates as the admin's picker writes them (WAGTAIL_DATE_FORMAT, 2022.04.07) or ISO."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        picker_format = getattr(settings, "WAGTAIL_DATE_FORMAT", "%Y-%m-%d")
        for field in self.fields:
            field.input_formats = [picker_format, "%Y-%m-%d"]


class PickerDateRangeFilter(django_filters.DateFromToRangeFilter):
    field_class = PickerDateRangeField


class BannerStatsFilterSet(WagtailFilterSet):
    banner = django_filters.ModelChoiceFilter(
        label="광고", queryset=Banner.objects.order_by("name"), empty_label="전체"
    )
    day = PickerDateRangeFilter(label="날짜", widget=DateRangePickerWidget)

    class Meta:
        model = BannerDailyStats
        fields = ["banner", "day"]


class BannerStatsReportView(ReportView):
    """광고 통계: impressions and clicks per banner and day, with totals; CSV/XLSX export."""

    page_title = "광고 통계"
    header_icon = "pick"
    results_template_name = "ads/admin/stats_results.html"
    index_url_name = "ads_banner_stats"
    index_results_url_name = "ads_banner_stats_results"
    filterset_class = BannerStatsFilterSet
    permission_policy = ModelPermissionPolicy(Banner)
    any_permission_required = VIEWING
    no_results_message = "아직 집계된 노출이나 클릭이 없습니다. 집계는 1분마다 반영됩니다."
    columns = [
        Column("banner", label="광고", accessor="banner.name"),
        Column("slot", label="위치", accessor="banner.get_slot_display"),
        Column("day", label="날짜", accessor=lambda row: f"{row.day:%Y.%m.%d}"),
        Column("impressions", label="노출"),
        Column("clicks", label="클릭"),
        Column(
            "rate", label="클릭률", accessor=lambda row: click_rate(row.impressions, row.clicks)
        ),
    ]
    list_export = ["banner.name", "day", "impressions", "clicks"]
    export_headings = {
        "banner.name": "광고",
        "day": "날짜",
        "impressions": "노출",
        "clicks": "클릭",
    }

    def get_queryset(self):
        return BannerDailyStats.objects.select_related("banner").order_by("-day", "banner__name")

    def get_filename(self):
        return "banner-stats"

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        totals = self.object_list.aggregate(
            impressions=Coalesce(Sum("impressions"), 0), clicks=Coalesce(Sum("clicks"), 0)
        )
        totals["rate"] = click_rate(totals["impressions"], totals["clicks"])
        context["totals"] = totals
        return context


class BannerStatsMenuItem(MenuItem):
    def is_shown(self, request):
        return ModelPermissionPolicy(Banner).user_has_any_permission(request.user, VIEWING)


@hooks.register("register_admin_urls")
def register_banner_stats_urls():
    urls = [
        path("", BannerStatsReportView.as_view(), name="ads_banner_stats"),
        path(
            "results/",
            BannerStatsReportView.as_view(results_only=True),
            name="ads_banner_stats_results",
        ),
    ]
    return [path("reports/banner-stats/", include(urls))]


@hooks.register("register_reports_menu_item")
def register_banner_stats_menu_item():
    return BannerStatsMenuItem(
        "광고 통계", reverse("ads_banner_stats"), name="banner-stats", icon_name="pick", order=650
    )
