"""Where the films to enrich come from: any table whose rows carry a film's facts.

Enrichment does not depend on the final tables' exact shape: `facts_from_row` reads the usual
column names (and a few aliases), and `films_on_screen()` is the one query that names the real
tables (film identity's `films`, narrowed to what publishing put on screen).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

import peewee

from app.core.db import database
from app.core.errors import JobSkipped
from dataflows.enrich.facts import FilmFacts

FilmSource = Callable[[], list[FilmFacts]]

_ALIASES = {
    "movie_id": ("movie_id", "id"),
    "english_title": ("english_title", "title_en", "canonical_english_title"),
    "hebrew_title": ("hebrew_title", "title_he", "canonical_hebrew_title"),
    "alt_titles": ("alt_titles", "alternative_titles", "titles"),
    "year": ("year", "release_year"),
    "director": ("director", "directed_by", "directors"),
    "runtime": ("runtime", "runtime_min"),
}


def _pick(row: Mapping[str, Any], name: str) -> Any:
    for key in _ALIASES[name]:
        if row.get(key) not in (None, ""):
            return row[key]
    return None


def _whole_number(value: Any) -> int | None:
    text = str(value or "").strip()
    digits = text.split(".", 1)[0]
    return int(digits) if digits.isdigit() and int(digits) > 0 else None


def _titles(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list | tuple):
        items = value
    else:
        text = str(value).strip()
        try:
            items = json.loads(text) if text.startswith("[") else text.split("|")
        except json.JSONDecodeError:
            items = text.split("|")
    return tuple(str(item).strip() for item in items if str(item).strip())


def facts_from_row(row: Mapping[str, Any]) -> FilmFacts:
    """Facts from one row of a films table (tolerant of column names and text-typed numbers)."""
    director = _pick(row, "director")
    if isinstance(director, list | tuple):
        director = ", ".join(str(d) for d in director)
    return FilmFacts(
        movie_id=str(_pick(row, "movie_id") or ""),
        english_title=str(_pick(row, "english_title") or "").strip(),
        hebrew_title=str(_pick(row, "hebrew_title") or "").strip(),
        alt_titles=_titles(_pick(row, "alt_titles")),
        year=_whole_number(_pick(row, "year")),
        director=str(director or "").strip(),
        runtime=_whole_number(_pick(row, "runtime")),
    )


def films_from_query(query: Callable[[], peewee.ModelSelect]) -> FilmSource:
    """A source reading the rows a query selects (films without an id or any title are left out)."""

    def load() -> list[FilmFacts]:
        films = [facts_from_row(row) for row in query().dicts()]
        return [f for f in films if f.movie_id and f.titles()]

    return load


def films_from_model(model: type[peewee.Model]) -> FilmSource:
    """Every row of `model` (fixture tables, ad-hoc lists)."""
    return films_from_query(model.select)


def films_on_screen() -> peewee.ModelSelect:
    """Film identity's films that are not events and, once publishing has run, have something published.

    Films long gone from every screen are not re-matched (nor queued for review) run after run.
    """
    from dataflows.identity.models import Film
    from dataflows.models import Movie

    query = Film.select().where(Film.is_event == False)  # noqa: E712 (SQL comparison)
    if database.table_exists(Movie._meta.table_name) and Movie.select().exists():
        query = query.where(Film.movie_id.in_(Movie.select(Movie.movie_id)))
    return query


def default_source() -> FilmSource:
    """The films the `enrich` job reads (the one place that names the films table)."""
    if not database.table_exists("films"):
        raise JobSkipped("no films to enrich: the film identity table does not exist yet")
    return films_from_query(films_on_screen)
