"""Reporter pages and tag pages: who wrote what, what carries a tag; fixed queries at any size."""

import datetime

import pytest
from django.core.cache import caches
from newsroom import KST, add_article, add_section, make_image
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from news.models import ArticlePage, ArticleReporter, Reporter, Series
from news.related import REPORTER_COUNT


def at(day, hour=9):
    return datetime.datetime(2022, 4, day, hour, 0, tzinfo=KST)


def get_html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def kwon(reporter):
    reporter.photo = make_image("권예진 사진")
    reporter.save()
    return reporter


@pytest.fixture
def lee(db):
    return Reporter.objects.create(name="이승훈", email="lsh@dailycc.net", desk="경제부")


# 기자 페이지


def test_reporter_page_shows_photo_desk_title_email_and_articles_newest_first(
    client, sections, masthead, kwon, lee
):
    older = add_article(
        sections["daejeon"], title="오래된 기사", reporters=[kwon], published_at=at(1)
    )
    shared = add_article(
        sections["politics"], title="공동 취재 기사", reporters=[lee, kwon], published_at=at(3)
    )
    newer = add_article(sections["daejeon"], title="새 기사", reporters=[kwon], published_at=at(5))
    others = add_article(sections["daejeon"], title="다른 기자 기사", reporters=[lee])

    html = get_html(client, kwon.get_absolute_url())

    assert kwon.get_absolute_url() == f"/reporters/{kwon.pk}/"
    assert "<h1" in html and "권예진" in html and ">기자</span>" in html
    assert "사회부" in html
    assert 'href="mailto:kwon@dailycc.net"' in html
    profile = html[
        html.index('class="profile"') : html.index("</header>", html.index('class="profile"'))
    ]
    assert "<img" in profile
    assert html.index(newer.title) < html.index(shared.title) < html.index(older.title)
    assert others.title not in html
    assert "3건" in html
    assert "<title>권예진 기자 - 충청신문</title>" in html


def test_reporter_page_lists_only_live_public_articles(client, home, sections, masthead, kwon):
    private_section = add_section(home, "사내", "internal")
    PageViewRestriction.objects.create(page=private_section, restriction_type="login")
    add_article(private_section, title="사내 공지", reporters=[kwon])
    draft = add_article(sections["daejeon"], title="내려간 기사", reporters=[kwon])
    draft.unpublish()
    live = add_article(sections["daejeon"], title="살아 있는 기사", reporters=[kwon])

    html = get_html(client, kwon.get_absolute_url())

    assert live.title in html
    assert "사내 공지" not in html and "내려간 기사" not in html


def test_a_reporter_without_articles_or_photo_still_has_a_page(client, site, masthead, lee):
    html = get_html(client, lee.get_absolute_url())
    assert "이승훈" in html and "경제부" in html
    assert "아직 게재된 기사가 없습니다." in html
    profile = html[
        html.index('class="profile"') : html.index("</header>", html.index('class="profile"'))
    ]
    assert "<img" not in profile


def test_unknown_reporter_is_a_404(client, site, masthead):
    assert client.get("/reporters/999999/").status_code == 404
    assert client.get("/reporters/abc/").status_code == 404


@pytest.fixture
def twenty_five_articles(sections, kwon):
    for day in range(1, 26):
        add_article(
            sections["daejeon"], title=f"기사{day:02d}호", reporters=[kwon], published_at=at(day)
        )


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
        ("2&page=abc", "기사25호", 20),
    ],
)
def test_any_page_parameter_gives_a_real_page(
    client, kwon, masthead, twenty_five_articles, page, first, count
):
    html = get_html(client, f"{kwon.get_absolute_url()}?page={page}")
    assert sum(f"기사{day:02d}호" in html for day in range(1, 26)) == count
    assert first in html


def test_later_pages_say_which_page_they_are_and_link_back(
    client, kwon, masthead, twenty_five_articles
):
    html = get_html(client, f"{kwon.get_absolute_url()}?page=2")
    assert "(2쪽)" in html[: html.index("</title>")]
    assert 'href="?page=1" rel="prev"' in html
    assert f'<link rel="canonical" href="http://localhost/reporters/{kwon.pk}/?page=2">' in html


# 바이라인과 기자의 다른 기사


def test_bylines_link_to_reporter_pages(client, sections, masthead, kwon, lee):
    article = add_article(sections["daejeon"], title="공동 취재", reporters=[kwon, lee])
    html = get_html(client, article.url)
    byline = html[html.index('class="article__byline"') :]
    byline = byline[: byline.index("</li>")]
    assert f'<a href="/reporters/{kwon.pk}/" rel="author">By. 권예진 기자</a>' in byline
    assert f'<a href="/reporters/{lee.pk}/" rel="author">By. 이승훈 기자</a>' in byline


def reporter_block(html):
    start = html.index("의 다른 기사</h2>")
    return html[html.rindex("<section", 0, start) : html.index("</section>", start)]


def test_reporters_other_articles_are_the_latest_few_without_this_one(
    client, sections, masthead, kwon, lee
):
    others = [
        add_article(
            sections["politics"], title=f"권 기자 {n}", reporters=[kwon], published_at=at(n)
        )
        for n in range(1, REPORTER_COUNT + 3)
    ]
    by_lee = add_article(
        sections["politics"], title="이 기자 단독", reporters=[lee], published_at=at(20)
    )
    article = add_article(
        sections["daejeon"], title="오늘 기사", reporters=[kwon], published_at=at(21)
    )

    html = get_html(client, article.url)
    listed = reporter_block(html)

    assert "권예진 기자의 다른 기사" in listed
    expected = [a.title for a in reversed(others)][:REPORTER_COUNT]
    assert [title for title in expected if f">{title}</a>" in listed] == expected
    assert others[0].title not in listed and others[1].title not in listed
    assert by_lee.title not in listed and f">{article.title}</a>" not in listed
    assert f'href="/reporters/{kwon.pk}/">권예진 기자의 기사 모두 보기</a>' in listed


