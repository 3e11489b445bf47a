"""`kartiseret export showtimes|movies|comingsoon`: the published tables as rows for CSV or JSON.

Rows stream page by page in a stable order (keyset pagination: bounded memory on both backends).
Showtimes carry their film's canonical titles and `movie_id`, the TMDB id when enrichment found one,
and the source titles exactly as scraped.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import peewee

from app.core.errors import ConfigError
from dataflows.models import ComingSoon, Movie, Showtime, VariantRecord

PAGE = 2000

SHOWTIME_COLUMNS = [
    "movie_id", "english_title", "hebrew_title", "tmdb_id", "cinema", "screening_city", "date_of_showing",
    "showtime", "screening_type", "screening_tech", "dub_language", "original_language", "english_href",
    "hebrew_href", "source_english_title", "source_hebrew_title", "release_year", "runtime", "rating", "flags",
    "run_id",
]  # fmt: skip
MOVIE_COLUMNS = [
    "movie_id", "english_title", "hebrew_title", "tmdb_id", "release_year", "runtime", "directed_by",
    "original_language", "rating", "showtimes", "cinemas", "first_showing", "last_showing", "release_date",
]  # fmt: skip
COMINGSOON_COLUMNS = [
    "movie_id", "english_title", "hebrew_title", "tmdb_id", "cinema", "release_date", "release_year", "runtime",
    "directed_by", "original_language", "rating", "source_english_title", "source_hebrew_title", "flags", "run_id",
]  # fmt: skip


def tmdb_ids(movie_ids: set[int]) -> dict[int, int]:
    """TMDB ids that enrichment matched or a person pinned (empty when enrichment is not installed)."""
    try:
        from dataflows.enrich.models import FilmTmdb
    except ImportError:
        return {}
    if not movie_ids or not FilmTmdb.table_exists():
        return {}
    query = FilmTmdb.select(FilmTmdb.movie_id, FilmTmdb.tmdb_id).where(
        FilmTmdb.movie_id.in_(sorted(str(m) for m in movie_ids)),
        FilmTmdb.status.in_(("matched", "pinned")),
        FilmTmdb.tmdb_id.is_null(False),
    )
    return {int(movie_id): tmdb for movie_id, tmdb in query.tuples() if str(movie_id).isdigit()}


def ordered_pages(query: peewee.Select, order: list[peewee.Field], size: int | None = None) -> Iterator[list[dict]]:
    """Keyset pages in `order` (which must end with a unique column), as dicts."""
    size = size or PAGE
    last: tuple | None = None
    names = [field.name for field in order]
    while True:
        page_query = query if last is None else query.where(peewee.Tuple(*order) > peewee.Tuple(*last))
        page = list(page_query.order_by(*order).limit(size).dicts())
        if not page:
            return
        yield page
        last = tuple(page[-1][f"_o_{name}"] for name in names)


def _rows(query: peewee.Select, order: list[peewee.Field], columns: list[str]) -> Iterator[dict[str, Any]]:
    query = query.select_extend(*(field.alias(f"_o_{field.name}") for field in order))
    for page in ordered_pages(query, order):
        tmdb = tmdb_ids({row["movie_id"] for row in page})
        for row in page:
            row["tmdb_id"] = tmdb.get(row["movie_id"], "")
            yield {name: "" if row.get(name) is None else row[name] for name in columns}


def _with_titles(model: type[peewee.Model]) -> peewee.ModelSelect:
    """A published table's rows with their film's canonical titles and the titles exactly as scraped."""
    return (
        model.select(
            model,
            Movie.english_title,
            Movie.hebrew_title,
            VariantRecord.english_title.alias("source_english_title"),
            VariantRecord.hebrew_title.alias("source_hebrew_title"),
        )
        .join(Movie, peewee.JOIN.LEFT_OUTER, on=(Movie.movie_id == model.movie_id))
        .switch(model)
        .join(VariantRecord, peewee.JOIN.LEFT_OUTER, on=(VariantRecord.key_hash == model.variant_key))
    )


def showtime_rows() -> Iterator[dict[str, Any]]:
    order = [Showtime.cinema, Showtime.date_of_showing, Showtime.showtime, Showtime.key]
    return _rows(_with_titles(Showtime), order, SHOWTIME_COLUMNS)


def movie_rows() -> Iterator[dict[str, Any]]:
    return _rows(Movie.select(), [Movie.movie_id], MOVIE_COLUMNS)


def comingsoon_rows() -> Iterator[dict[str, Any]]:
    query = _with_titles(ComingSoon)
    order = [ComingSoon.release_date, ComingSoon.cinema, ComingSoon.key]
    return _rows(query, order, COMINGSOON_COLUMNS)


EXPORTS = {
    "showtimes": (showtime_rows, SHOWTIME_COLUMNS),
    "movies": (movie_rows, MOVIE_COLUMNS),
    "comingsoon": (comingsoon_rows, COMINGSOON_COLUMNS),
}


def export_rows(kind: str) -> tuple[Iterator[dict[str, Any]], list[str]]:
    """CLI hook: (rows, column names) of a published table."""
    if kind not in EXPORTS:
        raise ConfigError(f"cannot export {kind!r}; choose one of {', '.join(EXPORTS)}")
    rows, columns = EXPORTS[kind]
    return rows(), list(columns)
