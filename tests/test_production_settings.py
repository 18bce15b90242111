"""config.settings.production as a server starts it: refuses to start without its environment,
passes `check --deploy`, and switches Redis, S3 media, one-line logs and Sentry on from their
variables. Each case runs in a fresh process, the way gunicorn or manage.py would."""

import os
import shutil
import socket
import subprocess
import sys
import time
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client, override_settings

SANE_ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "t9Xq-2vLm8Rk4Pz7Wc1Nb5Yh3Js6Df0Gu8Ea2Ko5Ti9Ml4Vr7Qw1Xs3Bn6",
    "ALLOWED_HOSTS": "www.dailycc.net,dailycc.net",
    "CSRF_TRUSTED_ORIGINS": "https://www.dailycc.net,https://dailycc.net",
    "DATABASE_URL": "postgres://chungcheong:secret@db:5432/chungcheong",
}
# Cleared so neither the machine's environment nor the test run's own leaks in (the browser
# tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process, which check --deploy rightly refuses).
OPTIONAL = [
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "REDIS_URL",
    "READERSHIP_REDIS_URL",
    "SENTRY_DSN",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_CUSTOM_DOMAIN",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_PRELOAD",
    "STATIC_ROOT",
    "LOG_LEVEL",
]


def run(args, *, code=None, **env):
    """`python manage.py ARGS` (or `python -c CODE`) under the production settings."""
    environment = {k: v for k, v in os.environ.items() if k not in OPTIONAL}
    environment.update(SANE_ENVIRONMENT)
    for name, value in env.items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    command = [sys.executable, "-c", code] if code else [sys.executable, "manage.py", *args]
    return subprocess.run(
        command,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
    )


def settings_code(*lines):
    return "import django; django.setup()\nfrom django.conf import settings\n" + "\n".join(lines)


def one_line(stderr):
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


# Refusing to start


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_manage_py_refuses_to_start_without_each_required_variable(missing):
    result = run(["check"], **{missing: None})
    assert result.returncode != 0
    assert one_line(result.stderr) == (
        f"환경 변수 {missing}이(가) 없습니다: 운영 설정은 이 값 없이 시작하지 않습니다."
    )


def test_empty_values_count_as_missing_and_all_are_named_at_once():
    result = run(["check"], SECRET_KEY="  ", ALLOWED_HOSTS=" , ", DATABASE_URL="")
    assert result.returncode != 0
    assert one_line(result.stderr).startswith(
        "환경 변수 SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL이(가) 없습니다"
    )


def test_a_number_that_is_not_one_is_named_in_one_line():
    result = run(["check"], SECURE_HSTS_SECONDS="a year")
    assert result.returncode != 0
    assert "SECURE_HSTS_SECONDS" in one_line(result.stderr)


def test_the_wsgi_application_refuses_too():
    result = run([], code="import config.wsgi", SECRET_KEY=None)
    assert result.returncode != 0
    assert "SECRET_KEY" in one_line(result.stderr)


# check --deploy


