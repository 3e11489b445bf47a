"""Error types shared by the core, the jobs and both front ends.

The executor's retry policy looks at these types (and at an optional ``retryable`` attribute on any
exception) to decide whether another attempt can help.
"""

from __future__ import annotations


class ConfigError(Exception):
    """A setting, option or environment value is wrong: one clear line, exit code 2."""


class JobCancelled(Exception):
    """Raised inside a job when cancellation was requested; never retried."""

    retryable = False


class PermanentError(Exception):
    """An error another attempt cannot fix (a selector plainly missing from a loaded page, bad data)."""

    retryable = False


class TransientError(Exception):
    """An error that a fresh attempt may well not hit again (timeouts, stale elements, network)."""

    retryable = True


class JobSkipped(Exception):
    """Raised by a job that has nothing to do for a stated reason (e.g. no TMDB key configured)."""

    retryable = False

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
