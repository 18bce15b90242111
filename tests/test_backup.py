"""Backups (make backup, make restore): the paper survives a dump and a restore into an empty
database whole, and a restore refuses what it must refuse."""

import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from urllib.parse import quote

import pytest
import wagtail
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from newsroom import add_article, make_image
from psycopg import sql
from wagtail.rich_text import RichText

from backups import manifest as manifests
from backups.backup import BackupFailed, create_backup
from backups.postgres import Database, Tool, ToolMissing, find_tool
from comments.models import Comment
from news.models import ARTICLE_NUMBER_SEQUENCE

# The rows a restored paper must have exactly as they were.
PAGES = """SELECT id, path, depth, numchild, url_path, slug, title, live, has_unpublished_changes,
    first_published_at, last_published_at, latest_revision_id, live_revision_id, content_type_id
    FROM wagtailcore_page ORDER BY id"""
ARTICLES = (
    "SELECT page_ptr_id, article_number, subtitle, lead, body FROM news_articlepage ORDER BY 1"
)
REVISIONS = """SELECT id, object_id, base_content_type_id, content_type_id, user_id, created_at,
    approved_go_live_at, object_str, content FROM wagtailcore_revision ORDER BY id"""
COMMENTS = """SELECT id, article_id, author_id, parent_id, text, status, created_at, like_count,
    reply_count FROM comments_comment ORDER BY id"""
IMAGES = """SELECT id, title, file, width, height, file_size, file_hash, default_caption,
    default_credit FROM news_newsimage ORDER BY id"""
CONTENT_TYPES = "SELECT id, app_label, model FROM django_content_type ORDER BY id"
ARTICLE_NUMBER = f"SELECT last_value, is_called FROM {ARTICLE_NUMBER_SEQUENCE}"


def rows(database, query):
    with database.connect(autocommit=True) as connection:
        return connection.execute(query).fetchall()


def table_count(database):
    from backups.postgres import user_table_count

    with database.connect(autocommit=True) as connection:
        return user_table_count(connection)


def url_of(database):
    """A postgres:// URL for --database-url (a Unix socket goes in ?host=)."""
    params = database.params
    credentials = quote(params.get("user", ""), safe="")
    if params.get("password"):
        credentials += ":" + quote(params["password"], safe="")
    host = params.get("host", "")
    dbname = quote(params["dbname"], safe="")
    if host.startswith("/"):
        return f"postgres://{credentials}@/{dbname}?host={quote(host, safe='')}"
    port = f":{params['port']}" if params.get("port") else ""
    return f"postgres://{credentials}@{host}{port}/{dbname}"


@pytest.fixture
def scratch_databases():
    """Empty databases on the test server, made on demand and dropped at the end."""
    source = Database.from_django()
    maintenance = Database({**source.params, "dbname": "postgres"})
    created = []

    def create():
        name = f"backup_drill_{os.getpid()}_{len(created)}"
        with maintenance.connect(autocommit=True) as connection:
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        created.append(name)
        return Database({**source.params, "dbname": name})

    yield create
    with maintenance.connect(autocommit=True) as connection:
        for name in created:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


@pytest.fixture(scope="module")
def site_backup(django_db_setup, django_db_blocker, tmp_path_factory):
    """A backup of the migrated test database (the site, its root and home page, the groups)."""
    with django_db_blocker.unblock():
        return create_backup(tmp_path_factory.mktemp("backups"), log=lambda line: None).path


@pytest.fixture
def backup(site_backup, tmp_path):
    """A copy of site_backup each test may damage."""
    return Path(shutil.copytree(site_backup, tmp_path / site_backup.name))


def restore(folder, target, media_root, *extra):
    out = io.StringIO()
    call_command(
        "restore_site",
        str(folder),
        "--database",
        target.name,
        "--media-root",
        str(media_root),
        *extra,
        stdout=out,
    )
    return out.getvalue()


