"""At most CONTACT_RATE_LIMIT submissions an hour from one client address, counted in the cache."""

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache

from config.clients import client_ip


class SubmissionLimit:
    """A fixed window per address, starting at its first submission."""

    def __init__(self, request):
        self.limit = getattr(settings, "CONTACT_RATE_LIMIT", 5)
        self.window = getattr(settings, "CONTACT_RATE_WINDOW_SECONDS", 60 * 60)
        # Addresses are personal data: the cache keeps only a hash of them.
        digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_ip(request)}".encode()).hexdigest()
        self.count_key = f"contact:rate:{digest[:40]}"
        self.start_key = f"{self.count_key}:start"

    def exceeded(self):
        return (cache.get(self.count_key) or 0) >= self.limit

    def record(self):
        if cache.add(self.count_key, 1, self.window):
            cache.set(self.start_key, time.time(), self.window)
            return
        try:
            cache.incr(self.count_key)
        except ValueError:  # the window closed meanwhile
            cache.add(self.count_key, 1, self.window)
            cache.set(self.start_key, time.time(), self.window)

    def minutes_left(self):
        started = cache.get(self.start_key) or time.time()
        return max(1, math.ceil((started + self.window - time.time()) / 60))
