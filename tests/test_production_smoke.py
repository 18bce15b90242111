"""Production on loopback: the processes docker-compose.yml runs, with the production settings.

No Docker engine here, so this starts what the containers would, the way they would:

- the image's files: a copy of the source made with .dockerignore, static files collected in
  it with the Dockerfile's own command and placeholders;
- web: deploy/entrypoint.sh (migrations under the advisory lock, the demo with LOAD_DEMO=1,
  then gunicorn with deploy/gunicorn.conf.py), on a scratch database of the test PostgreSQL,
  and the image's HEALTHCHECK command to wait for it;
- worker: manage.py run_worker;
- proxy: Debian's nginx with deploy/nginx.conf, its ports and paths rendered for loopback,
  in the three ways deploy/tls/ allows: behind a load balancer, TLS at the proxy, plain HTTP.

Requests go through nginx. Everything started is stopped at the end, also after a failure.
Without nginx or gunicorn the tests skip and say which is missing (under CI=true they fail).
"""

import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import psycopg
import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
VENV_BIN = Path(sys.executable).parent
HOST = "localhost"
SCRATCH_PREFIX = "smoke_chungcheong_"
START_SECONDS = 600  # a first start migrates and loads the demo, on a busy 2-core machine


# The image's files ------------------------------------------------------------------------


def dockerignore_patterns(path=BASE_DIR / ".dockerignore"):
    patterns = []
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("!"):
            raise AssertionError("exceptions (!pattern) in .dockerignore are not handled here")
        patterns.append(re.compile(_pattern_regex(line.strip("/"))))
    return patterns


def _pattern_regex(pattern):
    """Docker's rules: `*` and `?` stay within a path segment, `**` crosses segments."""
    regex, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            regex, i = regex + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            regex, i = regex + ".*", i + 2
        elif pattern[i] == "*":
            regex, i = regex + "[^/]*", i + 1
        elif pattern[i] == "?":
            regex, i = regex + "[^/]", i + 1
        else:
            regex, i = regex + re.escape(pattern[i]), i + 1
    return f"^{regex}$"


def ignored_by_docker(relative_path, patterns):
    """A path is left out when it, or a folder it is in, matches a pattern."""
    parts = relative_path.split("/")
    return any(
        pattern.match("/".join(parts[:depth]))
        for depth in range(1, len(parts) + 1)
        for pattern in patterns
    )


def copy_build_context(destination, source=BASE_DIR):
    """What `COPY . .` puts in the image: the source without what .dockerignore names."""
    patterns = dockerignore_patterns(source / ".dockerignore")
    for folder, subfolders, files in os.walk(source):
        relative = Path(folder).relative_to(source).as_posix()
        prefix = "" if relative == "." else f"{relative}/"
        subfolders[:] = [d for d in subfolders if not ignored_by_docker(prefix + d, patterns)]
        (destination / prefix).mkdir(parents=True, exist_ok=True)
        for name in files:
            if not ignored_by_docker(prefix + name, patterns):
                shutil.copy2(Path(folder) / name, destination / prefix / name)


def dockerfile_collectstatic():
    """The Dockerfile's collectstatic step: its placeholder variables and its command."""
    text = (BASE_DIR / "Dockerfile").read_text().replace("\\\n", " ")
    step = next(line for line in text.splitlines() if "collectstatic" in line)
    placeholders = dict(re.findall(r"\b(SECRET_KEY|ALLOWED_HOSTS|DATABASE_URL)=(\S+)", step))
    command = re.search(r"(python manage\.py collectstatic[^&]*)", step).group(1).split()
    return placeholders, command


# Helpers ------------------------------------------------------------------------------------


def required_binary(name, candidates, install_hint):
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    message = f"{name} not found ({install_hint})"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message}: CI must install it (.ci/run)")
    pytest.skip(message)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check, seconds, what, logs=()):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.5)
    tails = "\n".join(f"--- {log}:\n{tail(log)}" for log in logs)
    raise AssertionError(f"{what} within {seconds} s\n{tails}")


def tail(path, lines=40):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


