"""The image's HEALTHCHECK: gunicorn answers /robots.txt (which reads the database) with 200.

`python deploy/healthcheck.py [PORT]` (8000 by default). The request names a host from
ALLOWED_HOSTS and says it came over https (X-Forwarded-Proto, as the proxy does), so
neither the host check nor the HTTPS redirect turns it away. Exit status 0: healthy.
"""

import http.client
import os
import sys


def request_host():
    for host in os.environ.get("ALLOWED_HOSTS", "").split(","):
        host = host.strip().lstrip(".")  # ".example.com" allows example.com itself
        if host and host != "*":
            return host
    return "localhost"


def main(port=8000):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request(
            "GET", "/robots.txt", headers={"Host": request_host(), "X-Forwarded-Proto": "https"}
        )
        status = connection.getresponse().status
    except OSError as error:
        return f"unhealthy: {error}"
    finally:
        connection.close()
    if status != 200:
        return f"unhealthy: /robots.txt answered {status}"
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 8000))
