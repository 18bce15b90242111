"""Restore a backup folder into an empty database (or, with force, over an existing one).

Nothing is half-restored: the backup is checked first (manifest, checksums, the dump's table
of contents, every member of the media archive), then pg_restore's SQL runs through psql
inside one transaction that is committed only when all of it succeeded; the media are
extracted after that (should that fail, on a full disk say, the command says the database is
restored and the media are not, exit 1), and the counts in the manifest are compared with the
restored ones.
"""

import os
import subprocess
import tarfile
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from django.conf import settings
from django.core.cache import caches
from django.db.migrations.loader import MigrationLoader
from psycopg import sql

from backups import manifest as manifests
from backups.backup import default_directory
from backups.manifest import BackupUnreadable
from backups.postgres import (
    Database,
    find_tool,
    server_major_version,
    user_schemas,
    user_table_count,
)


class TargetNotEmpty(Exception):
    """The target database already has tables and --force was not given (exit 3)."""


class RestoreFailed(Exception):
    """The database refused the restore; it was rolled back, nothing changed (exit 3)."""


class MediaIncomplete(Exception):
    """The database is restored but the media could not all be written (exit 1)."""


@dataclass
class Check:
    key: str
    label: str
    expected: int | None
    restored: int | None

    @property
    def ok(self):
        return self.expected == self.restored


@dataclass
class Restore:
    path: Path
    manifest: dict
    checks: list[Check] = field(default_factory=list)
    missing_files: list[str] = field(default_factory=list)
    pending_migrations: list[tuple[str, str]] = field(default_factory=list)
    unknown_migrations: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self):
        return all(check.ok for check in self.checks)

    @property
    def mismatches(self):
        return [check for check in self.checks if not check.ok]


def complete_backups(directory=None):
    """Finished backup folders in `directory`, oldest first (names sort by time)."""
    directory = Path(directory or default_directory())
    if not directory.is_dir():
        return []
    return sorted(
        path
        for path in directory.iterdir()
        if path.is_dir() and not path.name.startswith(".") and (path / manifests.MANIFEST).exists()
    )


@contextmanager
def drill_database(server):
    """A new database on `server`'s server for a restore drill, dropped afterwards."""
    name = f"restore_drill_{os.getpid()}"
    maintenance = Database({**server.params, "dbname": "postgres"})
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    try:
        with maintenance.connect(autocommit=True) as connection:
            connection.execute(drop)
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.Error as error:
        raise RestoreFailed(
            f"복원 훈련용 데이터베이스 {name}을(를) 만들지 못했습니다: {_first_line(error)} "
            "/ could not create the drill database"
        ) from None
    try:
        yield Database({**server.params, "dbname": name})
    finally:
        with maintenance.connect(autocommit=True) as connection:
            connection.execute(drop)


def drill(path, *, server=None, log=print):
    """Restore into a scratch database and folder, verify, and remove both: is this backup
    good? The site's own database and media are not touched."""
    with drill_database(server or Database.from_django()) as database:
        with tempfile.TemporaryDirectory(prefix="restore-drill-") as media_root:
            return restore_backup(path, database=database, media_root=media_root, log=log)


def restore_backup(path, *, database=None, media_root=None, force=False, log=print):
    path = Path(path)
    own_database = database is None
    database = database or Database.from_django()
    media_root = Path(media_root or settings.MEDIA_ROOT)
    if not (path / manifests.MANIFEST).is_file():
        manifests.read(path)  # raises BackupUnreadable with the reason

    with database.connect(autocommit=True) as connection:
        server_major = server_major_version(connection)
        tables = user_table_count(connection)
        schemas = user_schemas(connection)
    if tables and not force:
        raise TargetNotEmpty(
            f"데이터베이스 {database.name}에 이미 테이블이 {tables}개 있어 복원하지 않습니다: "
            "빈 데이터베이스에 복원하거나, 덮어쓰려면 --force를 붙이세요. "
            f"/ {database.name} has {tables} tables: restore into an empty database or use --force."
        )

    manifest = manifests.read(path)
    dump = path / manifests.DATABASE_DUMP
    dump_major = int(manifest.get("database", {}).get("pg_dump_major") or server_major)
    pg_restore = find_tool("pg_restore", max(server_major, dump_major))
    psql = find_tool("psql", server_major, needs_ssl=database.needs_ssl)
    _check_dump(pg_restore, dump)
    media_included = manifest.get("media", {}).get("included", False)
    if media_included:
        _check_media(path / manifests.MEDIA_ARCHIVE, media_root)

    log(f"{path.name} → 데이터베이스 {database.name} ({pg_restore}, {psql})")
    _restore_database(pg_restore, psql, dump, database, schemas if force else [])
    log("  데이터베이스 복원 완료")
    if media_included:
        try:
            count = _extract_media(path / manifests.MEDIA_ARCHIVE, media_root)
        except OSError as error:
            raise MediaIncomplete(
                f"데이터베이스는 복원했지만 미디어를 다 풀지 못했습니다 ({error.strerror or error}: "
                f"{media_root}). 원인(디스크, 권한)을 고친 뒤 --force로 다시 복원하세요. / "
                "database restored, media incomplete"
            ) from error
        log(f"  미디어 파일 {count}개 → {media_root}")
    else:
        log(f"  미디어 없음 ({manifest.get('media', {}).get('storage', '')}): 따로 복원하세요.")

    result = verify(path, manifest, database, media_root if media_included else None)
    if own_database:
        # Pages, fragments and renditions cached from the database as it was before.
        for cache in caches.all():
            cache.clear()
        log("  캐시를 비웠습니다.")
    return result


