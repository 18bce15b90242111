"""The reader's search page, the search box's suggestions, search promotions and the API's search."""

import datetime
import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone
from newsroom import add_article
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from news.models import ArticlePage, Reporter
from search.highlight import CHUNK_LENGTH, MAX_CHUNKS_TRIED, Highlighter
from search.models import SearchSynonym

BUDGET = 13  # the whole search page with the 속보 bar, whatever the number of results


def paragraphs(*texts):
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in texts]


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def search(client, **params):
    return client.get("/search/", params)


def result_titles(html):
    """Result titles in page order, marks removed."""
    titles = re.findall(r'<h2 class="search-result__title"><a href="[^"]*">(.*?)</a></h2>', html)
    return [re.sub(r"</?mark>", "", title) for title in titles]


def make_draft(section, title):
    draft = ArticlePage(title=title, body=paragraphs("초안 본문"))
    draft.live = False
    section.add_child(instance=draft)
    draft.save_revision()
    return draft


def make_private(section, title, **fields):
    article = add_article(section, title=title, **fields)
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    return article


# The results page


def test_a_result_shows_section_title_excerpt_date_and_byline(client, seed_article):
    response = search(client, q="산업단지")
    html = response.content.decode()
    assert response.status_code == 200
    assert "검색 결과 <strong>1</strong>건" in html
    assert '<p class="search-result__section">대전</p>' in html
    assert result_titles(html) == [seed_article.title]
    assert f'href="{seed_article.url}"' in html
    assert "2022.04.07 16:33" in html
    assert "권예진 기자" in html
    # The lead carries no match: the excerpt opens with it, the title is marked.
    assert '<p class="search-result__excerpt">대전시가 노후 산단 재생을 위해' in html
    assert "<mark>산업단지</mark>" in html


@pytest.mark.parametrize("params", [{"q": "산업단지"}, {"q": ""}, {"q": "을"}, {"section": "x"}])
def test_the_page_is_never_indexed(client, seed_article, params):
    html = search(client, **params).content.decode()
    assert '<meta name="robots" content="noindex">' in html


def test_an_inflected_query_marks_the_word_in_its_other_form(client, sections):
    add_article(
        sections["daejeon"],
        title="도시재생 소식",
        lead="대전시가 원도심에 청년 창업 거점을 조성한다고 밝혔다.",
    )
    html = search(client, q="조성했다").content.decode()
    assert "<mark>조성</mark>한다고" in html
    assert "검색 결과 <strong>1</strong>건" in html


def test_the_excerpt_is_cut_around_the_first_match_in_the_body(client, sections):
    filler = "시민들이 공원을 산책했다. " * 20
    add_article(
        sections["daejeon"],
        title="주말 풍경",
        lead="주말 도심 풍경을 전한다.",
        body=paragraphs(filler, "오후에는 갑천 둔치에서 음악회가 열렸다. " + filler),
    )
    html = search(client, q="음악회").content.decode()
    excerpt = re.search(r'<p class="search-result__excerpt">(.*?)</p>', html)[1]
    assert "<mark>음악회</mark>가 열렸다" in excerpt
    assert excerpt.startswith("…") and excerpt.endswith("…")
    assert 100 <= len(re.sub(r"</?mark>", "", excerpt)) <= 160
    assert "주말 도심 풍경" not in excerpt


def test_html_in_articles_and_queries_is_escaped(client, sections):
    add_article(
        sections["daejeon"],
        title="대전 <b>특보</b> & 속보",
        lead='대전 "긴급" <script>alert(1)</script> 안내',
        body=paragraphs("&lt;img src=x onerror=alert(2)&gt; 대전 소식"),
    )
    html = search(client, q="대전").content.decode()
    assert "<script>alert" not in html
    assert "<b>특보</b>" not in html and "<img src=x" not in html
    assert "<mark>대전</mark> &lt;b&gt;특보&lt;/b&gt; &amp; 속보" in html
    assert "<mark>대전</mark> &quot;긴급&quot; &lt;script&gt;alert(1)&lt;/script&gt; 안내" in html

    html = search(client, q='"><script>alert(3)</script>').content.decode()
    assert "<script>alert" not in html  # the query in the boxes, the heading and the title
    assert "&quot;&gt;&lt;script&gt;alert(3)" in html