def build_paper(sections, reporter):
    """Articles with several revisions (a live one, a newer draft, an unpublished one),
    photos with files, reader comments with a reply, and a rendition."""
    first_photo = make_image("협약식", caption="협약식 기본 설명", credit="대전시 제공")
    second_photo = make_image(
        "축제", caption="으능정이 축제", credit="독자 제공", color=(200, 40, 40)
    )
    article = add_article(
        sections["daejeon"],
        title="대전시, 산업단지 재생 위해 20개 기관과 손잡아",
        subtitle="지역 일자리 거점으로",
        lead="대전시가 노후 산단 재생을 위해 협약을 맺었다.",
        reporters=[reporter],
        body=[
            ("paragraph", RichText("<p>대전시가 7일 시청에서 협약식을 열었다.</p>")),
            ("image", {"image": first_photo, "caption": "협약서를 든 참석자들", "credit": ""}),
        ],
        listing_image=second_photo,
    )
    article.title = "대전시, 20개 기관과 산단 재생 협약"
    article.save_revision().publish()
    article.title = "데스크가 고치는 중인 제목"
    article.save_revision()  # a draft newer than the live version
    withdrawn = add_article(sections["politics"], title="게재를 멈춘 정치 기사")
    withdrawn.unpublish()

    reader = User.objects.create_user("reader", "reader@example.com", "pw-읽기-1234")
    comment = Comment.objects.create(article=article, author=reader, text="좋은 기사입니다")
    Comment.objects.create(article=article, author=reader, parent=comment, text="동의합니다")
    Comment.objects.create(article=withdrawn, author=None, text="탈퇴한 독자의 댓글")
    first_photo.get_rendition("width-300")  # regenerated after a restore, not backed up
    return article, withdrawn, [first_photo, second_photo]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restores_into_an_empty_database_as_the_same_paper(
    sections, reporter, masthead, tmp_path, scratch_databases
):
    article, withdrawn, photos = build_paper(sections, reporter)
    source = Database.from_django()
    out = io.StringIO()

    call_command("backup_site", str(tmp_path / "backups"), stdout=out)

    folder = Path(out.getvalue().splitlines()[-1].removeprefix("백업 완료: "))
    assert folder.parent == tmp_path / "backups" and folder.is_dir()
    assert sorted(path.name for path in folder.iterdir()) == [
        "database.dump",
        "manifest.json",
        "media.tar.gz",
    ]
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["versions"]["wagtail"] == wagtail.__version__
    assert manifest["counts"]["comments"] == 3
    assert manifest["counts"]["images"] == manifest["counts"]["image_files"] == 2
    assert manifest["counts"]["pages"] == len(rows(source, PAGES))
    assert manifest["counts"]["revisions"] == len(rows(source, REVISIONS))
    applied = rows(source, "SELECT app, name FROM django_migrations ORDER BY app, name")
    assert [(app, name) for app, names in manifest["migrations"].items() for name in names] == (
        applied
    )
    assert manifest["media"]["included"] and not manifest["media"]["renditions"]

    target = scratch_databases()
    media = tmp_path / "restored-media"
    output = restore(folder, target, media)

    assert "복원 완료, 확인됨" in output
    assert "댓글" in output and "✗" not in output
    for query in (PAGES, ARTICLES, REVISIONS, COMMENTS, IMAGES, CONTENT_TYPES, ARTICLE_NUMBER):
        assert rows(target, query) == rows(source, query), query
    pages = {row[0]: row for row in rows(target, PAGES)}
    assert pages[article.pk][6:9] == ("대전시, 20개 기관과 산단 재생 협약", True, True)
    assert pages[withdrawn.pk][6:8] == ("게재를 멈춘 정치 기사", False)
    assert (
        len(rows(target, f"SELECT id FROM wagtailcore_revision WHERE object_id = '{article.pk}'"))
        == 3
    )
    for photo in photos:
        assert (media / photo.file.name).read_bytes() == Path(photo.file.path).read_bytes()
    # Renditions are left out (rows and files): Wagtail makes them again when a page is viewed.
    assert rows(source, "SELECT count(*) FROM news_newsrendition") != [(0,)]
    assert rows(target, "SELECT count(*) FROM news_newsrendition") == [(0,)]
    assert not (media / "images").exists()

    # The same backup with one photo's file lost from its media archive: restored, but the
    # verification says which file is missing and exits 1.
    lost = photos[0].file.name
    archive = folder / "media.tar.gz"
    with tarfile.open(archive) as original, tarfile.open(tmp_path / "cut.tar.gz", "w:gz") as cut:
        for member in original:
            if member.name != lost:
                cut.addfile(member, original.extractfile(member) if member.isfile() else None)
    shutil.move(tmp_path / "cut.tar.gz", archive)
    manifest["files"]["media.tar.gz"] = manifests.describe_file(archive)
    (folder / "manifest.json").write_text(json.dumps(manifest))
    out = io.StringIO()

    with pytest.raises(CommandError) as mismatch:
        call_command(
            "restore_site",
            str(folder),
            "--database-url",
            url_of(scratch_databases()),
            "--media-root",
            str(tmp_path / "second-media"),
            stdout=out,
        )

    assert mismatch.value.returncode == 1
    assert "사진 파일" in str(mismatch.value)
    assert f"복원된 미디어에 없는 파일: {lost}" in out.getvalue()


