"""A small client for TMDB API v3 on urllib3: cache first, paced, with retries that honour 429.

Credentials: a v3 API key goes in the `api_key` parameter, a v4 read-access token (a JWT) in the
`Authorization: Bearer` header. Neither ever reaches the cache key, a log line or an error message:
errors name the request path and status only, and raise without the underlying urllib3 exception
(whose text can carry the full URL).
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from email.utils import parsedate_to_datetime
from typing import Any

import urllib3

from app.core.errors import PermanentError, TransientError
from app.core.settings import Settings
from dataflows.enrich.cache import ResponseCache, request_key
from dataflows.enrich.ratelimit import RateLimiter

DAY_S = 24 * 3600.0
SEARCH_TTL_S = 7 * DAY_S
DETAILS_TTL_S = 30 * DAY_S
DETAILS_APPEND = "credits,external_ids,alternative_titles,translations"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_JWT = re.compile(r"^eyJ[\w-]+\.[\w-]+\.[\w-]+$")


class TmdbAuthError(PermanentError):
    """TMDB refused the credentials: another attempt cannot help."""


class TmdbRequestError(PermanentError):
    """TMDB rejected a request (4xx other than 401/404/429)."""


class TmdbUnavailable(TransientError):
    """TMDB kept failing (429, 5xx, timeouts, connection errors) through every retry."""


@dataclass
class ClientStats:
    """Per-run counts: network calls, cache hits, 429 answers, retries and final failures."""

    calls: int = 0
    cache_hits: int = 0
    rate_limited: int = 0
    retries: int = 0
    timeouts: int = 0
    failures: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def bump(self, name: str, by: int = 1) -> None:
        with self._lock:
            setattr(self, name, getattr(self, name) + by)

    def to_metrics(self) -> dict[str, int]:
        with self._lock:
            return {f"tmdb_{f.name}": getattr(self, f.name) for f in fields(self) if not f.name.startswith("_")}


@dataclass(frozen=True)
class ClientConfig:
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 10.0
    max_attempts: int = 4
    backoff_s: float = 1.0
    max_retry_after_s: float = 60.0
    per_second: float = 20.0  # TMDB allows ~50/s per IP; stay well below
    pool_size: int = 8


def is_bearer_token(credential: str) -> bool:
    return bool(_JWT.match(credential.strip()))


def retry_after_seconds(value: str | None) -> float | None:
    """`Retry-After` as seconds (a number or an HTTP date), or None when absent/unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def _error_name(exc: Exception) -> str:
    if isinstance(exc, urllib3.exceptions.TimeoutError):
        return "timeout"
    return f"connection error ({type(exc).__name__})"


