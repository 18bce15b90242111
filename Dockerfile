# The web and worker image. Issue 9 (production) hardens it further.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production

WORKDIR /app
COPY . .
RUN pip install --disable-pip-version-check . \
    && SECRET_KEY=collectstatic ALLOWED_HOSTS=localhost DATABASE_URL=postgres://build@localhost/build \
       python manage.py collectstatic --noinput \
    && useradd --create-home --uid 1000 news \
    && mkdir -p /app/media && chown news /app/media

USER news
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--preload", "--bind", "0.0.0.0:8000", "--access-logfile", "-"]
