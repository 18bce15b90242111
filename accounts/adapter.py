"""allauth's hooks for readers: never staff, Korean errors, a display name before anything else."""

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode

from config.clients import client_ip

from .models import ReaderProfile


def has_display_name(user):
    return ReaderProfile.objects.filter(user=user).exists()


def profile_url(next_url=""):
    url = reverse("account_profile")
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class ReaderAccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": "사용이 중지된 계정입니다. 고객센터로 문의해 주세요.",
        "cannot_remove_primary_email": "대표 이메일 주소는 삭제할 수 없습니다.",
        "duplicate_email": "이 계정에 이미 등록된 이메일 주소입니다.",
        "email_password_mismatch": "이메일 또는 비밀번호가 올바르지 않습니다.",
        "email_taken": "이미 가입된 이메일 주소입니다.",
        "enter_current_password": "현재 비밀번호가 올바르지 않습니다. 다시 입력해 주세요.",
        "incorrect_password": "비밀번호가 올바르지 않습니다.",
        "invalid_or_expired_key": "링크가 만료되었거나 올바르지 않습니다.",
        "invalid_password_reset": "비밀번호 재설정 링크가 만료되었거나 올바르지 않습니다.",
        "max_email_addresses": "이메일 주소는 %d개까지 등록할 수 있습니다.",
        "rate_limited": "요청이 너무 잦습니다. 잠시 후 다시 시도해 주세요.",
        "same_as_current": "지금과 다른 값을 입력해 주세요.",
        "too_many_login_attempts": "로그인 시도가 너무 많습니다. 잠시 후 다시 시도해 주세요.",
        "unknown_email": "가입되지 않은 이메일 주소입니다.",
        "unverified_primary_email": "대표 이메일 주소를 먼저 인증해 주세요.",
    }

    def get_client_ip(self, request):
        # allauth's login, sign-up and reset rate limits count per address: behind the
        # proxy REMOTE_ADDR is nginx for every reader, and ten bad logins would lock all out.
        return client_ip(request) or super().get_client_ip(request)

    def is_open_for_signup(self, request):
        return True

    def new_user(self, request):
        return self._as_reader(super().new_user(request))

    def save_user(self, request, user, form, commit=True):
        # Also the path of a Kakao or Naver sign-up: the social adapter calls us with its user.
        return super().save_user(request, self._as_reader(user), form, commit=commit)

    @staticmethod
    def _as_reader(user):
        """Sign-up makes readers; editors are made in the Wagtail admin."""
        user.is_staff = False
        user.is_superuser = False
        return user

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        # Comments show a display name: a reader without one (an account made in the
        # admin, a sign-up that lost a race for its name) chooses it first.
        if isinstance(response, HttpResponseRedirect) and not has_display_name(user):
            response["Location"] = profile_url(response["Location"])
        return response

    def send_mail(self, template_prefix, email, context):
        request = getattr(self, "request", None)
        if request is not None:
            context = {"site_url": request.build_absolute_uri("/"), **context}
        super().send_mail(template_prefix, email, context)
