"""Production: every secret and host comes from the environment, or we refuse to start.

Runs behind a proxy that terminates TLS (docker-compose's nginx, or a load balancer) and sets
X-Forwarded-Proto and X-Forwarded-For. Optional services switch on with their variables:
REDIS_URL (shared cache), AWS_STORAGE_BUCKET_NAME (media on S3-compatible storage),
SENTRY_DSN (errors to Sentry). Every variable, with its default, is in the README.
"""

import importlib.util
import os

from .base import *  # noqa: F403
from .base import database_from_environment, env_bool, env_list


def refuse(message):
    """Stop with one line on standard error: no traceback for an operator to dig through."""
    raise SystemExit(f"운영 설정 오류: {message}")


def env_number(name, default, kind=int):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return kind(value)
    except ValueError:
        refuse(f"환경 변수 {name}의 값 {value!r}은(는) 숫자가 아닙니다.")


# Read here again, not only in base: each is required, and a list of only commas is empty.
SECRET_KEY = os.environ.get("SECRET_KEY", "").strip()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
_given = {
    "SECRET_KEY": SECRET_KEY,
    "ALLOWED_HOSTS": ALLOWED_HOSTS,
    "DATABASE_URL": os.environ.get("DATABASE_URL", "").strip(),
}
if _missing := [name for name, value in _given.items() if not value]:
    raise SystemExit(
        f"환경 변수 {', '.join(_missing)}이(가) 없습니다: 운영 설정은 이 값 없이 시작하지 않습니다."
    )

DEBUG = False  # never in production, whatever DEBUG says: use config.settings.dev to debug
DATABASES = {"default": database_from_environment()}
# After base's default of http://127.0.0.1:8000: the links in the admin's notification emails.
WAGTAILADMIN_BASE_URL = (
    os.environ.get("WAGTAILADMIN_BASE_URL")
    or next(iter(CSRF_TRUSTED_ORIGINS), "")
    or "https://" + next((h.lstrip(".") for h in ALLOWED_HOSTS if h != "*"), "localhost")
)

# HTTPS. The proxy terminates TLS and says so in X-Forwarded-Proto (it must set the header
# itself, never pass on the client's). SECURE_SSL_REDIRECT=0 is for a trial on plain
# http://localhost only: no redirect, and cookies then travel without TLS too.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = SECURE_SSL_REDIRECT
CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT
# HSTS, sent on HTTPS responses: a year, the subdomains too (a page served on http:// from a
# subdomain of the site's host would stop opening: serve them all on HTTPS first, or set
# SECURE_HSTS_INCLUDE_SUBDOMAINS=0). Preload stays the domain owner's decision: once a domain
# is on the browsers' preload list, leaving it takes months of browser releases, and it covers
# every subdomain of the registrable domain. SECURE_HSTS_PRELOAD=1 when the owner decides;
# until then Django's reminder (security.W021) is silenced on purpose.
SECURE_HSTS_SECONDS = env_number("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# Proxies in front of gunicorn that append to X-Forwarded-For: docker-compose's nginx is one.
# Add one for a load balancer or CDN in front of it.
TRUSTED_PROXY_COUNT = env_number("TRUSTED_PROXY_COUNT", 1)

# Static files: collected at build time into STATIC_ROOT with hashed names and gzip/brotli
# copies (base's CompressedManifestStaticFilesStorage); WhiteNoise serves hashed names with
# a ten-year immutable Cache-Control.

# Media (uploaded photos, documents): the media volume by default, served by the proxy under
# /media/; on S3-compatible storage (AWS S3, Naver Cloud, MinIO …) when a bucket is named.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
if AWS_STORAGE_BUCKET_NAME:
    if not (importlib.util.find_spec("storages") and importlib.util.find_spec("boto3")):
        refuse(
            "AWS_STORAGE_BUCKET_NAME이 있지만 django-storages와 boto3가 설치되어 있지 않습니다 "
            "(pip install '.[s3]')."
        )
    _endpoint = os.environ.get("AWS_S3_ENDPOINT_URL", "").strip()
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            # Unset: AWS itself, and boto3's own credential chain (an instance role …).
            "endpoint_url": _endpoint or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            # Other S3-compatible services address buckets by path (endpoint/bucket/key).
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE")
            or ("path" if _endpoint else None),
            # A CDN or the bucket's own public host name for the photos' addresses.
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", "media"),
            # Photos are public and their addresses go into cached pages: plain, unsigned
            # URLs (the bucket must allow public reads), never links that expire.
            "querystring_auth": False,
            "default_acl": os.environ.get("AWS_DEFAULT_ACL") or None,
            "file_overwrite": False,
            "object_parameters": {
                "CacheControl": os.environ.get("AWS_S3_CACHE_CONTROL", "public, max-age=604800")
            },
        },
    }
    # Documents in a private collection are checked by Wagtail on every download; a redirect
    # to the bucket would hand out an address that works for anyone, for ever.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"

