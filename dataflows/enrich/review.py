"""Manual fixes that persist: the review queue, and pin / accept / skip for one film.

Plain functions on the open database (no network, no UI), so the TUI, a script or a test can call
them. A pin or skip lands in `tmdb_pins`, which every later enrichment run obeys before matching;
the film's current decision is updated at once (with metadata when the pinned id's details are
already cached, else at the next run).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.core.db import database
from app.core.models import utcnow
from dataflows.enrich.models import WRITE_LOCK, FilmTmdb, TmdbPin, TmdbReview, upsert
from dataflows.enrich.store import cached_details, save_manual


@dataclass(frozen=True)
class ReviewItem:
    """A film waiting for a person, with its scored candidates (best first)."""

    movie_id: str
    english_title: str
    hebrew_title: str
    year: int | None
    reason: str
    candidates: list[dict[str, Any]] = field(default_factory=list)
    queued_at: datetime | None = None

    @property
    def titles(self) -> str:
        return " / ".join(t for t in (self.english_title, self.hebrew_title) if t) or self.movie_id

    @property
    def label(self) -> str:
        return f"{self.titles} ({self.year})" if self.year else self.titles


def review_queue() -> list[ReviewItem]:
    """Everything waiting for review: oldest run first, then by film (a stable order for the screen)."""
    rows = TmdbReview.select().order_by(TmdbReview.run_id, TmdbReview.movie_id)
    return [
        ReviewItem(
            movie_id=row.movie_id,
            english_title=row.english_title,
            hebrew_title=row.hebrew_title,
            year=row.year,
            reason=row.reason,
            candidates=json.loads(row.candidates or "[]"),
            queued_at=row.queued_at,
        )
        for row in rows
    ]


MAX_TMDB_ID = 2**31 - 1  # the id columns are 32-bit integers


def parse_tmdb_id(text: str | int) -> int:
    """A TMDB id from what a person typed: '1368337', or a themoviedb.org/movie/1368337-… link."""
    raw = str(text).strip().rstrip("/")
    if "/movie/" in raw:
        raw = raw.rsplit("/movie/", 1)[1]
    digits = raw.split("-", 1)[0]
    if not digits.isdigit() or not 0 < int(digits) <= MAX_TMDB_ID:
        raise ValueError(f"not a TMDB id: {str(text)[:60]!r}")
    return int(digits)


def _set_pin(movie_id: str, action: str, tmdb_id: int | None, source: str, note: str) -> None:
    if not movie_id:
        raise ValueError("movie_id is empty")
    row = {
        "movie_id": movie_id,
        "action": action,
        "tmdb_id": tmdb_id,
        "source": source,
        "note": note,
        "created_at": utcnow(),
    }
    upsert(TmdbPin, row, "movie_id")


def pin_film(movie_id: str, tmdb_id: int | str, source: str = "manual", note: str = "") -> int:
    """Pin a film to a TMDB id for good; returns the id. Leaves the review queue."""
    chosen = parse_tmdb_id(tmdb_id)
    with WRITE_LOCK, database.atomic():
        _set_pin(movie_id, "pin", chosen, source, note)
        why = f"pinned by hand ({source})"
        save_manual(movie_id, "pinned", chosen, why, details=cached_details(chosen))
    return chosen


def accept_candidate(movie_id: str, tmdb_id: int | str) -> int:
    """Accept one of the candidates the review queue offered: a pin with source 'review'."""
    return pin_film(movie_id, tmdb_id, source="review")


def skip_film(movie_id: str, note: str = "") -> None:
    """Never enrich this film (not on TMDB, an event, a festival block…). Leaves the review queue."""
    with WRITE_LOCK, database.atomic():
        _set_pin(movie_id, "skip", None, "manual", note)
        save_manual(movie_id, "skipped", None, "skipped by a person" + (f": {note}" if note else ""))


def unpin_film(movie_id: str) -> None:
    """Forget a pin or skip: the next run matches the film again."""
    with WRITE_LOCK, database.atomic():
        TmdbPin.delete().where(TmdbPin.movie_id == movie_id).execute()
        FilmTmdb.delete().where(FilmTmdb.movie_id == movie_id, FilmTmdb.status.in_(("pinned", "skipped"))).execute()


def pins() -> dict[str, TmdbPin]:
    return {pin.movie_id: pin for pin in TmdbPin.select()}


class ReviewDesk:
    """What the review screen needs, in one object it is handed (the database-backed default)."""

    def items(self) -> list[ReviewItem]:
        return review_queue()

    def accept(self, movie_id: str, tmdb_id: int) -> int:
        return accept_candidate(movie_id, tmdb_id)

    def pin(self, movie_id: str, tmdb_id: str) -> int:
        return pin_film(movie_id, tmdb_id)

    def skip(self, movie_id: str) -> None:
        skip_film(movie_id, "from the review screen")
