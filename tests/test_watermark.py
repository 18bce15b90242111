"""The paper's logo goes over article photos as 설정 › 사진 워터마크 says, and nowhere else."""

import hashlib
import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.urls import reverse
from newsroom import add_article, make_image
from PIL import Image as PILImage
from PIL import ImageChops
from wagtail.rich_text import RichText

from home.templatetags.seo_tags import ARTICLE_IMAGE_FILTERS, ARTICLE_SHARE_IMAGE_FILTER
from news.models import NewsImage
from photos.models import WatermarkPosition, WatermarkSettings
from photos.renditions import (
    BODY_PHOTO,
    CARD_PHOTO,
    LEAD_PHOTO,
    TEMPLATE_SPECS,
    pregenerate_article_renditions,
)
from photos.watermark import load_logo

PHOTO_COLOR = (20, 80, 160)
WHITE = (255, 255, 255)


@pytest.fixture(autouse=True)
def fresh_logos():
    load_logo.cache_clear()


def upload(title, picture, name, format="PNG", **fields):
    buffer = io.BytesIO()
    picture.save(buffer, format)
    image = NewsImage(title=title, **fields)
    image.file = ImageFile(buffer, name=name)
    image.save()
    return image


def plain_photo(size=(800, 500), color=PHOTO_COLOR, mode="RGB", title="광장 사진"):
    """A one-colour photo, lossless, so every pixel the logo changed shows."""
    return upload(title, PILImage.new(mode, size, color), "square.png")


def half_transparent_logo(size=(200, 100)):
    """White on its left half, fully transparent on its right half."""
    logo = PILImage.new("RGBA", size, (0, 0, 0, 0))
    logo.paste((*WHITE, 255), (0, 0, size[0] // 2, size[1]))
    return upload("충청신문 로고", logo, "logo.png")


def opaque_logo(size=(100, 100)):
    return upload("충청신문 로고", PILImage.new("RGBA", size, (*WHITE, 255)), "logo.png")


def set_watermark(site, logo, **fields):
    watermark = WatermarkSettings.for_site(site)
    values = {
        "active": True,
        "logo": logo,
        "position": WatermarkPosition.BOTTOM_RIGHT,
        "opacity": 50,
        "size": 20,
        "min_photo_width": 0,
        **fields,
    }
    for name, value in values.items():
        setattr(watermark, name, value)
    watermark.full_clean()
    watermark.save()
    return watermark


def pixels(rendition, mode="RGB"):
    with rendition.file.storage.open(rendition.file.name) as picture:
        return PILImage.open(picture).convert(mode)


def changed_box(picture, color=PHOTO_COLOR, tolerance=0):
    """The bounding box of every pixel that is no longer the photo's colour."""
    plain = PILImage.new("RGB", picture.size, color)
    difference = ImageChops.difference(picture.convert("RGB"), plain).convert("L")
    return difference.point(lambda value: 255 if value > tolerance else 0).getbbox()


def blended(opacity, over=PHOTO_COLOR, mark=WHITE):
    return tuple(
        round(m * opacity / 100 + o * (1 - opacity / 100)) for m, o in zip(mark, over, strict=True)
    )


def close(pixel, expected, tolerance=2):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, expected, strict=True))


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser(
        username="desk", email="desk@dailycc.net", password="pw"
    )


