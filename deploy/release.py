"""The web container's release step: migrate, one replica at a time; the demo on a first start.

Replicas of web start together (`docker compose up --scale web=3`): each waits for a
PostgreSQL advisory lock before `migrate`, so one applies the migrations while the others
wait, then find nothing left to do. The lock is held on a connection of its own, so
PostgreSQL releases it if this process dies. With LOAD_DEMO=1 the demo paper is loaded,
under the same lock, into a database that has no articles yet (a first start).

deploy/entrypoint.sh runs this, then gunicorn.
"""

import hashlib
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

# pg_advisory_lock takes a bigint: a stable one derived from the step's name.
LOCK_KEY = int.from_bytes(
    hashlib.blake2b(b"chungcheong:migrate", digest_size=8).digest(), "big", signed=True
)
CONNECT_SECONDS = 60
# .env.example's SECRET_KEY: public, so good for a trial on this machine only.
EXAMPLE_SECRET_KEY = "example-only-replace-with-python3-secrets-token-urlsafe-50"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}


def log(message):
    print(f"release: {message}", flush=True)


def lock_connection():
    """A connection of our own (not Django's, which migrate may close), retried while the
    database is still starting (outside docker-compose nothing waits for it)."""
    from django.db import connection

    deadline = time.monotonic() + CONNECT_SECONDS
    while True:
        try:
            raw = connection.get_new_connection(connection.get_connection_params())
        except Exception as error:
            if time.monotonic() > deadline:
                raise SystemExit(f"release: the database does not answer: {error}") from None
            log(f"waiting for the database ({str(error).strip().splitlines()[0]})")
            time.sleep(2)
            continue
        raw.autocommit = True
        return raw


def main():
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from config.settings.base import env_bool

    refuse_example_secret_key()
    locker = lock_connection()
    try:
        log("waiting for the migration lock")
        locker.execute("SELECT pg_advisory_lock(%s)", [LOCK_KEY])
        call_command("migrate", interactive=False, verbosity=1)
        if env_bool("LOAD_DEMO"):
            load_demo_on_first_start(call_command)
    finally:
        locker.close()  # releases the lock
        connection.close()


def refuse_example_secret_key():
    from django.conf import settings

    public_hosts = set(settings.ALLOWED_HOSTS) - LOCAL_HOSTS
    if settings.SECRET_KEY == EXAMPLE_SECRET_KEY and public_hosts:
        raise SystemExit(
            "release: SECRET_KEY is still .env.example's, which anyone can read; "
            f"a site on {', '.join(sorted(public_hosts))} needs its own: "
            'python3 -c "import secrets; print(secrets.token_urlsafe(50))"'
        )


def load_demo_on_first_start(call_command):
    from news.models import ArticlePage

    if ArticlePage.objects.exists():
        # Never again over a paper in use: the import would overwrite editors' changes.
        log("LOAD_DEMO=1: the database has articles already; the demo is not loaded again")
        return
    log("LOAD_DEMO=1: loading the demo paper")
    call_command("load_demo")


if __name__ == "__main__":
    main()
