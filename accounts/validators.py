"""Rules for display names, shared by sign-up, the profile page and the admin."""

import re
import unicodedata

from django.core.exceptions import ValidationError

MIN_LENGTH = 2
MAX_LENGTH = 12
ALLOWED = re.compile(r"[0-9A-Za-z가-힣_]+")
# Names that would pass a reader off as the paper or its staff.
RESERVED = ("관리자", "운영자", "충청신문", "편집국", "기자", "admin", "staff", "dailycc")


def validate_display_name(value):
    name = unicodedata.normalize("NFKC", value or "").strip()
    if not MIN_LENGTH <= len(name) <= MAX_LENGTH:
        raise ValidationError(f"닉네임은 {MIN_LENGTH}~{MAX_LENGTH}자로 정해 주세요.", code="length")
    if not ALLOWED.fullmatch(name):
        raise ValidationError(
            "닉네임에는 한글, 영문, 숫자, 밑줄(_)만 쓸 수 있습니다.", code="characters"
        )
    folded = name.casefold()
    if any(word in folded for word in RESERVED):
        raise ValidationError(
            "신문사나 기자로 오해될 수 있는 닉네임은 쓸 수 없습니다.", code="reserved"
        )