def test_highlighter_marks_only_the_content_of_each_matching_word(db):
    highlighter = Highlighter("대전 조성했다")
    assert highlighter.highlight("대전시가 <산단>을 조성한다") == (
        "<mark>대전시</mark>가 &lt;산단&gt;을 <mark>조성</mark>한다"
    )
    # 충남대 is 충남<->남대: it never marks 한남대, as it never finds it.
    assert "<mark>" not in Highlighter("충남대").highlight("한남대 연구팀")


def test_highlighter_falls_back_to_the_beginning(db):
    highlighter = Highlighter("음악회")
    excerpt = highlighter.excerpt(["첫 문장입니다. " * 30, "둘째 문단"])
    assert excerpt.startswith("첫 문장입니다.") and excerpt.endswith("…")
    assert "<mark>" not in excerpt
    assert Highlighter("음악회").excerpt(["", "  "]) == ""


def test_highlighter_follows_irregular_verbs_and_synonyms(db):
    assert Highlighter("흐르다").excerpt(["강물이 흘러 바다로 간다."]) == (
        "강물이 <mark>흘러</mark> 바다로 간다."
    )
    SearchSynonym.objects.create(words="산단, 산업단지")
    assert Highlighter("산단").highlight("대전산업단지 입주 기업") == (
        "<mark>대전산업단지</mark> 입주 기업"
    )


def test_an_excerpt_analyses_only_a_few_chunks_of_a_long_article(db, monkeypatch):
    highlighter = Highlighter("대전")
    analysed = []
    words = highlighter.analyzer.words
    monkeypatch.setattr(
        highlighter.analyzer, "words", lambda text: analysed.append(len(text)) or words(text)
    )
    # 대 everywhere (so every chunk may match) and 대전 nowhere.
    excerpt = highlighter.excerpt(["요약 문장.", "대한민국 대표 선수단. " * 2000])
    assert excerpt.startswith("요약 문장.") and "<mark>" not in excerpt
    assert sum(analysed) <= (MAX_CHUNKS_TRIED + 1) * CHUNK_LENGTH


# Filters


@pytest.fixture
def spread(sections):
    """세종 stories across sections and times."""
    return {
        "daejeon": add_article(
            sections["daejeon"], title="세종 대전 협력", published_at=days_ago(3)
        ),
        "politics": add_article(
            sections["politics"], title="세종 정치 소식", published_at=days_ago(40)
        ),
        "region": add_article(
            sections["region"], title="세종 지역 행사", published_at=days_ago(400)
        ),
        "today": add_article(
            sections["politics"], title="세종 오늘 소식", published_at=days_ago(0.1)
        ),
    }


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        ("", {"세종 대전 협력", "세종 정치 소식", "세종 지역 행사", "세종 오늘 소식"}),
        ("region", {"세종 대전 협력", "세종 지역 행사"}),  # with its subsection 대전
        ("politics", {"세종 정치 소식", "세종 오늘 소식"}),
    ],
)
def test_section_filter_includes_subsections(client, spread, section, expected):
    response = search(client, q="세종", section=section)
    assert response.status_code == 200
    assert set(result_titles(response.content.decode())) == expected


def test_the_section_select_lists_top_level_sections(client, spread):
    html = search(client, q="세종", section="politics").content.decode()
    select = re.search(r'<select name="section".*?</select>', html, re.S)[0]
    assert '<option value="region">지역</option>' in select
    assert '<option value="politics" selected>정치</option>' in select
    assert "daejeon" not in select


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("1d", {"세종 오늘 소식"}),
        ("1w", {"세종 오늘 소식", "세종 대전 협력"}),
        ("1m", {"세종 오늘 소식", "세종 대전 협력"}),
        ("1y", {"세종 오늘 소식", "세종 대전 협력", "세종 정치 소식"}),
        ("", {"세종 오늘 소식", "세종 대전 협력", "세종 정치 소식", "세종 지역 행사"}),
    ],
)
def test_period_filter(client, spread, period, expected):
    html = search(client, q="세종", period=period).content.decode()
    assert set(result_titles(html)) == expected


def test_sort_newest_orders_by_publication(client, spread):
    html = search(client, q="세종", sort="newest").content.decode()
    assert result_titles(html) == [
        "세종 오늘 소식",
        "세종 대전 협력",
        "세종 정치 소식",
        "세종 지역 행사",
    ]
    assert '<a href="?q=%EC%84%B8%EC%A2%85&amp;sort=newest" aria-current="true">최신순</a>' in html


