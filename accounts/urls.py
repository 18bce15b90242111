"""Reader account pages beyond allauth's (included before allauth's under /accounts/)."""

from allauth.socialaccount.providers.kakao import views as kakao_views
from allauth.socialaccount.providers.naver import views as naver_views
from django.urls import path

from . import views

urlpatterns = [
    path("status/", views.account_status, name="account_status"),
    path("profile/", views.profile, name="account_profile"),
]

# The same paths as allauth's (its URL names still reverse to them): without keys
# these answer 404 where allauth would fail with a server error.
for provider, provider_views in (("kakao", kakao_views), ("naver", naver_views)):
    urlpatterns += [
        path(f"{provider}/login/", views.needs_keys(provider_views.oauth2_login)),
        path(f"{provider}/login/callback/", views.needs_keys(provider_views.oauth2_callback)),
    ]
