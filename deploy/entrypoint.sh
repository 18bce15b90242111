#!/bin/sh
# The web container's command: migrations (one replica at a time, under a PostgreSQL
# advisory lock), the demo paper on a first start with LOAD_DEMO=1 (deploy/release.py),
# then gunicorn in this shell's place, so it receives docker's SIGTERM itself.
# Arguments are passed to gunicorn.
set -eu
cd "$(dirname "$0")/.."
python deploy/release.py
exec gunicorn --config deploy/gunicorn.conf.py "$@"