class TmdbClient:
    """`search_movie` and `movie_details`, each answered from the cache when a fresh copy exists."""

    def __init__(
        self,
        base_url: str,
        credential: str,
        cache: ResponseCache | None = None,
        config: ClientConfig | None = None,
        sleep: Callable[[float], None] = time.sleep,
        offline: bool = False,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.config = config or ClientConfig()
        self.cache = cache or ResponseCache()
        self.sleep = sleep
        self.offline = offline
        self.stats = ClientStats()
        self._refused = ""  # set once TMDB rejects the credential: later requests fail without asking
        self._limiter = RateLimiter(self.config.per_second)
        credential = credential.strip()
        self._bearer = is_bearer_token(credential)
        self._auth_params = {} if self._bearer else {"api_key": credential}
        headers = {"Accept": "application/json", "User-Agent": "kartiseret/0.1 (+tmdb enrichment)"}
        if self._bearer:
            headers["Authorization"] = f"Bearer {credential}"
        self._http = urllib3.PoolManager(
            maxsize=self.config.pool_size,
            headers=headers,
            retries=False,
            timeout=urllib3.Timeout(connect=self.config.connect_timeout_s, read=self.config.read_timeout_s),
        )

    @classmethod
    def from_settings(cls, settings: Settings, **kwargs: Any) -> TmdbClient:
        if not settings.tmdb_api_key:
            raise TmdbAuthError("no TMDB key configured")
        return cls(settings.tmdb_api_url, settings.tmdb_api_key, **kwargs)

    # ------------------------------------------------------------------------------------- API
    def search_movie(self, query: str, language: str, year: int | None = None) -> list[dict[str, Any]]:
        """First page of `/3/search/movie` (TMDB ranks by relevance; 20 hits are plenty)."""
        params: dict[str, object] = {"query": query, "language": language, "include_adult": "false", "page": 1}
        if year:
            params["year"] = year
        data = self.get_json("/3/search/movie", params, SEARCH_TTL_S)
        return list((data or {}).get("results") or [])

    def movie_details(self, tmdb_id: int) -> dict[str, Any] | None:
        """`/3/movie/{id}` with credits, external ids, alternative titles and translations; None if unknown."""
        path, params = details_request(tmdb_id)
        return self.get_json(path, params, DETAILS_TTL_S, trim=trim_details)

    # ------------------------------------------------------------------------------------- core
    def get_json(
        self,
        path: str,
        params: dict[str, object],
        max_age_s: float,
        trim: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
    ) -> dict[str, Any] | None:
        """The JSON body (None for 404), from the cache if fresh, else from the network (then cached)."""
        key = request_key(path, params)
        cached = self.cache.get(key, max_age_s)
        if cached is not None:
            self.stats.bump("cache_hits")
            return json.loads(cached.body) if cached.status == 200 else None
        if self.offline:
            return None
        if self._refused:
            raise TmdbAuthError(self._refused)
        status, data = self._fetch(path, params)
        if status == 404:
            self.cache.put(key, 404, "")
            return None
        data = trim(data) if trim else data
        self.cache.put(key, 200, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        return data

    def _fetch(self, path: str, params: dict[str, object]) -> tuple[int, dict[str, Any]]:
        last = ""
        for attempt in range(1, self.config.max_attempts + 1):
            wait = self._limiter.reserve()
            if wait > 0:
                self.sleep(wait)
            self.stats.bump("calls")
            delay = self.config.backoff_s * 2 ** (attempt - 1)
            try:
                response = self._http.request("GET", self.base_url + path, fields={**params, **self._auth_params})
            except urllib3.exceptions.HTTPError as exc:
                last = _error_name(exc)
                if last == "timeout":
                    self.stats.bump("timeouts")
            else:
                status = response.status
                if status == 200:
                    try:
                        return 200, json.loads(response.data.decode("utf-8"))
                    except (UnicodeDecodeError, json.JSONDecodeError):
                        last = "unreadable JSON"
                elif status == 404:
                    return 404, {}
                elif status == 401:
                    self._refused = f"TMDB refused the credentials (HTTP 401 on {path})"
                    raise TmdbAuthError(self._refused)
                elif status == 429:
                    self.stats.bump("rate_limited")
                    last = "HTTP 429 (rate limited)"
                    asked = retry_after_seconds(response.headers.get("Retry-After"))
                    self._limiter.pause(min(delay if asked is None else asked, self.config.max_retry_after_s))
                    delay = 0.0  # the next attempt's slot is already that far away, for every thread
                elif status in RETRY_STATUSES:
                    last = f"HTTP {status}"
                else:
                    raise TmdbRequestError(f"TMDB answered HTTP {status} on {path}")
            if attempt < self.config.max_attempts:
                self.stats.bump("retries")
                if delay > 0:
                    self.sleep(min(delay, self.config.max_retry_after_s))
        self.stats.bump("failures")
        raise TmdbUnavailable(f"TMDB unavailable on {path} after {self.config.max_attempts} attempts: {last}")

    def close(self) -> None:
        self._http.clear()


def details_request(tmdb_id: int) -> tuple[str, dict[str, object]]:
    """Path and parameters of a details request (English fields; Hebrew ones come in `translations`)."""
    return f"/3/movie/{int(tmdb_id)}", {"language": "en-US", "append_to_response": DETAILS_APPEND}


def trim_details(details: dict[str, Any]) -> dict[str, Any]:
    """Keep what matching and enrichment read; full cast lists would bloat the cache tenfold."""
    out = dict(details)
    credits = dict(out.get("credits") or {})
    credits["cast"] = [
        {k: person.get(k) for k in ("id", "name", "character", "order")} for person in (credits.get("cast") or [])[:10]
    ]
    credits["crew"] = [
        {k: person.get(k) for k in ("id", "name", "job", "department")}
        for person in credits.get("crew") or []
        if person.get("job") in ("Director", "Screenplay", "Writer")
    ]
    out["credits"] = credits
    translations = (out.get("translations") or {}).get("translations") or []
    out["translations"] = {"translations": [t for t in translations if t.get("iso_639_1") in ("he", "en")]}
    return out


class _MaskApiKey(logging.Filter):
    """urllib3 logs request URLs at DEBUG; never let an `api_key` value through."""

    _pattern = re.compile(r"(api_key=)[^&\s\"']+")

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "api_key=" in message:
            record.msg, record.args = self._pattern.sub(r"\1***", message), None
        return True


logging.getLogger("urllib3.connectionpool").addFilter(_MaskApiKey())
