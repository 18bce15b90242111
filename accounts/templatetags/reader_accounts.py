"""Template helpers for the reader account pages and the header's account links."""

from django import template
from django.urls import reverse

from accounts.views import return_url, with_next

register = template.Library()

PROVIDER_LABELS = {"kakao": "카카오", "naver": "네이버"}


@register.filter
def provider_label(provider_id):
    """카카오 or 네이버: how Korean readers name the login providers."""
    return PROVIDER_LABELS.get(provider_id, provider_id)


@register.simple_tag(takes_context=True)
def account_url(context, url_name):
    """Login or sign-up that comes back to this page (its path only: pages are cached by URL)."""
    request = context.get("request")
    next_url = return_url(request, request.path) if request is not None else ""
    return with_next(reverse(url_name), next_url)
