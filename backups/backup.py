"""Take a backup: BACKUP_DIR/2026-12-01T093012+0900/ with database.dump, media.tar.gz and
manifest.json.

The counts in the manifest and pg_dump read one and the same snapshot (pg_export_snapshot),
so a site that keeps publishing during the backup still gets a manifest that matches its dump.
A backup is written under a hidden `.NAME.partial` folder and renamed when complete: a folder
without the dot is always a whole backup.
"""

import os
import shutil
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils import timezone
from psycopg import IsolationLevel
from wagtail.images.models import AbstractRendition

from backups import manifest as manifests
from backups.postgres import Database, find_tool, server_major_version

# Wagtail writes every rendition under MEDIA_ROOT/images/ (AbstractRendition's upload_to).
RENDITIONS_FOLDER = "images"


class BackupFailed(RuntimeError):
    pass


@dataclass
class Backup:
    path: Path
    manifest: dict


def default_directory():
    return Path(getattr(settings, "BACKUP_DIR", "") or settings.BASE_DIR / "var" / "backups")


def backup_name(moment=None):
    """The folder's name: the time in the site's zone (KST), sortable as text."""
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H%M%S%z")


def rendition_tables():
    return sorted(
        {
            model._meta.db_table
            for model in apps.get_models()
            if issubclass(model, AbstractRendition)
        }
    )


def media_storage_is_local():
    return isinstance(storages["default"], FileSystemStorage)


def human_size(size):
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} TB"


def create_backup(directory=None, *, database=None, media_root=None, renditions=False, log=print):
    """Back up `database` (the site's by default) and `media_root` into a new folder."""
    database = database or Database.from_django()
    media_root = Path(media_root or settings.MEDIA_ROOT)
    directory = Path(directory or default_directory())
    directory.mkdir(parents=True, exist_ok=True)
    name = backup_name()
    final = directory / name
    if final.exists():
        raise BackupFailed(f"{final}이(가) 이미 있습니다: 1초 뒤에 다시 실행하세요.")
    partial = directory / f".{name}.partial"
    partial.mkdir()
    try:
        manifest = _write_backup(partial, name, database, media_root, renditions, log)
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    log(f"백업 완료: {final}")
    return Backup(final, manifest)


def _write_backup(folder, name, database, media_root, renditions, log):
    skipped_tables = [] if renditions else rendition_tables()
    with database.connect() as connection:
        connection.isolation_level = IsolationLevel.REPEATABLE_READ
        connection.read_only = True
        with connection.transaction():
            snapshot = connection.execute("SELECT pg_export_snapshot()").fetchone()[0]
            server_version = connection.info.parameter_status("server_version")
            counts = manifests.content_counts(connection)
            files = manifests.stored_files(connection)
            migrations = manifests.applied_migrations(connection)
            if not migrations:
                raise BackupFailed(
                    f"데이터베이스 {database.name}에 사이트가 없습니다(마이그레이션 기록 없음): "
                    "migrate 전이거나 DATABASE_URL이 다른 데이터베이스를 가리킵니다."
                )
            pg_dump = find_tool(
                "pg_dump", server_major_version(connection), needs_ssl=database.needs_ssl
            )
            log(f"데이터베이스 {database.name} (PostgreSQL {server_version}) 덤프: {pg_dump}")
            _dump(pg_dump, database, snapshot, folder / manifests.DATABASE_DUMP, skipped_tables)
    dump_size = (folder / manifests.DATABASE_DUMP).stat().st_size
    log(f"  {manifests.DATABASE_DUMP}: {human_size(dump_size)}")

    media = {"included": False, "renditions": renditions, "storage": _storage_name()}
    missing = {}
    if media_storage_is_local():
        archive = folder / manifests.MEDIA_ARCHIVE
        archived, size = _archive_media(media_root, archive, renditions)
        media.update(included=True, files=len(archived), bytes=size)
        for key, names in files.items():
            missing[key] = [name for name in names if name not in archived]
            counts[key] = len(names) - len(missing[key])
        log(
            f"  {manifests.MEDIA_ARCHIVE}: 파일 {len(archived)}개, {human_size(size)}"
            + ("" if renditions else " (렌디션 제외: 볼 때 다시 만들어집니다)")
        )
        for key, names in missing.items():
            if names:
                log(
                    f"  경고: 파일이 없는 {manifests.labels()[key]} {len(names)}개 (예: {names[0]})"
                )
    else:
        log(
            f"  미디어는 {media['storage']}에 있어 백업하지 않았습니다: "
            "버킷의 버전 관리나 복제로 보관하세요."
        )

    manifest = {
        "format": manifests.FORMAT,
        "name": name,
        "created_at": timezone.localtime().isoformat(timespec="seconds"),
        "versions": manifests.versions(),
        "database": {
            "name": database.name,
            "server_version": server_version,
            "pg_dump": pg_dump.version,
            "pg_dump_major": pg_dump.major,
            "table_data_skipped": skipped_tables,
        },
        "media": media,
        "counts": counts,
        "missing_files": {key: names for key, names in missing.items() if names},
        "migrations": migrations,
        "files": {
            file.name: manifests.describe_file(file)
            for file in (folder / manifests.DATABASE_DUMP, folder / manifests.MEDIA_ARCHIVE)
            if file.exists()
        },
    }
    manifests.write(folder, manifest)
    return manifest


def _dump(pg_dump, database, snapshot, target, skipped_tables):
    arguments, env = database.tool_arguments()
    command = [
        pg_dump.path,
        "--format=custom",
        "--no-owner",
        f"--snapshot={snapshot}",
        f"--file={target}",
        *(f"--exclude-table-data={table}" for table in skipped_tables),
        *arguments,
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        reason = (result.stderr.strip().splitlines() or ["?"])[-1]
        raise BackupFailed(f"pg_dump이 실패했습니다: {reason}")


def _archive_media(media_root, target, renditions):
    """Every regular file under media_root (renditions only when asked); names and bytes."""
    archived = set()
    size = 0
    # Photos are already compressed: gzip's fastest level saves time and loses nothing.
    with tarfile.open(target, "w:gz", compresslevel=1) as tar:
        if media_root.is_dir():
            for current, folders, filenames in os.walk(media_root):
                relative = Path(current).relative_to(media_root)
                if relative == Path(".") and not renditions:
                    folders[:] = [folder for folder in folders if folder != RENDITIONS_FOLDER]
                folders.sort()
                for filename in sorted(filenames):
                    path = Path(current) / filename
                    if path.is_symlink() or not path.is_file():
                        continue
                    arcname = (relative / filename).as_posix()
                    tar.add(path, arcname=arcname, recursive=False)
                    archived.add(arcname)
                    size += path.stat().st_size
    return archived, size


def _storage_name():
    storage = storages["default"]
    return f"{type(storage).__module__}.{type(storage).__qualname__}"
