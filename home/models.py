"""The front page, the standard pages and the legal masthead shown on every page."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, Site

from news.blocks import StandardBodyBlock
from news.models import NewsImage

HEADLINE_SLOTS = 6


class HomePage(Page):
    """The front page: a curated top story and headlines, then automatic blocks.

    How the page is filled (home/front_page.py) is documented in var/notes-front.md.
    """

    top_story = models.ForeignKey(
        "news.ArticlePage",
        verbose_name="톱기사",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="비워 두면 최근 48시간 기사 중 등급(헤드라인 › 중요 › 일반)과 최신순으로 정해집니다.",
    )
    top_story_title = models.CharField(
        "첫 화면 제목",
        max_length=200,
        blank=True,
        help_text="첫 화면에서만 쓰는 제목. 비워 두면 기사 제목이 나옵니다.",
    )
    top_story_image = models.ForeignKey(
        NewsImage,
        verbose_name="첫 화면 사진",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="첫 화면에서만 쓰는 사진. 비워 두면 기사의 대표 사진이 나옵니다.",
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.SectionPage", "home.StandardPage", "contact.ContactFormPage"]
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                PageChooserPanel("top_story", "news.ArticlePage"),
                FieldPanel("top_story_title"),
                FieldPanel("top_story_image"),
            ],
            heading="톱기사",
        ),
        InlinePanel(
            "headlines",
            heading="헤드라인",
            label="헤드라인",
            max_num=HEADLINE_SLOTS,
            help_text=(
                f"톱기사 옆에 나오는 기사 {HEADLINE_SLOTS}개까지, 순서대로. 모자라는 자리는 "
                "등급과 최신순으로 자동으로 채워집니다."
            ),
        ),
    ]

    class Meta:
        verbose_name = "첫 화면"
        verbose_name_plural = "첫 화면"

    def get_context(self, request, *args, **kwargs):
        from .front_page import build_front_page

        context = super().get_context(request, *args, **kwargs)
        context["front"] = build_front_page(self)
        return context


class HomePageHeadline(Orderable):
    """One curated headline slot of the front page."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="headlines")
    article = models.ForeignKey(
        "news.ArticlePage",
        verbose_name="기사",
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        "첫 화면 제목",
        max_length=200,
        blank=True,
        help_text="첫 화면에서만 쓰는 제목. 비워 두면 기사 제목이 나옵니다.",
    )
    image = models.ForeignKey(
        NewsImage,
        verbose_name="첫 화면 사진",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="비워 두면 기사의 대표 사진이 나옵니다.",
    )

    panels = [
        PageChooserPanel("article", "news.ArticlePage"),
        FieldPanel("title"),
        FieldPanel("image"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "헤드라인"
        verbose_name_plural = "헤드라인"


class StandardPage(Page):
    """회사소개, 청소년보호정책, 개인정보처리방침 and the other fixed pages in the footer."""

    body = StreamField(StandardBodyBlock(), verbose_name="본문")

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    content_panels = [*Page.content_panels, FieldPanel("body")]

    class Meta:
        verbose_name = "안내 페이지"
        verbose_name_plural = "안내 페이지"


class Masthead(models.Model):
    """매체정보: what 신문 등의 진흥에 관한 법률 requires on every page; one per site."""

    site = models.OneToOneField(
        Site, verbose_name="사이트", on_delete=models.CASCADE, related_name="masthead"
    )
    title = models.CharField("제호", max_length=100, default="충청신문")
    company_name = models.CharField("법인명", max_length=100)
    address = models.CharField("주소", max_length=200)
    phone = models.CharField("대표전화", max_length=30)
    fax = models.CharField("팩스", max_length=30, blank=True)
    youth_protection_officer = models.CharField("청소년보호책임자", max_length=50)
    registration_number = models.CharField("등록번호", max_length=50, help_text="예: 대전 가 00006")
    registration_date = models.DateField("등록일")
    publisher = models.CharField("발행·편집인", max_length=50)
    president = models.CharField("사장", max_length=50, blank=True)
    open_reporting_principle = models.TextField(
        "열린보도원칙",
        blank=True,
        help_text="반론·정정·추후보도 요청 창구를 알리는 문구.",
    )
    complaints_officer_name = models.CharField("고충처리인 이름", max_length=50)
    complaints_officer_phone = models.CharField("고충처리인 전화", max_length=30)
    complaints_officer_email = models.EmailField("고충처리인 이메일")
    copyright_line = models.CharField(
        "저작권 표시",
        max_length=200,
        help_text="예: Copyright © 2024 충청신문. All rights reserved.",
    )
    contact_email = models.EmailField("대표 이메일")
    article_copyright_notice = models.CharField(
        "기사 저작권 문구",
        max_length=200,
        default="저작권자 © 충청신문 무단전재 및 재배포 금지",
        help_text="모든 기사 끝에 표시됩니다.",
    )
    logo = models.ForeignKey(
        NewsImage,
        verbose_name="로고",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "검색엔진(구글 뉴스의 발행처 로고)과 SNS 공유에 쓰입니다. 가로·세로 112px 이상의 "
            "PNG나 JPG. 비워 두면 기본 로고(충청신문 글자)가 쓰입니다."
        ),
    )

    panels = [
        FieldPanel("site"),
        MultiFieldPanel(
            [
                FieldPanel("title"),
                FieldPanel("logo"),
                FieldPanel("company_name"),
                FieldPanel("registration_number"),
                FieldPanel("registration_date"),
                FieldPanel("publisher"),
                FieldPanel("president"),
                FieldPanel("youth_protection_officer"),
            ],
            heading="등록 사항",
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("fax"),
                FieldPanel("contact_email"),
            ],
            heading="연락처",
        ),
        MultiFieldPanel(
            [
                FieldPanel("open_reporting_principle"),
                FieldPanel("complaints_officer_name"),
                FieldPanel("complaints_officer_phone"),
                FieldPanel("complaints_officer_email"),
            ],
            heading="열린보도원칙과 고충처리인",
        ),
        MultiFieldPanel(
            [FieldPanel("copyright_line"), FieldPanel("article_copyright_notice")],
            heading="저작권",
        ),
    ]

    class Meta:
        verbose_name = "매체정보"
        verbose_name_plural = "매체정보"

    def __str__(self):
        return f"{self.title} ({self.site})"

    @classmethod
    def for_request(cls, request):
        """The masthead of the request's site, looked up once per request."""
        if not hasattr(request, "_masthead"):
            site = Site.find_for_request(request)
            request._masthead = cls.objects.filter(site=site).first() if site else None
        return request._masthead
