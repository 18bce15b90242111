"""Settings true in every environment; dev, test and production only differ."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "news",
    "search",
    "comments",
    "accounts",
    "readership",
    "ads",
    "contact",
    "editorial",
    "photos",
    "recycle_bin",
    "backups",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.kakao",
    "allauth.socialaccount.providers.naver",
    "wagtail.contrib.settings",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Right after SecurityMiddleware: static files skip sessions, CSRF and auth.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The Content Security Policy on every page (config/csp.py; the policies are below).
    "config.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]


def database_from_environment():
    """DATABASE_URL when set; otherwise the embedded server under var/postgres/."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        from config.embedded_postgres import database_url_or_exit

        url = database_url_or_exit()
    config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    if not config.get("HOST") and "host" in config.get("OPTIONS", {}):
        # A Unix socket given as ?host=/path: make it the HOST that dbshell and pg tools use.
        config["HOST"] = config["OPTIONS"].pop("host")
    if not config["ENGINE"].endswith("postgresql"):
        raise SystemExit("DATABASE_URL은 PostgreSQL 주소여야 합니다 (postgres://…).")
    return config


EMBEDDED_DATABASE = not os.environ.get("DATABASE_URL")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Readers sign in with django-allauth (email + password, verified email; Kakao and
# Naver when their keys are set). Editors keep the Wagtail admin's own login.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "accounts.adapter.ReaderAccountAdapter"
ACCOUNT_USER_DISPLAY = "accounts.models.display_name"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[충청신문] "
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_SESSION_REMEMBER = None  # the reader ticks "로그인 상태 유지"
SOCIALACCOUNT_AUTO_SIGNUP = False  # a social sign-up still chooses its display name
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_PROVIDERS = {
    provider: {"APPS": [{"client_id": client_id, "secret": os.environ.get(f"{prefix}_SECRET", "")}]}
    for provider, prefix in (("kakao", "KAKAO"), ("naver", "NAVER"))
    if (client_id := os.environ.get(f"{prefix}_CLIENT_ID"))
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "충청신문 <noreply@dailycc.net>")

# KakaoTalk sharing (Kakao Developers › 앱 키 › JavaScript 키). Empty: the share sheet or a
# copied link instead; the SDK loads only when a reader presses the button.
KAKAO_JAVASCRIPT_KEY = os.environ.get("KAKAO_JAVASCRIPT_KEY", "")
KAKAO_JAVASCRIPT_SDK_URL = os.environ.get("KAKAO_JAVASCRIPT_SDK_URL", "")
KAKAO_JAVASCRIPT_SDK_INTEGRITY = os.environ.get("KAKAO_JAVASCRIPT_SDK_INTEGRITY", "")
# Proxies in front of gunicorn that append to X-Forwarded-For (1 behind docker-compose's
# proxy): the reader's address for rate limits is the one they saw. 0: REMOTE_ADDR.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Security headers true everywhere; production.py adds HTTPS (redirect, HSTS, secure cookies).
# Links out send only our origin, never the article's address (YouTube's players need at
# least the origin: without a Referer they refuse to play).
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# No script reads the CSRF cookie: comments.js takes the token from its form in the page.
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_HTTPONLY = True

# Content Security Policy (django-csp, config/csp.py). Readers' pages: our own origin only,
# no inline script, style or event handler (pages are cached for every anonymous reader, so
# a per-response nonce is impossible; JSON-LD is data, which script-src does not govern).
# Players of the 동영상·SNS 삽입 block may be framed from CSP_EMBED_FRAME_SOURCES; X and
# Instagram posts show as their quoted text and link, since their widget scripts are not
# allowed. config/csp.py adds Kakao's SDK and services while KAKAO_JAVASCRIPT_KEY is set, and
# the media host when media is served from another one (S3, a CDN).
CSP_EMBED_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    *env_list("CSP_EXTRA_FRAME_SRC"),
]
# Reader logins post to our own /accounts/…/login/, which redirects to the provider: Chrome
# applies form-action to that redirect, so the providers' login hosts are allowed.
CSP_SOCIAL_LOGIN_HOSTS = [
    "https://kauth.kakao.com",
    "https://accounts.kakao.com",
    "https://nid.naver.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", *env_list("CSP_EXTRA_IMG_SRC")],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": CSP_EMBED_FRAME_SOURCES,
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'", *CSP_SOCIAL_LOGIN_HOSTS],
        # Where browsers report what the policy blocked (Sentry's security endpoint, say).
        "report-uri": env_list("CSP_REPORT_URI") or None,
    }
}
# The Wagtail admin (/admin/) has inline <script> and <style> elements (the page editor, the
# page explorer), shows uploads as blob:/data: previews and frames its own page previews:
# still nothing from another host.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *env_list("CSP_EXTRA_IMG_SRC")],
        "font-src": ["'self'", "data:"],
        "frame-src": ["'self'", *CSP_EMBED_FRAME_SOURCES],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
    }
}

LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", "한국어")]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
# The newsroom's Korean for Wagtail's admin (게재, 승인 요청, 수정 요청 …); wins over Wagtail's own.
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static_src"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# One cache for pages and fragments, one for image renditions (Wagtail looks for
# "renditions" so each photo's rendition is looked up once, not per request).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "renditions": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "renditions",
        "TIMEOUT": 60 * 60 * 24,
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The page editor of a long article with many blocks exceeds Django's default.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "충청신문"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ALLOW_UNICODE_SLUGS = True
# The admin's pickers write dates the way newsrooms do; config/formats/ko reads them back.
WAGTAIL_DATE_FORMAT = "%Y.%m.%d"
WAGTAIL_DATETIME_FORMAT = "%Y.%m.%d %H:%M"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ko", "한국어")]
# Editors' avatars are not fetched from gravatar.com: nothing loads from another host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the dashboard ask releases.wagtail.org for a newer version (the CSP would refuse it):
# upgrades go through pyproject.toml.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILIMAGES_IMAGE_MODEL = "news.NewsImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "hwp", "hwpx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
# Korean-aware PostgreSQL search (search/backend.py, design.md §3).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backend"},
}
# Ranking: relevance × 0.5^(age / half-life), never below the floor, so this
# week's story outranks an equally relevant old one and old exact matches still show.
SEARCH_RECENCY_HALF_LIFE_DAYS = 180
SEARCH_RECENCY_FLOOR = 0.25
# Search results are ranked among the newest matches only: ranking reads each match's
# whole text vector, and a common word (대전) matches most of the archive. Later result
# pages list the other matches, newest first; counts are of all matches.
SEARCH_RANK_CANDIDATES = 500
TAGGIT_CASE_INSENSITIVE = True
# Page editors (articles included) save a draft by themselves this many milliseconds after
# the last change (Wagtail's autosave; 0 would turn it off).
WAGTAIL_AUTOSAVE_INTERVAL = 3000
# The newsroom's worker (manage.py run_worker): scheduled publishing and expiry, the view and
# banner counters, and purging the bin, every EDITORIAL_WORKER_INTERVAL seconds.
EDITORIAL_WORKER_INTERVAL = int(os.environ.get("EDITORIAL_WORKER_INTERVAL", "30"))
# Articles deleted in the admin wait this many days in 휴지통 before the worker purges them.
RECYCLE_BIN_DAYS = int(os.environ.get("RECYCLE_BIN_DAYS", "30"))
# Backups (manage.py backup_site / restore_site, make backup / make restore): where the
# timestamped folders go, and optionally which PostgreSQL client tools to use (a bin folder).
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "var" / "backups"))
BACKUP_PG_BIN = os.environ.get("BACKUP_PG_BIN", "")

# Reader-facing date and time, always in KST: 2022.04.07 16:33
NEWS_DATETIME_FORMAT = "Y.m.d H:i"
NEWS_SECTION_PAGE_SIZE = 20
