"""export_articles: the archive goes out in the import schema, and importing it gives the paper back."""

import datetime
import hashlib
import io
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from newsroom import KST, add_article, make_image
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Page
from wagtail.rich_text import RichText

from news.blocks import caption_for, credit_for
from news.exporter import ArticleExporter
from news.models import ArticlePage, ArticleReporter, NewsImage, Reporter, SectionPage

VIDEO_URL = "https://www.youtube.com/watch?v=chungcheong"


@pytest.fixture
def demo(db, settings):
    settings.EMBEDDED_DATABASE = False  # no editor account: only the paper itself
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def cached_video(db):
    """The video's embed already in Wagtail's cache, so saving an embed block needs no network."""
    return Embed.objects.create(
        url=VIDEO_URL,
        hash=get_embed_hash(VIDEO_URL),
        type="video",
        html='<iframe src="https://www.youtube.com/embed/chungcheong"></iframe>',
    )


def export(out_dir, *options):
    out = io.StringIO()
    call_command("export_articles", str(out_dir), *options, stdout=out)
    return out.getvalue()


def import_export(out_dir):
    """(created, failed) from import_articles' summary; a failed line raises CommandError."""
    out = io.StringIO()
    call_command("import_articles", str(out_dir / "articles.jsonl"), stdout=out)
    summary = out.getvalue()
    return (
        int(re.search(r"새 기사 (\d+)건", summary)[1]),
        int(re.search(r"실패 (\d+)건", summary)[1]),
    )


def exported_lines(out_dir):
    with (out_dir / "articles.jsonl").open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def file_sha1(image):
    with image.file.open("rb") as file:
        return hashlib.sha1(file.read()).hexdigest()


def comparable(block):
    value = block.value
    if block.block_type == "image":
        return ("image", (file_sha1(value["image"]), caption_for(value), credit_for(value)))
    if block.block_type == "paragraph":
        return ("paragraph", BeautifulSoup(value.source, "html.parser").get_text("\n"))
    if block.block_type == "quote":
        return ("quote", (value["text"], value["attribution"]))
    if block.block_type == "embed":
        return ("embed", value.url)
    return (block.block_type, value)


def snapshot():
    """Everything a reader or editor sees of each article, free of database ids."""
    articles = []
    for page in ArticlePage.objects.order_by("first_published_at", "article_number"):
        content = page if page.live else page.get_latest_revision_as_object()
        articles.append(
            {
                "section": page.get_parent().url_path,
                "article_number": page.article_number,
                "legacy_idxno": page.legacy_idxno,
                "live": page.live,
                "title": content.title,
                "subtitle": content.subtitle,
                "lead": content.lead,
                "dateline": content.dateline,
                "reporters": [
                    (link.reporter.name, link.reporter.email)
                    for link in content.article_reporters.all()
                ],
                "tags": {tag.name for tag in content.tags.all()},
                "article_type": content.article_type,
                "first_published_at": page.first_published_at,
                # 수정 as readers see it: corrections are not in the import schema, so the
                # export carries their date as the article's updated_at.
                "updated_at": page.updated_at,
                "main_image": file_sha1(content.main_image) if content.main_image else None,
                "body": [comparable(block) for block in content.body],
            }
        )
    return articles


def section_tree():
    return sorted(SectionPage.objects.values_list("url_path", "title", "live", "depth"))


def empty_the_newsroom():
    """Back to a freshly migrated site: no sections, articles, photos or reporters."""
    for page in SectionPage.objects.filter(depth=3):
        page.delete()  # with everything under it; Page.delete keeps child counts right
    NewsImage.objects.all().delete()
    Reporter.objects.all().delete()


