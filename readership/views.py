"""The view beacon: article pages (served from cache) report a reader's view here."""

import hashlib
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from config.clients import client_ip

from .bots import is_bot
from .counter import counter_cache
from .counting import count_view, flush_if_due
from .queries import visible_articles

ARTICLE_ID = re.compile(r"[1-9][0-9]{0,9}")
MAX_PAGE_ID = 2**31 - 1  # wagtailcore_page.id is a PostgreSQL integer
READER_TOKEN = re.compile(r"[A-Za-z0-9-]{8,64}")
KNOWN_ARTICLE_SECONDS = 600
UNKNOWN_ARTICLE_SECONDS = 60


def _error(message, status):
    return JsonResponse(
        {"error": message}, status=status, json_dumps_params={"ensure_ascii": False}
    )


def _no_content():
    response = HttpResponse(status=204)
    add_never_cache_headers(response)
    return response


def cross_site(request):
    """A beacon always comes from our own pages; anything else is not a reader's view."""
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in {"same-origin", "none"}:
        return True
    origin = request.headers.get("Origin")
    return bool(origin) and origin != "null" and urlsplit(origin).netloc != request.get_host()


def _is_visible_article(article_id):
    """Known live public article? Cached, so a busy article costs no database query."""
    cache = counter_cache()
    key = f"readership:article:{article_id}"
    known = cache.get(key)
    if known is None:
        known = visible_articles().filter(pk=article_id).exists()
        cache.set(key, known, KNOWN_ARTICLE_SECONDS if known else UNKNOWN_ARTICLE_SECONDS)
    return known


def reader_hash(request):
    """Who is reading, for the dedupe only: never stored beyond a short-lived cache key."""
    token = request.POST.get("reader", "")
    if not READER_TOKEN.fullmatch(token):
        token = ""
    parts = [
        settings.SECRET_KEY,
        client_ip(request),  # behind the proxy, REMOTE_ADDR is the proxy for everyone
        request.headers.get("User-Agent", ""),
        token,
    ]
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:24]


def first_in_window(what, request, seconds):
    """True once per reader and `what` within `seconds` (a short-lived cache key)."""
    return counter_cache().add(f"seen:{what}:{reader_hash(request)}", 1, seconds)


def _first_view_in_window(article_id, request):
    seconds = getattr(settings, "READERSHIP_DEDUPE_SECONDS", 30 * 60)
    return first_in_window(f"article:{article_id}", request, seconds)


@csrf_exempt  # sendBeacon cannot carry a CSRF token, and the page HTML is cached
@require_POST
def hit(request):
    """Count one view of an article: 204 whether or not it counted, 4xx for bad input.

    Not counted: bots (by user agent), the same reader again within
    READERSHIP_DEDUPE_SECONDS, beacons from other sites. Writes only to the cache.
    """
    raw_id = request.POST.get("article", "")
    if not ARTICLE_ID.fullmatch(raw_id) or int(raw_id) > MAX_PAGE_ID:
        return _error("기사 번호가 올바르지 않습니다.", 400)
    if cross_site(request):
        return _error("다른 사이트에서 보낸 요청은 받지 않습니다.", 403)
    article_id = int(raw_id)
    if is_bot(request.headers.get("User-Agent")):
        return _no_content()
    if not _is_visible_article(article_id):
        return _error("기사를 찾을 수 없습니다.", 404)
    if _first_view_in_window(article_id, request):
        count_view(article_id)
    flush_if_due()
    return _no_content()
