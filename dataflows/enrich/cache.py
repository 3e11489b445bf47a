"""The TMDB response cache: request -> response with its age, so a re-run asks the network nothing.

Keys are the request path and its parameters in a fixed order, with every credential removed; the
table never holds a secret even though requests carry one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from app.core.models import utcnow
from dataflows.enrich.models import WRITE_LOCK, TmdbCacheEntry, upsert

SECRET_PARAMS = frozenset({"api_key", "access_token", "session_id", "guest_session_id"})


def request_key(path: str, params: dict[str, object]) -> str:
    """'GET /3/search/movie?language=en-US&query=…' — stable and free of credentials."""
    clean = sorted((k, str(v)) for k, v in params.items() if k not in SECRET_PARAMS and v is not None)
    return f"GET {path}?{urlencode(clean)}" if clean else f"GET {path}"


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CachedResponse:
    status: int
    body: str
    age_s: float


class ResponseCache:
    """Backed by the `tmdb_cache` table of the open database (thread-safe through Peewee)."""

    def get(self, key: str, max_age_s: float) -> CachedResponse | None:
        entry = TmdbCacheEntry.get_or_none(TmdbCacheEntry.key_hash == _hash(key))
        if entry is None:
            return None
        age = (utcnow() - entry.fetched_at).total_seconds()
        if age > max_age_s:
            return None
        return CachedResponse(entry.status, entry.body, age)

    def put(self, key: str, status: int, body: str) -> None:
        row = {"key_hash": _hash(key), "request": key, "status": status, "body": body, "fetched_at": utcnow()}
        with WRITE_LOCK:
            upsert(TmdbCacheEntry, row, "key_hash")

    def prune(self, older_than: timedelta) -> int:
        """Drop entries nobody may reuse any more; returns how many."""
        cutoff = utcnow() - older_than
        return TmdbCacheEntry.delete().where(TmdbCacheEntry.fetched_at < cutoff).execute()
