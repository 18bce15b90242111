"""A section lists its own and its subsections' live articles, newest first, 20 a page."""

import datetime

import pytest
from newsroom import KST, add_article

from news.models import ArticlePage


def published(day):
    return datetime.datetime(2022, 4, day, 9, 0, tzinfo=KST)


def test_parent_section_lists_subsection_articles_newest_first(client, sections, masthead):
    older = add_article(sections["daejeon"], title="오래된 대전 기사", published_at=published(1))
    newer = add_article(sections["region"], title="새 지역 기사", published_at=published(5))
    add_article(sections["politics"], title="정치 기사", published_at=published(6))

    html = client.get(sections["region"].url).content.decode()

    assert html.index(newer.title) < html.index(older.title)
    assert "정치 기사" not in html


def test_drafts_and_unpublished_articles_are_not_listed(client, sections, masthead):
    article = add_article(sections["daejeon"], title="내려간 기사")
    article.unpublish()
    assert "내려간 기사" not in client.get(sections["daejeon"].url).content.decode()


@pytest.fixture
def twenty_five_articles(sections):
    for day in range(1, 26):
        add_article(sections["daejeon"], title=f"기사{day:02d}호", published_at=published(day))


@pytest.mark.parametrize(
    ("page", "first", "count"),
    [
        ("", "기사25호", 20),
        ("2", "기사05호", 5),
        ("99", "기사05호", 5),  # past the end: the last page
        ("-1", "기사05호", 5),
        ("abc", "기사25호", 20),  # not a number: the first page
        ("1.5", "기사25호", 20),
        ("%00", "기사25호", 20),
    ],
)
def test_any_page_parameter_gives_a_real_page(
    client, sections, twenty_five_articles, page, first, count
):
    response = client.get(f"{sections['daejeon'].url}?page={page}")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("기사") >= count
    assert sum(f"기사{day:02d}호" in html for day in range(1, 26)) == count
    assert first in html


def test_subsections_are_linked(client, sections, masthead):
    html = client.get(sections["region"].url).content.decode()
    assert 'href="/region/daejeon/"' in html
    assert ArticlePage.objects.count() == 0
    assert "이 섹션에는 아직 기사가 없습니다." in html
