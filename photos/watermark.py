"""The `watermark` image operation: the paper's logo drawn over article renditions.

Templates ask for it in a filter spec (`{% image photo width-1200 watermark %}`); originals,
admin thumbnails and every spec without `watermark` are left alone. Renditions made with
it vary on the current settings (`vary_fields`), so a change in 설정 › 사진 워터마크 makes
new renditions instead of serving the old ones.
"""

import dataclasses
import functools
import hashlib
import logging

from django.core.cache import cache
from PIL import Image as PILImage
from PIL import ImageOps
from wagtail.images import get_image_model
from wagtail.images.image_operations import FilterOperation
from willow.plugins.pillow import PillowImage

logger = logging.getLogger(__name__)

CACHE_KEY = "photos:watermark:1"  # bump when Watermark gains a field
# Every process re-reads the settings at least this often; with a shared cache (Redis) a
# change is seen at once, with a per-process one (the default) within this many seconds.
CACHE_SECONDS = 60
# The gap between the logo and the photo's edges, in percent of the photo's shorter side.
MARGIN_PERCENT = 3
NO_WATERMARK = {}


@dataclasses.dataclass(frozen=True)
class Watermark:
    """What the watermark looks like now: everything a rendition needs, no database."""

    logo_id: int
    logo_file: str
    logo_hash: str
    position: str
    opacity: int
    size: int
    min_photo_width: int

    @property
    def key(self):
        """Changes whenever any of the above does (a new logo file included)."""
        parts = "|".join(str(value) for value in dataclasses.astuple(self))
        return hashlib.sha1(parts.encode(), usedforsecurity=False).hexdigest()[:12]


def current_watermark():
    """The default site's watermark, or None when it is switched off or has no logo.

    Renditions belong to an image, not to a site, so one site's settings apply: the
    default site's (a paper is one site).
    """
    cached = cache.get(CACHE_KEY)
    if cached is None:
        cached = _load_watermark()
        cache.set(CACHE_KEY, cached, CACHE_SECONDS)
    return Watermark(**cached) if cached else None


def _load_watermark():
    from photos.models import WatermarkSettings

    row = (
        WatermarkSettings.objects.filter(site__is_default_site=True).select_related("logo").first()
    )
    if row is None or not row.active or row.logo is None:
        return NO_WATERMARK
    return dataclasses.asdict(
        Watermark(
            logo_id=row.logo.pk,
            logo_file=row.logo.file.name,
            logo_hash=row.logo.file_hash or "",
            position=row.position,
            opacity=row.opacity,
            size=row.size,
            min_photo_width=row.min_photo_width,
        )
    )


def watermark_key():
    """The value renditions with `watermark` vary on ("" when there is no watermark)."""
    watermark = current_watermark()
    return watermark.key if watermark else ""


def forget_watermark():
    cache.delete(CACHE_KEY)


def forget_watermark_of_logo(image_pk):
    """After the logo image changes: its new file must give the watermark a new key."""
    cached = cache.get(CACHE_KEY)
    if cached and cached["logo_id"] == image_pk:
        forget_watermark()


@functools.lru_cache(maxsize=4)
def load_logo(name, file_hash):
    """The logo as RGBA, read once per process and logo file (`file_hash` keys a new upload)."""
    storage = get_image_model()._meta.get_field("file").storage
    with storage.open(name) as logo_file:
        logo = PILImage.open(logo_file)
        logo.load()
    return ImageOps.exif_transpose(logo).convert("RGBA")


def logo_box(photo_size, logo_size, watermark):
    """Where the logo goes on a photo: (left, top, width, height), or None if it cannot fit."""
    width, height = photo_size
    logo_width, logo_height = logo_size
    margin = round(min(width, height) * MARGIN_PERCENT / 100)
    room_width, room_height = width - 2 * margin, height - 2 * margin
    if room_width < 1 or room_height < 1:
        return None
    # As wide as asked, but never wider or taller than the photo inside its margins.
    scale = min(
        width * watermark.size / 100 / logo_width,
        room_width / logo_width,
        room_height / logo_height,
    )
    box_width, box_height = round(logo_width * scale), round(logo_height * scale)
    if box_width < 1 or box_height < 1:
        return None
    vertical, horizontal = watermark.position.split("-")
    left = {
        "left": margin,
        "center": (width - box_width) // 2,
        "right": width - margin - box_width,
    }[horizontal]
    top = {
        "top": margin,
        "middle": (height - box_height) // 2,
        "bottom": height - margin - box_height,
    }[vertical]
    return left, top, box_width, box_height


def apply_watermark(photo, logo, watermark):
    """A copy of the Pillow image `photo` with `logo` (RGBA) over it; `photo` when none fits."""
    if photo.width < watermark.min_photo_width:
        return photo
    box = logo_box(photo.size, logo.size, watermark)
    if box is None:
        return photo
    left, top, box_width, box_height = box
    mark = logo.resize((box_width, box_height), PILImage.Resampling.LANCZOS)
    # The logo's own transparency, then the opacity on top of it.
    mark.putalpha(mark.getchannel("A").point(lambda alpha: round(alpha * watermark.opacity / 100)))

    if photo.mode in ("1", "P"):
        photo = photo.convert("RGBA" if "transparency" in photo.info else "RGB")
    elif photo.mode == "LA":
        photo = photo.convert("RGBA")
    else:
        photo = photo.copy()  # keeps the ICC profile and EXIF the rendition saves

    if photo.mode == "RGBA":
        photo.alpha_composite(mark, (left, top))
    elif photo.mode in ("RGB", "L", "CMYK"):
        # The photo keeps its own mode (and colour profile); only the logo is converted.
        photo.paste(mark.convert(photo.mode), (left, top), mark.getchannel("A"))
    else:
        logger.warning("No watermark on a photo in %s mode", photo.mode)
    return photo


class WatermarkOperation(FilterOperation):
    """`watermark`: the logo, position, opacity and size from 설정 › 사진 워터마크."""

    # Read from the image (news.NewsImage.watermark_key): the rendition's key changes with
    # the settings, so a new look gets new renditions.
    vary_fields = ("watermark_key",)

    def construct(self):
        pass

    def run(self, willow, image, env):
        watermark = current_watermark()
        if watermark is None or image.pk == watermark.logo_id:
            return willow
        try:
            photo = willow.get_pillow_image()
        except AttributeError:  # not a raster image (SVG)
            return willow
        try:
            logo = load_logo(watermark.logo_file, watermark.logo_hash)
        except (OSError, ValueError):
            # The photo still shows; a new logo upload gives a new key and new renditions.
            logger.exception("Watermark logo file unreadable: %s", watermark.logo_file)
            return willow
        return PillowImage(apply_watermark(photo, logo, watermark))
