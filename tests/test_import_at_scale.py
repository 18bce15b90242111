"""Importing a whole archive: the bulk path keeps Wagtail's tree, revisions and index right,
streams with flat memory, resumes after an interruption, and can check without writing."""

import io
import tracemalloc

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Page, PageLogEntry
from wagtail.search.backends import get_search_backend

from home.management.commands.load_demo import SECTIONS
from news.corpus import generate
from news.models import ArticlePage, SectionPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(home):
    for slug, title, _description, children in SECTIONS:
        section = home.add_child(instance=SectionPage(title=title, slug=slug))
        for child_slug, child_title in children:
            section.add_child(instance=SectionPage(title=child_title, slug=child_slug))
    return home


def write_corpus(tmp_path, count, seed=3, name="archive.jsonl"):
    import json

    path = tmp_path / name
    with path.open("w", encoding="utf-8") as out:
        for article in generate(count, seed, images_dir=tmp_path / "images"):
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path


def run_import(path, *options):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_articles", str(path), "--quiet", *options, stdout=out, stderr=err)
    except CommandError as error:
        return error.returncode, out.getvalue() + err.getvalue() + str(error)
    return 0, out.getvalue() + err.getvalue()


def test_bulk_import_leaves_a_tree_fixtree_finds_nothing_wrong_with(newsroom, tmp_path):
    status, output = run_import(write_corpus(tmp_path, 120), "--batch-size", "50")
    assert status == 0, output
    assert ArticlePage.objects.count() == 120
    assert not any(Page.find_problems())
    out = io.StringIO()
    call_command("fixtree", stdout=out)
    assert "No problems found" in out.getvalue()
    for section in SectionPage.objects.all():
        assert section.numchild == section.get_children().count()


def test_every_bulk_imported_article_opens_in_the_admin_editor(client, newsroom, tmp_path):
    run_import(write_corpus(tmp_path, 12))
    editor = get_user_model().objects.create_superuser("desk", "desk@dailycc.net", "pw")
    client.force_login(editor)
    for article in ArticlePage.objects.all():
        response = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,)))
        assert response.status_code == 200
        assert article.latest_revision.as_object().title == article.title


def test_bulk_imported_articles_have_revisions_logs_and_search_entries(newsroom, tmp_path):
    path = write_corpus(tmp_path, 30)
    run_import(path)
    article = ArticlePage.objects.order_by("pk").first()
    assert article.live and article.live_revision_id == article.latest_revision_id
    entry = PageLogEntry.objects.get(page=article, action="news.import")
    assert entry.data["source"] == "archive.jsonl" and entry.data["line"] >= 1
    assert entry.revision_id == article.latest_revision_id
    found = get_search_backend().search(article.title, ArticlePage)
    assert article in list(found)


def test_an_interrupted_import_finishes_when_run_again(newsroom, tmp_path):
    """Batches that were committed before the interruption are skipped, the rest go in."""
    path = write_corpus(tmp_path, 60)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    interrupted = tmp_path / "interrupted.jsonl"
    interrupted.write_text("".join(lines[:25]), encoding="utf-8")  # as far as the first run got
    run_import(interrupted, "--batch-size", "10")

    status, output = run_import(path, "--batch-size", "10")

    assert status == 0
    assert "새 기사 35건, 갱신 0건, 변경 없음 25건, 실패 0건" in output
    assert ArticlePage.objects.count() == 60
    assert not any(Page.find_problems())


def test_a_changed_line_updates_and_an_unchanged_one_is_skipped(newsroom, tmp_path):
    path = write_corpus(tmp_path, 5)
    run_import(path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace('"title": "', '"title": "[정정] ', 1)
    path.write_text("".join(lines), encoding="utf-8")

    status, output = run_import(path)

    assert status == 0 and "갱신 1건, 변경 없음 4건" in output
    assert ArticlePage.objects.filter(title__startswith="[정정] ").count() == 1


def test_dry_run_reports_every_bad_line_and_writes_nothing(newsroom, tmp_path):
    path = write_corpus(tmp_path, 20)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[4] = "{broken\n"
    lines[9] = lines[9].replace('"section": "', '"section": "nowhere-', 1)
    path.write_text("".join(lines), encoding="utf-8")

    status, output = run_import(path, "--dry-run")

    assert status == 1
    assert "archive.jsonl:5: -:" in output and "archive.jsonl:10: section:" in output
    assert "새 기사 18건" in output and "실패 2건" in output
    assert not ArticlePage.objects.exists()
    assert not (tmp_path / "media").exists() or not any((tmp_path / "media").iterdir())


def test_memory_stays_flat_however_long_the_file(newsroom, tmp_path):
    """Peak memory while importing 400 articles is about that of 100, not four times it."""

    def peak_while_importing(count, name):
        path = write_corpus(tmp_path, count, seed=count, name=name)
        tracemalloc.start()
        run_import(path, "--batch-size", "50")
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return peak

    small = peak_while_importing(100, "small.jsonl")
    large = peak_while_importing(400, "large.jsonl")
    assert large < small * 1.6, (small, large)