def _check_dump(pg_restore, dump):
    result = subprocess.run(
        [pg_restore.path, "--list", str(dump)], capture_output=True, text=True, errors="replace"
    )
    if result.returncode != 0:
        reason = (result.stderr.strip().splitlines() or ["?"])[-1]
        raise BackupUnreadable(
            f"{dump}을(를) 읽을 수 없습니다: {reason} / the database dump is unreadable"
        )


def _check_media(archive, media_root):
    """Read the whole archive (gzip checks its CRC at the end) and refuse unsafe members."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            for member in tar:
                tarfile.data_filter(member, str(media_root))
    except (OSError, EOFError, tarfile.TarError) as error:
        raise BackupUnreadable(
            f"{archive}을(를) 읽을 수 없습니다: {error} / the media archive is unreadable"
        ) from None


def _restore_database(pg_restore, psql, dump, database, drop_schemas):
    """pg_restore's SQL through psql in one transaction, committed only if all of it ran."""
    prelude = ["SET client_min_messages = warning;", "BEGIN;"]
    if drop_schemas:
        # Give up quickly when the site still runs (its sessions hold locks): stop web first.
        prelude.append("SET LOCAL lock_timeout = '10s';")
        prelude += [f"DROP SCHEMA {_quote(schema)} CASCADE;" for schema in drop_schemas]
        prelude += ["CREATE SCHEMA public;", "SET LOCAL lock_timeout = 0;"]
    arguments, env = database.tool_arguments()
    with tempfile.TemporaryFile() as reader_errors, tempfile.TemporaryFile() as writer_output:
        reader = subprocess.Popen(
            [pg_restore.path, "--no-owner", "--no-privileges", "--file=-", str(dump)],
            stdout=subprocess.PIPE,
            stderr=reader_errors,
        )
        writer = subprocess.Popen(
            [psql.path, "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", *arguments],
            stdin=subprocess.PIPE,
            stdout=writer_output,
            stderr=subprocess.STDOUT,
            env=env,
        )
        writer_gone = False
        try:
            writer.stdin.write(("\n".join(prelude) + "\n").encode())
            while chunk := reader.stdout.read(1024 * 1024):
                writer.stdin.write(chunk)
        except BrokenPipeError:
            writer_gone = True
            reader.kill()
        reader_status = reader.wait()
        if reader_status == 0 and not writer_gone:
            try:
                writer.stdin.write(b"COMMIT;\n")
                writer.stdin.close()
            except BrokenPipeError:
                pass
            writer_status = writer.wait()
        else:
            # No COMMIT was sent: killed (or at end of input) psql's transaction is rolled back.
            writer.kill()
            writer_status = writer.wait()
        if reader_status != 0 and not writer_gone:
            raise BackupUnreadable(
                f"{dump}을(를) 끝까지 읽지 못했습니다: {_last_line(reader_errors)} "
                "/ the database dump is damaged; nothing was restored"
            )
        if writer_status != 0 or writer_gone:
            raise RestoreFailed(
                f"데이터베이스가 복원을 거부해 되돌렸습니다(바뀐 것 없음): {_last_line(writer_output)} "
                "/ the restore failed and was rolled back"
            )


def _first_line(error):
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def _quote(identifier):
    return sql.Identifier(identifier).as_string()


def _last_line(file):
    file.seek(0)
    lines = [line for line in file.read().decode(errors="replace").splitlines() if line.strip()]
    errors = [line for line in lines if "ERROR" in line or "error" in line or "FATAL" in line]
    return (errors or lines or ["?"])[0 if errors else -1].strip()


def _extract_media(archive, media_root):
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:gz") as tar:
        members = [member for member in tar.getmembers() if member.isfile()]
        tar.extractall(media_root, members=members, filter="data")
    return len(members)


def verify(path, manifest, database, media_root):
    """Compare the restored database (and media) with the manifest's numbers."""
    with database.connect(autocommit=True) as connection:
        restored = manifests.content_counts(connection)
        files = manifests.stored_files(connection)
        applied = manifests.applied_migrations(connection)
    result = Restore(path, manifest)
    if media_root is not None:
        for key, names in files.items():
            missing = [name for name in names if not (media_root / name).is_file()]
            restored[key] = len(names) - len(missing)
            result.missing_files += missing
    expected = manifest.get("counts") or {}
    file_keys = {key for key, _label, _model in manifests.FILE_MODELS}
    for key, label in manifests.labels().items():
        if key in file_keys and media_root is None:
            continue  # the media were not in the backup (S3): nothing to compare
        result.checks.append(Check(key, label, expected.get(key), restored.get(key)))
    result.pending_migrations, result.unknown_migrations = migration_differences(applied)
    return result


def migration_differences(applied):
    """(migrations this code has that the database lacks, and the other way round)."""
    applied_nodes = {(app, name) for app, names in applied.items() for name in names}
    loader = MigrationLoader(None, ignore_no_migrations=True)
    pending = []
    for node in loader.graph.nodes:
        migration = loader.graph.nodes[node]
        replaced = set(getattr(migration, "replaces", []) or [])
        if node not in applied_nodes and not (replaced and replaced <= applied_nodes):
            pending.append(node)
    known = set(loader.disk_migrations)
    unknown = sorted(node for node in applied_nodes - known if node[0] in loader.migrated_apps)
    return sorted(pending), unknown