def test_the_demo_paper_survives_export_and_import_into_an_emptied_newsroom(demo, tmp_path):
    articles, sections = snapshot(), section_tree()
    # The articles' photos; reporters' portraits are not in the import schema.
    portraits = Reporter.objects.exclude(photo=None).values("photo")
    photos = NewsImage.objects.exclude(pk__in=portraits).count()

    out = export(tmp_path)

    assert f"기사 {len(articles)}건, 사진 {photos}장을 내보냈습니다: {tmp_path}" in out
    assert len(list((tmp_path / "images").iterdir())) == photos
    empty_the_newsroom()
    assert not SectionPage.objects.exists() and not ArticlePage.objects.exists()
    assert not Reporter.objects.exists()

    assert import_export(tmp_path) == (len(articles), 0)

    assert snapshot() == articles
    assert section_tree() == sections
    assert not any(Page.find_problems())


def test_importing_the_export_twice_updates_and_never_duplicates(demo, tmp_path):
    articles = snapshot()
    export(tmp_path)

    assert import_export(tmp_path) == (0, 0)
    assert import_export(tmp_path) == (0, 0)

    assert ArticlePage.objects.count() == len(articles)
    assert snapshot() == articles


def test_lines_follow_the_import_schema_oldest_first(demo, tmp_path):
    export(tmp_path)
    lines = exported_lines(tmp_path)

    first = next(line for line in lines if line["id"] == "300101")
    assert first["section"] == "region/daejeon"
    assert first["published_at"] == "2022-04-07T16:33:00+09:00"
    assert "updated_at" not in first
    assert first["reporters"] == [{"name": "권예진", "email": "kwon@dailycc.net"}]
    assert first["status"] == "live"
    assert first["body"][0]["src"].startswith("images/")
    assert first["body"][0]["credit"] == "대전시 제공"
    assert first["body"][1]["type"] == "html" and first["body"][1]["html"].startswith("<p>")
    updated = next(line for line in lines if line["id"] == "300102")
    assert updated["updated_at"] == "2022-03-10T15:20:00+09:00"
    times = [datetime.datetime.fromisoformat(line["published_at"]) for line in lines]
    assert times == sorted(times)


def test_drafts_chosen_photos_formatting_and_embeds_survive_the_round_trip(
    sections, reporter, cached_video, tmp_path
):
    photo = make_image("현장", caption="현장 기본 설명", credit="대전시 제공")
    cover = make_image("표지", caption="표지 설명", credit="충청신문 DB", color=(200, 40, 40))
    add_article(
        sections["daejeon"],
        title="편집자가 고른 대표 사진과 동영상",
        reporters=[reporter],
        published_at=datetime.datetime(2023, 5, 2, 9, 0, tzinfo=KST),
        tags=["대표사진", "동영상"],
        main_image=cover,
        body=[
            (
                "paragraph",
                RichText('<p>지원은 <b>2년</b>간, <a href="https://dailycc.net">안내</a></p>'),
            ),
            ("image", {"image": photo, "caption": "", "credit": ""}),
            ("embed", VIDEO_URL),
        ],
    )
    draft = ArticlePage(
        title="처음 제목",
        body=[("paragraph", RichText("<p>처음 본문</p>"))],
        live=False,
    )
    sections["politics"].add_child(instance=draft)
    draft.save_revision()
    draft.title = "고친 제목"  # an editor's later edit lives only in the new revision
    draft.body = [("paragraph", RichText("<p>고친 본문</p>")), ("subheading", "중간 제목")]
    draft.article_reporters = [ArticleReporter(reporter=reporter, sort_order=0)]
    draft.tags.set(["초안"])
    draft.save_revision()
    ArticlePage.objects.filter(pk=draft.pk).update(
        first_published_at=datetime.datetime(2023, 5, 3, 10, 0, tzinfo=KST),
        last_published_at=datetime.datetime(2023, 5, 3, 10, 0, tzinfo=KST),
    )
    articles = snapshot()

    export(tmp_path)
    lines = exported_lines(tmp_path)
    assert [line["status"] for line in lines] == ["live", "draft"]
    assert lines[1]["title"] == "고친 제목"
    assert (lines[1]["reporters"], lines[1]["tags"]) == (
        [{"name": "권예진", "email": "kwon@dailycc.net"}],
        ["초안"],
    )
    assert "<b>2년</b>" in lines[0]["body"][0]["html"]
    empty_the_newsroom()
    assert import_export(tmp_path) == (2, 0)

    # Articles made in the admin have no legacy id: their number becomes one on the way back.
    for article in articles:
        assert article.pop("legacy_idxno") == ""
        article["legacy_idxno"] = str(article["article_number"])
    assert snapshot() == articles
    paragraph = ArticlePage.objects.get(title="편집자가 고른 대표 사진과 동영상").body[0].value
    assert "<b>2년</b>" in paragraph.source and 'href="https://dailycc.net"' in paragraph.source