def test_a_drill_restores_into_a_scratch_database_and_leaves_nothing(db, backup):
    out = io.StringIO()

    call_command("restore_site", str(backup), "--drill", stdout=out)

    assert "복원 완료, 확인됨" in out.getvalue()
    drill_database = f"restore_drill_{os.getpid()}"
    assert f"데이터베이스 {drill_database}" in out.getvalue()
    source = Database.from_django()
    assert rows(source, f"SELECT 1 FROM pg_database WHERE datname = '{drill_database}'") == []


def test_an_unreachable_database_is_one_line_and_exit_3(db, backup, tmp_path):
    with pytest.raises(CommandError) as refused:
        restore(backup, Database({"dbname": "x", "host": str(tmp_path)}), tmp_path / "media")

    assert refused.value.returncode == 3
    assert "연결하지 못했습니다" in str(refused.value)


def test_a_database_that_has_tables_is_refused_and_left_alone(
    db, backup, scratch_databases, tmp_path
):
    target = scratch_databases()
    restore(backup, target, tmp_path / "media")
    tables = table_count(target)

    with pytest.raises(CommandError) as refused:
        restore(backup, target, tmp_path / "media")

    assert refused.value.returncode == 3
    assert "테이블이" in str(refused.value) and "--force" in str(refused.value)
    assert table_count(target) == tables


def test_without_a_folder_the_newest_backup_is_restored(db, backup, settings, tmp_path):
    """`make restore` with no BACKUP=: the newest complete folder in BACKUP_DIR (here into the
    site's own database, which has tables: refused)."""
    settings.BACKUP_DIR = str(backup.parent)
    (backup.parent / ".2099-01-01T000000+0900.partial").mkdir()  # a backup still being written
    (backup.parent / "2098-01-01T000000+0900").mkdir()  # no manifest: not a backup
    (backup.parent / "2000-01-01T000000+0900").mkdir()
    (backup.parent / "2000-01-01T000000+0900" / "manifest.json").write_text("{}")
    out = io.StringIO()

    with pytest.raises(CommandError) as refused:
        call_command("restore_site", stdout=out)

    assert out.getvalue().startswith(f"가장 최근 백업: {backup}")
    assert refused.value.returncode == 3
    assert "--force" in str(refused.value)