def test_filters_combine_and_an_empty_result_says_so(client, spread):
    html = search(client, q="세종", section="region", period="1d").content.decode()
    assert result_titles(html) == []
    assert "검색 결과 <strong>0</strong>건" in html
    assert "고른 조건으로 찾은 기사가 없습니다" in html
    assert "기간을 ‘전체’로 넓혀 보세요" in html


def test_no_match_suggests_other_words(client, seed_article):
    html = search(client, q="서울").content.decode()
    assert "‘서울’에 대한 기사가 없습니다" in html
    assert "띄어쓰기" in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"section": "sports"}, "선택한 섹션을 찾을 수 없습니다"),
        ({"section": "daejeon"}, "선택한 섹션을 찾을 수 없습니다"),  # a subsection is not offered
        ({"period": "2d"}, "기간은 1일, 1주, 1개월, 1년, 전체 가운데에서 골라 주세요"),
        ({"sort": "oldest"}, "정렬은 정확도순과 최신순 가운데에서 골라 주세요"),
        ({"q": "가" * 1001}, "검색어는 1,000자 이내로 입력해 주세요"),
    ],
)
def test_bad_filter_values_get_a_korean_message_and_the_form(client, spread, params, message):
    response = search(client, **{"q": "세종", **params})
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert '<form class="search-form"' in html
    assert 'aria-invalid="true"' in html
    assert result_titles(html) == []


def test_drafts_and_private_articles_are_not_found(client, sections):
    add_article(sections["daejeon"], title="세종 공개 기사")
    make_draft(sections["daejeon"], "세종 초안 기사")
    make_private(sections["daejeon"], "세종 비공개 기사")
    add_article(sections["daejeon"], title="세종 내려간 기사").unpublish()
    assert result_titles(search(client, q="세종").content.decode()) == ["세종 공개 기사"]


# Empty and odd queries


def test_an_empty_query_shows_tips(client, seed_article):
    response = search(client, q="  ")
    html = response.content.decode()
    assert response.status_code == 200
    assert "찾으시는 기사의 검색어를 입력하세요" in html
    assert "띄어 써 주세요" in html
    assert "검색 결과" not in html


@pytest.mark.parametrize("query", ["을", "에서", "는", "!!!", "😀", "…", "& | !"])
def test_a_query_without_a_searchable_word_shows_tips(client, seed_article, query):
    response = search(client, q=query)
    html = response.content.decode()
    assert response.status_code == 200
    assert "검색할 수 있는 낱말이 없습니다" in html
    assert "조사(은·는·이·가 등)나 기호만으로는 검색할 수 없습니다" in html


UNSAFE = ["&", "|", "!", "(", ")", ":", "*", "<", ">", "'", '"', "\\"]


@pytest.mark.parametrize(
    "query",
    [
        *UNSAFE,
        " ".join(UNSAFE),
        "".join(UNSAFE),
        *[f"대전{char}산업단지" for char in UNSAFE],
        "대전 & !산업단지 | (협약:*)",
        "'; DROP TABLE wagtailcore_page; --",
        "가" * 1000,
        "대전 " * 200,
        "a" * 1000,
        "대전\x00산업단지",
        "\x00",
        "\u200b\ufeff",
        "\ud7a3" * 3,
    ],
)
def test_any_query_is_safe(client, seed_article, query):
    response = search(client, q=query)
    assert response.status_code == 200
    assert "noindex" in response.content.decode()


def test_nul_characters_are_removed_not_refused(client, seed_article):
    response = client.get("/search/?q=%00%EC%82%B0%EC%97%85%EB%8B%A8%EC%A7%80%00&section=%00")
    assert response.status_code == 200
    assert result_titles(response.content.decode()) == [seed_article.title]


def test_a_query_of_1000_characters_is_allowed(client, seed_article):
    response = search(client, q="산업단지 " + "가" * 995)
    assert response.status_code == 200
    assert "1,000자 이내" not in response.content.decode()


@pytest.fixture
def many_results(sections, reporter):
    second = Reporter.objects.create(name="이승훈", email="lee@dailycc.net")
    for day in range(1, 26):
        add_article(
            sections["daejeon" if day % 2 else "politics"],
            title=f"대전 기사{day:02d}호",
            lead=f"대전시가 {day}번째 사업을 추진한다.",
            reporters=[reporter, second],
            published_at=days_ago(day),
        )


