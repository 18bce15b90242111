"""The deployment files keep their promises, read as files (no Docker engine runs here).

docker-compose.yml: healthchecks, start order, volumes, no secrets, scalable web; .env.example
covers every variable and, copied to .env, gives the production settings their defaults; the
Dockerfile: two stages, the tests' Python, an unprivileged user, a healthcheck. What the
processes do when run is tests/test_production_smoke.py's part.
"""

import json
import os
import re
import runpy
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from ruamel.yaml import YAML
from test_production_smoke import dockerignore_patterns, ignored_by_docker

BASE_DIR = Path(settings.BASE_DIR)
COMPOSE = BASE_DIR / "docker-compose.yml"
ENV_EXAMPLE = BASE_DIR / ".env.example"
DEPLOY = BASE_DIR / "deploy"

# ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?message}, ${NAME?message}
VARIABLE = re.compile(r"\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}")
SECRET_NAME = re.compile(r"PASSWORD|SECRET|_KEY$|TOKEN|DSN")
# Variables the settings read that operators do not set in .env, and why.
NOT_IN_ENV_EXAMPLE = {
    "DATABASE_URL": "docker-compose.yml builds it from POSTGRES_PASSWORD",
    "REDIS_URL": "docker-compose.yml points it at the cache service",
    "READERSHIP_REDIS_URL": "docker-compose.yml points it at the counters service",
    "MEDIA_ROOT": "the image's /app/media, where the media volume is mounted",
    "STATIC_ROOT": "the image's /app/static, collected when the image is built",
    "BACKUP_DIR": "the backup service mounts ./var/backups where the default points",
    "DEBUG": "production never debugs (config.settings.production)",
}


def compose():
    return YAML(typ="safe").load(COMPOSE.read_text())


def services():
    return compose()["services"]


def env_example():
    values = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            values[name.strip()] = value.strip()
    return values


class MissingVariable(Exception):
    pass


def interpolate(value, environment):
    """docker compose's interpolation of one value, with `environment` as its .env."""

    def replace(match):
        name, op, argument = match["name"], match["op"], match["arg"]
        current = environment.get(name)
        if op in (":?", "?") and (current is None or (op == ":?" and current == "")):
            raise MissingVariable(f"{name}: {argument}")
        if op == ":-" and not current:
            return argument
        if op == "-" and current is None:
            return argument
        return current or ""

    return VARIABLE.sub(replace, str(value))


def container_environment(service, environment):
    return {
        name: interpolate(value, environment)
        for name, value in services()[service].get("environment", {}).items()
    }


def compose_variables():
    return {match["name"] for match in VARIABLE.finditer(COMPOSE.read_text())}


def variables_the_settings_read():
    reads = re.compile(
        r"(?:os\.environ\.get|os\.getenv|env_bool|env_list|env_number)\(\s*\"([A-Z0-9_]+)\""
        r"|os\.environ\[\"([A-Z0-9_]+)\"\]"
    )
    names = set()
    for path in (BASE_DIR / "config").rglob("*.py"):
        for match in reads.finditer(path.read_text()):
            names.add(match[1] or match[2])
    # Built from a prefix (config/settings/base.py): the reader logins' keys.
    names |= {f"{p}_{s}" for p in ("KAKAO", "NAVER") for s in ("CLIENT_ID", "SECRET")}
    return names


# docker-compose.yml --------------------------------------------------------------------------