# The shared cache: pages, rate limits and the view and banner counters (readership's
# counter_cache() uses the default cache once it is not local memory), one for every web
# process and the worker. Without REDIS_URL each process keeps its own (base's local memory).
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    _redis_options = {"socket_connect_timeout": 2, "socket_timeout": 2}
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "chungcheong",
            "OPTIONS": _redis_options,
        },
        "renditions": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "chungcheong-renditions",
            "TIMEOUT": 60 * 60 * 24,
            "OPTIONS": _redis_options,
        },
    }

# The view and banner counters in a Redis that never evicts (docker-compose's `counters`):
# readership's counter_cache() takes the "readership" cache when there is one.
READERSHIP_REDIS_URL = os.environ.get("READERSHIP_REDIS_URL", "").strip()
if READERSHIP_REDIS_URL:
    CACHES = {
        **CACHES,
        "readership": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": READERSHIP_REDIS_URL,
            "KEY_PREFIX": "chungcheong-counters",
            "TIMEOUT": None,
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        },
    }

# Logs: one line per event on standard output (docker logs, journald), a traceback folded
# into the same line. Request errors (django.request) and the worker (editorial.worker)
# included; the worker's own stdout handler stays off because LOGGING handles its logger.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").strip().upper() or "INFO"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"one_line": {"()": "config.log.OneLineFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "one_line",
        },
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        # Instead of Django's defaults (console only with DEBUG, mail to ADMINS).
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        "editorial": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        # Two INFO lines per background task (running, done): thousands on a first load_demo.
        "django_tasks": {"handlers": ["stdout"], "level": "WARNING", "propagate": False},
    },
}
# run_worker adds its own handler unless "editorial.worker" has one itself.
LOGGING["loggers"]["editorial.worker"] = LOGGING["loggers"]["editorial"]

# Errors to Sentry (or a Sentry-compatible service such as GlitchTip) when SENTRY_DSN is set:
# unhandled exceptions and every ERROR log line. Without the package the site refuses to start
# rather than run without the error reports the operator asked for.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "").strip()
if SENTRY_DSN:
    try:
        import sentry_sdk
        from sentry_sdk.integrations.django import DjangoIntegration
        from sentry_sdk.integrations.logging import ignore_logger
        from sentry_sdk.utils import BadDsn
    except ImportError:
        refuse("SENTRY_DSN이 있지만 sentry-sdk가 설치되어 있지 않습니다 (pip install '.[sentry]').")
    try:
        sentry_sdk.init(
            dsn=SENTRY_DSN,
            integrations=[DjangoIntegration()],
            environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
            release=os.environ.get("SENTRY_RELEASE") or None,
            traces_sample_rate=env_number("SENTRY_TRACES_SAMPLE_RATE", 0.0, float),
            # Readers' addresses, cookies and logins stay out of the reports.
            send_default_pii=False,
        )
    except BadDsn as error:
        refuse(f"SENTRY_DSN이 올바르지 않습니다 ({error}).")
    # Requests for host names not in ALLOWED_HOSTS are scanners, not our errors.
    ignore_logger("django.security.DisallowedHost")

# Reader sign-up and password reset send mail (allauth): an SMTP server, from the environment.
# Unset, Django's defaults apply: a mail server on localhost port 25 without TLS.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_number("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")  # STARTTLS, usually port 587
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")  # implicit TLS, usually port 465
EMAIL_TIMEOUT = 10
SERVER_EMAIL = DEFAULT_FROM_EMAIL  # noqa: F405