def test_an_empty_database_is_not_backed_up(db, scratch_databases, tmp_path):
    with pytest.raises(BackupFailed, match="사이트가 없습니다"):
        create_backup(tmp_path, database=scratch_databases(), log=lambda line: None)

    assert list(tmp_path.iterdir()) == []


def test_force_replaces_whatever_the_database_held(db, backup, scratch_databases, tmp_path):
    target = scratch_databases()
    restore(backup, target, tmp_path / "media")
    expected = rows(target, PAGES)
    with target.connect(autocommit=True) as connection:
        connection.execute("UPDATE wagtailcore_page SET title = '바뀐 제목'")
        connection.execute("CREATE TABLE leftover (id int)")

    output = restore(backup, target, tmp_path / "media", "--force")

    assert "복원 완료, 확인됨" in output
    assert rows(target, PAGES) == expected
    assert rows(target, "SELECT to_regclass('public.leftover') IS NULL") == [(True,)]


def test_a_damaged_dump_exits_2_with_a_message_and_restores_nothing(
    db, backup, scratch_databases, tmp_path
):
    dump = backup / "database.dump"
    data = bytearray(dump.read_bytes())
    data[len(data) // 2] ^= 0xFF
    dump.write_bytes(bytes(data))
    target = scratch_databases()

    result = subprocess.run(
        [sys.executable, "manage.py", "restore_site", str(backup), "--database-url", url_of(target)]
        + ["--media-root", str(tmp_path / "media")],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert result.returncode == 2, result.stdout + result.stderr
    assert "database.dump" in result.stderr and "손상" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert table_count(target) == 0


def test_a_dump_cut_short_is_unreadable_and_rolled_back(db, backup, scratch_databases, tmp_path):
    """Even when its checksum was taken after the damage (a disk that filled up), a dump that
    ends early restores nothing: the transaction is never committed."""
    dump = backup / "database.dump"
    dump.write_bytes(dump.read_bytes()[: dump.stat().st_size * 3 // 4])
    manifest = json.loads((backup / "manifest.json").read_text())
    manifest["files"]["database.dump"] = manifests.describe_file(dump)
    (backup / "manifest.json").write_text(json.dumps(manifest))
    target = scratch_databases()

    with pytest.raises(CommandError) as unreadable:
        restore(backup, target, tmp_path / "media")

    assert unreadable.value.returncode == 2
    assert "database.dump" in str(unreadable.value)
    assert table_count(target) == 0


def test_a_restore_the_database_rejects_is_rolled_back_whole(
    db, backup, scratch_databases, tmp_path
):
    """No tables, so not refused; but a sequence of the same name makes one statement fail
    halfway through: everything before it is rolled back too."""
    target = scratch_databases()
    with target.connect(autocommit=True) as connection:
        connection.execute(f"CREATE SEQUENCE {ARTICLE_NUMBER_SEQUENCE}")

    with pytest.raises(CommandError) as failed:
        restore(backup, target, tmp_path / "media")

    assert failed.value.returncode == 3
    assert "되돌렸습니다" in str(failed.value) and ARTICLE_NUMBER_SEQUENCE in str(failed.value)
    assert table_count(target) == 0
    assert not (tmp_path / "media").exists()


@pytest.mark.parametrize("damage", ["no manifest", "not json", "media archive"])
def test_an_unreadable_backup_exits_2(db, backup, scratch_databases, tmp_path, damage):
    if damage == "no manifest":
        (backup / "manifest.json").unlink()
    elif damage == "not json":
        (backup / "manifest.json").write_text("{ 끝나지 않은")
    else:
        (backup / "media.tar.gz").write_bytes(b"not a tar archive")
    target = scratch_databases()

    with pytest.raises(CommandError) as unreadable:
        restore(backup, target, tmp_path / "media")

    assert unreadable.value.returncode == 2
    assert table_count(target) == 0


def test_counts_that_differ_from_the_manifest_exit_1(db, backup, scratch_databases, tmp_path):
    manifest = json.loads((backup / "manifest.json").read_text())
    manifest["counts"]["comments"] += 1
    (backup / "manifest.json").write_text(json.dumps(manifest))
    target = scratch_databases()

    with pytest.raises(CommandError) as mismatch:
        restore(backup, target, tmp_path / "media")

    assert mismatch.value.returncode == 1
    assert "댓글" in str(mismatch.value)


def test_media_that_cannot_be_written_say_so_after_the_database_is_restored(
    db, backup, scratch_databases, tmp_path
):
    blocked = tmp_path / "media"
    blocked.write_text("a file where the media folder should be")
    target = scratch_databases()

    with pytest.raises(CommandError) as incomplete:
        restore(backup, target, blocked)

    assert incomplete.value.returncode == 1
    assert "데이터베이스는 복원했지만 미디어를 다 풀지 못했습니다" in str(incomplete.value)


def test_backups_are_written_whole_or_not_at_all(db, tmp_path, settings):
    settings.BACKUP_PG_BIN = str(tmp_path / "no-tools-here")

    with pytest.raises(CommandError) as failed:
        call_command("backup_site", str(tmp_path / "backups"), stdout=io.StringIO())

    assert "pg_dump" in str(failed.value) and "postgresql-client" in str(failed.value)
    assert list((tmp_path / "backups").iterdir()) == []


def test_the_password_never_reaches_a_command_line():
    database = Database.from_url(
        "postgres://news:s3cret-암호@db.example:5433/paper?sslmode=require"
    )

    arguments, env = database.tool_arguments()

    assert not any("s3cret" in argument for argument in arguments)
    assert env["PGPASSWORD"] == "s3cret-암호"
    assert "host=db.example" in arguments[0] and "sslmode=require" in arguments[0]
    assert "port=5433" in arguments[0] and "dbname=paper" in arguments[0]


def test_the_client_tools_closest_to_the_server_are_chosen(monkeypatch):
    tools = [
        Tool("/usr/lib/postgresql/15/bin/pg_dump", 15, "15.18", bundled=False),
        Tool("/venv/pgserver/pginstall/bin/pg_dump", 16, "16.2", bundled=True),
        Tool("/usr/lib/postgresql/17/bin/pg_dump", 17, "17.6", bundled=False),
    ]
    monkeypatch.setattr("backups.postgres.available_tools", lambda name: iter(tools))

    assert find_tool("pg_dump", 16).version == "16.2"  # pg_dump 15 cannot dump a 16 server
    assert find_tool("pg_dump", 16, needs_ssl=True).version == "17.6"  # pgserver has no SSL
    with pytest.raises(ToolMissing, match="postgresql-client-18"):
        find_tool("pg_dump", 18)


def test_the_real_tools_can_read_this_server(db):
    with Database.from_django().connect() as connection:
        server = connection.info.server_version // 10000

    for name in ("pg_dump", "pg_restore", "psql"):
        assert find_tool(name, server).major >= server


def test_make_has_the_backup_and_restore_targets():
    def dry_run(*arguments):
        return (
            subprocess.run(
                # --no-print-directory: under `make test` this is a sub-make, which
                # would otherwise end its output with "Leaving directory …".
                ["make", "--dry-run", "--always-make", "--no-print-directory", *arguments],
                cwd=settings.BASE_DIR,
                capture_output=True,
                text=True,
                check=True,
            )
            .stdout.splitlines()[-1]
            .strip()
        )

    assert dry_run("backup").split()[-1] == "backup_site"
    assert dry_run("backup", "BACKUP_DIR=/srv/backups").endswith("backup_site /srv/backups")
    assert dry_run("restore", "BACKUP=var/backups/x", "FORCE=1").endswith(
        'restore_site "var/backups/x" --force'
    )
    assert dry_run("restore", "DRILL=1").split()[-2:] == ["restore_site", "--drill"]
