"""An editor writes and publishes an article in the Korean admin; readers then see it."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from newsroom import make_image
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from news.models import ArticlePage


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser(
        username="desk", email="desk@dailycc.net", password="pw"
    )


def article_form(reporter, photo, **overrides):
    data = {
        "title": "세종시, 행정수도 완성 위한 시민 토론회 연다",
        "subtitle": "20일 시청 대강당\n시민 300명 참석",
        "lead": "세종시가 행정수도 완성을 주제로 시민 토론회를 연다.",
        "dateline": "세종",
        "article_reporters": inline_formset([{"reporter": reporter.pk}]),
        "series": "",
        "grade": "0",
        "related_links": inline_formset([]),
        "corrections": inline_formset([]),
        "body": streamfield(
            [
                ("paragraph", rich_text("<p>세종시는 20일 시청 대강당에서 토론회를 연다.</p>")),
                ("image", {"image": photo.pk, "caption": "", "credit": "세종시 제공"}),
                ("paragraph", rich_text("<p>토론회에는 시민 300명이 참석한다.</p>")),
            ]
        ),
        "main_image": "",
        "article_type": "news",
        "tags": "세종,행정수도",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_admin_speaks_korean(client, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert '<html lang="ko"' in response.content.decode()


def test_editor_publishes_an_article_with_a_captioned_photo(
    client, editor, sections, reporter, masthead
):
    client.force_login(editor)
    photo = make_image("토론회 포스터", caption="시민 토론회 안내 포스터", credit="")
    section = sections["daejeon"]
    add_url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))

    response = client.post(add_url, article_form(reporter, photo))

    assert response.status_code == 302, response.content.decode()[:3000]
    article = ArticlePage.objects.get(title__startswith="세종시, 행정수도")
    assert article.live
    assert article.slug == str(article.article_number)
    assert article.listing_image == photo  # the first body photo stands in for 대표 사진

    article_html = client.get(article.url).content.decode()
    assert "▲ 시민 토론회 안내 포스터 (사진=세종시 제공)" in article_html
    assert "[충청신문=세종] 권예진 기자 = " in article_html
    client.logout()
    assert article.title in client.get(section.url).content.decode()
    assert article.title in client.get(sections["region"].url).content.decode()
    assert article.title in client.get("/").content.decode()


def test_publishing_without_a_body_is_refused_and_saves_nothing(client, editor, sections, reporter):
    client.force_login(editor)
    photo = make_image()
    add_url = reverse(
        "wagtailadmin_pages:add", args=("news", "articlepage", sections["daejeon"].pk)
    )

    response = client.post(add_url, article_form(reporter, photo, body=streamfield([])))

    assert response.status_code == 200
    assert "error-message" in response.content.decode()  # the editor sees what to fix
    assert not ArticlePage.objects.exists()


def test_every_article_opens_in_the_admin_editor(client, editor, seed_article):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(seed_article.pk,)))
    html = response.content.decode()
    assert response.status_code == 200
    for label in ("내용", "사진", "게재 설정", "부제", "요약", "발신지", "대표 사진", "기사 유형"):
        assert label in html, label


def test_editors_find_reporters_and_the_masthead_in_the_admin_menu(
    client, editor, reporter, masthead
):
    client.force_login(editor)
    reporters = client.get(reverse("wagtailsnippets_news_reporter:list"))
    assert reporters.status_code == 200 and "권예진" in reporters.content.decode()
    mastheads = client.get(reverse("wagtailsnippets_home_masthead:list"))
    assert mastheads.status_code == 200 and "대전 가 00006" in mastheads.content.decode()


def test_photo_upload_form_asks_for_default_caption_and_credit(client, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailimages:add")).content.decode()
    assert "기본 사진 설명" in html and "기본 출처" in html


def copy_article(client, article, alias):
    data = {
        "new_title": "복사한 기사",
        "new_slug": "second-place",
        "new_parent_page": article.get_parent().pk,
        "copy_subpages": "",
        "publish_copies": "on",
        "alias": "on" if alias else "",
    }
    response = client.post(reverse("wagtailadmin_pages:copy", args=(article.pk,)), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return ArticlePage.objects.exclude(pk=article.pk).get()


def test_a_copied_article_is_a_new_article_with_its_own_number(client, editor, seed_article):
    client.force_login(editor)
    copy = copy_article(client, seed_article, alias=False)
    assert copy.article_number not in (None, seed_article.article_number)
    assert copy.slug == str(copy.article_number)
    assert copy.legacy_idxno == ""


def test_an_alias_shows_the_original_article_under_its_own_slug(client, editor, seed_article):
    client.force_login(editor)
    alias = copy_article(client, seed_article, alias=True)
    assert alias.alias_of_id == seed_article.pk
    assert alias.article_number is None and alias.slug == "second-place"
    seed_article.title = "고친 제목"
    seed_article.save_revision().publish()  # Wagtail then updates the alias too
    alias.refresh_from_db()
    assert alias.title == "고친 제목" and alias.article_number is None
