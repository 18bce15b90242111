"""기사제보 and 정정·반론보도 청구: Wagtail form pages whose submissions are stored and mailed."""

import logging

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from modelcluster.fields import ParentalKey
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from home.models import Masthead
from news.templatetags.news_tags import kst

from .forms import CONSENT_FIELD, HONEYPOT_FIELD, RESERVED_NAMES, ContactFormBuilder
from .ratelimit import SubmissionLimit

logger = logging.getLogger(__name__)

# Wagtail's types (without "hidden": nothing a reader cannot see is asked of them) and a phone.
FIELD_TYPE_CHOICES = (
    ("singleline", "한 줄 글"),
    ("multiline", "여러 줄 글"),
    ("email", "이메일"),
    ("phone", "전화번호"),
    ("url", "인터넷 주소"),
    ("number", "숫자"),
    ("date", "날짜"),
    ("datetime", "날짜와 시각"),
    ("dropdown", "목록에서 하나 고르기"),
    ("radio", "단추로 하나 고르기"),
    ("checkboxes", "여러 개 고르기"),
    ("multiselect", "목록에서 여러 개 고르기"),
    ("checkbox", "체크 상자 하나"),
)

DEFAULT_PRIVACY_NOTICE = """\
1. 수집·이용 목적: 접수한 내용의 확인, 처리와 회신
2. 수집 항목: 이름, 연락처(전화번호), 이메일 주소, 그 밖에 적어 주신 내용
3. 보유·이용 기간: 접수일로부터 1년. 기간이 지나면 지체 없이 파기합니다. 관계 법령이 따로 정한 경우에는 그 기간 동안 보관합니다.
4. 동의를 거부할 권리가 있습니다. 다만 동의하지 않으면 접수할 수 없습니다."""


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactFormPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField("입력 형식", max_length=16, choices=FIELD_TYPE_CHOICES)
    field_type.required_on_save = True
    max_length = models.PositiveIntegerField(
        "최대 글자 수",
        null=True,
        blank=True,
        validators=[
            MinValueValidator(1, "1자 이상이어야 합니다."),
            MaxValueValidator(20000, "20,000자 이하여야 합니다."),
        ],
        help_text="한 줄 글과 여러 줄 글에만 쓰입니다. 비워 두면 한 줄 200자, 여러 줄 5,000자.",
    )

    panels = [*AbstractFormField.panels, FieldPanel("max_length")]

    class Meta(AbstractFormField.Meta):
        verbose_name = "입력 항목"
        verbose_name_plural = "입력 항목"

    def get_field_clean_name(self):
        # The consent box and the honeypot have these names on every form.
        name = super().get_field_clean_name()
        return f"{name}_field" if name in RESERVED_NAMES else name


