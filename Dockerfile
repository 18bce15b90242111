# The web and worker image (docker-compose.yml). Two stages: the builder makes a virtual
# environment of the dependencies named in pyproject.toml; the final image holds only that
# environment, the source and the collected static files, and runs as an unprivileged user.
# Python's minor version is the one the test suite runs on (tests/test_deploy_files.py).

ARG PYTHON_VERSION=3.11

FROM python:${PYTHON_VERSION}-slim AS builder

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
# Compilers, for a dependency without a wheel for this platform (mecab-ko on some CPUs).
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential \
    && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
# The dependency layer depends on pyproject.toml alone: editing code does not reinstall it.
# EXTRAS: optional dependencies installed too, so S3 media and Sentry need only their variables.
ARG EXTRAS=s3,sentry
COPY pyproject.toml /build/
COPY deploy/requirements.py /build/deploy/
RUN python /build/deploy/requirements.py "$EXTRAS" > /build/requirements.txt \
    && /opt/venv/bin/pip install --no-cache-dir -r /build/requirements.txt

FROM python:${PYTHON_VERSION}-slim

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production

RUN useradd --create-home --uid 1000 --user-group news
COPY --from=builder /opt/venv /opt/venv
WORKDIR /app
COPY . .
# Static files are collected now, into the image: the production settings need their three
# variables to load, so placeholders stand in (nothing connects to the database here).
# /app/media belongs to the app's user: a new media volume takes this owner when mounted.
RUN SECRET_KEY=collectstatic-at-build-time \
    ALLOWED_HOSTS=localhost \
    DATABASE_URL=postgres://build@localhost/build \
    python manage.py collectstatic --noinput --verbosity 0 \
    && python -m compileall -q . \
    && mkdir -p /app/media \
    && chown news:news /app/media

USER news
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=300s --retries=3 \
    CMD ["python", "deploy/healthcheck.py"]
CMD ["deploy/entrypoint.sh"]
