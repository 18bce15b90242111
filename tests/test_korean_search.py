"""Korean search through Wagtail's APIs: the issue's four documents and what each query finds."""

import datetime

import pytest
from django.utils import timezone
from newsroom import add_article
from wagtail.models import Page
from wagtail.rich_text import RichText

from news.models import ArticlePage
from search.models import SearchSynonym, SearchUserWord

DOCUMENTS = {
    "D1": "세종시는 28일 정부세종청사 인근에 스마트 국가산단을 조성한다고 밝혔다.",
    "D2": "충남대 연구팀은 5G 기지국 전력 효율을 높이는 기술을 개발했다.",
    "D3": "한남대와 대전산업단지 입주기업이 K-배터리 인재 양성 협약을 맺었다.",
    "D4": "코로나19 이후 대전 유성구의 관광객이 ＡＩ 안내 서비스를 이용했다.",
}

EXPECTED = [
    *[(q, {"D1"}) for q in ["세종시", "세종", "정부세종청사", "청사", "국가산단", "조성"]],
    *[(q, {"D1"}) for q in ["조성했다", "밝혔다"]],
    *[(q, {"D2"}) for q in ["충남대", "5G", "기지국", "전력 효율", "개발"]],
    *[(q, {"D3"}) for q in ["한남대", "산업단지", "배터리", "K-배터리", "협약"]],
    ("대전", {"D3", "D4"}),
    *[(q, {"D4"}) for q in ["유성구", "유성", "관광객", "AI", "ai", "코로나19", "코로나"]],
    ("서울", set()),
]


@pytest.fixture
def documents(sections):
    return {
        name: add_article(
            sections["daejeon"],
            title=f"기사 {name}",
            body=[("paragraph", RichText(f"<p>{text}</p>"))],
        )
        for name, text in DOCUMENTS.items()
    }


def found(query, queryset=None):
    queryset = queryset if queryset is not None else ArticlePage.objects.live()
    return {page.title.removeprefix("기사 ") for page in queryset.search(query)}


@pytest.mark.parametrize(("query", "expected"), EXPECTED)
def test_each_query_finds_exactly_its_documents(documents, query, expected):
    assert found(query) == expected


def test_synonyms_apply_to_the_next_query_without_a_reindex(documents):
    assert found("산단") == {"D1"}
    SearchSynonym.objects.create(words="산단, 산업단지")
    assert found("산단") == {"D1", "D3"}
    assert found("산업단지") == {"D1", "D3"}


def test_user_words_apply_to_the_index_after_a_reindex(sections):
    article = add_article(
        sections["daejeon"], body=[("paragraph", RichText("<p>한밭대·목원대 연합 축제</p>"))]
    )
    assert found("한밭대") == set()  # mecab reads 한밭대 as 한/MM 밭/VA 대/EF: the index has 한밭
    SearchUserWord.objects.create(word="한밭대")
    article.save_revision().publish()  # what a reindex does for every article
    assert found("한밭대") == {article.title.removeprefix("기사 ")}


@pytest.mark.parametrize(
    "query",
    ["& | ! ( ) : * < > ' \" \\", "은", "을를", "😀", "가" * 1000, "a\x00b", "'; DROP TABLE x; --"],
)
def test_any_query_string_is_safe(documents, query):
    assert found(query) <= set(DOCUMENTS)


def test_autocomplete_matches_a_word_being_typed(documents):
    (article,) = [a for a in documents.values() if a.title.endswith("D3")]
    article.title = "한남대 배터리 협약"
    article.save_revision().publish()
    assert [p.pk for p in ArticlePage.objects.live().autocomplete("한남")] == [article.pk]
    assert [p.pk for p in ArticlePage.objects.live().autocomplete("배터")] == [article.pk]


def test_the_title_outweighs_the_body(sections):
    in_body = add_article(
        sections["daejeon"],
        title="오늘의 소식",
        body=[("paragraph", RichText("<p>기지국 소식</p>"))],
    )
    in_title = add_article(sections["daejeon"], title="기지국 소식")
    assert [p.pk for p in ArticlePage.objects.live().search("기지국")] == [in_title.pk, in_body.pk]


