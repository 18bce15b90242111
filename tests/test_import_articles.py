"""import_articles: JSON Lines in, articles out; bad lines reported, good lines kept."""

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from newsroom import KST, add_article
from PIL import Image as PILImage

from news.models import ArticlePage, NewsImage, Reporter


def article_line(**overrides):
    data = {
        "id": "212345",
        "section": "region/daejeon",
        "title": "대전시, 원도심 빈 점포에 청년 창업 공간",
        "subtitle": "50곳 선정\n임대료 절반 지원",
        "lead": "대전시가 원도심 빈 점포를 청년 창업 공간으로 바꾼다.",
        "dateline": "대전",
        "reporters": [{"name": "권예진", "email": "kwon@dailycc.net"}],
        "published_at": "2022-04-07T16:33:00+09:00",
        "updated_at": "2022-04-07T18:10:00+09:00",
        "type": "news",
        "tags": ["원도심", "청년창업"],
        "body": [
            {"type": "paragraph", "text": "대전시는 원도심 빈 점포 50곳을 골라 청년에게 빌려준다."},
            {
                "type": "image",
                "src": "images/shop.jpg",
                "caption": "원도심 상가 거리",
                "credit": "대전시 제공",
            },
            {"type": "subheading", "text": "임대료 절반 지원"},
            {"type": "quote", "text": "원도심에 활력을", "attribution": "대전시 관계자"},
            {
                "type": "html",
                "html": "<p onclick='steal()'>지원은 <b>2년</b>간<script>alert(1)</script></p>",
            },
        ],
        "status": "live",
    }
    data.update(overrides)
    return json.dumps(data, ensure_ascii=False)


@pytest.fixture
def import_dir(tmp_path):
    (tmp_path / "images").mkdir()
    PILImage.new("RGB", (800, 500), (40, 120, 90)).save(tmp_path / "images" / "shop.jpg")
    (tmp_path / "images" / "broken.jpg").write_bytes(b"not an image")
    return tmp_path


