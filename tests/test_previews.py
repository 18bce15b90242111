"""Editors preview an article on a phone and a desktop, and as it would sit on the front page."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from newsroom import add_article, make_image
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from news.models import ArticlePage


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser(
        username="desk", email="desk@dailycc.net", password="pw"
    )


def article_form(title, reporter, photo=None, **overrides):
    body = [("paragraph", rich_text("<p>미리보기 본문 첫 문단입니다.</p>"))]
    if photo:
        body.append(("image", {"image": photo.pk, "caption": "", "credit": "대전시 제공"}))
    data = {
        "title": title,
        "subtitle": "",
        "lead": "미리보기에서 확인하는 요약입니다.",
        "dateline": "대전",
        "article_reporters": inline_formset([{"reporter": reporter.pk}]),
        "body": streamfield(body),
        "main_image": "",
        "series": "",
        "related_links": inline_formset([]),
        "corrections": inline_formset([]),
        "article_type": "news",
        "grade": "0",
        "breaking_until": "",
        "tags": "",
        "comments_open": "on",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def preview(client, url, form, mode="front_card"):
    """What the preview panel does: post the form, then load the preview in a mode."""
    posted = client.post(url, form)
    assert posted.json()["is_valid"], posted.content.decode()
    response = client.get(url, {"mode": mode} if mode is not None else {})
    assert response.status_code == 200
    return response.content.decode()


def edit_preview_url(article):
    return reverse("wagtailadmin_pages:preview_on_edit", args=(article.pk,))


def block(html, class_name):
    """The HTML of the front page's block (a <section>/<article>) with that class."""
    match = re.search(rf'<(section|article) class="{class_name}".*?</\1>', html, flags=re.S)
    return match.group(0) if match else ""


@pytest.fixture
def front(sections, reporter, masthead):
    """A front page with articles already on it: the preview puts ours among them."""
    return {
        "earlier_top": add_article(
            sections["politics"], title="어제의 톱기사", reporters=[reporter]
        ),
        "neighbour": add_article(sections["daejeon"], title="대전의 다른 기사"),
    }


def test_the_editor_offers_phone_and_desktop_previews(client, editor, seed_article):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(seed_article.pk,))).content.decode()

    assert 'data-device-width="360"' in html and 'data-device-width="1280"' in html
    assert 'data-device-width="768"' not in html  # no tablet: the paper is read on phones and desks
    assert 'aria-label="휴대폰 화면으로 미리보기"' in html
    assert 'aria-label="데스크톱 화면으로 미리보기"' in html
    phone = re.search(r'<input[^>]*value="mobile"[^>]*>', html, flags=re.S).group(0)
    assert "checked" in phone  # phones first
    assert ">기사 페이지</option>" in html and ">1면 카드</option>" in html


def test_the_card_preview_shows_the_draft_as_the_top_story_and_in_its_section(
    client, editor, front, sections, reporter
):
    article = add_article(sections["daejeon"], title="게재 중인 제목")
    client.force_login(editor)

    html = preview(client, edit_preview_url(article), article_form("고쳐 쓴 제목", reporter))

    top = block(html, "front-lead")
    assert "고쳐 쓴 제목" in top and "미리보기에서 확인하는 요약입니다." in top
    assert "권예진 기자" in top
    region = block(html, "front-section")
    assert ">지역</a>" in region and "고쳐 쓴 제목" in region
    assert "게재 중인 제목" not in html  # the live version is not shown beside the draft
    # The earlier top story moves down to the headlines, as it would.
    assert "어제의 톱기사" in block(html, "front-top")
    assert "톱기사, 지역 섹션에 걸린 모습입니다." in html
    assert ArticlePage.objects.get(pk=article.pk).title == "게재 중인 제목"  # nothing saved


def test_a_new_article_previews_as_a_card_with_its_first_photo(
    client, editor, front, sections, reporter
):
    client.force_login(editor)
    url = reverse(
        "wagtailadmin_pages:preview_on_add", args=("news", "articlepage", sections["daejeon"].pk)
    )
    photo = make_image("현장 사진")

    html = preview(client, url, article_form("아직 없는 기사", reporter, photo=photo))

    top = block(html, "front-lead")
    assert "아직 없는 기사" in top
    assert "<img" in top  # the body's first photo stands in for 대표 사진, as on save
    assert re.search(r"<time datetime=\"[^\"]+\">\d{4}\.\d\d\.\d\d \d\d:\d\d</time>", top)
    assert not ArticlePage.objects.filter(title="아직 없는 기사").exists()


def test_an_editorial_previews_in_the_opinion_block(client, editor, front, sections, reporter):
    article = add_article(sections["politics"], title="사설 초안", article_type="editorial")
    client.force_login(editor)

    html = preview(
        client,
        edit_preview_url(article),
        article_form("사설: 예산은 시민의 돈이다", reporter, article_type="editorial"),
    )

    assert "사설: 예산은 시민의 돈이다" in block(html, "front-opinion")
    assert "사설: 예산은 시민의 돈이다" not in block(html, "front-top")
    assert "오피니언에 걸린 모습입니다." in html


def test_a_photo_story_previews_in_photo_news_too(client, editor, front, sections, reporter):
    article = add_article(sections["daejeon"], title="포토 초안", article_type="photo")
    client.force_login(editor)

    html = preview(
        client,
        edit_preview_url(article),
        article_form("한밭수목원의 가을", reporter, photo=make_image(), article_type="photo"),
    )

    assert "한밭수목원의 가을" in block(html, "front-photos")
    assert "포토뉴스" in re.search(r"이 기사가 [^<]*모습입니다", html).group(0)


def test_a_curated_top_story_keeps_the_front_pages_own_title(
    client, editor, front, sections, reporter, home
):
    article = add_article(sections["daejeon"], title="원래 제목")
    home = HomePage.objects.get(pk=home.pk)
    home.top_story = article
    home.top_story_title = "1면에만 쓰는 제목"
    home.save_revision().publish()
    client.force_login(editor)

    html = preview(client, edit_preview_url(article), article_form("고친 기사 제목", reporter))

    top = block(html, "front-lead")
    assert "1면에만 쓰는 제목" in top
    assert "미리보기에서 확인하는 요약입니다." in top  # the draft's own lead
    assert "고친 기사 제목" in block(html, "front-section")


def test_the_article_page_is_the_default_preview(client, editor, sections, reporter, masthead):
    article = add_article(sections["daejeon"], title="기사 화면")
    client.force_login(editor)
    url = edit_preview_url(article)

    default = preview(client, url, article_form("기사 화면 미리보기", reporter), mode=None)
    assert "[충청신문=대전] 권예진 기자 = " in default
    assert 'class="front-lead"' not in default

    unknown = client.get(url, {"mode": "없는 모드"})
    assert unknown.status_code == 200
    assert "기사 화면 미리보기" in unknown.content.decode()
