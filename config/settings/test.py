"""The test suite: a real PostgreSQL (embedded unless DATABASE_URL), fast hashing."""

import os

from config.embedded_postgres import test_database_name

from .base import *  # noqa: F403
from .base import database_from_environment

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
DATABASES = {"default": database_from_environment()}
DATABASES["default"]["CONN_MAX_AGE"] = 0
if EMBEDDED_DATABASE:  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": test_database_name()}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Per run, so two runs at once keep apart; tests/conftest.py removes it at the end.
MEDIA_ROOT = BASE_DIR / "var" / f"test-media-{os.getpid()}"  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
