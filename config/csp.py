"""The Content Security Policy header (django-csp): readers' pages allow our own origin only,
the Wagtail admin gets a looser policy of its own, and a few sources are added only while the
settings turn on what needs them (Kakao's SDK, media served from another host)."""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.files.storage import storages
from django.urls import NoReverseMatch, reverse

# Kakao's SDK talks to Kakao's services (app-key and domain checks, the share sheet) from the
# reader's page; allowed only while KAKAO_JAVASCRIPT_KEY is set.
KAKAO_SERVICES = "https://*.kakao.com"


def origin(url):
    """scheme://host[:port] of an absolute URL, else None (a path on our own origin)."""
    parts = urlsplit(url or "")
    if parts.scheme in {"http", "https"} and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None


def media_origin():
    """The host media files are served from when it is not ours (S3, a CDN), else None.

    Read from the storage itself, so it follows whatever STORAGES and MEDIA_URL say; kept on
    the storage object (which Django replaces when STORAGES changes) for its MEDIA_URL.
    """
    storage = storages["default"]
    media_url, found = getattr(storage, "_csp_media_origin", (None, None))
    if media_url != settings.MEDIA_URL:
        found = origin(storage.url("csp"))
        storage._csp_media_origin = (settings.MEDIA_URL, found)
    return found


def sources_from_settings():
    """{directive: [sources]} that the running settings add to either policy."""
    from news.templatetags.news_tags import kakao_share

    extra = {}
    media = media_origin()
    if media:
        extra["img-src"] = [media]
        extra["media-src"] = [media]
    kakao = kakao_share()
    if kakao:
        sdk = origin(kakao["sdk_url"])
        if sdk:
            extra["script-src"] = [sdk]
        for directive in ("connect-src", "frame-src", "form-action"):
            extra.setdefault(directive, []).append(KAKAO_SERVICES)
    return extra


def admin_prefix():
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:  # a URLconf without the admin
        return None


def policy_for(request):
    """The directives for this request: the admin's under its prefix, else the readers'."""
    prefix = admin_prefix()
    if prefix and request.path_info.startswith(prefix):
        base = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
    else:
        base = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    directives = {name: list(sources) for name, sources in base.items() if sources}
    for name, sources in sources_from_settings().items():
        if name in directives:  # a directive left out falls back to default-src: keep it so
            directives[name] += [s for s in sources if s not in directives[name]]
    return directives


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the policy by path and adding what settings turn on.

    A view that sets its own policy with django-csp's decorators (csp_override, csp_update,
    csp_exempt) still gets exactly that.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and settings.CONTENT_SECURITY_POLICY:
            parts.config = policy_for(request)
        return parts