def run_import(path):
    """(exit status, stdout, stderr) as the shell would see them."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_articles", str(path), stdout=out, stderr=err)
    except CommandError as error:
        err.write(str(error))
        return error.returncode, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def write(import_dir, *lines, name="articles.jsonl"):
    path = import_dir / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_good_file_imports_every_field(import_dir, sections):
    status, out, _ = run_import(write(import_dir, article_line()))

    assert status == 0
    assert "새 기사 1건" in out
    article = ArticlePage.objects.get(legacy_idxno="212345")
    assert article.live
    assert (article.article_number, article.slug) == (212345, "212345")
    assert article.get_parent().specific == sections["daejeon"]
    assert article.first_published_at == datetime.datetime(2022, 4, 7, 16, 33, tzinfo=KST)
    assert article.updated_at == datetime.datetime(2022, 4, 7, 18, 10, tzinfo=KST)
    assert article.subtitle_lines == ["50곳 선정", "임대료 절반 지원"]
    assert [r.email for r in article.reporters] == ["kwon@dailycc.net"]
    assert sorted(tag.name for tag in article.tags.all()) == ["원도심", "청년창업"]
    assert [block.block_type for block in article.body] == [
        "paragraph",
        "image",
        "subheading",
        "quote",
        "paragraph",
    ]
    image = article.body[1].value["image"]
    assert (image.default_caption, image.default_credit) == ("원도심 상가 거리", "대전시 제공")
    assert article.listing_image == image
    cleaned = article.body[4].value.source
    assert "<b>2년</b>" in cleaned
    assert "script" not in cleaned and "onclick" not in cleaned


def test_imported_article_shows_its_original_times(client, import_dir, sections, masthead):
    run_import(write(import_dir, article_line()))
    html = client.get("/region/daejeon/212345/").content.decode()
    assert "입력 <time" in html and "2022.04.07 16:33" in html
    assert "수정 <time" in html and "2022.04.07 18:10" in html


def test_reimporting_an_id_updates_the_article_with_a_new_revision(import_dir, sections):
    run_import(write(import_dir, article_line()))
    article = ArticlePage.objects.get(legacy_idxno="212345")
    revisions = article.revisions.count()

    status, out, _ = run_import(
        write(import_dir, article_line(title="고친 제목", section="politics"))
    )

    assert status == 0 and "갱신 1건" in out, _
    assert ArticlePage.objects.filter(legacy_idxno="212345").count() == 1
    article = ArticlePage.objects.get(legacy_idxno="212345")
    assert article.title == "고친 제목"
    assert article.get_parent().specific == sections["politics"]
    assert article.revisions.count() == revisions + 1
    assert NewsImage.objects.count() == 1  # the same photo is not uploaded twice


def test_reporters_are_found_by_email_then_name_else_created(import_dir, sections):
    by_email = Reporter.objects.create(name="권예진(구)", email="kwon@dailycc.net")
    by_name = Reporter.objects.create(name="이승훈", email="")
    line = article_line(
        reporters=[
            {"name": "권예진", "email": "KWON@dailycc.net"},
            {"name": "이승훈", "email": "lsh@dailycc.net"},
            {"name": "박소연"},
        ]
    )
    run_import(write(import_dir, line))
    article = ArticlePage.objects.get(legacy_idxno="212345")
    reporters = article.reporters
    assert reporters[:2] == [by_email, by_name]
    assert reporters[2].name == "박소연"
    assert Reporter.objects.get(pk=by_name.pk).email == "lsh@dailycc.net"


def test_a_non_numeric_id_keeps_the_legacy_number_and_gets_a_new_article_number(
    import_dir, sections
):
    run_import(write(import_dir, article_line(id="dj-2022-0407")))
    article = ArticlePage.objects.get(legacy_idxno="dj-2022-0407")
    assert article.slug == str(article.article_number)


def test_a_draft_line_is_saved_but_not_published(import_dir, sections):
    run_import(write(import_dir, article_line(status="draft")))
    article = ArticlePage.objects.get(legacy_idxno="212345")
    assert not article.live
    assert article.latest_revision is not None


BAD_LINES = [
    ("{not json", "-", "JSON"),
    ('["a list"]', "-", "객체"),
    (article_line(id=""), "id", "필수"),
    (article_line(section=None), "section", "필수"),
    (article_line(title="   "), "title", "비어"),
    (article_line(published_at=None), "published_at", "필수"),
    (article_line(body=[]), "body", "필수"),
    (article_line(section="nowhere/at-all"), "section", "섹션을 찾을 수 없습니다"),
    (article_line(published_at="어제 오후"), "published_at", "ISO 8601"),
    (article_line(updated_at="2022-04-01T00:00:00+09:00"), "updated_at", "이릅니다"),
    (article_line(type="gossip"), "type", "기사 유형"),
    (article_line(status="maybe"), "status", "live"),
    (article_line(title="가" * 256), "title", "255자"),
    (article_line(body=[{"type": "video"}]), "body[1]", "type"),
    (article_line(body=[{"type": "paragraph", "text": ""}]), "body[1].text", "비어"),
    (article_line(body=[{"type": "image", "src": "images/none.jpg"}]), "body[1].src", "없습니다"),
    (
        article_line(body=[{"type": "image", "src": "images/broken.jpg"}]),
        "body[1].src",
        "읽을 수 없습니다",
    ),
    (article_line(body=[{"type": "image", "src": "../secret.jpg"}]), "body[1].src", "밖의 경로"),
    (article_line(reporters=[{"email": "x@dailycc.net"}]), "reporters", "name"),
    (
        article_line(reporters=[{"name": "권예진", "email": "not-an-address"}]),
        "reporters",
        "이메일",
    ),
    (article_line(tags="태그"), "tags", "목록"),
    (article_line(id="9223372036854775807"), "id", "1~"),
    (article_line(title="제목\u0000"), "-", "NUL"),
    (article_line(published_at="2099-01-01T09:00:00+09:00"), "published_at", "미래"),
]


@pytest.mark.parametrize(("line", "field", "reason"), BAD_LINES)
def test_each_bad_line_is_reported_with_line_field_and_reason(
    import_dir, sections, line, field, reason
):
    good = article_line(id="100", title="멀쩡한 기사")
    path = write(import_dir, good, line)

    status, out, err = run_import(path)

    assert status == 1
    assert f"articles.jsonl:2: {field}: " in err
    assert reason in err.split("articles.jsonl:2:")[1].splitlines()[0]
    assert "새 기사 1건" in err and "실패 1건" in err
    assert ArticlePage.objects.filter(title="멀쩡한 기사").exists()  # other lines still import


def test_invalid_utf8_line_is_reported_and_the_rest_imports(import_dir, sections):
    path = import_dir / "articles.jsonl"
    path.write_bytes(b'{"id": "\xff\xfe"}\n' + article_line().encode() + b"\n")
    status, _, err = run_import(path)
    assert status == 1
    assert "articles.jsonl:1: -: UTF-8" in err
    assert ArticlePage.objects.filter(legacy_idxno="212345").exists()


def test_a_failing_article_leaves_nothing_half_written(import_dir, sections):
    editors_article = add_article(sections["daejeon"], title="편집자가 쓴 기사")
    line = article_line(
        id=str(editors_article.article_number),
        reporters=[{"name": "신입기자", "email": "new@dailycc.net"}],
    )
    status, _, err = run_import(write(import_dir, line))
    assert status == 1
    assert "이미 다른 기사가 쓰고 있습니다" in err
    assert not Reporter.objects.filter(email="new@dailycc.net").exists()
    assert not NewsImage.objects.exists()
    assert ArticlePage.objects.count() == 1


def test_unreadable_file_exits_2(tmp_path, sections):
    assert run_import(tmp_path / "missing.jsonl")[0] == 2
    assert run_import(tmp_path)[0] == 2  # a directory


def test_blank_lines_are_skipped(import_dir, sections):
    status, out, _ = run_import(write(import_dir, "", article_line(), "   "))
    assert status == 0 and "새 기사 1건, 갱신 0건, 변경 없음 0건, 실패 0건" in out


def test_exit_status_from_the_shell(import_dir, sections):
    """The documented exit codes hold for the real command line, not only call_command."""
    import subprocess
    import sys

    from django.conf import settings

    result = subprocess.run(
        [sys.executable, "manage.py", "import_articles", str(import_dir / "missing.jsonl")],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
    )
    assert result.returncode == 2
    assert "파일을 읽을 수 없습니다" in result.stderr


def test_unicode_digits_are_a_text_id_not_an_article_number(import_dir, sections):
    status, _, err = run_import(write(import_dir, article_line(id="²")))
    assert status == 0, err
    article = ArticlePage.objects.get(legacy_idxno="²")
    assert article.slug == str(article.article_number)


def test_a_huge_number_does_not_break_numbering_for_editors(import_dir, sections):
    run_import(write(import_dir, article_line(id="999999999999999")))
    assert ArticlePage.objects.get(legacy_idxno="999999999999999").article_number == 10**15 - 1
    editors_article = add_article(sections["daejeon"], title="편집자 기사")
    assert editors_article.article_number == 10**15


def test_a_rolled_back_line_leaves_no_photo_file_behind(
    import_dir, sections, settings, monkeypatch
):
    """Photos are stored before the page is written; when the write fails, they go too."""
    from django.db import DatabaseError

    from news import bulk_pages

    def database_refuses(*args, **kwargs):
        raise DatabaseError("디스크가 가득 찼습니다")

    monkeypatch.setattr(bulk_pages, "add_articles", database_refuses)
    monkeypatch.setattr(ArticlePage, "save_revision", database_refuses)
    stored = settings.MEDIA_ROOT / "original_images"
    before = set(stored.glob("*")) if stored.exists() else set()

    status, _, err = run_import(write(import_dir, article_line()))

    assert status == 1 and "디스크가 가득 찼습니다" in err
    assert (set(stored.glob("*")) if stored.exists() else set()) == before
    assert not NewsImage.objects.exists() and not ArticlePage.objects.exists()