def test_an_article_with_a_non_numeric_legacy_id_keeps_its_number(sections, tmp_path):
    add_article(sections["daejeon"], title="옛 시스템의 기사", legacy_idxno="A-1024")
    number = ArticlePage.objects.get(legacy_idxno="A-1024").article_number

    export(tmp_path)
    empty_the_newsroom()
    import_export(tmp_path)

    assert ArticlePage.objects.get(legacy_idxno="A-1024").article_number == number


def test_a_section_export_takes_its_subsections_too(demo, tmp_path):
    region = SectionPage.objects.get(url_path="/home/region/")
    expected = set(ArticlePage.objects.descendant_of(region).values_list("legacy_idxno", flat=True))

    export(tmp_path, "--section", "region")
    lines = exported_lines(tmp_path)

    assert {line["id"] for line in lines} == expected
    assert {line["section"] for line in lines} == {
        "region/daejeon",
        "region/sejong",
        "region/chungnam",
        "region/chungbuk",
    }
    sources = {block["src"] for line in lines for block in line["body"] if "src" in block}
    assert {f"images/{path.name}" for path in (tmp_path / "images").iterdir()} == sources


def test_since_takes_articles_first_published_from_that_day_in_kst(sections, tmp_path):
    add_article(
        sections["daejeon"],
        title="전날 밤 기사",
        published_at=datetime.datetime(2022, 3, 31, 23, 50, tzinfo=KST),
    )
    add_article(
        sections["daejeon"],
        title="자정 넘은 기사",
        published_at=datetime.datetime(2022, 4, 1, 0, 10, tzinfo=KST),  # still 3/31 in UTC
    )

    out = export(tmp_path, "--since", "2022-04-01")

    assert [line["title"] for line in exported_lines(tmp_path)] == ["자정 넘은 기사"]
    assert "기사 1건, 사진 0장" in out


def test_the_export_folder_is_created_when_missing(sections, tmp_path):
    add_article(sections["politics"], title="새 폴더로")
    out_dir = tmp_path / "archive" / "2024"

    export(out_dir)

    assert [line["title"] for line in exported_lines(out_dir)] == ["새 폴더로"]
    assert (out_dir / "images").is_dir()


def test_an_unknown_section_is_refused_in_korean(sections, tmp_path):
    with pytest.raises(CommandError, match="섹션을 찾을 수 없습니다: region/nowhere"):
        export(tmp_path, "--section", "region/nowhere")
    assert not (tmp_path / "articles.jsonl").exists()


def test_a_bad_date_is_refused_in_korean(sections, tmp_path):
    with pytest.raises(CommandError, match="YYYY-MM-DD 형식"):
        export(tmp_path, "--since", "2022-13-01")


def test_small_batches_write_the_same_file(demo, site, tmp_path):
    whole, batched = tmp_path / "whole", tmp_path / "batched"
    export(whole)

    exporter = ArticleExporter(site.root_page, batched, batch_size=3)
    report = exporter.export(exporter.articles())

    portraits = Reporter.objects.exclude(photo=None).values("photo")
    assert (report.articles, report.images) == (
        ArticlePage.objects.count(),
        NewsImage.objects.exclude(pk__in=portraits).count(),
    )
    assert (batched / "articles.jsonl").read_text() == (whole / "articles.jsonl").read_text()


def test_the_export_takes_a_few_queries_per_batch_not_per_article(
    demo, tmp_path, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):  # 20 articles with 17 photos, in one batch
        export(tmp_path)
