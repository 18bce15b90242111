"""설정 › 사진 워터마크: the paper's logo over article photos, set once by an editor."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class WatermarkPosition(models.TextChoices):
    TOP_LEFT = "top-left", "왼쪽 위"
    TOP_CENTER = "top-center", "위 가운데"
    TOP_RIGHT = "top-right", "오른쪽 위"
    MIDDLE_LEFT = "middle-left", "왼쪽 가운데"
    MIDDLE_CENTER = "middle-center", "한가운데"
    MIDDLE_RIGHT = "middle-right", "오른쪽 가운데"
    BOTTOM_LEFT = "bottom-left", "왼쪽 아래"
    BOTTOM_CENTER = "bottom-center", "아래 가운데"
    BOTTOM_RIGHT = "bottom-right", "오른쪽 아래"


@register_setting(icon="image")
class WatermarkSettings(BaseSiteSetting):
    active = models.BooleanField(
        "워터마크 넣기",
        default=True,
        help_text="끄면 새로 만들어지는 기사 사진에 워터마크를 넣지 않습니다. 아래 설정은 그대로 남습니다.",
    )
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name="로고 이미지",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="사진 위에 얹을 신문 로고. 배경이 투명한 PNG가 가장 좋습니다. "
        "비워 두면 워터마크를 넣지 않습니다.",
    )
    position = models.CharField(
        "위치",
        max_length=20,
        choices=WatermarkPosition.choices,
        default=WatermarkPosition.BOTTOM_RIGHT,
    )
    opacity = models.PositiveSmallIntegerField(
        "불투명도 (%)",
        default=60,
        help_text="100이면 로고가 그대로, 낮을수록 사진이 비쳐 보입니다. 1~100",
    )
    size = models.PositiveSmallIntegerField(
        "크기 (사진 너비의 %)",
        default=20,
        help_text="로고의 너비를 사진 너비에 대한 비율로 정합니다. 로고가 사진보다 크면 사진 안에 맞게 줄입니다. 1~100",
    )
    min_photo_width = models.PositiveIntegerField(
        "최소 사진 너비 (px)",
        default=200,
        help_text="이보다 좁게 표시되는 사진(작은 목록 썸네일 등)에는 워터마크를 넣지 않습니다. 0이면 모든 사진에 넣습니다.",
    )

    panels = [
        MultiFieldPanel(["active", "logo"], heading="로고"),
        FieldPanel("position", widget=forms.RadioSelect),
        MultiFieldPanel(["opacity", "size", "min_photo_width"], heading="모양"),
    ]

    class Meta:
        verbose_name = "사진 워터마크"
        verbose_name_plural = "사진 워터마크"

    def __str__(self):
        return "사진 워터마크"

    def clean(self):
        errors = {}
        if not 1 <= self.opacity <= 100:
            errors["opacity"] = "1에서 100 사이로 정해 주세요."
        if not 1 <= self.size <= 100:
            errors["size"] = "1에서 100 사이로 정해 주세요."
        if self.logo is not None and self.logo.is_svg():
            errors["logo"] = "SVG 로고는 사진에 얹을 수 없습니다. PNG로 올려 주세요."
        if errors:
            raise ValidationError(errors)
