"""The endpoints ads.js talks to: a slot's banners, impressions, and the click redirect."""

from django.conf import settings
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseForbidden,
    HttpResponseRedirect,
    JsonResponse,
)
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from readership.bots import is_bot
from readership.views import cross_site, first_in_window

from . import stats
from .models import Banner, BannerSlot
from .slots import slot_payload

MAX_IMPRESSIONS_PER_REPORT = 10


def _positive_int(value):
    value = (value or "").strip()
    if value.isascii() and value.isdigit() and 0 < len(value) <= 18:
        return int(value)
    return None


@require_safe
def slot(request, slot):
    """The banners a slot may show now; the browser picks one by weight.

    The same answer for every reader (no cookies read or set), cacheable until the first
    of its banners ends, and never longer than ADS_SLOT_MAX_AGE.
    """
    if slot not in BannerSlot.values:
        raise Http404("없는 광고 위치입니다.")
    now = timezone.now()
    payload = slot_payload(slot, _positive_int(request.GET.get("section")), now)
    response = JsonResponse({"slot": slot, "banners": payload["banners"]})
    seconds = max(0, int(payload["valid_until"] - now.timestamp()))
    patch_cache_control(response, public=True, max_age=seconds)
    return response


# One reader (address, browser) counts once per banner in this window: a script looping
# over the beacon or the click address cannot inflate an advertiser's figures.
DEDUPE_SECONDS = 60


def _first_in_window(kind, banner_ids, request):
    seconds = getattr(settings, "ADS_DEDUPE_SECONDS", DEDUPE_SECONDS)
    return [i for i in banner_ids if first_in_window(f"ad:{kind}:{i}", request, seconds)]


@csrf_exempt  # a beacon without cookies or tokens; it can only add to a counter
@require_POST
def impressions(request):
    """`b=<id>&b=<id>`: banners ads.js showed on one page view. Counted in the cache."""
    if cross_site(request):
        return HttpResponseForbidden("다른 사이트에서 보낸 요청은 받지 않습니다.")
    if not is_bot(request.headers.get("User-Agent")):
        banner_ids = [
            banner_id
            for banner_id in map(_positive_int, request.POST.getlist("b"))
            if banner_id is not None
        ][:MAX_IMPRESSIONS_PER_REPORT]
        banner_ids = _first_in_window(stats.IMPRESSIONS, banner_ids, request)
        if banner_ids:
            stats.count(banner_ids, stats.IMPRESSIONS)
    return HttpResponse(status=204)


@never_cache
@require_safe
def click(request, banner_id):
    """Count a click and go to the banner's own stored link, never to an address in the URL.

    A banner past its end still leads to the advertiser (a reader may click on a page left
    open); clicks are counted while it runs and for an hour after its end, not later.
    """
    banner = Banner.objects.filter(pk=banner_id).only("link_url").first()
    if banner is None or not banner.link_url.startswith(("https://", "http://")):
        raise Http404("광고를 찾을 수 없습니다.")
    if not is_bot(request.headers.get("User-Agent")) and _first_in_window(
        stats.CLICKS, [banner.pk], request
    ):
        stats.count([banner.pk], stats.CLICKS)
    return HttpResponseRedirect(banner.link_url)