def test_this_weeks_story_outranks_an_equally_relevant_old_one(sections):
    old = add_article(sections["daejeon"], title="대전 유성 온천 축제")
    new = add_article(sections["daejeon"], title="대전 유성 온천 축제")
    five_years_ago = timezone.now() - datetime.timedelta(days=5 * 365)
    ArticlePage.objects.filter(pk=old.pk).update(first_published_at=five_years_ago)
    assert [p.pk for p in ArticlePage.objects.live().search("유성 온천")] == [new.pk, old.pk]


def test_an_exact_old_match_still_outranks_a_passing_new_mention(sections):
    old = add_article(
        sections["daejeon"],
        title="유성 온천 축제",
        lead="유성 온천 축제가 열렸다.",
        body=[("paragraph", RichText("<p>유성 온천 축제에 관광객이 몰렸다. 온천 축제.</p>"))],
    )
    new = add_article(
        sections["daejeon"],
        title="대전 시정 소식",
        body=[("paragraph", RichText("<p>여러 소식 가운데 유성 온천 이야기도 나왔다.</p>"))],
    )
    two_years_ago = timezone.now() - datetime.timedelta(days=2 * 365)
    ArticlePage.objects.filter(pk=old.pk).update(first_published_at=two_years_ago)
    assert [p.pk for p in ArticlePage.objects.live().search("유성 온천 축제")] == [old.pk]
    assert [p.pk for p in ArticlePage.objects.live().search("유성 온천")][0] == old.pk
    assert new.pk in [p.pk for p in ArticlePage.objects.live().search("유성 온천")]


def test_search_filters_by_section_including_its_subsections(documents, sections):
    elsewhere = add_article(sections["politics"], title="대전 정치")
    in_region = ArticlePage.objects.live().descendant_of(sections["region"])
    assert found("대전", in_region) == {"D3", "D4"}
    assert elsewhere.pk not in [p.pk for p in in_region.search("대전")]


def test_admin_page_search_is_korean_aware(documents):
    assert {p.specific.title for p in Page.objects.search("조성했다")} == {"기사 D1"}


def test_a_search_asks_each_gin_indexed_column_on_its_own(documents):
    """`title @@ q OR body @@ q`, which the GIN indexes serve; not Wagtail's `(title || body) @@ q`.

    Whether the planner then uses them depends on the table's size: `make bench
    search` prints the plan at 10,000 and 100,000 articles and fails without them.
    """
    sql = str(ArticlePage.objects.live().search("세종시").get_queryset().query)
    assert '"wagtailsearch_indexentry"."title" @@' in sql
    assert '"wagtailsearch_indexentry"."body" @@' in sql
    assert "||" not in sql.split("WHERE", 1)[1]


def test_a_common_word_is_ranked_among_its_newest_matches_and_all_stay_reachable(
    sections, settings
):
    now = timezone.now()
    pages = []
    for n in range(5):  # pages[0] is the oldest, and by far the most relevant
        title = "협약 협약 체결 협약식" if n == 0 else f"지역 소식 {n}"
        body = [("paragraph", RichText(f"<p>{'협약 ' * (20 if n == 0 else 1)}</p>"))]
        page = add_article(sections["daejeon"], title=title, body=body)
        ArticlePage.objects.filter(pk=page.pk).update(
            first_published_at=now - datetime.timedelta(days=5 - n)
        )
        pages.append(page)
    results = ArticlePage.objects.live().search("협약")
    assert [p.pk for p in results[:1]] == [pages[0].pk]  # all five ranked

    settings.SEARCH_RANK_CANDIDATES = 2
    results = ArticlePage.objects.live().search("협약")
    assert results.count() == 5
    assert {p.pk for p in results[:2]} == {pages[4].pk, pages[3].pk}
    assert [p.pk for p in results[2:5]] == [pages[2].pk, pages[1].pk, pages[0].pk]


def published_ago(section, days, title, body_text):
    """An article first published `days` ago, indexed with that date."""
    from wagtail.search.backends import get_search_backend

    page = add_article(section, title=title, body=[("paragraph", RichText(f"<p>{body_text}</p>"))])
    page.first_published_at = timezone.now() - datetime.timedelta(days=days)
    ArticlePage.objects.filter(pk=page.pk).update(first_published_at=page.first_published_at)
    get_search_backend().add(page)
    return page