class Response:
    def __init__(self, raw, body):
        self.status = raw.status
        self.headers = raw.headers
        self.body = body

    def header(self, name):
        return self.headers.get(name, "")

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")


def fetch(port, path, *, https=False, headers=None, method="GET", body=None, host=HOST):
    if https:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE  # the test's own self-signed certificate
        connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=60, context=context)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body=body, headers={"Host": host, **(headers or {})})
        raw = connection.getresponse()
        return Response(raw, raw.read())
    finally:
        connection.close()


# The scratch database -----------------------------------------------------------------------


def server_params():
    database = settings.DATABASES["default"]
    return {
        "host": database["HOST"] or None,
        "port": database["PORT"] or None,
        "user": database["USER"] or None,
        "password": database["PASSWORD"] or None,
    }


def admin_connection():
    params = {k: v for k, v in server_params().items() if v}
    return psycopg.connect(dbname="postgres", autocommit=True, **params)


def database_url(name):
    params = server_params()
    auth = ""
    if params["user"]:
        auth = quote(params["user"], safe="")
        auth += f":{quote(params['password'] or '', safe='')}@"
    host = params["host"] or ""
    if host.startswith("/"):
        return f"postgres://{auth}/{name}?host={quote(host, safe='/')}"
    port = f":{params['port']}" if params["port"] else ""
    return f"postgres://{auth}{host}{port}/{name}"


def drop_abandoned_scratch_databases(connection):
    """Scratch databases of runs killed before they could drop theirs."""
    rows = connection.execute(
        "SELECT datname FROM pg_database WHERE datname LIKE %s", [SCRATCH_PREFIX + "%"]
    ).fetchall()
    for (name,) in rows:
        pid = name.removeprefix(SCRATCH_PREFIX)
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# nginx, rendered for loopback ---------------------------------------------------------------


def render(text, replacements, source):
    """Our ports and paths for the container's; every placeholder must still be in the file."""
    for container_value, loopback_value in replacements.items():
        assert container_value in text, f"{source} no longer has {container_value!r}"
        text = text.replace(container_value, loopback_value)
    return text


def nginx_version(nginx):
    banner = subprocess.run([nginx, "-v"], capture_output=True, text=True).stderr
    return tuple(int(n) for n in re.search(r"nginx/(\d+)\.(\d+)\.(\d+)", banner).groups())


class Proxy:
    """One nginx: deploy/nginx.conf with a tls.d folder set up for one way of doing TLS."""

    def __init__(self, stack, name, tls_files=None, https_port=None):
        self.stack = stack
        self.folder = stack.root / f"nginx-{name}"
        self.tls_dir = self.folder / "tls.d"
        self.tls_dir.mkdir(parents=True)
        for filename, text in (tls_files or {}).items():
            (self.tls_dir / filename).write_text(text)
        self.http_port, self.health_port = free_port(), free_port()
        self.https_port = https_port
        conf = render(
            (BASE_DIR / "deploy" / "nginx.conf").read_text(),
            {
                "listen 80 default_server;": f"listen 127.0.0.1:{self.http_port} default_server;",
                "listen 127.0.0.1:8081;": f"listen 127.0.0.1:{self.health_port};",
                "http://web:8000": f"http://127.0.0.1:{stack.web_port}",
                "alias /srv/media/;": f"alias {stack.app / 'media'}/;",
                "/etc/nginx/tls.d/": f"{self.tls_dir}/",
                # Debian's nginx keeps its buffers under /var/lib/nginx: ours instead.
                "http {\n": "http {\n"
                + "".join(
                    f"    {kind}_temp_path {self.folder / kind};\n"
                    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
                ),
            },
            "deploy/nginx.conf",
        )
        self.conf = self.folder / "nginx.conf"
        self.conf.write_text(conf)
        self.log = self.folder / "nginx.log"

    def start(self):
        # The official image's command is `nginx -g "daemon off;"`; the pid file is ours.
        self.stack.spawn(
            f"nginx {self.folder.name}",
            [
                self.stack.nginx,
                "-c",
                str(self.conf),
                "-p",
                str(self.folder),
                "-g",
                f"daemon off; pid {self.folder / 'nginx.pid'};",
            ],
            self.log,
            env=self.stack.base_env,
        )

    def healthy(self):
        try:
            return fetch(self.health_port, "/health", host="127.0.0.1").status == 204
        except OSError:
            return False

    def get(self, path, **kwargs):
        return fetch(self.http_port, path, **kwargs)


