"""Movie IDs that stay put: resolve this run's variants together with the known variants they resemble.

A variant seen before keeps its film. New variants are resolved in one pool with the known variants
that share a key (or a typo-near key) with them; known variants enter as seeds, so a new variant joins
the known film it is linked to, two known films never merge, and a cluster of only new variants becomes
a new film. Everything happens in one transaction; running it again with the same variants changes
nothing (rows are only written when a value differs).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime

from rapidfuzz.distance import OSA
from rapidfuzz.process import extract

from app.core.db import database
from app.core.models import utcnow
from dataflows.identity import keys
from dataflows.identity.canonical import film_facts
from dataflows.identity.features import Features, features
from dataflows.identity.models import Film, FilmVariant
from dataflows.identity.resolver import ENGLISH_TYPO, HEBREW_TYPO, Resolution, VariantKey, canonical_order
from dataflows.identity.variant import TitleVariant

CHUNK = 400  # values per IN (...) list / rows per insert: far below SQLite's and PostgreSQL's limits
KEY_LENGTH = 255
EVIDENCE = ("release_year", "directed_by", "runtime", "rows")


def key_hash(key: VariantKey) -> str:
    return hashlib.sha256("\x1f".join(key).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Assignment:
    """The outcome of one assignment, for the data-quality report."""

    ids: dict[VariantKey, int]
    films_created: int = 0
    films_matched: int = 0  # known films this run's variants belong to
    variants_new: int = 0
    variants_known: int = 0
    links_refused: dict[str, int] = field(default_factory=dict)  # reason → links refused on conflicting facts


def assign_movie_ids(variants: Sequence[TitleVariant], run_id: int | None = None) -> dict[VariantKey, int]:
    """Movie ID per variant key, creating films for new ones. Needs an open database (`open_database`)."""
    return assign(variants, run_id).ids


def assign(variants: Sequence[TitleVariant], run_id: int | None = None) -> Assignment:
    """`assign_movie_ids` with counts of what happened."""
    current = {v.key: v for v in sorted(variants, key=canonical_order)}
    if not current:
        return Assignment({})
    hashes = {key_hash(key): key for key in current}
    with database.atomic():
        wanted = {key: features(variant) for key, variant in current.items()}
        known = _related_known(wanted.values())  # by key hash
        pool = list(current.values()) + [_variant(row) for digest, row in known.items() if digest not in hashes]
        seeds = {hashes.get(digest) or _variant(row).key: row.movie_id for digest, row in known.items()}
        resolution = Resolution.of(pool, seeds=seeds)
        assigned: dict[VariantKey, int] = {}
        created: set[int] = set()
        for cluster in resolution.clusters():
            mine = [item.key for item in cluster.members if item.key in current]
            if not mine:
                continue
            movie_id = cluster.known_film
            if movie_id is None:
                movie_id = Film.create().movie_id
                created.add(movie_id)
            assigned.update(dict.fromkeys(mine, movie_id))
        _save_variants(current, wanted, assigned, known, run_id)
        result = _stored_ids(hashes)
        _refresh_films(set(result.values()) | created)
    known_now = sum(1 for digest in hashes if digest in known)
    return Assignment(
        ids=result,
        films_created=len(created & set(result.values())),
        films_matched=len(set(result.values()) - created),
        variants_new=len(hashes) - known_now,
        variants_known=known_now,
        links_refused=dict(Counter(reason for _a, _b, reason in resolution.refused)),
    )


def _variant(row: FilmVariant) -> TitleVariant:
    return TitleVariant(
        row.cinema, row.english_title, row.hebrew_title, row.release_year, row.directed_by, row.runtime, row.rows
    )


def _chunks(values: Iterable, size: int = CHUNK) -> Iterator[list]:
    batch: list = []
    for value in values:
        batch.append(value)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _k(value: str) -> str:
    return _storable(value[:KEY_LENGTH])


# --- finding the known variants a run's variants may belong to -----------------------------------


def _related_known(items: Iterable[Features]) -> dict[str, FilmVariant]:
    """Known variants sharing any key (exact or a typo away) with `items`, plus all variants of their films."""
    items = list(items)
    english = {_k(item.english_compact) for item in items if item.english_compact}
    hebrew = {_k(key) for item in items for key in item.hebrew}
    skeletons = {_k(s) for item in items for s in item.skeletons if len(s) >= 4}
    english |= _typo_neighbours(english, FilmVariant.english_key, ENGLISH_TYPO.max_edits)
    hebrew |= _typo_neighbours(hebrew, FilmVariant.hebrew_key, HEBREW_TYPO.max_edits)
    conditions = [
        (FilmVariant.key_hash, [key_hash(item.key) for item in items]),
        (FilmVariant.english_key, sorted(english)),
        (FilmVariant.hebrew_key, sorted(hebrew)),
        (FilmVariant.alias_key, sorted(hebrew)),
        (FilmVariant.skeleton_key, sorted(skeletons)),
    ]
    films: set[int] = set()
    for column, values in conditions:
        for batch in _chunks(values):
            films.update(row.movie_id for row in FilmVariant.select(FilmVariant.movie_id).where(column.in_(batch)))
    known: dict[str, FilmVariant] = {}
    for batch in _chunks(sorted(films)):
        for row in FilmVariant.select().where(FilmVariant.movie_id.in_(batch)):
            known[row.key_hash] = row
    return known


def _typo_neighbours(keys: set[str], column, max_edits) -> set[str]:
    """Stored keys a few edits from `keys` (one indexed column read, matched in rapidfuzz's C++ loop)."""
    stored = [row[0] for row in FilmVariant.select(column).distinct().where(column != "").tuples()]
    found: set[str] = set()
    for key in keys:
        allowed = max_edits(len(key))
        if allowed and stored:
            found.update(
                match for match, _d, _i in extract(key, stored, scorer=OSA.distance, score_cutoff=allowed, limit=None)
            )
    return found - keys


# --- writing ----------------------------------------------------------------------------------


def _save_variants(current, wanted, assigned, known, run_id: int | None) -> None:
    now = utcnow()
    fresh = []
    seen_again = []  # rows whose only change is "seen in this run": one UPDATE per chunk
    for key, variant in current.items():
        row = known.get(key_hash(key))
        if row is None:
            fresh.append(_new_row(variant, wanted[key], assigned[key], run_id, now))
            continue
        changes = {name: getattr(variant, name) for name in EVIDENCE if getattr(row, name) != getattr(variant, name)}
        if run_id is not None and row.last_seen_run != run_id:
            if not changes:
                seen_again.append(row.id)
                continue
            changes.update(last_seen_run=run_id, last_seen_at=now)
        if changes:
            FilmVariant.update(**changes).where(FilmVariant.id == row.id).execute()
    for batch in _chunks(seen_again):
        FilmVariant.update(last_seen_run=run_id, last_seen_at=now).where(FilmVariant.id.in_(batch)).execute()
    for batch in _chunks(fresh):
        FilmVariant.insert_many(batch).on_conflict_ignore().execute()


def _new_row(variant: TitleVariant, item: Features, movie_id: int, run_id: int | None, now: datetime) -> dict:
    skeleton = keys.skeleton(item.hebrew_key) if item.hebrew_key else ""
    return {
        "key_hash": key_hash(variant.key),
        "cinema": _storable(variant.cinema),
        "english_title": _storable(variant.english_title),
        "hebrew_title": _storable(variant.hebrew_title),
        "movie_id": movie_id,
        **{name: getattr(variant, name) for name in EVIDENCE},
        "english_key": _k(item.english_compact),
        "hebrew_key": _k(item.hebrew_key),
        "alias_key": _k(item.alias_key),
        "skeleton_key": _k(skeleton),
        "first_seen_at": now,
        "last_seen_at": now,
        "first_seen_run": run_id,
        "last_seen_run": run_id,
    }


def _storable(text: str) -> str:
    """PostgreSQL text cannot hold NUL; the exact key survives in `key_hash`."""
    return text.replace("\x00", "\ufffd")


def _stored_ids(by_hash: dict[str, VariantKey]) -> dict[VariantKey, int]:
    """What the table says now (another process may have stored some variant first)."""
    result: dict[VariantKey, int] = {}
    for batch in _chunks(sorted(by_hash)):
        query = FilmVariant.select(FilmVariant.key_hash, FilmVariant.movie_id).where(FilmVariant.key_hash.in_(batch))
        for digest, movie_id in query.tuples():
            result[by_hash[digest]] = movie_id
    return result


def _refresh_films(movie_ids: set[int]) -> None:
    """Recompute each touched film's display facts from all its variants; write only what changed."""
    for batch in _chunks(sorted(movie_ids)):
        members: dict[int, list[tuple[Features, str]]] = {movie_id: [] for movie_id in batch}
        for row in FilmVariant.select().where(FilmVariant.movie_id.in_(batch)):
            members[row.movie_id].append((features(_variant(row)), row.directed_by))
        for film in Film.select().where(Film.movie_id.in_(batch)):
            if not members[film.movie_id]:
                film.delete_instance()  # lost a race: another process stored these variants first
                continue
            facts = asdict(film_facts(members[film.movie_id]))
            changes = {name: value for name, value in facts.items() if getattr(film, name) != value}
            if changes:
                Film.update(**changes, updated_at=utcnow()).where(Film.movie_id == film.movie_id).execute()
