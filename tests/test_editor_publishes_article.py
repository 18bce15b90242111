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
    assert "본문" in response.content.decode()
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