def test_an_article_is_indexed_with_its_month_and_year_and_a_draft_without(sections):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search.models import IndexEntry

    page = published_ago(sections["daejeon"], 0, "협약 체결", "협약")
    draft = sections["daejeon"].add_child(instance=ArticlePage(title="협약 초안", live=False))
    local = timezone.localtime(page.first_published_at)
    entries = IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(ArticlePage))
    body = entries.get(object_id=str(page.pk)).body
    assert f"'@{local:%Y-%m}'" in body and f"'@{local:%Y}'" in body
    assert "'@" not in entries.get(object_id=str(draft.pk)).body


def test_a_reader_cannot_search_by_the_date_lexemes(sections):
    published_ago(sections["daejeon"], 0, "협약 체결", "협약")
    year = f"@{timezone.localtime():%Y}"
    assert list(ArticlePage.objects.live().search(year)) == []
    assert list(ArticlePage.objects.live().search(f"'{year}'")) == []


@pytest.mark.parametrize("candidates", [1, 2, 3, 4, 5, 6])
def test_the_ranked_candidates_are_the_newest_matches_whatever_window_holds_them(
    sections, settings, candidates, django_assert_num_queries
):
    # One match in each look-back window from the newest article's month (two
    # months, half a year, a year) and three older; the oldest is by far the most relevant.
    ages = [3, 100, 300, 1200, 3000, 4000]
    pages = [
        published_ago(
            sections["daejeon"], days, f"소식 {days}", "협약" if days < 3000 else "협약 " * 30
        )
        for days in ages
    ]
    published_ago(sections["daejeon"], 1, "다른 소식", "체결")  # no match: never a candidate
    settings.SEARCH_RANK_CANDIDATES = candidates
    results = ArticlePage.objects.live().search("협약")
    # The newest date, a query per window until one holds enough (a window that
    # promises too few is skipped; after the three years, the whole archive),
    # then the ranking: the windows find what is in them.
    queries = {1: 3, 2: 4, 3: 5, 4: 6, 5: 6, 6: 6}[candidates]
    with django_assert_num_queries(queries):
        ranked = [p.pk for p in results[:candidates]]
    assert set(ranked) == {p.pk for p in pages[:candidates]}
    rest = [p.pk for p in results[candidates:10]]  # the rest follow, newest first
    assert rest == [p.pk for p in pages[candidates:]]


def test_the_planner_has_what_it_needs_for_a_large_archive(db):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname LIKE 'search_join_%%' ORDER BY 1"
        )
        assert [row[0] for row in cursor.fetchall()] == [
            "search_join_news_articlepage",
            "search_join_wagtailcore_page",
        ]
        cursor.execute("SELECT procost FROM pg_proc WHERE proname = 'ts_match_vq'")
        assert cursor.fetchone()[0] == 100


def rows_rechecked_away(tsquery):
    """EXPLAIN ANALYZE of a GIN search of the body column: rows the index gave that were wrong."""
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN (ANALYZE, FORMAT JSON) "
            "SELECT id FROM wagtailsearch_indexentry WHERE body @@ %s::tsquery",
            [tsquery],
        )
        plan = cursor.fetchone()[0][0]["Plan"]
    nodes = [plan, *plan.get("Plans", [])]
    assert any(node["Node Type"] == "Bitmap Index Scan" for node in nodes), plan
    return sum(node.get("Rows Removed by Index Recheck", 0) for node in nodes)


def test_a_query_word_is_answered_by_the_gin_index_without_reading_vectors(sections):
    """`충남대` is one lexeme: the index alone tells the article with `충남` and `한남대` apart.

    As the phrase of its bigrams (충남<->남대), the index returned that article too
    and PostgreSQL read its whole body vector to throw it out, for every such
    candidate of a large archive.
    """
    from search.dictionary import current_query_builder

    for text in ("충남대 연구팀이 기술을 개발했다.", "충남 지역에서 한남대 학생들이 봉사했다."):
        add_article(sections["daejeon"], title="소식", body=[("paragraph", RichText(text))])
    query = current_query_builder().tsquery("충남대")
    assert query == "'충남대'"
    assert rows_rechecked_away(query) == 0
    assert rows_rechecked_away("'충남' <-> '남대'") == 1  # the old query, for contrast