def test_several_reporters_share_one_list(client, sections, masthead, kwon, lee):
    by_kwon = add_article(sections["politics"], title="권 기자 기사", reporters=[kwon])
    by_lee = add_article(sections["politics"], title="이 기자 기사", reporters=[lee])
    article = add_article(sections["daejeon"], title="공동 기사", reporters=[kwon, lee])
    listed = reporter_block(get_html(client, article.url))
    assert "권예진·이승훈 기자의 다른 기사" in listed
    assert by_kwon.title in listed and by_lee.title in listed


def test_no_reporter_list_for_an_article_without_byline(client, sections, masthead):
    article = add_article(sections["politics"], title="[사설] 무기명")
    assert "의 다른 기사</h2>" not in get_html(client, article.url)


# 태그 페이지


def test_tag_page_lists_live_articles_with_the_tag_newest_first(client, sections, masthead):
    older = add_article(
        sections["daejeon"], title="산단 첫 기사", tags=["대전산단"], published_at=at(1)
    )
    newer = add_article(
        sections["politics"], title="산단 둘째 기사", tags=["대전산단", "국회"], published_at=at(2)
    )
    draft = add_article(sections["politics"], title="산단 초안", tags=["대전산단"])
    draft.unpublish()
    add_article(sections["politics"], title="국회만", tags=["국회"])

    html = get_html(client, "/tags/대전산단/")

    assert '<h1 class="page-title">#대전산단</h1>' in html
    assert html.index(newer.title) < html.index(older.title)
    assert "산단 초안" not in html and "국회만" not in html
    assert "2건" in html


def test_tag_page_for_an_unknown_tag_is_a_404(client, site, masthead):
    assert client.get("/tags/없는태그/").status_code == 404


def test_tag_page_takes_any_page_parameter(client, sections, masthead):
    for day in range(1, 23):
        add_article(
            sections["daejeon"], title=f"태그기사{day:02d}", tags=["충청"], published_at=at(day)
        )
    for page, expected in (("2", 2), ("-5", 2), ("x", 20), ("", 20)):
        html = get_html(client, f"/tags/충청/?page={page}")
        assert html.count(">태그기사") == expected, page


# 쿼리 수: 10배의 데이터에도 그대로


def build_archive(sections, reporter, series, scale, prefix=""):
    """`scale` × 25 articles (more than a page) by `reporter`, tagged and in `series`, with photos."""
    other = Reporter.objects.create(name=f"동료{prefix}", email=f"co{prefix}@dailycc.net")
    homes = [sections["daejeon"], sections["politics"], sections["region"]]
    for n in range(25 * scale):
        body = [
            ("paragraph", RichText(f"<p>{n}번 기사.</p>")),
            (
                "image",
                {
                    "image": make_image(f"사진{prefix}{n}", color=(n % 255, 90, 40)),
                    "caption": "",
                    "credit": "",
                },
            ),
        ]
        article = ArticlePage(title=f"보관 {prefix}{n}", body=body, series=series)
        article.tags.set(["기록", f"태그{n % 5}"])
        article.article_reporters = [
            ArticleReporter(reporter=reporter, sort_order=0),
            ArticleReporter(reporter=other, sort_order=1),
        ]
        homes[n % 3].add_child(instance=article)


def count_queries(client, url, assert_max_queries, budget):
    client.get(url)  # warm per-process caches
    caches["renditions"].clear()
    with assert_max_queries(budget) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# Wagtail's site lookup, the masthead, menu, footer and banner slots, the view restrictions,
# the listing (count, page, photos and their renditions, bylines) and the page's subject:
# the reporter with the photo, the tag, the series with its photo and columnist's photo.
BUDGETS = {"reporter": 14, "tag": 13, "series": 15}


def test_listing_pages_keep_their_query_count_at_ten_times_the_data(
    client, sections, masthead, kwon, django_assert_max_num_queries
):
    series = Series.objects.create(name="기록의 힘", columnist=kwon, image=make_image("연재"))
    urls = {
        "reporter": kwon.get_absolute_url(),
        "tag": "/tags/기록/",
        "series": series.get_absolute_url(),
    }

    build_archive(sections, kwon, series, 1)
    small = {
        name: count_queries(client, url, django_assert_max_num_queries, BUDGETS[name])
        for name, url in urls.items()
    }
    build_archive(sections, kwon, series, 9, prefix="x")  # 1 + 9 = ten times
    large = {
        name: count_queries(client, url, django_assert_max_num_queries, BUDGETS[name])
        for name, url in urls.items()
    }

    assert small == large, "a listing page's query count grew with the data"
    html = get_html(client, f"{urls['reporter']}?page=12")
    assert "12 / 13" in html and "<img" in html


def test_a_tag_of_symbols_only_has_no_page_and_breaks_nothing(client, sections, reporter):
    article = add_article(sections["daejeon"], title="별표 태그", tags=["★"], reporters=[reporter])
    response = client.get(article.url)
    assert response.status_code == 200
    assert "#★" in response.content.decode()
    assert client.get("/sitemap.xml").status_code == 200


@pytest.mark.parametrize("url", ["/tags/%00/", "/series/a%00/"])
def test_nul_in_a_tag_or_series_address_is_the_404_page(client, db, url):
    assert client.get(url).status_code == 404
