"""Enrichment tables: TMDB metadata, each film's decision with its ledger, the response cache,
manual pins/skips and the review queue. Keyed by `movie_id` (text) so they do not depend on how
film identity stores its ids."""

from __future__ import annotations

import threading
from typing import Any

import peewee
from peewee import EXCLUDED

from app.core.db import BaseModel, register_models
from app.core.models import utcnow

STATUSES = ("matched", "review", "pinned", "skipped")

# One enrichment writer at a time in this process: on SQLite two threads writing at once make the
# loser sleep in SQLite's busy handler (tens of milliseconds each time); a lock hands over at once.
WRITE_LOCK = threading.RLock()


class TmdbMovie(BaseModel):
    """Canonical metadata of one TMDB film."""

    tmdb_id = peewee.IntegerField(primary_key=True)
    imdb_id = peewee.CharField(max_length=16, default="")
    title_en = peewee.TextField(default="")
    title_he = peewee.TextField(default="")
    original_title = peewee.TextField(default="")
    original_language = peewee.CharField(max_length=8, default="")
    release_date = peewee.CharField(max_length=10, default="")
    year = peewee.IntegerField(null=True)
    runtime = peewee.IntegerField(null=True)
    genres = peewee.TextField(default="[]")  # JSON list of names
    directors = peewee.TextField(default="[]")  # JSON list of names
    poster_path = peewee.CharField(max_length=128, default="")
    backdrop_path = peewee.CharField(max_length=128, default="")
    overview = peewee.TextField(default="")
    overview_he = peewee.TextField(default="")
    popularity = peewee.FloatField(default=0.0)
    fetched_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "tmdb_movies"


class FilmTmdb(BaseModel):
    """The enrichment decision for one film: which TMDB id (if any), how sure, and why (the ledger)."""

    movie_id = peewee.CharField(max_length=64, primary_key=True)
    tmdb_id = peewee.IntegerField(null=True, index=True)
    status = peewee.CharField(max_length=16, index=True)
    score = peewee.FloatField(null=True)
    margin = peewee.FloatField(null=True)
    reason = peewee.TextField(default="")
    ledger = peewee.TextField(default="{}")
    facts_fingerprint = peewee.CharField(max_length=16, default="")
    run_id = peewee.IntegerField(default=0)  # the run that last changed this decision
    updated_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "film_tmdb"


class TmdbCacheEntry(BaseModel):
    """One TMDB response by request (secrets stripped from the key); its age decides reuse."""

    key_hash = peewee.CharField(max_length=64, primary_key=True)
    request = peewee.TextField()
    status = peewee.IntegerField()
    body = peewee.TextField(default="")
    fetched_at = peewee.DateTimeField(default=utcnow, index=True)

    class Meta:
        table_name = "tmdb_cache"


class TmdbPin(BaseModel):
    """A person's decision for a film, respected by every later run: pin to an id, or skip."""

    movie_id = peewee.CharField(max_length=64, primary_key=True)
    action = peewee.CharField(max_length=8)  # "pin" or "skip"
    tmdb_id = peewee.IntegerField(null=True)
    source = peewee.CharField(max_length=32, default="manual")
    note = peewee.TextField(default="")
    created_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "tmdb_pins"


class TmdbReview(BaseModel):
    """A film whose match was not confident, with its candidates, waiting for a person."""

    movie_id = peewee.CharField(max_length=64, primary_key=True)
    english_title = peewee.TextField(default="")
    hebrew_title = peewee.TextField(default="")
    year = peewee.IntegerField(null=True)
    reason = peewee.TextField(default="")
    candidates = peewee.TextField(default="[]")  # JSON: candidate summaries with scores, best first
    run_id = peewee.IntegerField(default=0)
    queued_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "tmdb_review"


def upsert(model: type[BaseModel], row: dict[str, Any], key: str, keep: tuple[str, ...] = ()) -> None:
    """Insert one row, or update it by its key: every other column takes the new value (but `keep`)."""
    updates = {getattr(model, name): getattr(EXCLUDED, name) for name in row if name != key and name not in keep}
    model.insert(**row).on_conflict(conflict_target=[getattr(model, key)], update=updates).execute()


register_models(TmdbMovie, FilmTmdb, TmdbCacheEntry, TmdbPin, TmdbReview)
