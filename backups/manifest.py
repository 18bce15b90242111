"""manifest.json: what a backup holds, read back to check a restore.

The counts are taken inside the very snapshot pg_dump dumps (backup.py), so a restore that
finds other numbers has lost or gained something; the checksums tell a damaged file from a
good one before anything is restored.
"""

import hashlib
import json
import platform
from importlib import metadata

import django
import wagtail
from django.apps import apps
from django.contrib.auth import get_user_model
from psycopg import errors, sql
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE_DUMP = "database.dump"
MEDIA_ARCHIVE = "media.tar.gz"


class BackupUnreadable(Exception):
    """The backup is missing a file, damaged, or not one of ours (restore exits with 2)."""


def counted_models():
    """(key, Korean label, model, WHERE clause or None) for the numbers a restore must match."""
    return [
        ("pages", "페이지", apps.get_model("wagtailcore", "Page"), None),
        ("live_pages", "게재 중인 페이지", apps.get_model("wagtailcore", "Page"), "live"),
        ("articles", "기사", apps.get_model("news", "ArticlePage"), None),
        ("revisions", "버전(revision)", apps.get_model("wagtailcore", "Revision"), None),
        ("comments", "댓글", apps.get_model("comments", "Comment"), None),
        ("images", "사진", get_image_model(), None),
        ("documents", "문서", get_document_model(), None),
        ("users", "사용자", get_user_model(), None),
    ]


# Files the database points at, checked in the archive and in the restored media.
FILE_MODELS = [
    ("image_files", "사진 파일", get_image_model),
    ("document_files", "문서 파일", get_document_model),
]


def labels():
    return {key: label for key, label, *_ in counted_models()} | {
        key: label for key, label, _ in FILE_MODELS
    }


def content_counts(connection):
    """{key: number} read with one psycopg connection (the snapshot's, or the restored one)."""
    counts = {}
    for key, _label, model, where in counted_models():
        query = sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(model._meta.db_table))
        if where:
            query += sql.SQL(" WHERE {}").format(sql.Identifier(where))
        try:
            with connection.transaction():
                counts[key] = connection.execute(query).fetchone()[0]
        except errors.UndefinedTable:  # another version of the site: no number
            counts[key] = None
    return counts


def stored_files(connection):
    """{key: [file names]} of the images' and documents' original files."""
    files = {}
    for key, _label, get_model in FILE_MODELS:
        table = get_model()._meta.db_table
        query = sql.SQL("SELECT file FROM {} WHERE file <> '' ORDER BY id").format(
            sql.Identifier(table)
        )
        try:
            with connection.transaction():
                files[key] = [name for (name,) in connection.execute(query).fetchall()]
        except errors.UndefinedTable:  # another version of the site
            files[key] = []
    return files


def applied_migrations(connection):
    """{app: [migration names]}, as django_migrations records them."""
    applied = {}
    try:
        with connection.transaction():
            rows = connection.execute(
                "SELECT app, name FROM django_migrations ORDER BY app, name"
            ).fetchall()
    except errors.UndefinedTable:  # not a Django database at all
        return applied
    for app, name in rows:
        applied.setdefault(app, []).append(name)
    return applied


def versions():
    try:
        project = metadata.version("chungcheong")
    except metadata.PackageNotFoundError:
        project = ""
    return {
        "project": project,
        "wagtail": wagtail.__version__,
        "django": django.get_version(),
        "python": platform.python_version(),
    }


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def describe_file(path):
    return {"bytes": path.stat().st_size, "sha256": sha256(path)}


def write(directory, manifest):
    path = directory / MANIFEST
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def read(directory):
    """The manifest of a backup folder, its files checked against their checksums."""
    path = directory / MANIFEST
    if not directory.is_dir():
        raise BackupUnreadable(f"백업 폴더가 없습니다: {directory} / no such backup folder")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupUnreadable(
            f"{path}가 없습니다: 끝나지 않았거나 이 프로젝트의 백업이 아닙니다. "
            "/ manifest.json is missing"
        ) from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise BackupUnreadable(
            f"{path}를 읽을 수 없습니다 ({error}). / manifest.json is unreadable"
        ) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupUnreadable(
            f"{path}의 형식을 모릅니다 (format {manifest.get('format') if isinstance(manifest, dict) else '?'}). "
            "/ unknown manifest format"
        )
    for name, expected in (manifest.get("files") or {}).items():
        file = directory / name
        if not file.is_file():
            raise BackupUnreadable(f"백업 파일이 없습니다: {file} / backup file missing")
        if file.stat().st_size != expected.get("bytes") or sha256(file) != expected.get("sha256"):
            raise BackupUnreadable(
                f"{file}이(가) 손상되었습니다: 크기나 SHA-256이 manifest.json과 다릅니다. "
                f"/ {name} is damaged (checksum mismatch)"
            )
    if DATABASE_DUMP not in (manifest.get("files") or {}):
        raise BackupUnreadable(f"{path}에 {DATABASE_DUMP}가 없습니다. / no database dump listed")
    return manifest
