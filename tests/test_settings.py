"""Settings: a real PostgreSQL everywhere, the embedded server shared safely, production strict."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

from config import embedded_postgres

EMBEDDED = not os.environ.get("DATABASE_URL")


def run_python(code, **env):
    environment = {k: v for k, v in os.environ.items() if k not in env}
    environment.update({k: v for k, v in env.items() if v is not None})
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )


def test_tests_run_on_postgresql(db):
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        assert int(cursor.fetchone()[0].split(".")[0]) >= 15


def test_whitenoise_runs_right_after_security_middleware():
    assert settings.MIDDLEWARE[:2] == [
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ]


@pytest.mark.skipif(not EMBEDDED, reason="DATABASE_URL is set, so the embedded server is not used")
def test_a_second_process_shares_the_embedded_server(db):
    """`make run` beside a test run: the second process joins the same server and leaves it up."""
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings.dev'; "
        "django.setup(); from django.db import connection; "
        "cursor = connection.cursor(); cursor.execute('SELECT 1'); print('joined', cursor.fetchone()[0])"
    )
    result = run_python(code, DATABASE_URL=None)
    assert result.returncode == 0, result.stderr
    assert "joined 1" in result.stdout
    with connection.cursor() as cursor:  # our own server is still there afterwards
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


def test_embedded_server_failure_says_why_and_how_to_use_database_url(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    monkeypatch.setattr(embedded_postgres, "DATA_DIR", blocker / "postgres")
    monkeypatch.setattr(embedded_postgres, "_database_url", None)
    with pytest.raises(embedded_postgres.EmbeddedDatabaseError) as error:
        embedded_postgres.database_url()
    message = str(error.value)
    assert "\n" not in message
    assert "DATABASE_URL=" in message


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without_its_environment(missing):
    env = {
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "www.dailycc.net",
        "DATABASE_URL": "postgres://news:secret@db:5432/news",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
    }
    env[missing] = None
    result = run_python("import django; django.setup()", **env)
    assert result.returncode != 0
    assert f"환경 변수 {missing}이(가) 없습니다" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_admins_dotted_dates_are_read_back():
    """The pickers write WAGTAIL_DATE(TIME)_FORMAT (2022.04.07 16:33); forms must accept it."""
    import datetime

    from django import forms
    from django.conf import settings
    from django.utils import translation

    with translation.override("ko"):
        date = forms.DateField().clean(
            datetime.date(2022, 4, 7).strftime(settings.WAGTAIL_DATE_FORMAT)
        )
        when = forms.DateTimeField().clean(
            datetime.datetime(2022, 4, 7, 16, 33).strftime(settings.WAGTAIL_DATETIME_FORMAT)
        )
    assert date == datetime.date(2022, 4, 7)
    assert (when.year, when.month, when.day, when.hour, when.minute) == (2022, 4, 7, 16, 33)


def test_the_admin_fetches_no_avatar_from_another_host(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "gravatar" not in html
