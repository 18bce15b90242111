"""The database a backup is taken from or restored into, and the PostgreSQL client tools.

The same code runs on a developer's host (the embedded server: pgserver ships pg_dump,
pg_restore and psql in its wheel) and in the containers (Debian's postgresql-client, or the
same pgserver tools, which need only libc and zlib). The password reaches the tools through
PGPASSWORD in their environment, never on a command line that `ps` shows.
"""

import functools
import importlib.util
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import dj_database_url
import psycopg
from django.conf import settings
from django.db import connections
from psycopg.conninfo import make_conninfo

# Keys of Django's OPTIONS for PostgreSQL that are Django's or psycopg's, not libpq's.
DJANGO_ONLY_OPTIONS = {"isolation_level", "server_side_binding", "pool", "assume_role", "context"}
SSL_MODES_NEEDING_SSL = {"require", "verify-ca", "verify-full"}


class ToolMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class Database:
    """libpq connection parameters (dbname, user, password, host, port, sslmode …)."""

    params: dict

    @classmethod
    def from_settings_dict(cls, settings_dict):
        params = {
            key: value
            for key, value in (settings_dict.get("OPTIONS") or {}).items()
            if key not in DJANGO_ONLY_OPTIONS
        }
        params.update(
            dbname=settings_dict.get("NAME"),
            user=settings_dict.get("USER"),
            password=settings_dict.get("PASSWORD"),
            host=settings_dict.get("HOST") or params.get("host"),
            port=settings_dict.get("PORT"),
        )
        return cls({key: str(value) for key, value in params.items() if value not in (None, "")})

    @classmethod
    def from_django(cls, alias="default"):
        """The site's own database (in tests: the test database Django switched to)."""
        return cls.from_settings_dict(connections[alias].settings_dict)

    @classmethod
    def from_url(cls, url):
        return cls.from_settings_dict(dj_database_url.parse(url))

    @property
    def name(self):
        return self.params.get("dbname", "")

    @property
    def needs_ssl(self):
        return self.params.get("sslmode", "") in SSL_MODES_NEEDING_SSL

    def connect(self, **kwargs):
        return psycopg.connect(**self.params, **kwargs)

    def tool_arguments(self):
        """--dbname for pg_dump/psql (everything but the password) and their environment."""
        conninfo = make_conninfo(
            **{key: value for key, value in self.params.items() if key != "password"}
        )
        env = dict(os.environ, PGAPPNAME="chungcheong-backup")
        if "password" in self.params:
            env["PGPASSWORD"] = self.params["password"]
        return [f"--dbname={conninfo}"], env


def server_major_version(connection):
    return connection.info.server_version // 10000


@dataclass(frozen=True)
class Tool:
    path: str
    major: int
    version: str
    bundled: bool  # pgserver's copy: no SSL support compiled in

    def __str__(self):
        return f"{Path(self.path).name} {self.version}"


def _configured_directory():
    return str(getattr(settings, "BACKUP_PG_BIN", "") or "")


def _candidate_directories():
    configured = _configured_directory()
    if configured:
        yield Path(configured), False
        return
    for versioned in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        yield versioned, False
    spec = importlib.util.find_spec("pgserver")
    if spec and spec.origin:
        yield Path(spec.origin).parent / "pginstall" / "bin", True


@functools.cache
def _probe(path):
    try:
        output = subprocess.run(
            [path, "--version"], capture_output=True, text=True, timeout=30, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r"(\d+)(?:\.(\d+))?", output)
    return (int(match.group(1)), match.group(0)) if match else None


def available_tools(name):
    seen = set()
    candidates = [(directory / name, bundled) for directory, bundled in _candidate_directories()]
    on_path = shutil.which(name)
    if on_path and not _configured_directory():
        candidates.append((Path(on_path), False))
    for path, bundled in candidates:
        if not path.is_file() or path.resolve() in seen:
            continue
        seen.add(path.resolve())
        probed = _probe(str(path))
        if probed:
            yield Tool(str(path), probed[0], probed[1], bundled)


def find_tool(name, minimum_major, *, needs_ssl=False):
    """The client tool closest to the server's version that can still talk to it.

    pg_dump refuses a server newer than itself, and pg_restore an archive from a newer
    pg_dump, so a tool is usable when its major version is at least `minimum_major`; the
    closest such version is the safest, and Debian's copy wins a tie with pgserver's.
    """
    usable = [
        tool
        for tool in available_tools(name)
        if tool.major >= minimum_major and not (needs_ssl and tool.bundled)
    ]
    if not usable:
        found = ", ".join(str(tool) for tool in available_tools(name)) or "없음"
        raise ToolMissing(
            f"{name} {minimum_major} 이상이 필요합니다 (찾은 것: {found}). "
            f"postgresql-client-{minimum_major}를 설치하거나 BACKUP_PG_BIN에 그 bin 폴더를 "
            f"지정하세요. / {name} {minimum_major}+ is needed: install "
            f"postgresql-client-{minimum_major} or set BACKUP_PG_BIN."
        )
    return min(usable, key=lambda tool: (tool.major, tool.bundled))


def user_table_count(connection):
    """Tables outside PostgreSQL's own schemas: zero in a freshly created database."""
    return connection.execute(
        """
        SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'
        """
    ).fetchone()[0]


def user_schemas(connection):
    return [
        name
        for (name,) in connection.execute(
            """
            SELECT nspname FROM pg_namespace
            WHERE nspname NOT IN ('pg_catalog', 'information_schema')
              AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp\\_%'
            ORDER BY nspname
            """
        ).fetchall()
    ]