PAGE_VALUES = [
    ("", "대전 기사01호", 20),
    ("2", "대전 기사21호", 5),
    ("99", "대전 기사21호", 5),  # past the end: the last page
    ("99999999999999999999999999", "대전 기사21호", 5),
    ("0", "대전 기사21호", 5),
    ("-1", "대전 기사21호", 5),
    ("abc", "대전 기사01호", 20),  # not a number: the first page
    ("1.5", "대전 기사01호", 20),
    ("1e5", "대전 기사01호", 20),
    ("\x00", "대전 기사01호", 20),
    ("２", "대전 기사21호", 5),
]


def test_any_page_value_gives_a_real_page(client, many_results):
    for page, first, count in PAGE_VALUES:
        response = search(client, q="대전", sort="newest", page=page)
        assert response.status_code == 200, page
        titles = result_titles(response.content.decode())
        assert (len(titles), titles[0]) == (count, first), page


def test_pagination_keeps_the_query_and_filters(client, many_results):
    html = search(client, q="대전", sort="newest", period="1m").content.decode()
    assert "검색 결과 <strong>25</strong>건" in html
    assert (
        'href="?q=%EB%8C%80%EC%A0%84&amp;period=1m&amp;sort=newest&amp;page=2" rel="next"' in html
    )
    assert '<ol class="search-results" start="1">' in html


SEARCHES = [
    ({"q": "대전"}, True),
    ({"q": "대전", "sort": "newest"}, True),
    ({"q": "대전", "section": "politics", "period": "1y"}, True),
    ({"q": "대전", "section": "region"}, False),  # nothing found
]


def test_the_page_runs_in_fixed_queries(
    client, sections, reporter, masthead, django_assert_max_num_queries
):
    """One budget for one result and for a full page of twenty, whatever the filters."""
    add_article(sections["politics"], title="대전 첫 기사", reporters=[reporter])
    search(client, q="대전")  # warm the site root paths and the dictionary
    for params, found in SEARCHES:
        with django_assert_max_num_queries(BUDGET):
            html = search(client, **params).content.decode()
        assert len(result_titles(html)) == (1 if found else 0)

    second = Reporter.objects.create(name="이승훈", email="lee@dailycc.net")
    for day in range(25):
        add_article(
            sections["politics"], title=f"대전 추가 기사 {day}", reporters=[reporter, second]
        )
    for params, found in SEARCHES:
        with django_assert_max_num_queries(BUDGET):
            html = search(client, **params).content.decode()
        assert len(result_titles(html)) == (20 if found else 0)
        assert ("권예진·이승훈 기자" in html) == found


# Search promotions


@pytest.fixture
def promoted(sections):
    article = add_article(
        sections["politics"], title="세종 행정수도 완성 특집", published_at=days_ago(900)
    )
    for day in range(25):
        add_article(sections["daejeon"], title=f"세종 소식 {day}", published_at=days_ago(day))
    query = Query.get("세종")
    SearchPromotion.objects.create(
        query=query, page=article, description="편집국이 고른 기획 기사", sort_order=0
    )
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://www.sejong.go.kr/",
        external_link_text="세종시청 누리집",
        sort_order=1,
    )
    draft = make_draft(sections["politics"], "세종 초안")
    SearchPromotion.objects.create(query=query, page=draft, sort_order=2)
    return article


def test_promotions_show_above_the_results_on_the_first_page(client, promoted):
    html = search(client, q="세종").content.decode()
    promotions = html.index('class="search-promotions"')
    assert promotions < html.index('class="search-results"')
    assert '<span class="search-promotion__badge">추천</span>' in html
    assert (
        f'<a class="search-promotion__title" href="{promoted.url}">세종 행정수도 완성 특집</a>'
        in html
    )
    assert "편집국이 고른 기획 기사" in html
    assert 'href="https://www.sejong.go.kr/">세종시청 누리집</a>' in html
    assert "세종 초안" not in html  # a draft is never promoted
    assert html.index("세종 행정수도 완성 특집") < html.index("세종시청 누리집")


def test_promotions_match_the_normalised_query_only_on_page_one(client, promoted):
    assert "search-promotions" in search(client, q="  세종  ").content.decode()
    assert "search-promotions" not in search(client, q="세종", page="2").content.decode()
    assert "search-promotions" not in search(client, q="대전").content.decode()


def test_searching_does_not_write_query_rows(client, promoted):
    before = Query.objects.count()
    search(client, q="처음 보는 검색어")
    assert Query.objects.count() == before


# Suggestions


