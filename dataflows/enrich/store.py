"""Writes enrichment outcomes: the film's decision and ledger, TMDB metadata, the review queue.

Each film's outcome is written in one transaction, so a crash leaves every film either as it was or
fully updated.
"""

from __future__ import annotations

import json
from typing import Any

from app.core.db import database
from app.core.models import utcnow
from dataflows.enrich.cache import ResponseCache, request_key
from dataflows.enrich.candidates import hebrew_translation, year_of
from dataflows.enrich.client import details_request
from dataflows.enrich.facts import FilmFacts
from dataflows.enrich.matcher import MatchResult
from dataflows.enrich.models import WRITE_LOCK, FilmTmdb, TmdbMovie, TmdbReview, upsert


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def movie_row(details: dict[str, Any]) -> dict[str, Any]:
    """A `tmdb_movies` row from a details response (English fields, Hebrew from translations)."""
    hebrew = hebrew_translation(details)
    crew = (details.get("credits") or {}).get("crew") or []
    return {
        "tmdb_id": int(details["id"]),
        "imdb_id": str(details.get("imdb_id") or (details.get("external_ids") or {}).get("imdb_id") or ""),
        "title_en": str(details.get("title") or ""),
        "title_he": str(hebrew.get("title") or ""),
        "original_title": str(details.get("original_title") or ""),
        "original_language": str(details.get("original_language") or ""),
        "release_date": str(details.get("release_date") or "")[:10],
        "year": year_of(details.get("release_date")),
        "runtime": details.get("runtime") or None,
        "genres": _json([g.get("name") for g in details.get("genres") or [] if g.get("name")]),
        "directors": _json([p.get("name") for p in crew if p.get("job") == "Director" and p.get("name")]),
        "poster_path": str(details.get("poster_path") or ""),
        "backdrop_path": str(details.get("backdrop_path") or ""),
        "overview": str(details.get("overview") or ""),
        "overview_he": str(hebrew.get("overview") or ""),
        "popularity": float(details.get("popularity") or 0.0),
        "fetched_at": utcnow(),
    }


def upsert_movie(details: dict[str, Any]) -> None:
    row = movie_row(details)
    upsert(TmdbMovie, row, "tmdb_id")


def cached_details(tmdb_id: int) -> dict[str, Any] | None:
    """Details already in the response cache (any age), without touching the network."""
    path, params = details_request(tmdb_id)
    hit = ResponseCache().get(request_key(path, params), max_age_s=float("inf"))
    return json.loads(hit.body) if hit is not None and hit.status == 200 else None


def upsert_decision(
    movie_id: str,
    status: str,
    tmdb_id: int | None,
    ledger: dict[str, Any],
    run_id: int,
    fingerprint: str = "",
    score: float | None = None,
    margin: float | None = None,
) -> None:
    row = {
        "movie_id": movie_id,
        "tmdb_id": tmdb_id,
        "status": status,
        "score": score,
        "margin": margin,
        "reason": str((ledger.get("decision") or {}).get("why") or ""),
        "ledger": _json(ledger),
        "facts_fingerprint": fingerprint,
        "run_id": run_id,
        "updated_at": utcnow(),
    }
    upsert(FilmTmdb, row, "movie_id", keep=() if fingerprint else ("facts_fingerprint",))


def queue_for_review(result: MatchResult, run_id: int) -> None:
    facts = result.facts
    row = {
        "movie_id": facts.movie_id,
        "english_title": facts.english_title,
        "hebrew_title": facts.hebrew_title,
        "year": facts.year,
        "reason": result.reason,
        "candidates": _json([r.to_dict() for r in result.ranked[:8]]),
        "run_id": run_id,
        "queued_at": utcnow(),
    }
    upsert(TmdbReview, row, "movie_id")


def unchanged(movie_id: str, status: str, tmdb_id: int | None, ledger: str) -> bool:
    """The stored decision is this very one (same ledger), and a chosen id still has its metadata row."""
    current = FilmTmdb.get_or_none(FilmTmdb.movie_id == movie_id)
    if current is None or current.status != status or current.ledger != ledger:
        return False
    return tmdb_id is None or TmdbMovie.select().where(TmdbMovie.tmdb_id == tmdb_id).exists()


def save_match(result: MatchResult, run_id: int) -> bool:
    """Store a matcher's decision (False when nothing changed: a re-run rewrites nothing).

    Matched: the decision and the TMDB metadata, and the film leaves the review queue.
    Review: the decision and a queue entry with the candidates.
    """
    facts = result.facts
    ledger = result.ledger()
    if unchanged(facts.movie_id, result.status, result.tmdb_id, _json(ledger)):
        return False
    with WRITE_LOCK, database.atomic():
        upsert_decision(
            facts.movie_id,
            result.status,
            result.tmdb_id,
            ledger,
            run_id,
            facts.fingerprint(),
            result.best_score,
            result.margin,
        )
        if result.status == "matched" and result.tmdb_id is not None:
            upsert_movie(result.details[result.tmdb_id])
            TmdbReview.delete().where(TmdbReview.movie_id == facts.movie_id).execute()
        else:
            queue_for_review(result, run_id)
    return True


def manual_ledger(facts: FilmFacts | None, status: str, tmdb_id: int | None, why: str) -> dict[str, Any]:
    return {
        "movie_id": facts.movie_id if facts else "",
        "facts": facts.to_dict() if facts else {},
        "queries": [],
        "candidates": [],
        "decision": {"status": status, "tmdb_id": tmdb_id, "why": why},
    }


def save_manual(
    movie_id: str,
    status: str,
    tmdb_id: int | None,
    why: str,
    run_id: int = 0,
    facts: FilmFacts | None = None,
    details: dict[str, Any] | None = None,
) -> bool:
    """Store a pinned or skipped film (decided by a person, not scored); False when nothing changed."""
    ledger = manual_ledger(facts, status, tmdb_id, why)
    if unchanged(movie_id, status, tmdb_id if details is not None else None, _json(ledger)):
        return False
    with WRITE_LOCK, database.atomic():
        upsert_decision(movie_id, status, tmdb_id, ledger, run_id, facts.fingerprint() if facts else "")
        if details is not None:
            upsert_movie(details)
        TmdbReview.delete().where(TmdbReview.movie_id == movie_id).execute()
    return True
