"""The article edit form: checks that span the related-article and correction panels."""

import datetime

from django.utils import timezone
from wagtail.admin.forms import WagtailAdminPageForm

from .templatetags.news_tags import kst

# Clocks of the editor's machine and the server disagree a little.
FUTURE_TOLERANCE = datetime.timedelta(minutes=5)


class ArticlePageForm(WagtailAdminPageForm):
    # Wagtail's schedule fields, shorter than locale/ko/'s 게재 시작 시각, with what they do.
    SCHEDULE_LABELS = {
        "go_live_at": (
            "게재 시작",
            "정하고 게재를 누르면 이 시각에 게재됩니다(게재 예약). 그때까지 독자에게 보이지 않습니다.",
        ),
        "expire_at": ("게재 종료", "정하면 이 시각에 기사가 내려갑니다."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, (label, help_text) in self.SCHEDULE_LABELS.items():
            if name in self.fields:
                self.fields[name].label = label
                self.fields[name].help_text = help_text

    def clean(self):
        cleaned_data = super().clean()
        self._check_related_links()
        self._check_corrections()
        return cleaned_data

    def _kept_forms(self, formset_name):
        """The formset's filled-in rows the editor has not marked for deletion."""
        formset = self.formsets.get(formset_name)
        if formset is None or not formset.is_valid():
            return []  # the formset shows its own errors
        return [
            form
            for form in formset.forms
            if form.cleaned_data  # empty extra rows have none
            and not (formset.can_delete and formset._should_delete_form(form))
        ]

    def _check_related_links(self):
        seen = set()
        for form in self._kept_forms("related_links"):
            article = form.cleaned_data.get("article")
            if article is None:
                continue
            if self.instance.pk and article.pk == self.instance.pk:
                form.add_error("article", "이 기사 자신은 관련 기사로 고를 수 없습니다.")
            elif article.pk in seen:
                form.add_error("article", "같은 기사를 두 번 골랐습니다.")
            seen.add(article.pk)

    def _check_corrections(self):
        first_published_at = self.instance.first_published_at
        latest_allowed = timezone.now() + FUTURE_TOLERANCE
        for form in self._kept_forms("corrections"):
            corrected_at = form.cleaned_data.get("corrected_at")
            if corrected_at is None:
                continue
            if first_published_at and corrected_at < first_published_at:
                form.add_error(
                    "corrected_at",
                    f"정정 일시는 기사 입력 시각({kst(first_published_at)})보다 빠를 수 없습니다.",
                )
            elif corrected_at > latest_allowed:
                form.add_error("corrected_at", "정정 일시는 지금보다 늦을 수 없습니다.")
