"""Reader account pages beyond allauth's: the header's login state and the profile page."""

import functools

from allauth.socialaccount.models import SocialApp
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_GET

from .forms import DisplayNameForm
from .models import ReaderProfile


def my_comments_url():
    return reverse("comments:mine")


def safe_next_url(request, url):
    """`url` when it stays on this site, else ""."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


def return_url(request, url):
    """Where login or logout should come back to: never a page that needs the login itself."""
    url = safe_next_url(request, url)
    account_pages = reverse("account_login").removesuffix("login/")
    private = (account_pages, my_comments_url())
    return "" if url.startswith(private) else url


def with_next(url, next_url):
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


@require_GET
def account_status(request):
    """The header's account links for whoever is looking; pages load it with a small script."""
    next_url = return_url(request, request.GET.get("next", ""))
    context = {"next": next_url}
    if request.user.is_authenticated:
        profile = ReaderProfile.objects.filter(user=request.user).first()
        context.update(
            display_name=profile.display_name if profile else "",
            profile_url=reverse("account_profile"),
            my_comments_url=my_comments_url(),
        )
    else:
        context.update(
            login_url=with_next(reverse("account_login"), next_url),
            signup_url=with_next(reverse("account_signup"), next_url),
        )
    response = render(request, "accounts/status.html", context)
    # Per reader and never stored: the pages around it are cached for everyone.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    patch_vary_headers(response, ["Cookie"])
    return response


@login_required
def profile(request):
    """The reader's email and display name; an account without a display name chooses one here."""
    next_url = safe_next_url(request, request.POST.get("next") or request.GET.get("next", ""))
    reader_profile = ReaderProfile.objects.filter(user=request.user).first()
    form = DisplayNameForm(
        request.POST if request.method == "POST" else None,
        user=request.user,
        initial={"display_name": reader_profile.display_name} if reader_profile else None,
    )
    if form.is_bound and form.is_valid() and form.save():
        messages.success(request, "닉네임을 저장했습니다.")
        return redirect(next_url or "account_profile")
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "has_profile": reader_profile is not None, "next": next_url},
    )


def needs_keys(provider_view):
    """A Kakao or Naver login view that is a 404 until the provider's keys are configured."""

    @functools.wraps(provider_view)
    def view(request, *args, **kwargs):
        try:
            return provider_view(request, *args, **kwargs)
        except SocialApp.DoesNotExist:
            raise Http404("이 로그인 방식은 설정되어 있지 않습니다.") from None

    return view