def test_check_deploy_reports_nothing_with_a_sane_environment():
    result = run(["check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_stays_clean_when_the_owner_chooses_hsts_preload():
    result = run(["check", "--deploy", "--fail-level", "WARNING"], SECURE_HSTS_PRELOAD="1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(0 silenced)" in result.stdout


def test_a_plain_http_trial_is_possible_and_check_deploy_says_what_it_lacks():
    result = run(["check", "--deploy"], SECURE_SSL_REDIRECT="0")
    assert result.returncode == 0
    for warning in ("security.W008", "security.W012", "security.W016"):
        assert warning in result.stderr


def test_https_settings_trust_the_proxy_and_come_from_the_environment():
    result = run(
        [],
        code=settings_code(
            "print(settings.SECURE_PROXY_SSL_HEADER, settings.SECURE_SSL_REDIRECT,"
            " settings.SECURE_HSTS_SECONDS, settings.SECURE_HSTS_INCLUDE_SUBDOMAINS,"
            " settings.SECURE_HSTS_PRELOAD, settings.SESSION_COOKIE_SECURE,"
            " settings.CSRF_COOKIE_SECURE, settings.CSRF_COOKIE_HTTPONLY, settings.DEBUG)",
            "print(settings.CSRF_TRUSTED_ORIGINS, settings.ALLOWED_HOSTS)",
            "print(settings.TRUSTED_PROXY_COUNT, settings.WAGTAILADMIN_BASE_URL)",
        ),
        DEBUG="1",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "('HTTP_X_FORWARDED_PROTO', 'https') True 31536000 True False True True True False",
        "['https://www.dailycc.net', 'https://dailycc.net'] ['www.dailycc.net', 'dailycc.net']",
        "1 https://www.dailycc.net",
    ]


# Static files


@pytest.fixture(scope="module")
def collected_static(tmp_path_factory):
    """collectstatic exactly as the image build runs it, into a folder of our own."""
    root = tmp_path_factory.mktemp("static")
    result = run(["collectstatic", "--noinput"], STATIC_ROOT=str(root))
    assert result.returncode == 0, result.stderr
    return root


def test_static_files_get_hashed_names_and_compressed_copies(collected_static):
    css = collected_static / "css"
    hashed = [path.name for path in css.glob("site.*.css")]
    assert len(hashed) == 1
    assert (css / f"{hashed[0]}.gz").exists()
    assert (css / f"{hashed[0]}.br").exists()


@pytest.mark.django_db
def test_whitenoise_serves_hashed_static_files_cached_for_ten_years(
    collected_static, home, masthead
):
    manifest = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=collected_static, STORAGES=manifest):
        client = Client()  # a new handler: WhiteNoise indexes STATIC_ROOT when it starts
        html = client.get("/").content.decode()
        stylesheet = html.split('<link rel="stylesheet" href="', 1)[1].split('"', 1)[0]
        assert stylesheet.startswith("/static/css/site.") and stylesheet.count(".") == 2
        response = client.get(stylesheet, headers={"accept-encoding": "br, gzip"})
        assert response.status_code == 200
        assert response["Cache-Control"] == "max-age=315360000, public, immutable"
        assert response["Content-Encoding"] == "br"
        assert "Content-Security-Policy" not in response  # static files skip the page middleware


# Redis


@pytest.fixture
def redis_url(tmp_path):
    server = shutil.which("redis-server")
    if server is None:
        if os.environ.get("CI"):
            pytest.fail(
                "CI에 redis-server가 없습니다: .ci/run이 apt-get install redis-server를 해야 합니다."
            )
        pytest.skip("redis-server not found (apt-get install redis-server): Redis test skipped")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_without_redis_url_each_process_keeps_its_local_memory_cache():
    result = run(
        [],
        code=settings_code("print(settings.CACHES['default']['BACKEND'])"),
    )
    assert result.stdout.strip() == "django.core.cache.backends.locmem.LocMemCache"


def test_redis_url_gives_every_process_one_cache_and_the_counters_with_it(redis_url):
    count = settings_code(
        "from django.core.cache import caches",
        "from readership.counter import CacheCounter, counter_cache",
        "assert counter_cache() is caches['default']",
        "print(type(caches['default']).__name__, type(caches['renditions']).__name__)",
        "for _ in range(3): CacheCounter('views').add('article-1')",
    )
    first = run([], code=count, REDIS_URL=redis_url)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "RedisCache RedisCache"
    run([], code=count, REDIS_URL=redis_url)  # another web process, or the worker

    read = settings_code(
        "from readership.counter import CacheCounter",
        "print(CacheCounter('views').pending())",
    )
    result = run([], code=read, REDIS_URL=redis_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "{'article-1': 6}"


def test_the_counters_get_a_redis_of_their_own_that_never_evicts(redis_url):
    code = settings_code(
        "from django.core.cache import caches",
        "from readership.counter import counter_cache",
        "assert counter_cache() is caches['readership']",
        "print(type(caches['readership']).__name__, settings.CACHES['readership']['LOCATION'])",
    )
    result = run([], code=code, REDIS_URL=redis_url, READERSHIP_REDIS_URL=redis_url + "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"RedisCache {redis_url}1"


# Media on S3-compatible storage


def test_a_bucket_switches_media_to_s3_with_plain_public_addresses():
    code = settings_code(
        "from django.core.files.storage import default_storage",
        "from config.csp import media_origin",
        "print(settings.STORAGES['default']['BACKEND'])",
        "print(type(default_storage._wrapped if hasattr(default_storage, '_wrapped') else"
        " default_storage).__name__)",
        "print(default_storage.url('original_images/photo.jpg'))",
        "print(media_origin(), settings.WAGTAILDOCS_SERVE_METHOD)",
    )
    result = run(
        [],
        code=code,
        AWS_STORAGE_BUCKET_NAME="dailycc-media",
        AWS_S3_ENDPOINT_URL="https://kr.object.ncloudstorage.com",
        AWS_ACCESS_KEY_ID="key",
        AWS_SECRET_ACCESS_KEY="secret",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "storages.backends.s3.S3Storage"
    assert lines[2] == (
        "https://kr.object.ncloudstorage.com/dailycc-media/media/original_images/photo.jpg"
    )
    assert lines[3] == "https://kr.object.ncloudstorage.com serve_view"


def test_a_cdn_domain_for_the_bucket_is_what_pages_and_the_policy_use():
    code = settings_code(
        "from django.core.files.storage import default_storage",
        "from config.csp import media_origin",
        "print(default_storage.url('images/photo.fill-800x450.jpg'), media_origin())",
    )
    result = run(
        [],
        code=code,
        AWS_STORAGE_BUCKET_NAME="dailycc-media",
        AWS_S3_CUSTOM_DOMAIN="media.dailycc.net",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "https://media.dailycc.net/media/images/photo.fill-800x450.jpg",
        "https://media.dailycc.net",
    ]


def test_without_a_bucket_media_stays_on_the_media_volume():
    result = run([], code=settings_code("print(settings.STORAGES['default']['BACKEND'])"))
    assert result.stdout.strip() == "django.core.files.storage.FileSystemStorage"


def test_a_bucket_without_django_storages_installed_is_refused_in_one_line():
    code = (
        "import sys; sys.modules['storages'] = None\n"
        "sys.argv = ['manage.py', 'check']\n"
        "import runpy; runpy.run_path('manage.py', run_name='__main__')"
    )
    result = run([], code=code, AWS_STORAGE_BUCKET_NAME="dailycc-media")
    assert result.returncode != 0
    assert "pip install '.[s3]'" in one_line(result.stderr)


# Logs


def test_logs_are_one_line_per_event_on_stdout_tracebacks_included():
    code = settings_code(
        "import logging",
        "logging.getLogger('editorial.worker').info('pass: 2 published\\n1 expired')",
        "logging.getLogger('news').warning('plain app warning')",
        "try:",
        "    raise ValueError('broken\\nrendition')",
        "except ValueError:",
        "    logging.getLogger('django.request').exception('Internal Server Error: /region/')",
    )
    result = run([], code=code)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3, result.stdout
    assert lines[0].endswith(" INFO editorial.worker pass: 2 published\\n1 expired")
    assert " WARNING news plain app warning" in lines[1]
    assert " ERROR django.request Internal Server Error: /region/\\n| Traceback" in lines[2]
    assert lines[2].endswith("ValueError: broken\\nrendition")


@pytest.mark.django_db
def test_the_worker_logs_each_pass_once_through_logging(settings):
    """run_worker adds its own stdout handler only when LOGGING has none for its logger."""
    db = connection.settings_dict
    url = (
        f"postgres://{quote(db['USER'])}:{quote(db['PASSWORD'] or '')}@/{db['NAME']}"
        f"?host={quote(db['HOST'], safe='')}&port={db['PORT'] or 5432}"
        if db["HOST"].startswith("/")
        else f"postgres://{quote(db['USER'])}:{quote(db['PASSWORD'] or '')}@{db['HOST']}"
        f":{db['PORT'] or 5432}/{db['NAME']}"
    )
    result = run(["run_worker", "--once"], DATABASE_URL=url)
    assert result.returncode == 0, result.stderr
    passes = [line for line in result.stdout.splitlines() if " editorial.worker " in line]
    assert len(passes) == 1, result.stdout
    assert passes[0].split(" ", 2)[1] == "INFO"


# Sentry


def test_sentry_dsn_reports_errors_through_sentry_without_personal_data():
    code = settings_code(
        "import logging, sentry_sdk",
        "from django.core.signals import got_request_exception",
        "client = sentry_sdk.get_client()",
        "sent = []",
        "client.transport.capture_envelope = sent.append",
        "print(client.is_active(), client.options['send_default_pii'],"
        " client.options['environment'])",
        # What Django does with an exception no view handled.
        "try:",
        "    raise ValueError('broken rendition')",
        "except ValueError:",
        "    got_request_exception.send(sender=None, request=None)",
        "logging.getLogger('editorial.worker').error('scheduled publishing failed')",
        "logging.getLogger('django.security.DisallowedHost').error('Invalid HTTP_HOST')",
        "client.flush()",
        "events = [item.payload.json for envelope in sent for item in envelope.items"
        " if item.type == 'event']",
        "for event in events:",
        "    print('event:', event.get('logentry', {}).get('message')"
        " or event['exception']['values'][0]['value'])",
    )
    result = run([], code=code, SENTRY_DSN="https://public@sentry.example/1")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "True False production"
    reported = [line for line in lines if line.startswith("event: ")]
    assert reported == ["event: broken rendition", "event: scheduled publishing failed"]


def test_sentry_dsn_without_the_package_is_refused_in_one_line():
    code = (
        "import sys; sys.modules['sentry_sdk'] = None\n"
        "sys.argv = ['manage.py', 'check']\n"
        "import runpy; runpy.run_path('manage.py', run_name='__main__')"
    )
    result = run([], code=code, SENTRY_DSN="https://public@sentry.example/1")
    assert result.returncode != 0
    assert "pip install '.[sentry]'" in one_line(result.stderr)


def test_a_malformed_sentry_dsn_is_refused_in_one_line():
    result = run(["check"], SENTRY_DSN="sentry.example/1")
    assert result.returncode != 0
    assert "SENTRY_DSN" in one_line(result.stderr)


# The Content Security Policy's own variables


def test_another_embed_provider_or_image_host_is_allowed_from_the_environment():
    code = settings_code(
        "policy = settings.CONTENT_SECURITY_POLICY['DIRECTIVES']",
        "print(policy['frame-src'][-1], policy['img-src'], policy['script-src'])",
    )
    result = run(
        [],
        code=code,
        CSP_EXTRA_FRAME_SRC="https://tv.naver.com",
        CSP_EXTRA_IMG_SRC="https://ads.example.kr",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "https://tv.naver.com [\"'self'\", 'https://ads.example.kr'] [\"'self'\"]"
    )


def test_blocked_content_is_reported_where_the_environment_says():
    code = settings_code(
        "from django.test import RequestFactory",
        "from config.csp import policy_for",
        "print(policy_for(RequestFactory().get('/'))['report-uri'])",
        "print('report-uri' in policy_for(RequestFactory().get('/admin/')))",
    )
    report = "https://sentry.example/api/1/security/?sentry_key=public"
    result = run([], code=code, CSP_REPORT_URI=report)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"['{report}']", "True"]