def test_docker_compose_file_follows_the_compose_spec():
    checker = shutil.which("check-jsonschema") or str(
        Path(sys.executable).parent / "check-jsonschema"
    )
    result = subprocess.run(
        [checker, "--builtin-schema", "vendor.compose-spec", "docker-compose.yml"],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_runs_database_cache_web_worker_and_proxy():
    started_by_up = {name for name, service in services().items() if not service.get("profiles")}
    assert started_by_up == {"db", "cache", "counters", "web", "worker", "proxy"}
    assert services()["db"]["image"] == "postgres:16"
    assert services()["cache"]["image"].startswith("redis:")
    # The counters' Redis never evicts: a counter dropped would be views lost for good.
    assert services()["counters"]["image"].startswith("redis:")
    command = services()["counters"]["command"]
    assert command[command.index("--maxmemory-policy") + 1] == "noeviction"
    assert services()["proxy"]["image"].startswith("nginx:")
    # One image for web and worker, built from the Dockerfile.
    assert services()["web"]["build"] == services()["worker"]["build"] == "."
    assert services()["web"]["image"] == services()["worker"]["image"]


def test_backups_are_a_one_off_of_the_same_image():
    backup = services()["backup"]
    assert backup["profiles"] == ["tools"] and backup["restart"] == "no"
    assert backup["image"] == services()["web"]["image"]
    assert backup["command"] == ["python", "manage.py", "backup_site"]
    web_only = {"LOAD_DEMO", "WEB_CONCURRENCY"}
    assert set(backup["environment"]) == set(services()["web"]["environment"]) - web_only
    assert backup["volumes"] == ["media:/app/media", "./var/backups:/app/var/backups"]
    # The image's CMD migrates, its ENTRYPOINT must not: a restore needs an empty database.
    assert "ENTRYPOINT" not in (BASE_DIR / "Dockerfile").read_text()


@pytest.mark.parametrize("service", ["db", "cache", "web", "proxy"])
def test_long_running_services_have_healthchecks(service):
    healthcheck = services()[service]["healthcheck"]
    assert healthcheck["test"][0] in {"CMD", "CMD-SHELL"}
    assert not healthcheck.get("disable")


def test_web_healthcheck_is_the_images_and_allows_for_a_first_start():
    healthcheck = services()["web"]["healthcheck"]
    assert healthcheck["test"] == ["CMD", "python", "deploy/healthcheck.py"]
    assert "deploy/healthcheck.py" in (BASE_DIR / "Dockerfile").read_text()
    assert int(healthcheck["start_period"].removesuffix("s")) >= 120  # migrate + demo
    # The worker runs no web server: the image's check would call it unhealthy for ever.
    assert services()["worker"]["healthcheck"] == {"disable": True}


def test_services_start_in_order_once_what_they_need_is_healthy():
    def conditions(service):
        return {name: dep["condition"] for name, dep in services()[service]["depends_on"].items()}

    assert conditions("web") == {
        "db": "service_healthy",
        "cache": "service_healthy",
        "counters": "service_healthy",
    }
    # After web is healthy, the migrations it ran at start are in place.
    assert conditions("worker") == {
        "db": "service_healthy",
        "cache": "service_healthy",
        "counters": "service_healthy",
        "web": "service_healthy",
    }
    assert conditions("proxy") == {"web": "service_healthy"}


def test_state_lives_in_named_volumes():
    assert set(compose()["volumes"]) == {"pgdata", "media"}
    assert "pgdata:/var/lib/postgresql/data" in services()["db"]["volumes"]
    assert services()["web"]["volumes"] == ["media:/app/media"]
    assert services()["worker"]["volumes"] == ["media:/app/media"]  # publishing makes renditions
    assert "media:/srv/media:ro" in services()["proxy"]["volumes"]
    assert "./deploy/nginx.conf:/etc/nginx/nginx.conf:ro" in services()["proxy"]["volumes"]


def test_web_can_be_scaled_out():
    """`docker compose up --scale web=3`: no fixed name, no host port, nothing of its own."""
    for name, service in services().items():
        assert "container_name" not in service, name
    assert "ports" not in services()["web"]
    assert "ports" not in services()["worker"]
    assert "ports" not in services()["db"] and "ports" not in services()["cache"]
    # Published by the proxy only.
    assert services()["proxy"]["ports"] == ["${HTTP_PORT:-80}:80", "${HTTPS_PORT:-443}:443"]


def test_web_and_worker_reach_the_cache_through_redis_url():
    for service in ("web", "worker"):
        environment = services()[service]["environment"]
        assert environment["REDIS_URL"] == "redis://cache:6379/0"
        assert environment["READERSHIP_REDIS_URL"] == "redis://counters:6379/0"
        assert "@db:5432/" in environment["DATABASE_URL"]


def test_no_secret_is_written_in_the_compose_file():
    for name, service in services().items():
        for key, value in service.get("environment", {}).items():
            value = str(value)
            if SECRET_NAME.search(key):
                match = VARIABLE.fullmatch(value)
                assert match, f"{name}.{key} must come from .env"
                # No default: a missing secret is empty (off) or refused (:?), never a literal.
                assert match["op"] in (None, ":?", "?") or match["arg"] == "", f"{name}.{key}"
            for password in re.findall(r"://[^:/@]+:([^@]+)@", value):
                assert VARIABLE.fullmatch(password), f"{name}.{key} has a password in it"
                assert VARIABLE.fullmatch(password)["op"] == ":?", f"{name}.{key}"


# .env.example --------------------------------------------------------------------------------


def test_env_example_lists_every_variable_the_compose_file_uses_and_no_other():
    assert compose_variables() == set(env_example())


def test_env_example_comments_every_variable():
    """Every variable is under a comment (its own, or its group's)."""
    block_has_comment = False
    for line in ENV_EXAMPLE.read_text().splitlines():
        if not line.strip():
            block_has_comment = False
        elif line.startswith("#"):
            block_has_comment = True
        else:
            assert block_has_comment, f"{line.partition('=')[0]} has no comment above it"


def test_every_variable_the_settings_read_reaches_web_and_worker():
    example = set(env_example())
    for name in variables_the_settings_read() - set(NOT_IN_ENV_EXAMPLE):
        assert name in example, f"{name} (read by config/) is missing from .env.example"
        for service in ("web", "worker"):
            if name == "EDITORIAL_WORKER_INTERVAL" and service == "web":
                continue  # only the worker runs passes
            assert name in services()[service]["environment"], f"{service} does not get {name}"


def test_compose_with_env_example_has_every_required_value():
    """`cp .env.example .env && docker compose up` never stops at a ${VAR:?…}."""
    example = env_example()
    for service in services():
        container_environment(service, example)  # raises MissingVariable
    with pytest.raises(MissingVariable, match="SECRET_KEY"):
        container_environment("web", {**example, "SECRET_KEY": ""})


def load_production_settings(environment):
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "names = ['DEBUG', 'DEFAULT_FROM_EMAIL', 'SERVER_EMAIL', 'EMAIL_HOST', 'EMAIL_PORT', "
        "'EMAIL_HOST_USER', 'EMAIL_USE_TLS', 'EMAIL_USE_SSL', 'SECURE_HSTS_SECONDS', "
        "'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_HSTS_PRELOAD', 'TRUSTED_PROXY_COUNT', "
        "'RECYCLE_BIN_DAYS', 'EDITORIAL_WORKER_INTERVAL', 'SOCIALACCOUNT_PROVIDERS', "
        "'KAKAO_JAVASCRIPT_KEY', 'CONTENT_SECURITY_POLICY', 'LOG_LEVEL', 'SENTRY_DSN', "
        "'STORAGES', 'CACHES', 'SECURE_SSL_REDIRECT', 'WAGTAILADMIN_BASE_URL', 'ALLOWED_HOSTS'];"
        "print('RESULT', json.dumps({n: getattr(s, n, None) for n in names}, default=str))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env={
            "PATH": os.environ.get("PATH", ""),
            "HOME": os.environ.get("HOME", "/tmp"),
            "DJANGO_SETTINGS_MODULE": "config.settings.production",  # the image's ENV
            **environment,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


@pytest.mark.parametrize("service", ["web", "worker"])
def test_env_example_gives_the_production_settings_their_own_defaults(service):
    """An empty value in .env reaches the container as "", not as unset: each one must still
    leave the setting at its default (a From address, HSTS on subdomains …)."""
    example = env_example()
    container = container_environment(service, example)
    assert "DJANGO_SETTINGS_MODULE" not in container  # the image's production settings
    required = {name: container[name] for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL")}
    with_example = load_production_settings(container)
    with_nothing_else = load_production_settings(required)
    # What the example sets on purpose: a trial on http://localhost, and the shared cache.
    on_purpose = {"SECURE_SSL_REDIRECT", "WAGTAILADMIN_BASE_URL", "CACHES"}
    for name, value in with_nothing_else.items():
        if name not in on_purpose:
            assert with_example[name] == value, name
    assert with_example["SECURE_SSL_REDIRECT"] is False  # example: SECURE_SSL_REDIRECT=0
    assert with_example["CACHES"]["default"]["LOCATION"] == "redis://cache:6379/0"
    assert with_example["DEBUG"] is False


def test_example_secret_key_is_refused_for_a_public_host():
    release = runpy.run_path(str(DEPLOY / "release.py"), run_name="release")
    assert env_example()["SECRET_KEY"] == release["EXAMPLE_SECRET_KEY"]
    result = subprocess.run(
        [sys.executable, "deploy/release.py"],
        cwd=BASE_DIR,
        env={
            "PATH": os.environ.get("PATH", ""),
            "SECRET_KEY": release["EXAMPLE_SECRET_KEY"],
            "ALLOWED_HOSTS": "news.example.com",
            "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is still .env.example's" in result.stderr
    assert "news.example.com" in result.stderr


# Dockerfile ---------------------------------------------------------------------------------


def dockerfile_stages():
    text = (BASE_DIR / "Dockerfile").read_text().replace("\\\n", " ")
    arguments = dict(re.findall(r"^ARG (\w+)=(\S+)", text, re.MULTILINE))
    stages = re.split(r"^FROM ", text, flags=re.MULTILINE)[1:]
    resolved = []
    for stage in stages:
        image = VARIABLE.sub(lambda m: arguments[m["name"]], stage.split()[0])
        resolved.append((image, stage))
    return resolved


def test_dockerfile_builds_in_one_stage_and_runs_from_a_slim_one():
    stages = dockerfile_stages()
    assert len(stages) == 2
    (builder_image, builder), (final_image, final) = stages
    assert " AS builder" in builder.splitlines()[0]
    assert "build-essential" in builder  # compilers stay in the builder
    assert "COPY --from=builder /opt/venv /opt/venv" in final
    assert "apt-get" not in final and "pip install" not in final
    assert final_image == builder_image


def test_image_runs_the_tests_python_minor_version():
    (_image, _stage), (final_image, _final) = dockerfile_stages()
    assert final_image == f"python:{sys.version_info.major}.{sys.version_info.minor}-slim"


def test_image_installs_without_pip_caches_and_collects_static_files():
    builder = dockerfile_stages()[0][1]
    final = dockerfile_stages()[1][1]
    assert "PIP_NO_CACHE_DIR=1" in builder and "--no-cache-dir" in builder
    assert "python manage.py collectstatic --noinput" in final
    assert "DJANGO_SETTINGS_MODULE=config.settings.production" in final


def test_image_runs_as_an_unprivileged_user_with_a_healthcheck():
    final = dockerfile_stages()[1][1]
    users = re.findall(r"^USER (\S+)", final, re.MULTILINE)
    assert users and users[-1] not in {"root", "0", "0:0"}
    assert re.search(r"^HEALTHCHECK .*CMD \[\"python\", \"deploy/healthcheck.py\"\]", final, re.M)
    assert 'CMD ["deploy/entrypoint.sh"]' in final


def test_image_requirements_come_from_pyproject():
    requirements = runpy.run_path(str(DEPLOY / "requirements.py"))["requirements"]
    names = {re.split(r"[\[<>=!~; ]", line)[0].lower() for line in requirements(["s3", "sentry"])}
    assert {"wagtail", "django", "gunicorn", "psycopg", "django-storages", "sentry-sdk"} <= names
    assert not names & {"pytest", "ruff", "playwright"}  # dev tools stay out
    assert '"$EXTRAS"' in dockerfile_stages()[0][1]
    with pytest.raises(SystemExit, match="no optional dependencies named"):
        requirements(["nonexistent"])


def test_dockerignore_keeps_secrets_and_local_state_out_and_the_app_in():
    patterns = dockerignore_patterns()
    for path in [".env", ".env.production", ".git/config", ".venv/bin/python", "var/postgres",
                 "media/original_images/a.jpg", "static/staticfiles.json",
                 "deploy/tls/privkey.pem", "news/__pycache__/models.cpython-311.pyc",
                 "tests/conftest.py"]:  # fmt: skip
        assert ignored_by_docker(path, patterns), path
    for path in ["manage.py", "pyproject.toml", "config/settings/production.py",
                 "config/wsgi.py", "deploy/entrypoint.sh", "deploy/gunicorn.conf.py",
                 "deploy/release.py", "deploy/healthcheck.py", "deploy/requirements.py",
                 "templates/base.html", "static_src/css/site.css", "locale/ko/LC_MESSAGES/django.po",
                 "home/demo/articles.jsonl", "news/models.py"]:  # fmt: skip
        assert (BASE_DIR / path).exists(), path
        assert not ignored_by_docker(path, patterns), path


# deploy/ ------------------------------------------------------------------------------------


def test_entrypoint_migrates_then_hands_over_to_gunicorn():
    entrypoint = DEPLOY / "entrypoint.sh"
    assert entrypoint.stat().st_mode & stat.S_IXUSR
    lines = [line for line in entrypoint.read_text().splitlines() if not line.startswith("#")]
    assert "set -eu" in lines
    assert lines.index("python deploy/release.py") < lines.index(
        'exec gunicorn --config deploy/gunicorn.conf.py "$@"'
    )


def gunicorn_settings(monkeypatch, **environment):
    for name in ("WEB_CONCURRENCY", "FORWARDED_ALLOW_IPS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))


def test_gunicorn_workers_follow_the_cpu_count_unless_set(monkeypatch):
    cpus = len(os.sched_getaffinity(0))
    assert gunicorn_settings(monkeypatch)["workers"] == cpus * 2 + 1
    assert gunicorn_settings(monkeypatch, WEB_CONCURRENCY="0")["workers"] == cpus * 2 + 1
    assert gunicorn_settings(monkeypatch, WEB_CONCURRENCY="3")["workers"] == 3


def test_gunicorn_recycles_workers_logs_to_stdout_and_trusts_the_proxy(monkeypatch):
    conf = gunicorn_settings(monkeypatch)
    assert conf["wsgi_app"] == "config.wsgi:application"
    assert conf["bind"] == "0.0.0.0:8000"
    assert conf["max_requests"] > 0 and 0 < conf["max_requests_jitter"] < conf["max_requests"]
    assert conf["timeout"] > 0 and conf["graceful_timeout"] > 0
    assert conf["accesslog"] == "-" and conf["errorlog"] == "-"
    assert conf["preload_app"] is True
    assert conf["forwarded_allow_ips"] == "*"  # only the proxy can reach web
    # The proxy waits longer than gunicorn does, so gunicorn's timeout is the one logged.
    nginx = (DEPLOY / "nginx.conf").read_text()
    assert int(re.search(r"proxy_read_timeout (\d+)s;", nginx)[1]) > conf["timeout"]


def test_healthcheck_names_an_allowed_host(monkeypatch):
    healthcheck = runpy.run_path(str(DEPLOY / "healthcheck.py"), run_name="healthcheck")
    monkeypatch.setenv("ALLOWED_HOSTS", ".example.com, www.example.com")
    assert healthcheck["request_host"]() == "example.com"
    monkeypatch.setenv("ALLOWED_HOSTS", "*")
    assert healthcheck["request_host"]() == "localhost"
    assert healthcheck["main"](port=1).startswith("unhealthy:")  # nothing listens there


def test_proxy_accepts_uploads_as_large_as_the_admin_does():
    nginx = (DEPLOY / "nginx.conf").read_text()
    megabytes = int(re.search(r"client_max_body_size (\d+)m;", nginx)[1])
    assert megabytes * 1024 * 1024 > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE


def test_proxy_sets_the_forwarded_headers_django_trusts():
    nginx = (DEPLOY / "nginx.conf").read_text()
    assert "proxy_set_header X-Forwarded-Proto $forwarded_proto;" in nginx
    assert "set $forwarded_proto $scheme;" in nginx  # never a client's claim by default
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in nginx
    assert "proxy_set_header Host $http_host;" in nginx
    assert "location ^~ /media/original_images/ {\n            return 403;" in nginx
