"""The movies table: one row per film that has published showtimes or coming-soon entries.

Derived entirely from the published tables and the variants' cleaned titles, chunk by chunk of
films (grouping happens in the database), and written only where something changed — so a
re-run rewrites nothing. Films nothing refers to any more (orphans) are removed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import peewee
from peewee import fn

from dataflows.models import ComingSoon, Movie, Showtime, VariantRecord
from dataflows.quality import Counts
from dataflows.resolve import most_common
from dataflows.store import bulk_insert, chunks

MOVIE_FIELDS = (
    "english_title", "hebrew_title", "release_year", "runtime", "directed_by", "original_language", "rating",
    "showtimes", "cinemas", "first_showing", "last_showing", "release_date",
)  # fmt: skip
FACTS = ("release_year", "runtime", "directed_by", "original_language", "rating")


def referenced_movie_ids() -> list[int]:
    """Films referred to by published rows (one number per film: small even for large tables)."""
    ids = {m for (m,) in Showtime.select(Showtime.movie_id).distinct().tuples()}
    ids |= {m for (m,) in ComingSoon.select(ComingSoon.movie_id).distinct().tuples()}
    return sorted(ids)


def orphans() -> peewee.Select:
    """Movie rows no published row refers to."""
    in_showtimes = Showtime.select(Showtime.movie_id).distinct()
    in_soon = ComingSoon.select(ComingSoon.movie_id).distinct()
    return Movie.select(Movie.movie_id).where(Movie.movie_id.not_in(in_showtimes), Movie.movie_id.not_in(in_soon))


def identity_titles(ids: list[int]) -> dict[int, tuple[str, str]]:
    """Film identity's canonical (English, Hebrew) titles, chosen over all of a film's variants."""
    try:
        from dataflows.identity.models import Film
    except ImportError:
        return {}
    query = Film.select(Film.movie_id, Film.english_title, Film.hebrew_title).where(Film.movie_id.in_(ids))
    return {movie_id: (english, hebrew) for movie_id, english, hebrew in query.tuples()}


def desired_movies(ids: list[int]) -> dict[int, dict[str, Any]]:
    """What the movie rows of these films should say (titles: identity's, else the published variants')."""
    facts: dict[int, dict[str, Counter]] = defaultdict(lambda: {name: Counter() for name in (*FACTS, "en", "he")})
    variant_rows: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for model in (Showtime, ComingSoon):
        columns = [getattr(model, name) for name in FACTS]
        query = (
            model.select(model.movie_id, model.variant_key, *columns, fn.COUNT(model.key))
            .where(model.movie_id.in_(ids))
            .group_by(model.movie_id, model.variant_key, *columns)
            .tuples()
        )
        for movie_id, variant_key, *values, n in query:
            for name, value in zip(FACTS, values, strict=True):
                facts[movie_id][name][value] += n
            variant_rows[variant_key].append((movie_id, n))
    titles = VariantRecord.select(VariantRecord.key_hash, VariantRecord.clean_english, VariantRecord.clean_hebrew)
    for variant_key, english, hebrew in titles.where(VariantRecord.key_hash.in_(sorted(variant_rows))).tuples():
        for movie_id, n in variant_rows[variant_key]:
            facts[movie_id]["en"][english] += n
            facts[movie_id]["he"][hebrew] += n
    stats = {
        movie_id: (n, cinemas, first, last)
        for movie_id, n, cinemas, first, last in Showtime.select(
            Showtime.movie_id,
            fn.COUNT(Showtime.key),
            fn.COUNT(Showtime.cinema.distinct()),
            fn.MIN(Showtime.date_of_showing),
            fn.MAX(Showtime.date_of_showing),
        )
        .where(Showtime.movie_id.in_(ids))
        .group_by(Showtime.movie_id)
        .tuples()
    }
    releases = dict(
        ComingSoon.select(ComingSoon.movie_id, fn.MIN(ComingSoon.release_date))
        .where(ComingSoon.movie_id.in_(ids))
        .group_by(ComingSoon.movie_id)
        .tuples()
    )
    canonical = identity_titles(ids)
    out = {}
    for movie_id in ids:
        f = facts[movie_id]
        n, cinemas, first, last = stats.get(movie_id, (0, 0, "", ""))
        runtime = most_common(f["runtime"])
        english, hebrew = canonical.get(movie_id, ("", ""))
        out[movie_id] = {
            "english_title": english or most_common(f["en"]),
            "hebrew_title": hebrew or most_common(f["he"]),
            "release_year": most_common(f["release_year"]),
            "runtime": int(runtime) if runtime else None,
            "directed_by": most_common(f["directed_by"]),
            "original_language": most_common(f["original_language"]),
            "rating": most_common(f["rating"]),
            "showtimes": n,
            "cinemas": cinemas,
            "first_showing": first or "",
            "last_showing": last or "",
            "release_date": releases.get(movie_id) or "",
        }
    return out


def refresh_movies(size: int = 500) -> Counts:
    """Bring the movies table in line with the published tables (call inside a transaction)."""
    counts = Counts()
    deleted = Movie.delete().where(Movie.movie_id.in_(orphans())).execute()
    counts.add("movies", "removed", deleted)
    for chunk in chunks(referenced_movie_ids(), min(size, 500)):
        ids = list(chunk)
        wanted = desired_movies(ids)
        existing = {row["movie_id"]: row for row in Movie.select().where(Movie.movie_id.in_(ids)).dicts()}
        new_rows = []
        for movie_id, values in sorted(wanted.items()):
            current = existing.get(movie_id)
            if current is None:
                new_rows.append((movie_id, *(values[name] for name in MOVIE_FIELDS)))
            elif any(current[name] != values[name] for name in MOVIE_FIELDS):
                Movie.update(**values).where(Movie.movie_id == movie_id).execute()
                counts.add("movies", "updated")
        bulk_insert(Movie, ("movie_id", *MOVIE_FIELDS), new_rows)
        counts.add("movies", "added", len(new_rows))
    return counts
