"""Client-side pacing: requests leave at most `per_second` times a second, across all threads."""

from __future__ import annotations

import threading
import time


class RateLimiter:
    """Hands out evenly spaced send slots; the caller waits (cancellably) until its slot."""

    def __init__(self, per_second: float) -> None:
        self.interval = 1.0 / per_second if per_second > 0 else 0.0
        self._next = 0.0
        self._lock = threading.Lock()

    def reserve(self) -> float:
        """Book the next slot and return how many seconds to wait for it (0 when free now)."""
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next)
            self._next = slot + self.interval
            return slot - now

    def pause(self, seconds: float) -> None:
        """No slot before `seconds` from now, for every thread (TMDB answered 429: back off together)."""
        with self._lock:
            self._next = max(self._next, time.monotonic() + seconds)
