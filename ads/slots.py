"""Which banners a slot may show right now, as the JSON that static_src/js/ads.js rotates.

Pages never contain banners (they are cached for every reader); a slot's placeholder
asks `/ads/slot/<slot>/?section=<id>`. The answer is cached (here and by browsers) for at
most ADS_SLOT_MAX_AGE seconds and never past the moment the first of its banners ends
or a scheduled one starts, so an expired banner cannot be shown from any cache and a
new one appears on time.
"""

import datetime
import time

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from .models import Banner, BannerKind, BannerSlot

VERSION_KEY = "ads:version"

# Largest size each slot shows an image at (twice the CSS size, for sharp phone screens).
SLOT_RENDITIONS = {
    BannerSlot.HEADER: "max-1560x390",
    BannerSlot.ARTICLE_SIDE: "max-600x1000",
    BannerSlot.INLINE: "max-1200x600",
    BannerSlot.FOOTER: "max-1560x390",
}


def max_age():
    return getattr(settings, "ADS_SLOT_MAX_AGE", 60)


def bump_version():
    """Called when a banner changes: every slot's cached answer is rebuilt on next request."""
    cache.set(VERSION_KEY, str(time.time_ns()), None)


def section_path(section_id):
    if not section_id:
        return None
    return Page.objects.filter(pk=section_id).values_list("path", flat=True).first()


def slot_payload(slot, section_id=None, now=None):
    """{"banners": [{"id", "weight", "html"}], "valid_until": timestamp} for one slot."""
    now = now or timezone.now()
    key = f"ads:slot:{cache.get(VERSION_KEY, '0')}:{slot}:{section_id or 0}"
    payload = cache.get(key)
    if payload is None or payload["valid_until"] <= now.timestamp():
        payload = build_payload(slot, section_id, now)
        timeout = int(payload["valid_until"] - now.timestamp())
        if timeout >= 1:
            cache.set(key, payload, timeout)
    return payload


def build_payload(slot, section_id, now):
    valid_until = now + datetime.timedelta(seconds=max_age())
    candidates = (
        Banner.objects.filter(active=True, slot=slot, starts_at__lte=valid_until)
        .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
        .for_section_path(section_path(section_id))
        .select_related("image")
        .order_by("pk")
    )
    banners = []
    for banner in candidates:
        if banner.starts_at > now:  # starts within the cache period: answer again then
            valid_until = min(valid_until, banner.starts_at)
            continue
        if banner.ends_at is not None:
            valid_until = min(valid_until, banner.ends_at)
        if banner.kind == BannerKind.IMAGE and banner.image is None:
            continue  # its image was deleted
        html = render_banner(banner)
        if html:
            banners.append({"id": banner.pk, "weight": banner.weight, "html": html})
    return {"banners": banners, "valid_until": valid_until.timestamp()}


def render_banner(banner):
    rendition = None
    if banner.kind == BannerKind.IMAGE:
        try:
            rendition = banner.image.get_rendition(SLOT_RENDITIONS.get(banner.slot, "max-1200x600"))
        except SourceImageIOError:  # the image file is gone: the banner sits this one out
            return ""
    click_url = reverse("ads:click", args=[banner.pk]) if banner.link_url else ""
    return render_to_string(
        "ads/banner.html", {"banner": banner, "rendition": rendition, "click_url": click_url}
    ).strip()
