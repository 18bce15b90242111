"""Banner advertising: the banners editors schedule into slots, and their daily counts."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from wagtail.images import get_image_model_string
from wagtail.models import Page

TRUSTED_HTML_PERMISSION = "ads.edit_trusted_html"
LINK_TAG = re.compile(r"<a[\s>]", re.IGNORECASE)

validate_web_url = URLValidator(
    schemes=["http", "https"],
    message="http:// 또는 https://로 시작하는 올바른 인터넷 주소를 입력해 주세요.",
)


class BannerSlot(models.TextChoices):
    HEADER = "header", "상단 (머리글 아래)"
    ARTICLE_SIDE = "article_side", "기사 옆"
    INLINE = "inline", "기사 본문 중간 (문단 사이)"
    FOOTER = "footer", "하단 (바닥글 위)"


class BannerKind(models.TextChoices):
    IMAGE = "image", "이미지"
    HTML = "html", "HTML 코드"


class BannerQuerySet(models.QuerySet):
    def for_section_path(self, path):
        """Untargeted banners, plus those targeted to the page at `path` or any page above it.

        A banner targeted to 지역 shows on 지역, on 지역 › 대전 and on their articles: the
        ancestors of a page are the prefixes of its tree path.
        """
        targets = Banner.sections.through.objects.filter(banner=OuterRef("pk"))
        untargeted = ~Exists(targets)
        if not path:
            return self.filter(untargeted)
        steplen = Page.steplen
        ancestor_paths = [path[:end] for end in range(steplen, len(path) + 1, steplen)]
        return self.filter(
            untargeted | Exists(targets.filter(sectionpage__path__in=ancestor_paths))
        )


class Banner(models.Model):
    """One advertisement: an image with a link, or a block of HTML from a trusted editor."""

    name = models.CharField(
        "광고 이름",
        max_length=100,
        help_text="관리 화면에서 알아볼 이름. 독자에게는 보이지 않습니다.",
    )
    advertiser = models.CharField("광고주", max_length=100, blank=True)
    slot = models.CharField("위치", max_length=20, choices=BannerSlot.choices)
    kind = models.CharField(
        "종류", max_length=10, choices=BannerKind.choices, default=BannerKind.IMAGE
    )
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name="이미지",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    alt_text = models.CharField(
        "대체 텍스트",
        max_length=200,
        blank=True,
        help_text="이미지 광고에 꼭 필요합니다. 화면 낭독기가 읽는 광고 내용. 예: 대전 엑스포 재개관 기념 할인",
    )
    html = models.TextField(
        "HTML 코드",
        blank=True,
        help_text=(
            "적은 그대로 페이지에 들어갑니다. 'HTML 광고 편집' 권한이 있는 편집자만 쓰고 고칠 수 "
            "있습니다. 보안 정책상 외부 스크립트, 다른 사이트의 이미지, style 속성은 쓸 수 "
            "없습니다 (이미지는 광고 종류 '이미지'로 올리세요)."
        ),
    )
    link_url = models.URLField(
        "연결 주소",
        max_length=500,
        blank=True,
        validators=[validate_web_url],
        help_text="광고를 누르면 갈 주소 (http:// 또는 https://). 클릭 수가 집계됩니다.",
    )
    starts_at = models.DateTimeField("게재 시작", default=timezone.now)
    ends_at = models.DateTimeField(
        "게재 종료", null=True, blank=True, help_text="비워 두면 끝나는 때 없이 계속 게재합니다."
    )
    sections = models.ManyToManyField(
        "news.SectionPage",
        verbose_name="게재 섹션",
        blank=True,
        related_name="banners",
        help_text=(
            "고르지 않으면 모든 페이지에 나옵니다. 고르면 그 섹션과 하위 섹션, "
            "그 안의 기사에만 나옵니다."
        ),
    )
    weight = models.PositiveSmallIntegerField(
        "가중치",
        default=1,
        validators=[
            MinValueValidator(1, "가중치는 1 이상이어야 합니다."),
            MaxValueValidator(100, "가중치는 100 이하여야 합니다."),
        ],
        help_text="같은 위치의 광고끼리 나오는 비율. 2는 1보다 두 배 자주 나옵니다.",
    )
    active = models.BooleanField(
        "사용", default=True, help_text="끄면 게재 기간과 상관없이 바로 내립니다 (1분 안에)."
    )
    created_at = models.DateTimeField("등록", auto_now_add=True)
    updated_at = models.DateTimeField("수정", auto_now=True)

    objects = BannerQuerySet.as_manager()

    class Meta:
        verbose_name = "배너 광고"
        verbose_name_plural = "배너 광고"
        ordering = ["-starts_at", "name"]
        permissions = [("edit_trusted_html", "HTML 광고 편집 (신뢰할 수 있는 편집자)")]
        indexes = [
            models.Index(fields=["slot", "active", "starts_at"], name="ads_banner_slot_live")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")),
                name="ads_banner_ends_after_start",
                violation_error_message="게재 종료는 게재 시작보다 뒤여야 합니다.",
            ),
            models.CheckConstraint(
                condition=Q(weight__gte=1) & Q(weight__lte=100),
                name="ads_banner_weight_range",
                violation_error_message="가중치는 1에서 100 사이여야 합니다.",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if self.kind == BannerKind.IMAGE:
            if not self.image_id:
                errors["image"] = "이미지 광고에는 이미지를 골라야 합니다."
            if not self.alt_text.strip():
                errors["alt_text"] = (
                    "이미지 광고에는 대체 텍스트가 필요합니다. 화면 낭독기 사용자에게 광고 내용을 알려 줍니다."
                )
        elif self.kind == BannerKind.HTML:
            if not self.html.strip():
                errors["html"] = "HTML 광고에는 HTML 코드를 적어야 합니다."
            elif self.link_url and LINK_TAG.search(self.html):
                errors["link_url"] = (
                    "HTML 코드에 이미 링크(<a>)가 있습니다. 연결 주소를 비우거나 코드에서 링크를 빼 "
                    "주세요. 연결 주소를 쓰면 광고 전체가 그 주소로 연결됩니다."
                )
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = "게재 종료는 게재 시작보다 뒤여야 합니다."
        if errors:
            raise ValidationError(errors)

    def status(self, now=None):
        now = now or timezone.now()
        if not self.active:
            return "중지"
        if self.starts_at > now:
            return "예약"
        if self.ends_at is not None and self.ends_at <= now:
            return "종료"
        return "게재 중"


class BannerDailyStats(models.Model):
    """A banner's impressions and clicks for one day (KST), added to in batches."""

    banner = models.ForeignKey(
        Banner, verbose_name="광고", on_delete=models.CASCADE, related_name="daily_stats"
    )
    day = models.DateField("날짜")
    impressions = models.PositiveBigIntegerField("노출", default=0)
    clicks = models.PositiveBigIntegerField("클릭", default=0)

    class Meta:
        verbose_name = "광고 일별 통계"
        verbose_name_plural = "광고 일별 통계"
        ordering = ["-day", "banner"]
        constraints = [
            models.UniqueConstraint(fields=["banner", "day"], name="ads_daily_stats_banner_day")
        ]

    def __str__(self):
        return f"{self.banner} {self.day:%Y.%m.%d}"

    @property
    def click_rate(self):
        return self.clicks / self.impressions if self.impressions else None