class ContactFormPage(AbstractEmailForm):
    """A form readers send to the newsroom; one page per purpose (제보, 정정·반론보도 청구)."""

    class Recipient(models.TextChoices):
        NEWSROOM = "newsroom", "매체정보의 대표 이메일 (기사제보)"
        COMPLAINTS = "complaints", "매체정보의 고충처리인 이메일 (정정·반론보도 청구)"

    intro = RichTextField(
        "안내문",
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text="양식 위에 보이는 안내. 무엇을 적으면 좋은지, 언제 답을 받는지 알려 주세요.",
    )
    recipient = models.CharField(
        "받는 사람",
        max_length=20,
        choices=Recipient.choices,
        default=Recipient.NEWSROOM,
        help_text="보낼 때마다 매체정보에서 주소를 읽습니다. 매체정보에 주소가 없으면 아래 예비 주소로 보냅니다.",
    )
    privacy_notice = models.TextField(
        "개인정보 수집·이용 안내",
        default=DEFAULT_PRIVACY_NOTICE,
        help_text="동의란 위에 보입니다. 개인정보 보호법에 따라 목적, 항목, 보유 기간, 거부할 권리를 적어야 합니다.",
    )
    thank_you_text = RichTextField(
        "접수 완료 안내",
        blank=True,
        features=["bold", "italic", "link"],
        help_text="보낸 뒤에 보이는 글. 비워 두면 기본 안내가 보입니다.",
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    form_builder = ContactFormBuilder
    template = "contact/contact_form_page.html"
    landing_page_template = "contact/contact_form_page_landing.html"

    content_panels = [
        FormSubmissionsPanel(),
        *AbstractEmailForm.content_panels,
        FieldPanel("intro"),
        InlinePanel("form_fields", label="입력 항목"),
        FieldPanel("privacy_notice"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldPanel("recipient"),
                FieldPanel(
                    "to_address",
                    heading="예비 받는 주소",
                    help_text="매체정보에 주소가 없을 때만 씁니다. 여러 주소는 쉼표로 나눕니다.",
                ),
                FieldPanel("from_address", heading="보내는 주소"),
                FieldPanel("subject", heading="메일 제목"),
            ],
            heading="메일 보내기",
        ),
    ]

    class Meta:
        verbose_name = "독자 접수 양식"
        verbose_name_plural = "독자 접수 양식"

    # Readers' side

    def get_data_fields(self):
        return [*super().get_data_fields(), (CONSENT_FIELD, "개인정보 수집·이용 동의")]

    def serve(self, request, *args, **kwargs):
        """The form; a submission stored and mailed; 429 when one address sends too many.

        Form pages are never cached: each carries its reader's CSRF token.
        """
        status = 200
        rate_limited = None
        if request.method == "POST":
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            limit = SubmissionLimit(request)
            if limit.exceeded():
                rate_limited = limit.minutes_left()
                status = 429
            elif form.trapped:
                limit.record()
                logger.info("Contact form %s: honeypot filled, submission dropped", self.pk)
                response = self.render_landing_page(request, None, *args, **kwargs)
                add_never_cache_headers(response)
                return response
            elif form.is_valid():
                limit.record()
                submission = self.process_form_submission(form)
                response = self.render_landing_page(request, submission, *args, **kwargs)
                add_never_cache_headers(response)
                return response
        else:
            form = self.get_form(page=self, user=request.user)
        context = self.get_context(request)
        context.update(
            form=form,
            reader_fields=form.reader_fields(),
            consent_field=form[CONSENT_FIELD],
            honeypot_field=form[HONEYPOT_FIELD],
            rate_limited=rate_limited,
        )
        response = TemplateResponse(request, self.get_template(request), context, status=status)
        add_never_cache_headers(response)
        return response

    def process_form_submission(self, form):
        submission = self.get_submission_class().objects.create(
            form_data=form.submission_data(), page=self
        )
        try:
            self.send_mail(form, submission)
        except Exception:  # stored already: the desk finds it in the admin
            logger.exception(
                "Contact form %s: submission %s stored, mail failed", self.pk, submission.pk
            )
        return submission

    # Mail to the newsroom

    def recipients(self):
        """The masthead's address for this form's purpose, read now; else the page's own."""
        site = self.get_site()
        masthead = Masthead.objects.filter(site=site).first() if site else None
        if masthead is not None:
            address = (
                masthead.complaints_officer_email
                if self.recipient == self.Recipient.COMPLAINTS
                else masthead.contact_email
            )
            if address:
                return [address]
        return [address.strip() for address in self.to_address.split(",") if address.strip()]

    def send_mail(self, form, submission=None):
        addresses = self.recipients()
        if not addresses:
            logger.warning("Contact form %s: no address to mail the submission to", self.pk)
            return
        # The desk answers by replying: to the first e-mail address the reader gave.
        reply_to = [
            form.cleaned_data[name]
            for name, field in form.fields.items()
            if isinstance(field, forms.EmailField) and form.cleaned_data.get(name)
        ][:1]
        send_mail(
            self.subject or f"[{self.title}] 새 접수",
            self.render_email(form, submission),
            addresses,
            self.from_address,
            reply_to=reply_to or None,
        )

    def render_email(self, form, submission=None):
        lines = [f"{self.title}에 새 접수가 있습니다.", ""]
        if submission is not None:
            lines.append(f"접수번호: {submission.pk}")
            lines.append(f"접수 시각: {kst(submission.submit_time or timezone.now())}")
            lines.append("")
        for bound_field in form.reader_fields():
            value = form.cleaned_data.get(bound_field.name)
            if isinstance(value, list):
                value = ", ".join(value)
            elif isinstance(value, bool):
                value = "예" if value else "아니요"
            elif value is None:
                value = ""
            lines.append(f"■ {bound_field.label}")
            lines.append(str(value) or "(없음)")
            lines.append("")
        lines.append("개인정보 수집·이용 동의: 예")
        lines.append("")
        lines.append(f"관리 화면에서 보기: {self.submissions_admin_url()}")
        return "\n".join(lines)

    def submissions_admin_url(self):
        base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
        return base + reverse("wagtailforms:list_submissions", args=[self.pk])
