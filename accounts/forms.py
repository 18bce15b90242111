"""The display name a reader chooses at sign-up and changes on the profile page.

allauth supplies email and password; its email and social sign-up forms both
inherit `SignupForm` (ACCOUNT_SIGNUP_FORM_CLASS), so each asks for a display name.
"""

import logging

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from .models import ReaderProfile, normalise_display_name
from .validators import MAX_LENGTH, validate_display_name

logger = logging.getLogger(__name__)

DISPLAY_NAME_TAKEN = "이미 쓰이고 있는 닉네임입니다. 다른 닉네임을 정해 주세요."


def clean_display_name(value, user=None):
    name = normalise_display_name(value)
    validate_display_name(name)
    taken = ReaderProfile.objects.filter(display_name__iexact=name)
    if user is not None and user.pk:
        taken = taken.exclude(user=user)
    if taken.exists():
        raise ValidationError(DISPLAY_NAME_TAKEN, code="taken")
    return name


def display_name_field():
    return forms.CharField(
        label="닉네임",
        # Room for full-width letters and stray spaces; the validator counts after NFKC.
        max_length=MAX_LENGTH * 2,
        help_text="댓글에 이메일 대신 보이는 이름입니다. 한글, 영문, 숫자, 밑줄(_)로 2~12자.",
        widget=forms.TextInput(
            attrs={"autocomplete": "nickname", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )


def provider_nickname(sociallogin):
    """The nickname Kakao or Naver gave us, offered as the first suggestion."""
    data = sociallogin.account.extra_data or {}
    if sociallogin.account.provider == "kakao":
        profile = (data.get("kakao_account") or {}).get("profile") or {}
        return profile.get("nickname") or (data.get("properties") or {}).get("nickname")
    return data.get("nickname")


def suggested_display_name(sociallogin):
    try:
        return clean_display_name(provider_nickname(sociallogin) or "")
    except ValidationError:
        return ""


def save_display_name(user, name):
    """Create or rename the reader's profile; False when someone took the name meanwhile."""
    try:
        with transaction.atomic():
            ReaderProfile.objects.update_or_create(user=user, defaults={"display_name": name})
    except IntegrityError:
        return False
    return True


class SignupForm(forms.Form):
    """allauth's sign-up forms (email and social) inherit from this."""

    field_order = ["email", "display_name", "password1", "password2"]

    display_name = display_name_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # allauth's social sign-up form sets `sociallogin` before calling us.
        sociallogin = getattr(self, "sociallogin", None)
        if sociallogin is not None and not self.initial.get("display_name"):
            self.initial["display_name"] = suggested_display_name(sociallogin)

    def clean_display_name(self):
        return clean_display_name(self.cleaned_data["display_name"])

    def signup(self, request, user):
        name = self.cleaned_data["display_name"]
        if not save_display_name(user, name):
            # Taken by a simultaneous sign-up after validation: the account stays, and
            # the adapter sends the reader to the profile page to choose another name.
            logger.info("Display name %r was taken during sign-up of user %s", name, user.pk)


class DisplayNameForm(forms.Form):
    """The profile page: choose or change the display name (unique, excluding oneself)."""

    display_name = display_name_field()

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_display_name(self):
        return clean_display_name(self.cleaned_data["display_name"], self.user)

    def save(self):
        """True when saved; otherwise the form carries the error to show."""
        if save_display_name(self.user, self.cleaned_data["display_name"]):
            return True
        self.add_error("display_name", ValidationError(DISPLAY_NAME_TAKEN, code="taken"))
        return False