# The stack ----------------------------------------------------------------------------------


class Stack:
    def __init__(self, nginx, openssl):
        self.nginx, self.openssl = nginx, openssl
        self.processes = []  # (name, Popen), stopped in reverse order
        # Readable by nginx's unprivileged workers (the media folder is inside it).
        self.root = Path(tempfile.mkdtemp(prefix="chungcheong-smoke-"))
        self.root.chmod(0o755)
        self.app = self.root / "app"
        self.database = f"{SCRATCH_PREFIX}{os.getpid()}"
        self.web_port = free_port()
        self.base_env = {
            "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
            "HOME": os.environ.get("HOME", str(self.root)),
            "LANG": "C.UTF-8",
            "TMPDIR": str(self.root),
        }
        # The web and worker containers' environment (docker-compose.yml), on loopback.
        self.app_env = {
            **self.base_env,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",  # the image's ENV
            "DATABASE_URL": database_url(self.database),
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": HOST,
            "WAGTAILADMIN_BASE_URL": f"https://{HOST}",
            "SECURE_SSL_REDIRECT": "1",
            "TRUSTED_PROXY_COUNT": "1",
        }

    def spawn(self, name, command, log, env, cwd=None):
        with open(log, "ab") as output:
            process = subprocess.Popen(
                command,
                cwd=cwd or self.app,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: stopped with its children
            )
        self.processes.append((name, process))
        return process

    def run(self, name, command, env, timeout=START_SECONDS):
        log = self.root / f"{name}.log"
        process = self.spawn(name, command, log, env)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"{name} took over {timeout} s\n{tail(log)}") from None
        return process.returncode, log.read_text(errors="replace")

    def stop(self):
        for _name, process in reversed(self.processes):
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for _name, process in reversed(self.processes):
            try:
                process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


@pytest.fixture(scope="module")
def stack():
    nginx = required_binary(
        "nginx",
        [shutil.which("nginx"), "/usr/sbin/nginx"],
        "Debian: apt-get install -y nginx",
    )
    required_binary(
        "gunicorn",
        [VENV_BIN / "gunicorn", shutil.which("gunicorn")],
        "pip install the project: make install",
    )
    openssl = required_binary(
        "openssl", [shutil.which("openssl"), "/usr/bin/openssl"], "apt-get install -y openssl"
    )
    stack = Stack(nginx, openssl)
    try:
        with admin_connection() as connection:
            drop_abandoned_scratch_databases(connection)
            connection.execute(f'CREATE DATABASE "{stack.database}"')
        start(stack)
        yield stack
    finally:
        stack.stop()
        with admin_connection() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{stack.database}" WITH (FORCE)')
        shutil.rmtree(stack.root, ignore_errors=True)


