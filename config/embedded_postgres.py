"""The embedded PostgreSQL server used when DATABASE_URL is not set.

pgserver ships a PostgreSQL 16 server in a wheel. Every process that uses the
database (make run, manage.py commands, the tests) registers with the server
under var/postgres/; the server stops when the last of them exits, so two
processes at once share one server instead of fighting over the data directory.
"""

import json
import os
import sys
import warnings
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = BASE_DIR / "var" / "postgres"
DATABASE_NAME = "chungcheong"

_database_url = None


class EmbeddedDatabaseError(RuntimeError):
    pass


def _forget_dead_processes(data_dir):
    """Drop pids of processes that died without unregistering (kill -9).

    pgserver keeps the server running while any registered pid remains; a dead
    one would keep it running forever.
    """
    pid_file = data_dir / ".handle_pids.json"
    try:
        pids = json.loads(pid_file.read_text())
    except (OSError, ValueError):
        return
    alive = [pid for pid in pids if _is_alive(pid)]
    if alive != pids:
        pid_file.write_text(json.dumps(alive))


def _is_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def database_url():
    """Start (or join) the embedded server and return a URL for our database."""
    global _database_url
    if _database_url:
        return _database_url
    try:
        # platformdirs warns when XDG_RUNTIME_DIR is unset (root, CI); its fallback is fine.
        warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")
        import pgserver
        import psycopg

        DATA_DIR.parent.mkdir(parents=True, exist_ok=True)
        with pgserver.PostgresServer._lock:
            _forget_dead_processes(DATA_DIR)
        server = pgserver.get_server(DATA_DIR, cleanup_mode="stop")
        admin_url = server.get_uri("postgres")
        with psycopg.connect(admin_url, autocommit=True) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
            ).fetchone()
            if not exists:
                try:
                    connection.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
                except psycopg.errors.DuplicateDatabase:
                    pass  # another process created it a moment ago
            _drop_abandoned_test_databases(connection)
    except Exception as error:  # any failure here has one remedy: say so and how
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise EmbeddedDatabaseError(
            f"내장 PostgreSQL({DATA_DIR})을 시작하지 못했습니다: {reason}. "
            "다른 서버를 쓰려면 DATABASE_URL=postgres://사용자:비밀번호@호스트:5432/DB이름 을 설정하세요."
        ) from error
    _database_url = server.get_uri(DATABASE_NAME)
    return _database_url


def test_database_name():
    """Each test run has its own database, so two runs at once never collide."""
    return f"test_{DATABASE_NAME}_{os.getpid()}"


def _drop_abandoned_test_databases(connection):
    """Test databases of runs that were killed before they could drop them."""
    prefix = f"test_{DATABASE_NAME}_"
    names = connection.execute(
        "SELECT datname FROM pg_database WHERE datname LIKE %s", [prefix + "%"]
    ).fetchall()
    for (name,) in names:
        pid = name.removeprefix(prefix)
        if pid.isdigit() and not _is_alive(int(pid)):
            try:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            except Exception:  # someone is still connected: leave it for the next start
                pass


def database_url_or_exit():
    try:
        return database_url()
    except EmbeddedDatabaseError as error:
        sys.stderr.write(f"{error}\n")
        raise SystemExit(1) from None
