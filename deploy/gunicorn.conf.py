"""gunicorn's settings for the web container (deploy/entrypoint.sh starts it with this file).

Environment: WEB_CONCURRENCY sets the number of worker processes (unset or 0: two per CPU
this container may use, plus one); GUNICORN_CMD_ARGS overrides anything here
(the smoke test binds to a loopback port with it).
"""

import os

wsgi_app = "config.wsgi:application"
bind = "0.0.0.0:8000"


def _cpu_count():
    try:
        return len(os.sched_getaffinity(0))  # the CPUs this container is allowed, not the host's
    except AttributeError:
        return os.cpu_count() or 1


workers = int(os.environ.get("WEB_CONCURRENCY") or 0) or _cpu_count() * 2 + 1
# Load the app (and the Korean analyser's dictionary, config/wsgi.py) once, before forking:
# the workers share that memory instead of each loading a copy.
preload_app = True

# A request that takes longer is stuck: its worker is killed and replaced. Above the slowest
# honest request (an editor publishing a long article with many photos to render).
timeout = 60
graceful_timeout = 30  # on SIGTERM (docker stop, a deploy), requests in flight may finish
keepalive = 5  # nginx in front reuses connections for this long
# Recycle each worker after about a thousand requests (jitter: never all at once), so a slow
# leak in any library cannot grow without bound.
max_requests = 1000
max_requests_jitter = 100

# The heartbeat file in memory, not on the container's overlay filesystem (slow writes there
# can make a busy worker look dead).
worker_tmp_dir = "/dev/shm"
# gunicornc's control socket is not used; without one nothing is written to $HOME.
control_socket_disable = True

# Only the proxy reaches gunicorn (web publishes no port), so trust its X-Forwarded-Proto
# and X-Forwarded-For. Outside docker-compose set FORWARDED_ALLOW_IPS to the proxy's address.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "*")

# One line per request on stdout, one per event on stderr: the container's logs.
accesslog = "-"
errorlog = "-"
loglevel = "info"
# The reader's address (the proxy's X-Forwarded-For), the request, status, bytes, time in ms.
access_log_format = (
    '%({x-forwarded-for}i)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s" host=%({host}i)s'
)


def pre_fork(server, worker):
    # Workers must not inherit a database connection the master opened while loading the
    # app: two processes talking over one socket corrupt each other's queries.
    from django.db import connections

    connections.close_all()
