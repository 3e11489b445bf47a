"""The TMDB client over real HTTP: cache, credentials, 429 + Retry-After, 5xx, timeouts, 401, 404.

Cache behaviour runs on both databases; pure HTTP behaviour (retries, timeouts) on SQLite only.
"""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest

from app.core.models import utcnow
from app.core.settings import Settings
from dataflows.enrich.cache import ResponseCache
from dataflows.enrich.client import ClientConfig, TmdbAuthError, TmdbClient, TmdbUnavailable
from dataflows.enrich.models import TmdbCacheEntry
from dataflows.enrich.ratelimit import RateLimiter
from tests.fixtures.tmdb.server import FakeTmdb

FAST = ClientConfig(backoff_s=0.01, per_second=1000.0, read_timeout_s=3.0)


class Waits(list):
    """Records what the client asked to wait (the job passes its cancellable `ctx.wait` instead)."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def client(server: FakeTmdb, config: ClientConfig = FAST, key: str | None = None) -> tuple[TmdbClient, Waits]:
    waits = Waits()
    return TmdbClient(server.url, key or server.api_key, config=config, sleep=waits), waits


def test_repeated_requests_are_answered_from_the_cache(backend: Settings, fake_tmdb: FakeTmdb) -> None:
    tmdb, _ = client(fake_tmdb)
    first = tmdb.search_movie("The Odyssey", "en-US", 2026)
    again = TmdbClient(fake_tmdb.url, fake_tmdb.api_key, config=FAST).search_movie("The Odyssey", "en-US", 2026)
    assert [r["id"] for r in first] == [r["id"] for r in again] == [1368337]
    assert fake_tmdb.request_count() == 1
    assert tmdb.stats.calls == 1

    details = tmdb.movie_details(1368337)
    assert details is not None and details["credits"]["crew"][0]["name"] == "Christopher Nolan"
    assert tmdb.movie_details(1368337) == details
    assert fake_tmdb.request_count() == 2 and tmdb.stats.cache_hits == 1


def test_stale_cache_entries_are_fetched_again(backend: Settings, fake_tmdb: FakeTmdb) -> None:
    tmdb, _ = client(fake_tmdb)
    tmdb.movie_details(620)
    TmdbCacheEntry.update(fetched_at=utcnow() - timedelta(days=45)).execute()
    tmdb.movie_details(620)
    assert fake_tmdb.request_count() == 2
    assert TmdbCacheEntry.get().fetched_at > utcnow() - timedelta(days=1)  # refreshed in place, one row

    tmdb.search_movie("Ghostbusters", "en-US")
    assert ResponseCache().prune(older_than=timedelta(days=90)) == 0
    TmdbCacheEntry.update(fetched_at=utcnow() - timedelta(days=400)).where(
        TmdbCacheEntry.request.contains("search")
    ).execute()
    assert ResponseCache().prune(older_than=timedelta(days=90)) == 1
    assert [e.request.split("?")[0] for e in TmdbCacheEntry.select()] == ["GET /3/movie/620"]


def test_hebrew_search_returns_hebrew_titles(sqlite_db: Settings, fake_tmdb: FakeTmdb) -> None:
    tmdb, _ = client(fake_tmdb)
    hits = tmdb.search_movie("גבעה 338", "he-IL", 2026)
    assert [(h["id"], h["title"]) for h in hits] == [(1693984, "גבעה 338")]
    assert fake_tmdb.seen[0].params == {
        "query": "גבעה 338",
        "language": "he-IL",
        "include_adult": "false",
        "page": "1",
        "year": "2026",
    }


def test_429_waits_as_long_as_retry_after_says(sqlite_db: Settings, fake_tmdb: FakeTmdb) -> None:
    fake_tmdb.fail("/3/search/movie", status=429, retry_after="3")
    tmdb, waits = client(fake_tmdb)
    assert tmdb.search_movie("Toy Story 5", "en-US")[0]["id"] == 1084244
    assert [s.status for s in fake_tmdb.seen] == [429, 200]
    assert max(waits) == pytest.approx(3.0, abs=0.25)  # the retry's slot was booked Retry-After away
    assert (tmdb.stats.rate_limited, tmdb.stats.retries, tmdb.stats.calls) == (1, 1, 2)


def test_500_is_retried_with_backoff(sqlite_db: Settings, fake_tmdb: FakeTmdb) -> None:
    fake_tmdb.fail("/3/movie/", status=500, times=2)
    tmdb, waits = client(fake_tmdb)
    assert tmdb.movie_details(557)["title"] == "Spider-Man"
    assert [s.status for s in fake_tmdb.seen] == [500, 500, 200]
    backoffs = [w for w in waits if w >= FAST.backoff_s]
    assert backoffs == sorted(backoffs) and len(backoffs) == 2


def test_persistent_failure_raises_a_retryable_error_without_the_key(sqlite_db: Settings, fake_tmdb: FakeTmdb) -> None:
    fake_tmdb.fail("/3/", status=502, times=10)
    tmdb, _ = client(fake_tmdb)
    with pytest.raises(TmdbUnavailable) as caught:
        tmdb.search_movie("Michael", "en-US")
    assert fake_tmdb.request_count() == FAST.max_attempts
    assert caught.value.retryable and "HTTP 502" in str(caught.value)
    assert fake_tmdb.api_key not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__context__ is None
    assert TmdbCacheEntry.select().count() == 0  # failures are never cached


def test_slow_response_times_out_and_is_retried(sqlite_db: Settings, fake_tmdb: FakeTmdb) -> None:
    fake_tmdb.slow("/3/search/movie", seconds=5.0)
    tmdb, _ = client(fake_tmdb, ClientConfig(read_timeout_s=0.3, backoff_s=0.01, per_second=1000.0))
    assert tmdb.search_movie("Superman", "en-US", 1978)[0]["id"] == 1924
    assert tmdb.stats.timeouts == 1 and tmdb.stats.retries == 1


def test_refused_key_fails_at_once_and_stops_asking(sqlite_db: Settings, fake_tmdb: FakeTmdb) -> None:
    tmdb, waits = client(fake_tmdb, key="not-the-key-000000")
    with pytest.raises(TmdbAuthError):
        tmdb.search_movie("Mama", "en-US")
    with pytest.raises(TmdbAuthError):
        tmdb.movie_details(620)
    assert fake_tmdb.request_count() == 1 and waits == []
    assert not TmdbAuthError("x").retryable


def test_unknown_id_is_none_and_remembered(sqlite_db: Settings, fake_tmdb: FakeTmdb) -> None:
    tmdb, _ = client(fake_tmdb)
    assert tmdb.movie_details(999999999) is None
    assert tmdb.movie_details(999999999) is None
    assert fake_tmdb.request_count() == 1


def test_cache_keys_and_bodies_hold_no_credential(backend: Settings, fake_tmdb: FakeTmdb) -> None:
    tmdb, _ = client(fake_tmdb)
    tmdb.search_movie("Ghostbusters", "en-US", 1984)
    tmdb.movie_details(620)
    assert any(fake_tmdb.api_key in line for line in fake_tmdb.raw_request_lines)  # it was really sent
    rows = list(TmdbCacheEntry.select())
    assert len(rows) == 2
    for row in rows:
        assert "api_key" not in row.request and fake_tmdb.api_key not in row.request + row.body
    assert rows[0].request.startswith("GET /3/")


def test_pacing_spaces_requests_evenly_and_pauses_for_everyone() -> None:
    limiter = RateLimiter(per_second=4)
    waits = [limiter.reserve() for _ in range(5)]
    assert waits[0] == 0.0
    assert all(later > earlier for earlier, later in itertools.pairwise(waits))
    assert waits[4] == pytest.approx(1.0, abs=0.05)  # the fifth request is booked a second after the first
    limiter.pause(10.0)
    assert limiter.reserve() == pytest.approx(10.0, abs=0.05)
