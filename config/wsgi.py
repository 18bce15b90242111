"""WSGI entry point for gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

# Load the Korean analyser's dictionary now: with `gunicorn --preload` the
# workers fork after this and share its memory instead of each loading a copy.
from search.analysis import KoreanAnalyzer  # noqa: E402

KoreanAnalyzer.tagger()