def start(stack):
    copy_build_context(stack.app)
    (stack.app / "media").mkdir()  # the image's /app/media, the media volume's mount point

    # docker build: collectstatic with the Dockerfile's placeholders. Meanwhile two web
    # replicas start on the empty database at once: one migrates and loads the demo, the
    # other waits for the lock, then finds nothing to do.
    placeholders, collectstatic = dockerfile_collectstatic()
    build_env = {**stack.base_env, "DJANGO_SETTINGS_MODULE": "config.settings.production"}
    build = stack.spawn(
        "collectstatic",
        collectstatic,
        stack.root / "collectstatic.log",
        {**build_env, **placeholders},
    )
    release_env = {**stack.app_env, "LOAD_DEMO": "1"}
    replicas = [
        stack.spawn(
            f"release-{n}",
            ["python", "deploy/release.py"],
            stack.root / f"release-{n}.log",
            release_env,
        )
        for n in (1, 2)
    ]
    for process in [build, *replicas]:
        process.wait(timeout=START_SECONDS)
    stack.release_logs = [(stack.root / f"release-{n}.log").read_text() for n in (1, 2)]
    assert build.returncode == 0, tail(stack.root / "collectstatic.log")
    for process, log in zip(replicas, stack.release_logs, strict=True):
        assert process.returncode == 0, log
    assert (stack.app / "static" / "staticfiles.json").is_file()

    # The web container's command, as it starts after a restart; the image's HEALTHCHECK.
    web_env = {
        **stack.app_env,
        "LOAD_DEMO": "1",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_CMD_ARGS": f"--bind 127.0.0.1:{stack.web_port}",
    }
    stack.web_log = stack.root / "web.log"
    stack.spawn("web", ["deploy/entrypoint.sh"], stack.web_log, web_env)

    def web_healthy():
        check = subprocess.run(
            ["python", "deploy/healthcheck.py", str(stack.web_port)],
            cwd=stack.app,
            env=stack.app_env,
            capture_output=True,
        )
        return check.returncode == 0

    wait_until(web_healthy, START_SECONDS, "web did not become healthy", [stack.web_log])

    stack.worker_log = stack.root / "worker.log"
    stack.spawn(
        "worker",
        ["python", "manage.py", "run_worker"],
        stack.worker_log,
        {**stack.app_env, "EDITORIAL_WORKER_INTERVAL": "1"},
    )

    # deploy/tls/'s examples, copied as an operator would (the certificate's paths ours).
    examples = BASE_DIR / "deploy" / "tls"
    certificate, key = self_signed_certificate(stack.openssl, stack.root)
    https_port = free_port()
    ssl_conf = render(
        (examples / "ssl.conf.example").read_text(),
        {
            "listen 443 ssl;": f"listen 127.0.0.1:{https_port} ssl;",
            "/etc/nginx/tls.d/fullchain.pem": str(certificate),
            "/etc/nginx/tls.d/privkey.pem": str(key),
        },
        "deploy/tls/ssl.conf.example",
    )
    if nginx_version(stack.nginx) < (1, 25, 1):  # Debian 12's nginx has no `http2 on;` yet
        ssl_conf = ssl_conf.replace("http2 on;\n", "")
    load_balancer_conf = (examples / "load-balancer.conf.example").read_text()
    stack.proxies = {
        "load-balancer": Proxy(stack, "load-balancer", {"load-balancer.conf": load_balancer_conf}),
        "tls": Proxy(stack, "tls", {"ssl.conf": ssl_conf}, https_port=https_port),
        "plain": Proxy(stack, "plain"),
    }
    for proxy in stack.proxies.values():
        proxy.start()
    for proxy in stack.proxies.values():
        wait_until(proxy.healthy, 30, f"nginx ({proxy.folder.name}) did not start", [proxy.log])
    stack.proxy = stack.proxies["load-balancer"]


def self_signed_certificate(openssl, folder):
    certificate, key = folder / "fullchain.pem", folder / "privkey.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", f"/CN={HOST}", "-keyout", str(key), "-out", str(certificate)],
        check=True,
        capture_output=True,
    )
    return certificate, key


