"""What the site's search backend writes to Wagtail's index table, and how few reads it takes."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.backends.database.postgres.postgres import IndexEntry
from newsroom import add_article, make_image
from wagtail.rich_text import RichText, get_text_for_indexing
from wagtail.search.backends import get_search_backend

from news.blocks import text_for_indexing
from news.models import ArticlePage, NewsImage
from search.backend import NewsroomSearchBackend

COLUMNS = ("title", "autocomplete", "body", "title_text", "body_text")


def index_rows(model):
    """The model's index rows as text, by object id."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT object_id, {', '.join(f'{c}::text' for c in COLUMNS)}, title_norm "
            f"FROM {IndexEntry._meta.db_table} WHERE object_id = ANY(%s)",
            [[str(obj.pk) for obj in model.objects.all()]],
        )
        return {row[0]: row[1:] for row in cursor.fetchall()}


def reindex(backend, model, objs):
    IndexEntry.objects.all().delete()
    backend.add_bulk(model, objs)
    return index_rows(model)


@pytest.fixture
def articles(sections, reporter):
    photo = make_image(caption="대전역 광장")
    return [
        add_article(
            sections["politics"],
            title="세종시는 정부세종청사 인근에 국가산단을 조성한다",
            subtitle="스마트 산업단지",
            lead="세종시가 28일 밝혔다.",
            reporters=[reporter],
            tags=["세종", "산단"],
            body=[
                ("paragraph", RichText("<p>충남대 연구팀은 <b>5G</b> 기술을 개발했다.</p>")),
                ("image", {"image": photo, "caption": "대전역", "credit": "충청신문"}),
                ("subheading", "유성구 관광객"),
            ],
        ),
        add_article(sections["daejeon"], title="한남대와 대전산업단지 협약"),
    ]


def test_it_is_the_default_backend():
    assert isinstance(get_search_backend(), NewsroomSearchBackend)


def test_it_stores_analysed_text_with_fixed_weights(articles):
    rows = reindex(get_search_backend(), ArticlePage, list(ArticlePage.objects.all()))
    title, autocomplete, body, title_text, body_text, _norm = rows[str(articles[0].pk)]
    assert "'세종':1A" in title and "'청사':" in title  # 세종시는 → 세종시; 정부세종청사 in bigrams
    assert "'조성':" in title
    assert "'산업':" in body and "B" in body.split("'산업':")[1].split(" ")[0]  # subtitle: B
    assert "'충남':" in body and "C" in body.split("'충남':")[1].split(" ")[0]  # body: C
    assert "'대전':" in body  # the photo caption in the body
    assert "'권예':" in body  # the reporter's name
    assert "'산단':" in body  # a tag (and the title's 국가산단)
    assert "'세종':" in autocomplete
    assert title_text == articles[0].title and "충남대 연구팀은" in body_text


def test_images_are_indexed_with_their_captions_and_tags(articles):
    images = list(NewsImage.objects.all())
    images[0].tags.add("대전역")
    rows = reindex(get_search_backend(), NewsImage, images)
    assert "'대전':" in rows[str(images[0].pk)][2]


def test_writing_rows_does_not_rewrite_them_for_title_norms(articles):
    """Ranking does not use Wagtail's title norms, so rows are written once, norms left at 1.0."""
    backend = get_search_backend()
    pages = list(ArticlePage.objects.all())
    with CaptureQueriesContext(connection) as queries:
        rows = reindex(backend, ArticlePage, pages)
    assert {row[-1] for row in rows.values()} == {1.0}
    assert not [q for q in queries if q["sql"].lstrip().startswith("UPDATE")]


def test_indexing_reads_each_related_field_once_per_object(sections):
    images = [make_image(title=f"사진 {n}") for n in range(6)]
    with CaptureQueriesContext(connection) as queries:
        get_search_backend().add_bulk(NewsImage, images)
    tag_reads = [q for q in queries if "taggit_tag" in q["sql"]]
    assert len(tag_reads) == len(images)  # Wagtail's indexer reads each image's tags 5 times


def test_a_search_finds_an_indexed_article(articles):
    results = ArticlePage.objects.live().search("국가산단")
    assert [page.pk for page in results] == [articles[0].pk]


@pytest.mark.parametrize("chunk_size", [7, 1000])
def test_update_index_rebuilds_every_entry_chunk_by_chunk(sections, chunk_size):
    """Chunks are analysed while the previous one is written; the last one is written too.

    70 articles in one chunk go through the worker processes (PARALLEL_MINIMUM is 64).
    """
    pages = [add_article(sections["daejeon"], title=f"기사 {n}번 협약") for n in range(69)]
    pages.append(add_article(sections["daejeon"], title="마지막 기사 으능정이"))
    IndexEntry.objects.all().delete()
    call_command("update_index", chunk_size=chunk_size, verbosity=0)
    assert set(index_rows(ArticlePage)) == {str(page.pk) for page in pages}
    assert [page.pk for page in ArticlePage.objects.live().search("으능정이")] == [pages[-1].pk]
    assert ArticlePage.objects.live().search("협약").count() == 69


@pytest.mark.parametrize(
    "html",
    [
        "<p>대전 &lt;시청&gt; &amp; 구청</p><p>둘째 문단</p>",
        "<ul><li>하나</li><li>둘</li></ul><p>1<br/>2</p>",
        '<p><a href="https://www.dailycc.net/?a=1&amp;b=2">링크</a> <b>굵게</b></p>',
        "<h2>소제목</h2><blockquote>인용</blockquote>",
    ],
)
def test_the_fast_rich_text_extraction_matches_wagtails(html):
    assert " ".join(text_for_indexing(html).split()) == " ".join(
        get_text_for_indexing(html).split()
    )
