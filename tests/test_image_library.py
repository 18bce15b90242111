"""Earlier photos are found again in the image library and the chooser, in Korean, by caption
and credit (news.NewsImage's default_caption and default_credit)."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from newsroom import make_image

FESTIVAL_CAPTION = "대전시청 앞 광장에서 열린 시민 축제"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser(
        username="desk", email="desk@dailycc.net", password="pw"
    )


@pytest.fixture
def library(db):
    """Two earlier photos whose titles (camera file names) say nothing."""
    return {
        "festival": make_image("IMG_0412", caption=FESTIVAL_CAPTION, credit="대전시 제공"),
        "lake": make_image("IMG_0977", caption="세종 호수공원의 야경", credit="세종시 제공"),
    }


def titles_in(html, library):
    return {name for name, photo in library.items() if photo.title in html}


def listing(client, query):
    response = client.get(reverse("wagtailimages:index"), {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def listing_results(client, query):
    """What the listing's search box fetches while an editor types."""
    response = client.get(reverse("wagtailimages:index_results"), {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def chooser(client, query):
    """The image chooser opened from an article's photo block (a modal: JSON with its HTML)."""
    response = client.get(reverse("wagtailimages_chooser:choose"), {"q": query})
    assert response.status_code == 200
    return json.loads(response.content)["html"]


def chooser_results(client, query):
    """The chooser's search box, as the editor types."""
    response = client.get(reverse("wagtailimages_chooser:choose_results"), {"q": query})
    assert response.status_code == 200
    return response.content.decode()


VIEWS = [listing, listing_results, chooser, chooser_results]


@pytest.mark.parametrize("view", VIEWS, ids=lambda view: view.__name__)
@pytest.mark.parametrize("query", ["시청", "축제", "대전시청", "시민 축제", "광장"])
def test_a_photo_is_found_by_words_of_its_caption(client, editor, library, view, query):
    client.force_login(editor)

    assert titles_in(view(client, query), library) == {"festival"}


@pytest.mark.parametrize("view", VIEWS, ids=lambda view: view.__name__)
def test_a_photo_is_found_by_its_credit(client, editor, library, view):
    client.force_login(editor)

    assert titles_in(view(client, "대전시"), library) == {"festival"}
    assert titles_in(view(client, "대전시 제공"), library) == {"festival"}
    assert titles_in(view(client, "세종시"), library) == {"lake"}


@pytest.mark.parametrize("view", VIEWS, ids=lambda view: view.__name__)
def test_words_in_no_caption_or_credit_find_nothing(client, editor, library, view):
    client.force_login(editor)

    assert titles_in(view(client, "부산"), library) == set()
    assert titles_in(view(client, "축구"), library) == set()


def test_a_caption_edited_later_is_searchable_at_once(client, editor, library):
    client.force_login(editor)
    photo = library["lake"]
    photo.default_caption = "세종 호수공원 불꽃 축제"
    photo.save()

    assert titles_in(chooser_results(client, "불꽃"), library) == {"lake"}
    assert titles_in(chooser_results(client, "축제"), library) == {"festival", "lake"}
    assert titles_in(chooser_results(client, "야경"), library) == set()


def test_a_found_photo_is_chosen_for_reuse_with_its_caption_and_credit(client, editor, library):
    """Choosing returns the photo itself: reused, not uploaded again."""
    client.force_login(editor)
    photo = library["festival"]

    response = client.get(reverse("wagtailimages_chooser:chosen", args=[photo.pk]))

    assert response.status_code == 200
    result = json.loads(response.content)["result"]
    assert result["id"] == str(photo.pk) and result["title"] == "IMG_0412"
    edit = client.get(reverse("wagtailimages:edit", args=[photo.pk])).content.decode()
    assert FESTIVAL_CAPTION in edit and "대전시 제공" in edit
