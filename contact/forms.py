"""The readers' side of the form pages: fields with Korean messages, consent, a honeypot."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

CONSENT_FIELD = "privacy_consent"
HONEYPOT_FIELD = "hp_website"
RESERVED_NAMES = {CONSENT_FIELD, HONEYPOT_FIELD}

DEFAULT_MAX_LENGTH = {"singleline": 200, "multiline": 5000, "email": 254, "url": 500, "phone": 20}
CHOICE_TYPES = {"dropdown", "radio", "checkboxes", "multiselect"}

# 010-1234-5678, 02-252-0100, 042) 252-0100, 1588-0000, +82 10 1234 5678
PHONE_CHARACTERS = re.compile(r"^[0-9+()\-.\s]+$")
KOREAN_NUMBER = re.compile(r"^(?:0\d{8,10}|1[5-9]\d{6})$")
PHONE_INVALID = "전화번호 형식이 올바르지 않습니다. 예: 010-1234-5678, 042-252-0100"


def particle(word, with_final, without_final):
    """을/를, 은/는, 이/가 as the word's last syllable asks; 을(를) after non-Hangul."""
    last = word.rstrip()[-1:]
    if "가" <= last <= "힣":
        return with_final if (ord(last) - 0xAC00) % 28 else without_final
    return f"{with_final}({without_final})"


def validate_phone(value):
    if not PHONE_CHARACTERS.match(value):
        raise ValidationError(PHONE_INVALID, code="invalid")
    digits = re.sub(r"\D", "", value)
    if value.strip().startswith("+"):
        if not digits.startswith("82"):
            raise ValidationError("국내 전화번호를 적어 주세요. 예: 010-1234-5678", code="invalid")
        digits = "0" + digits[2:].lstrip("0")
    if not KOREAN_NUMBER.match(digits):
        raise ValidationError(PHONE_INVALID, code="invalid")


class ContactFormBuilder(FormBuilder):
    """Wagtail's form builder with a phone type, length limits and messages in Korean."""

    def get_field_options(self, field):
        options = super().get_field_options(field)
        label = field.label
        if field.field_type in CHOICE_TYPES:
            required = f"{label}{particle(label, '을', '를')} 선택해 주세요."
        elif field.field_type == "checkbox":
            required = f"'{label}'에 표시해 주세요."
        else:
            required = f"{label}{particle(label, '을', '를')} 입력해 주세요."
        # Django fills the message with `% params`: a % in the editor's label is literal.
        literal = label.replace("%", "%%")
        options["error_messages"] = {
            "required": required,
            "max_length": (
                f"{literal}{particle(label, '은', '는')} %(limit_value)d자 이내로 써 주세요 "
                "(지금 %(show_value)d자)."
            ),
            "null_characters_not_allowed": "입력할 수 없는 문자가 들어 있습니다.",
            "invalid_choice": "목록에 있는 항목 중에서 골라 주세요.",
            "invalid_list": "목록에 있는 항목 중에서 골라 주세요.",
        }
        return options

    def _limit(self, field, options, kind):
        limit = getattr(field, "max_length", None) or DEFAULT_MAX_LENGTH[kind]
        options["max_length"] = limit
        note = f"최대 {limit:,}자"
        # Wagtail has escaped the editor's help text already; keep it marked safe.
        help_text = options["help_text"]
        options["help_text"] = format_html("{} ({})", help_text, note) if help_text else note
        return limit

    def create_singleline_field(self, field, options):
        self._limit(field, options, "singleline")
        return forms.CharField(**options)

    def create_multiline_field(self, field, options):
        self._limit(field, options, "multiline")
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 8}), **options)

    def create_email_field(self, field, options):
        options["max_length"] = DEFAULT_MAX_LENGTH["email"]
        options["error_messages"]["invalid"] = (
            "이메일 주소 형식이 올바르지 않습니다. 예: name@example.com"
        )
        widget = forms.EmailInput(attrs={"autocomplete": "email"})
        return forms.EmailField(widget=widget, **options)

    def create_phone_field(self, field, options):
        options["max_length"] = DEFAULT_MAX_LENGTH["phone"]
        widget = forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"})
        return forms.CharField(widget=widget, validators=[validate_phone], **options)

    def create_url_field(self, field, options):
        options["max_length"] = DEFAULT_MAX_LENGTH["url"]
        options["error_messages"]["invalid"] = (
            "인터넷 주소 형식이 올바르지 않습니다. 예: https://www.dailycc.net/news/1"
        )
        return forms.URLField(assume_scheme="https", **options)

    def create_number_field(self, field, options):
        options["error_messages"]["invalid"] = "숫자만 입력해 주세요."
        return forms.DecimalField(max_digits=20, decimal_places=4, **options)

    def create_date_field(self, field, options):
        options["error_messages"]["invalid"] = "날짜를 2024.04.07 형식으로 입력해 주세요."
        return forms.DateField(**options)

    def create_datetime_field(self, field, options):
        options["error_messages"]["invalid"] = (
            "날짜와 시각을 2024.04.07 16:33 형식으로 입력해 주세요."
        )
        return forms.DateTimeField(**options)

    def get_form_class(self):
        return type("ContactForm", (ContactBaseForm,), self.formfields)


class ContactBaseForm(BaseForm):
    """Every reader form ends with the consent box and carries the honeypot.

    The honeypot is a text box people never see (off screen, out of the tab order, hidden
    from screen readers, autocomplete off, a name no browser autofills); scripts that fill
    every box fill it too.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Readers' typing is never cut by the browser: a long text gets the count instead.
        for field in self.fields.values():
            field.widget.attrs.pop("maxlength", None)
        self.fields[CONSENT_FIELD] = forms.BooleanField(
            label="위 개인정보 수집·이용에 동의합니다.",
            required=True,
            error_messages={
                "required": "개인정보 수집·이용에 동의해야 접수할 수 있습니다. 동의란에 표시해 주세요."
            },
        )
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label="이 칸은 비워 두세요",
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    @property
    def trapped(self):
        """The honeypot has text: a script filled in the form."""
        return bool(str(self.data.get(HONEYPOT_FIELD, "")).strip())

    def reader_fields(self):
        return [self[name] for name in self.fields if name not in RESERVED_NAMES]

    def submission_data(self):
        """What is stored: the reader's answers and the consent, not the honeypot."""
        return {name: value for name, value in self.cleaned_data.items() if name != HONEYPOT_FIELD}
