"""Every page carries the header and the legal masthead that Korean press law requires."""

import re

import pytest
from django.test import Client
from newsroom import add_article
from wagtail.rich_text import RichText

from home.models import StandardPage

MASTHEAD_TEXTS = [
    "대전광역시 중구 동서대로 1337(용두동, 서현빌딩 7층)",
    "대표전화 : 042) 252-0100",
    "팩스 : 042) 533-7473",
    "청소년보호책임자 : 황천규",
    "법인명 : 충청신문",
    "제호 : 충청신문",
    "등록번호 : 대전 가 00006",
    "등록일 : 2005-08-23",
    "발행·편집인 : 이경주",
    "사장 : 김충헌",
    "「열린보도원칙」",
    "고충처리인 : 노경래 (042-255-2580 / ",
    "nogol69@dailycc.net",
    "Copyright © 2024 충청신문. All rights reserved.",
    "dailycc@dailycc.net",
]


@pytest.fixture
def every_page(home, sections, masthead, seed_article):
    about = StandardPage(
        title="회사소개", slug="about", body=[("paragraph", RichText("<p>소개</p>"))]
    )
    home.add_child(instance=about)
    about.save_revision().publish()
    return {
        "front": "/",
        "section": sections["region"].url,
        "article": seed_article.url,
        "standard": about.url,
        "search": "/search/?q=대전",
        "not found": "/no/such/page/",
    }


@pytest.mark.parametrize("page", ["front", "section", "article", "standard", "search", "not found"])
def test_masthead_header_and_menu_on_every_page(client, every_page, page):
    response = client.get(every_page[page])
    html = response.content.decode()
    assert response.status_code == (404 if page == "not found" else 200)
    assert '<html lang="ko">' in html
    assert "매체정보" in html
    for text in MASTHEAD_TEXTS:
        assert text in html, text
    assert 'href="/region/"' in html and 'href="/region/daejeon/"' in html  # section menu
    assert 'action="/search/"' in html  # search box
    assert 'href="/about/"' in html  # footer link to the standard pages


def test_404_page_is_in_korean(client, every_page):
    html = client.get("/no/such/page/").content.decode()
    assert "페이지를 찾을 수 없습니다" in html


def test_500_page_is_in_korean_and_needs_no_database(db, django_assert_num_queries):
    from django.template import loader

    with django_assert_num_queries(0):
        html = loader.get_template("500.html").render({})
    assert "일시적인 오류가 발생했습니다" in html
    assert '<html lang="ko">' in html


def test_a_crashing_view_gets_the_korean_500_page(settings, home, masthead, monkeypatch):
    from home.models import HomePage

    def crash(self, request, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomePage, "get_context", crash)
    client = Client(raise_request_exception=False)
    response = client.get("/")
    assert response.status_code == 500
    assert "일시적인 오류가 발생했습니다" in response.content.decode()


def test_section_menu_marks_the_current_section(client, sections, masthead):
    article = add_article(sections["daejeon"], title="대전 소식")
    html = client.get(article.url).content.decode()
    assert '<a href="/region/" aria-current="true">지역</a>' in html


def test_no_request_leaves_our_host(client, every_page):
    """Fonts, scripts, styles and images all come from our own static and media files."""
    loaded = re.compile(
        r"<(?:script|img|iframe)\b[^>]*\bsrc=\"([^\"]+)\"|<link\b(?![^>]*\brel=\"(?:canonical|alternate)\")[^>]*\bhref=\"([^\"]+)\""
    )
    for url in every_page.values():
        html = client.get(url).content.decode()
        sources = [src or href for src, href in loaded.findall(html)]
        assert sources, url
        external = [source for source in sources if source.startswith(("http:", "https:", "//"))]
        assert not external, (url, external)


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("대전", 200, None),
        ("대%00전", 200, None),  # NUL is dropped, not an error
        ("가" * 1000, 200, None),
        ("가" * 1001, 400, "1,000자 이내"),
        ("대전&page=abc", 200, None),
        ("대전&page=99999", 200, None),
    ],
)
def test_search_never_fails_on_odd_input(client, every_page, query, status, message):
    response = client.get(f"/search/?q={query}")
    assert response.status_code == status
    if message:
        assert message in response.content.decode()
