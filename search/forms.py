"""The reader's search: the query and its filters, validated like any other form input."""

import datetime

from django import forms
from django.http import QueryDict

MAX_QUERY_LENGTH = 1000  # as much of a query as the analyser reads (analysis.MAX_QUERY_LENGTH)
SORT_CHOICES = [("relevance", "정확도순"), ("newest", "최신순")]
PERIOD_CHOICES = [("", "전체"), ("1d", "1일"), ("1w", "1주"), ("1m", "1개월"), ("1y", "1년")]
ALL_SECTIONS = ("", "전체 섹션")


def without_nul(data):
    """A copy of the request's data with NUL characters removed from every value.

    PostgreSQL cannot store or compare NUL; a stray %00 in a shared link should
    search for the rest of the text rather than fail.
    """
    if not isinstance(data, QueryDict):
        return {key: str(value).replace("\x00", "") for key, value in data.items()}
    clean = QueryDict(mutable=True)
    for key, values in data.lists():
        clean.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
    return clean


def period_start(period, now):
    """The earliest publication time a period allows; None for 전체."""
    if period == "1d":
        return now - datetime.timedelta(days=1)
    if period == "1w":
        return now - datetime.timedelta(days=7)
    if period == "1m":
        return _months_before(now, 1)
    if period == "1y":
        return _months_before(now, 12)
    return None


def _months_before(moment, months):
    """The same day and time `months` calendar months earlier (3월 31일 → 2월 28일)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for day in (moment.day, 30, 29, 28):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise ValueError(moment)  # unreachable: every month has a 28th


class SearchForm(forms.Form):
    q = forms.CharField(
        max_length=MAX_QUERY_LENGTH,
        required=False,
        strip=True,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "id": "search-q",
                "placeholder": "검색어를 입력하세요",
                "autocomplete": "off",
                "enterkeyhint": "search",
            }
        ),
        error_messages={
            "max_length": f"검색어는 {MAX_QUERY_LENGTH:,}자 이내로 입력해 주세요.",
        },
    )
    section = forms.ChoiceField(
        required=False,
        choices=[ALL_SECTIONS],
        widget=forms.Select(attrs={"id": "search-section"}),
        error_messages={
            "invalid_choice": "선택한 섹션을 찾을 수 없습니다. 섹션 목록에서 다시 골라 주세요.",
        },
    )
    period = forms.ChoiceField(
        required=False,
        choices=PERIOD_CHOICES,
        widget=forms.Select(attrs={"id": "search-period"}),
        error_messages={
            "invalid_choice": "기간은 1일, 1주, 1개월, 1년, 전체 가운데에서 골라 주세요.",
        },
    )
    sort = forms.ChoiceField(
        required=False,
        choices=SORT_CHOICES,
        widget=forms.Select(attrs={"id": "search-sort"}),
        error_messages={
            "invalid_choice": "정렬은 정확도순과 최신순 가운데에서 골라 주세요.",
        },
    )
    # Any value: Paginator.get_page() turns text, negatives and overshoots into a real page.
    page = forms.CharField(required=False)

    def __init__(self, data=None, *, sections=(), **kwargs):
        super().__init__(without_nul(data) if data is not None else None, **kwargs)
        self.sections = {section.slug: section for section in sections}
        self.fields["section"].choices = [ALL_SECTIONS] + [
            (section.slug, section.title) for section in sections
        ]

    def clean_q(self):
        # One space between words, so "대전   세종" and "대전 세종" are one search.
        return " ".join(self.cleaned_data["q"].split())

    def clean_sort(self):
        return self.cleaned_data["sort"] or "relevance"

    def full_clean(self):
        super().full_clean()
        # Point each invalid field at its message for screen readers.
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-invalid"] = "true"
                widget.attrs["aria-describedby"] = f"search-{name}-error"

    @property
    def selected_section(self):
        """The chosen top-level section, or None for all sections."""
        return self.sections.get(self.cleaned_data.get("section") or "")

    @property
    def error_messages_text(self):
        return [message for messages in self.errors.values() for message in messages]