def test_the_logo_sits_in_the_chosen_corner_at_the_set_opacity(site):
    set_watermark(site, half_transparent_logo(), opacity=50, size=20)
    photo = plain_photo()

    picture = pixels(photo.get_rendition("width-800|watermark"))

    left, top, right, bottom = changed_box(picture)
    # 20 % of 800 px is a 160 px logo; only its opaque left half (80 × 80 px) shows
    # (resampling softens the edge between its halves by a pixel).
    assert right - left == pytest.approx(80, abs=1) and bottom - top == 80
    assert right > 800 - 160 and bottom > 500 - 40  # bottom right, inside a small margin
    assert right < 800 and bottom < 500
    assert close(picture.getpixel(((left + right) // 2, (top + bottom) // 2)), blended(50))
    # The logo's transparent half leaves the photo as it was.
    assert picture.getpixel((right + 40, (top + bottom) // 2)) == PHOTO_COLOR
    assert picture.getpixel((10, 10)) == PHOTO_COLOR


@pytest.mark.parametrize("position", WatermarkPosition.values)
def test_each_of_the_nine_positions_puts_the_logo_in_its_ninth_of_the_photo(site, position):
    set_watermark(site, opaque_logo(), position=position, size=20, opacity=100)
    photo = plain_photo(size=(300, 300))

    left, top, right, bottom = changed_box(pixels(photo.get_rendition("width-300|watermark")))

    vertical, horizontal = position.split("-")
    column = ((left + right) // 2) // 100
    row = ((top + bottom) // 2) // 100
    assert column == {"left": 0, "center": 1, "right": 2}[horizontal]
    assert row == {"top": 0, "middle": 1, "bottom": 2}[vertical]
    assert right - left == 60  # 20 % of 300 px


def test_a_jpeg_photo_gets_the_logo_at_about_the_set_opacity(site):
    set_watermark(site, opaque_logo(), opacity=70, position=WatermarkPosition.TOP_LEFT)
    photo = make_image("협약식")  # 640 × 400 JPEG

    picture = pixels(photo.get_rendition("width-1200|watermark"))

    left, top, right, bottom = changed_box(picture, tolerance=12)
    assert left < 40 and top < 40 and right - left == pytest.approx(128, abs=2)
    assert close(picture.getpixel((left + 60, top + 60)), blended(70), tolerance=6)
    assert close(picture.getpixel((600, 380)), PHOTO_COLOR, tolerance=6)


def test_a_logo_larger_than_the_photo_is_shrunk_to_fit_inside_it(site):
    set_watermark(site, opaque_logo(size=(3000, 1500)), size=100, opacity=100)
    photo = plain_photo(size=(300, 200))

    left, top, right, bottom = changed_box(pixels(photo.get_rendition("width-300|watermark")))

    assert left > 0 and top > 0 and right < 300 and bottom < 200
    assert right - left == pytest.approx(2 * (bottom - top), abs=2)  # its own proportions


@pytest.mark.parametrize(
    ("mode", "color"),
    [("L", 90), ("P", 3), ("RGBA", (*PHOTO_COLOR, 0))],
)
def test_photos_in_other_modes_get_it_too_and_a_transparent_photo_stays_transparent(
    site, mode, color
):
    set_watermark(site, opaque_logo(), opacity=100)
    photo = plain_photo(size=(300, 200), mode=mode, color=color)

    picture = pixels(photo.get_rendition("width-300|watermark"), mode="RGBA")

    corner = picture.getpixel((290, 190 - 20))
    assert corner[:3] == WHITE and corner[3] == 255
    assert picture.getpixel((10, 10)) != corner
    if mode == "RGBA":
        assert picture.getpixel((10, 10))[3] == 0


def test_the_original_file_is_never_touched(site):
    set_watermark(site, opaque_logo())
    photo = plain_photo()
    with photo.file.storage.open(photo.file.name) as original:
        before = hashlib.sha256(original.read()).hexdigest()

    photo.get_rendition(BODY_PHOTO)
    photo.get_rendition(CARD_PHOTO)

    with photo.file.storage.open(photo.file.name) as original:
        assert hashlib.sha256(original.read()).hexdigest() == before
    photo.refresh_from_db()
    assert changed_box(PILImage.open(photo.file.path)) is None


def test_no_watermark_without_a_logo_or_when_switched_off(site):
    photo = plain_photo()
    assert changed_box(pixels(photo.get_rendition("width-800|watermark"))) is None  # never set

    set_watermark(site, None)
    assert changed_box(pixels(photo.get_rendition("width-700|watermark"))) is None

    set_watermark(site, opaque_logo(), active=False)
    rendition = photo.get_rendition("width-600|watermark")
    assert changed_box(pixels(rendition)) is None
    assert rendition.focal_point_key == ""


def test_the_logo_itself_and_small_thumbnails_are_left_alone(site):
    logo = opaque_logo(size=(400, 400))
    set_watermark(site, logo, min_photo_width=300)
    photo = plain_photo()

    assert changed_box(pixels(logo.get_rendition("width-400|watermark")), color=WHITE) is None
    assert changed_box(pixels(photo.get_rendition("fill-240x150|watermark"))) is None
    assert changed_box(pixels(photo.get_rendition("fill-480x270|watermark"))) is not None


def test_a_missing_logo_file_shows_the_photo_without_it(site):
    logo = opaque_logo()
    set_watermark(site, logo)
    logo.file.storage.delete(logo.file.name)
    photo = plain_photo()

    assert changed_box(pixels(photo.get_rendition(BODY_PHOTO))) is None


def test_changed_settings_give_new_renditions_not_stale_ones(site):
    watermark = set_watermark(site, opaque_logo(), opacity=40)
    photo = plain_photo()
    first = photo.get_rendition(BODY_PHOTO)

    watermark.opacity = 100
    watermark.save()
    photo = NewsImage.objects.get(pk=photo.pk)
    second = photo.get_rendition(BODY_PHOTO)

    assert second.pk != first.pk and second.url != first.url
    assert second.focal_point_key != first.focal_point_key
    box = changed_box(pixels(second))
    centre = ((box[0] + box[2]) // 2, (box[1] + box[3]) // 2)
    assert close(pixels(first).getpixel(centre), blended(40))
    assert pixels(second).getpixel(centre) == WHITE

    # A new logo file under the same settings row counts as a change too.
    watermark.logo = opaque_logo(size=(50, 100))
    watermark.save()
    third = NewsImage.objects.get(pk=photo.pk).get_rendition(BODY_PHOTO)
    assert third.focal_point_key not in (first.focal_point_key, second.focal_point_key)


def test_a_watermarked_rendition_costs_no_query_once_cached(site, django_assert_num_queries):
    set_watermark(site, opaque_logo())
    photo = plain_photo()
    photo.get_rendition(BODY_PHOTO)
    photo = NewsImage.objects.get(pk=photo.pk)

    with django_assert_num_queries(0):
        photo.get_rendition(BODY_PHOTO)


def test_readers_see_watermarked_photos_in_the_article_and_its_card(client, sections, site):
    set_watermark(site, opaque_logo(), opacity=100)
    photo = plain_photo()
    article = add_article(
        sections["daejeon"],
        title="시민 축제 열려",
        body=[
            ("paragraph", RichText("<p>광장에서 축제가 열렸다.</p>")),
            ("image", {"image": photo, "caption": "축제 현장", "credit": "대전시 제공"}),
        ],
    )

    article_html = client.get(article.url).content.decode()
    section_html = client.get(sections["daejeon"].url).content.decode()

    body = photo.renditions.get(filter_spec=BODY_PHOTO)
    card = photo.renditions.get(filter_spec=CARD_PHOTO)
    assert body.url in article_html and card.url in section_html
    assert changed_box(pixels(body)) is not None
    assert changed_box(pixels(card)) is not None


def test_admin_thumbnails_are_not_watermarked(client, site, editor):
    set_watermark(site, opaque_logo(), opacity=100)
    photo = plain_photo()
    client.force_login(editor)

    assert client.get(reverse("wagtailimages:index")).status_code == 200
    assert client.get(reverse("wagtailimages_chooser:choose")).status_code == 200
    assert client.get(reverse("wagtailimages:edit", args=[photo.pk])).status_code == 200

    thumbnails = list(photo.renditions.all())
    assert thumbnails, "the admin made its thumbnails"
    for thumbnail in thumbnails:
        assert "watermark" not in thumbnail.filter_spec
        assert changed_box(pixels(thumbnail), tolerance=2) is None


def test_every_watermarked_spec_in_the_templates_is_known_to_the_publisher():
    """photos.renditions lists what the templates ask for, so publishing makes the same ones."""
    image_tag = re.compile(r"{%\s*image\s+\S+\s+([^%]*?)(?:\s+as\s+\w+)?\s*%}")
    used = set()
    for template in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        for arguments in image_tag.findall(template.read_text()):
            specs = [bit for bit in arguments.split() if "=" not in bit]
            if "watermark" in specs:
                used.add("|".join(specs))
    assert used == TEMPLATE_SPECS
    # People's portraits are not news photos.
    for template in ("news/reporter_page.html", "news/article_page.html"):
        text = Path(settings.BASE_DIR, "templates", template).read_text()
        assert "photo fill-" in text and "watermark" not in text


def test_publishing_makes_the_articles_renditions_before_the_first_reader(
    client, sections, site, django_capture_on_commit_callbacks
):
    set_watermark(site, opaque_logo())
    lead, second = plain_photo(title="첫 사진"), plain_photo(title="둘째 사진")
    with django_capture_on_commit_callbacks(execute=True):
        article = add_article(
            sections["daejeon"],
            title="포토 기사",
            article_type="photo",
            body=[
                ("image", {"image": lead, "caption": "", "credit": ""}),
                ("paragraph", RichText("<p>본문</p>")),
                ("image", {"image": second, "caption": "", "credit": ""}),
            ],
        )

    lead_specs = set(lead.renditions.values_list("filter_spec", flat=True))
    assert {
        LEAD_PHOTO,
        CARD_PHOTO,
        ARTICLE_SHARE_IMAGE_FILTER,
        *ARTICLE_IMAGE_FILTERS,
    } == lead_specs
    assert set(second.renditions.values_list("filter_spec", flat=True)) == {BODY_PHOTO}
    made = {rendition.pk for photo in (lead, second) for rendition in photo.renditions.all()}

    client.get(article.url)
    client.get(sections["daejeon"].url)

    served = {rendition.pk for photo in (lead, second) for rendition in photo.renditions.all()}
    assert served == made, "the first readers found every rendition ready"
    assert changed_box(pixels(second.renditions.get())) is not None


def test_pregenerating_skips_what_is_no_longer_live(sections):
    photo = plain_photo()
    article = add_article(
        sections["daejeon"], body=[("image", {"image": photo, "caption": "", "credit": ""})]
    )
    article.unpublish()

    assert pregenerate_article_renditions.call(article.pk) == 0
    assert not photo.renditions.exists()


def test_the_desk_sets_the_watermark_in_the_admin_in_korean(client, site, editor, sections):
    logo = opaque_logo()
    photo = plain_photo()
    article = add_article(
        sections["daejeon"], body=[("image", {"image": photo, "caption": "", "credit": ""})]
    )
    client.force_login(editor)
    url = reverse("wagtailsettings:edit", args=["photos", "watermarksettings", site.pk])
    form = {
        "active": "on",
        "logo": logo.pk,
        "position": "top-left",
        "opacity": "60",
        "size": "25",
        "min_photo_width": "200",
    }

    page = client.get(url).content.decode()
    assert "사진 워터마크" in page and "불투명도 (%)" in page and "왼쪽 위" in page

    before = client.get(article.url).content.decode()
    refused = client.post(url, {**form, "opacity": "0"})
    assert refused.status_code == 200
    assert "1에서 100 사이로 정해 주세요." in refused.content.decode()
    assert not WatermarkSettings.objects.filter(opacity=0).exists()

    assert client.post(url, form).status_code == 302
    after = client.get(article.url).content.decode()

    src = re.compile(r'<figure class="article-photo.*?<img src="([^"]+)"', re.S)
    assert src.search(before).group(1) != src.search(after).group(1)
    watermarked = [r for r in photo.renditions.all() if r.url == src.search(after).group(1)]
    left, top, _, _ = changed_box(pixels(watermarked[0]))
    assert left < 40 and top < 40  # top left, as chosen
