"""Production: every secret and host comes from the environment, or we refuse to start."""

import os

from .base import *  # noqa: F403
from .base import database_from_environment

for _name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"):
    if not os.environ.get(_name, "").strip():
        raise SystemExit(
            f"환경 변수 {_name}이(가) 없습니다: 운영 설정은 이 값 없이 시작하지 않습니다."
        )

DATABASES = {"default": database_from_environment()}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Off only for a trial on http://localhost; cookies then travel without TLS too.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SESSION_COOKIE_SECURE = SECURE_SSL_REDIRECT
CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_CONTENT_TYPE_NOSNIFF = True