def suggest(client, query):
    response = client.get("/search/suggest/", {"q": query})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def test_suggestions_are_titles_and_urls_of_live_public_articles(client, seed_article, sections):
    make_draft(sections["daejeon"], "산업단지 초안")
    make_private(sections["daejeon"], "산업단지 비공개")
    data = suggest(client, "산업단")  # a word still being typed
    assert data == {
        "query": "산업단",
        "suggestions": [{"title": seed_article.title, "url": seed_article.url}],
    }


def test_at_most_eight_suggestions(client, sections):
    for n in range(10):
        add_article(sections["daejeon"], title=f"대전 소식 {n}")
    assert len(suggest(client, "대전")["suggestions"]) == 8


@pytest.mark.parametrize(
    "query", ["", "   ", "을", "!!!", "& | ! ( ) : * < > ' \" \\", "\x00", "가" * 1001, "😀"]
)
def test_suggestions_for_empty_or_bad_queries_are_empty(client, seed_article, query):
    assert suggest(client, query)["suggestions"] == []


def test_suggestions_strip_nul(client, seed_article):
    data = suggest(client, "산업\x00단")
    assert [s["title"] for s in data["suggestions"]] == [seed_article.title]


def test_suggestions_are_get_only(client, seed_article):
    assert client.post("/search/suggest/", {"q": "대전"}).status_code == 405


# The header's search box


def test_header_search_box_is_a_combobox_that_works_without_js(client, seed_article):
    html = client.get(seed_article.url).content.decode()
    form = re.search(r'<form class="site-search".*?</form>', html, re.S)[0]
    assert 'action="/search/"' in form and 'method="get"' in form
    assert 'data-suggest-url="/search/suggest/"' in form
    assert 'role="combobox"' in form and 'aria-expanded="false"' in form
    assert 'aria-controls="site-search-suggestions"' in form
    assert (
        '<ul class="site-search__suggestions" id="site-search-suggestions" role="listbox"' in form
    )
    assert '<script src="/static/js/search-suggest.js" defer></script>' in html
    script = open(finders.find("js/search-suggest.js"), encoding="utf-8").read()
    for word in ("aria-activedescendant", "ArrowDown", "ArrowUp", "Escape", "Enter"):
        assert word in script


def test_header_keeps_the_query(client, seed_article):
    html = search(client, q='산업단지 "따옴표"').content.decode()
    assert 'value="산업단지 &quot;따옴표&quot;"' in html


# API v2


@pytest.fixture
def api_articles(sections):
    public = add_article(sections["daejeon"], title="대전시가 연 축제")
    make_draft(sections["daejeon"], "대전 초안")
    make_private(sections["daejeon"], "대전 비공개")
    hidden = add_article(sections["daejeon"], title="대전 내려간 기사")
    hidden.unpublish()
    return public


def api_titles(client, **params):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def test_api_search_is_korean_and_public_only(client, api_articles):
    # 대전 finds 대전시가 only through the Korean analysis (PostgreSQL's parser keeps it whole).
    assert api_titles(client, search="대전", type="news.ArticlePage") == ["대전시가 연 축제"]
    # Without a type, every kind of page: the 대전 section too.
    assert set(api_titles(client, search="대전")) == {"대전", "대전시가 연 축제"}


def test_api_lists_no_drafts_or_private_pages(client, api_articles):
    titles = api_titles(client, type="news.ArticlePage")
    assert titles == ["대전시가 연 축제"]


def test_api_detail_of_a_private_or_draft_page_is_not_found(client, api_articles, sections):
    private = ArticlePage.objects.get(title="대전 비공개")
    draft = ArticlePage.objects.get(title="대전 초안")
    assert client.get(f"/api/v2/pages/{private.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{api_articles.pk}/").status_code == 200


@pytest.mark.parametrize("query", ["을", "& | !", "😀", "가" * 1000])
def test_api_search_with_odd_queries_is_empty_not_an_error(client, api_articles, query):
    assert api_titles(client, search=query, type="news.ArticlePage") == []


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"search": "대전", "search_operator": "or"}, 200),
        ({"search": "대전", "search_operator": "xyz"}, 400),
        ({"search": "대전", "order": "-first_published_at"}, 200),
        ({"search": "a\x00b"}, 200),
        ({"search": "대전", "title": "a\x00"}, 400),
    ],
)
def test_api_answers_odd_parameters_without_a_500(client, api_articles, params, status):
    assert client.get("/api/v2/pages/", params).status_code == status
