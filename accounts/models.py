"""A reader's public face: the display name shown on comments instead of the email."""

import unicodedata

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower

from .validators import validate_display_name


def normalise_display_name(name):
    """NFKC (full-width letters become plain) and trimmed: what is stored and compared."""
    return unicodedata.normalize("NFKC", name or "").strip()


class ReaderProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reader_profile",
        verbose_name="계정",
    )
    display_name = models.CharField(
        "닉네임",
        max_length=20,
        validators=[validate_display_name],
        help_text="댓글에 이메일 대신 보이는 이름입니다.",
    )
    created_at = models.DateTimeField("가입일", auto_now_add=True)

    class Meta:
        verbose_name = "독자 프로필"
        verbose_name_plural = "독자 프로필"
        constraints = [
            models.UniqueConstraint(
                Lower("display_name"),
                name="accounts_unique_display_name",
                violation_error_message="이미 쓰이고 있는 닉네임입니다.",
            )
        ]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        self.display_name = normalise_display_name(self.display_name)
        super().save(*args, **kwargs)


def display_name(user):
    """What readers see of another reader: the display name, never the email."""
    if user is None:
        return "(탈퇴한 독자)"
    profile = getattr(user, "reader_profile", None)
    if profile is not None:
        return profile.display_name
    return (user.get_username()[:3] or "독자") + "***"