def manage_shell(stack, code):
    """Python in the app's environment (manage.py shell -c), returning what it prints as JSON."""
    result = subprocess.run(
        ["python", "manage.py", "shell", "-c", code],
        cwd=stack.app,
        env=stack.app_env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


# What a reader gets (behind a load balancer that ended TLS) ---------------------------------

SECURE = {"X-Forwarded-Proto": "https"}


def secure_get(stack, path, **headers):
    return stack.proxy.get(path, headers={**SECURE, **headers})


def first_match(pattern, html, what):
    match = re.search(pattern, html)
    assert match, f"no {what} in the page"
    return match.group(1)


@pytest.fixture(scope="module")
def front_page(stack):
    response = secure_get(stack, "/")
    assert response.status == 200, response.text[:500]
    return response


def test_replicas_starting_together_migrate_one_at_a_time(stack):
    applied = [log for log in stack.release_logs if "Applying " in log]
    waited = [log for log in stack.release_logs if "No migrations to apply" in log]
    assert len(applied) == 1 and len(waited) == 1, stack.release_logs
    assert "loading the demo paper" in applied[0]
    assert "the demo is not loaded again" in waited[0]


def test_a_restarted_web_container_neither_migrates_nor_reloads_the_demo(stack):
    log = stack.web_log.read_text(errors="replace")
    assert "No migrations to apply" in log
    assert "the demo is not loaded again" in log
    assert "Booting worker" in log  # gunicorn, after the release step


def test_front_page_through_the_proxy_with_security_headers(front_page):
    assert "충청신문" in front_page.text
    assert front_page.header("Strict-Transport-Security").startswith("max-age=31536000")
    assert "includeSubDomains" in front_page.header("Strict-Transport-Security")
    policy = front_page.header("Content-Security-Policy")
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert front_page.header("X-Content-Type-Options") == "nosniff"
    assert front_page.header("Referrer-Policy") == "strict-origin-when-cross-origin"
    assert front_page.header("X-Frame-Options") == "DENY"
    assert front_page.header("Server") == "nginx"  # no version (server_tokens off)


def test_pages_are_compressed_by_the_proxy(stack):
    response = secure_get(stack, "/", **{"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.header("Content-Encoding") == "gzip"
    assert "Accept-Encoding" in response.header("Vary")


def test_article_section_and_search_pages(stack, front_page):
    article_path = first_match(r'href="(/[a-z/-]+/\d{6}/)"', front_page.text, "article link")
    article = secure_get(stack, article_path)
    assert article.status == 200
    assert 'class="article' in article.text and "입력" in article.text
    title = first_match(r"<h1[^>]*>\s*([^<]+?)\s*</h1>", article.text, "headline")

    section = secure_get(stack, "/politics/")
    assert section.status == 200 and "정치" in section.text

    search = secure_get(stack, "/search/?" + urlencode({"q": title}))
    assert search.status == 200
    assert article_path in search.text


def test_plain_http_is_redirected_to_https_once_and_https_is_served(stack):
    redirect = stack.proxy.get("/politics/")
    assert redirect.status == 301
    location = redirect.header("Location")
    assert location == f"https://{HOST}/politics/"
    # What the browser does next, arriving through the balancer over https: no second redirect.
    assert secure_get(stack, urlsplit(location).path).status == 200


def test_static_files_have_hashed_names_far_future_caching_and_compression(stack, front_page):
    stylesheet = first_match(
        r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', front_page.text, "hashed stylesheet"
    )
    response = secure_get(stack, stylesheet, **{"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.header("Content-Type").startswith("text/css")
    cache = response.header("Cache-Control")
    assert "max-age=315360000" in cache and "immutable" in cache
    assert response.header("Content-Encoding") == "gzip"


def test_photo_renditions_come_from_the_media_volume_with_long_caching(stack, front_page):
    rendition = first_match(
        r'src="(/media/images/[^"]+\.watermark\.[a-z]+)"', front_page.text, "watermarked photo"
    )
    response = secure_get(stack, rendition)
    assert response.status == 200
    assert response.header("Content-Type").startswith("image/")
    assert response.header("Cache-Control") == "public, max-age=2592000"
    assert response.header("X-Content-Type-Options") == "nosniff"
    assert response.body == (stack.app / rendition.removeprefix("/")).read_bytes()


def test_watermark_free_originals_and_documents_are_not_served(stack):
    originals = sorted((stack.app / "media" / "original_images").iterdir())
    assert originals, "the demo uploaded photos"
    name = originals[0].name
    assert secure_get(stack, f"/media/original_images/{name}").status == 403
    stem = name.rsplit(".", 1)[0]
    assert secure_get(stack, f"/media/images/{stem}.original.jpg").status == 403
    assert secure_get(stack, "/media/documents/report.pdf").status == 403


def test_the_proxy_passes_the_readers_address_and_gunicorn_logs_each_request(stack):
    secure_get(stack, "/robots.txt", **{"User-Agent": "smoke-test-agent"})
    wait_until(
        lambda: "smoke-test-agent" in stack.web_log.read_text(errors="replace"),
        10,
        "gunicorn did not log the request",
        [stack.web_log],
    )
    line = next(
        line
        for line in stack.web_log.read_text(errors="replace").splitlines()
        if "smoke-test-agent" in line
    )
    assert line.startswith("127.0.0.1 ") and '"GET /robots.txt HTTP/1.1" 200' in line


def test_the_admin_works_without_the_originals(stack):
    """An editor signs in through the proxy and opens a photo: its renditions show."""
    password = secrets.token_urlsafe(16)
    found = manage_shell(
        stack,
        "import json; from django.contrib.auth import get_user_model; "
        "from news.models import NewsImage; "
        "User = get_user_model(); "
        "user, _ = User.objects.get_or_create(username='smoke-editor'); "
        "user.is_staff = user.is_superuser = True; "
        f"user.set_password({password!r}); user.save(); "
        "print('RESULT', json.dumps({'image': NewsImage.objects.order_by('pk').first().pk}))",
    )
    cookies = SimpleCookie()

    def cookie_header():
        return "; ".join(f"{key}={morsel.value}" for key, morsel in cookies.items())

    login = secure_get(stack, "/admin/login/")
    assert login.status == 200
    for header in login.headers.get_all("Set-Cookie"):
        cookies.load(header)
    token = first_match(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text, "CSRF token")
    signed_in = stack.proxy.get(
        "/admin/login/",
        method="POST",
        body=urlencode(
            {"csrfmiddlewaretoken": token, "username": "smoke-editor", "password": password}
        ),
        headers={
            **SECURE,
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": f"https://{HOST}",
            "Referer": f"https://{HOST}/admin/login/",
            "Cookie": cookie_header(),
        },
    )
    assert signed_in.status == 302, signed_in.text[:500]
    for header in signed_in.headers.get_all("Set-Cookie"):
        cookies.load(header)
        assert "Secure" in header and "HttpOnly" in header, header

    edit = secure_get(stack, f"/admin/images/{found['image']}/", Cookie=cookie_header())
    assert edit.status == 200
    renditions = re.findall(r'src="(/media/images/[^"]+)"', edit.text)
    assert renditions, "the edit page shows the photo"
    for rendition in renditions:
        assert secure_get(stack, rendition).status == 200
    # Its file-name link points at the full-size "original" rendition, which is refused.
    original_link = first_match(
        r'href="(/media/images/[^"]+\.original\.[a-z]+)"', edit.text, "link"
    )
    assert secure_get(stack, original_link).status == 403


def test_the_worker_publishes_a_scheduled_article(stack):
    scheduled = manage_shell(
        stack,
        "import datetime, json; from django.utils import timezone; "
        "from news.models import ArticlePage; "
        "page = ArticlePage.objects.live().order_by('-pk').first(); "
        "path = page.url; page.unpublish(); "
        "page.go_live_at = timezone.now() + datetime.timedelta(seconds=15); "
        "page.save_revision().publish(); "
        "print('RESULT', json.dumps({'path': path, 'live': ArticlePage.objects.get(pk=page.pk).live}))",
    )
    assert scheduled["live"] is False
    assert secure_get(stack, scheduled["path"]).status == 404
    wait_until(
        lambda: secure_get(stack, scheduled["path"]).status == 200,
        60,
        "the worker did not publish the scheduled article",
        [stack.worker_log],
    )
    assert "pass done: published 1" in stack.worker_log.read_text(errors="replace")


# The other two ways of doing TLS ------------------------------------------------------------


def test_tls_at_the_proxy_serves_https_and_redirects_http(stack):
    tls = stack.proxies["tls"]
    page = fetch(tls.https_port, "/politics/", https=True)
    assert page.status == 200
    assert page.header("Strict-Transport-Security").startswith("max-age=31536000")
    redirect = tls.get("/politics/")
    assert redirect.status == 301
    assert redirect.header("Location") == f"https://{HOST}/politics/"
    # A client's claim to have come over https changes nothing on plain http.
    assert tls.get("/politics/", headers=SECURE).status == 301


def test_without_a_load_balancer_a_clients_https_claim_is_not_believed(stack):
    plain = stack.proxies["plain"]
    response = plain.get("/politics/", headers=SECURE)
    assert response.status == 301
    assert response.header("Location") == f"https://{HOST}/politics/"
    assert "Strict-Transport-Security" not in response.headers
