"""The banner editing form: HTML banners only for editors holding the trusted-HTML permission."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from news.models import SectionPage

from .models import TRUSTED_HTML_PERMISSION, BannerKind, validate_web_url

HTML_REFUSED = (
    "고를 수 없는 종류입니다. HTML 광고는 'HTML 광고 편집' 권한이 있는 편집자만 만들 수 있습니다. "
    "이미지 광고를 고르거나 권한이 있는 편집자에게 부탁해 주세요."
)


class SectionChoices(forms.ModelMultipleChoiceField):
    """Sections by their full path (지역 › 대전), so two 대전 under different parents differ."""

    _titles = None

    def label_from_instance(self, section):
        if self._titles is None:
            self._titles = dict(SectionPage.objects.values_list("path", "title"))
        steps = range(section.steplen, len(section.path) + 1, section.steplen)
        titles = [
            self._titles[section.path[:end]] for end in steps if section.path[:end] in self._titles
        ]
        return " › ".join(titles) or section.title


class WebURLField(forms.URLField):
    """http(s) addresses only; one typed without a scheme is taken as https://."""

    default_validators = [validate_web_url]
    default_error_messages = {"invalid": validate_web_url.message}

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class BannerForm(WagtailAdminModelForm):
    """The `html` field's panel requires the permission (Wagtail leaves it out of the form
    for everyone else); this form also refuses making a banner HTML without it.

    The HTML is put into pages as written, so whoever holds the permission can put any
    markup, including scripts and tracking, on every page: give it to few people.
    """

    class Meta:
        field_classes = {"sections": SectionChoices, "link_url": WebURLField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        self.may_edit_html = bool(user and user.has_perm(TRUSTED_HTML_PERMISSION))
        # Saved as HTML by a trusted editor: others may still change its dates or switch it off.
        self.was_html = bool(self.instance.pk) and self.instance.kind == BannerKind.HTML
        kind = self.fields.get("kind")
        if kind is not None and not self.may_edit_html and not self.was_html:
            kind.choices = [choice for choice in kind.choices if choice[0] != BannerKind.HTML]
            kind.help_text = "HTML 광고는 'HTML 광고 편집' 권한이 있는 편집자만 만들 수 있습니다."
            kind.error_messages["invalid_choice"] = HTML_REFUSED
        if "sections" in self.fields:
            self.fields["sections"].queryset = SectionPage.objects.order_by("path")
        if "link_url" in self.fields:
            self.fields["link_url"].widget.attrs.setdefault("placeholder", "https://")

    def clean(self):
        cleaned_data = super().clean()
        if (
            cleaned_data.get("kind") == BannerKind.HTML
            and not self.may_edit_html
            and not self.was_html
        ):
            self.add_error("kind", HTML_REFUSED)
        return cleaned_data

    def _update_errors(self, errors):
        # The model's own checks may name a field this user's form leaves out (html):
        # show those above the form instead of failing.
        if hasattr(errors, "error_dict"):
            placed = {}
            for field, messages in errors.error_dict.items():
                key = field if field in self.fields else NON_FIELD_ERRORS
                placed.setdefault(key, []).extend(messages)
            errors = ValidationError(placed)
        super()._update_errors(errors)
