"""Filters of the comment moderation listing: status (and 신고됨), article, date, author."""

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Q
from django_filters.fields import DateRangeField
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets import AdminPageChooser

from news.models import ArticlePage

from .models import Comment

REPORTED = "reported"


class PickerDateRangeField(DateRangeField):
    """Dates as the admin's date picker types them (WAGTAIL_DATE_FORMAT, 2022.04.07) or ISO."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        picker_format = getattr(settings, "WAGTAIL_DATE_FORMAT", "%Y-%m-%d")
        for field in self.fields:
            field.input_formats = [picker_format, "%Y-%m-%d"]


class PickerDateRangeFilter(django_filters.DateFromToRangeFilter):
    field_class = PickerDateRangeField


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="상태",
        choices=[*Comment.Status.choices, (REPORTED, "신고됨")],
        method="filter_status",
        empty_label="전체",
        widget=forms.RadioSelect,
    )
    # A chooser, not a <select>: the paper has a hundred thousand articles.
    article = django_filters.ModelChoiceFilter(
        label="기사",
        queryset=ArticlePage.objects.all(),
        widget=AdminPageChooser(target_models=[ArticlePage]),
    )
    created_at = PickerDateRangeFilter(label="작성일", widget=DateRangePickerWidget)
    author = django_filters.CharFilter(
        label="작성자",
        method="filter_author",
        help_text="닉네임이나 이메일의 일부",
    )

    class Meta:
        model = Comment
        fields = ["status", "article", "created_at", "author"]

    def filter_status(self, queryset, name, value):
        if value == REPORTED:
            return queryset.filter(report_count__gt=0)
        return queryset.filter(status=value)

    def filter_author(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(author__reader_profile__display_name__icontains=value)
            | Q(author__email__icontains=value)
        )
