"""Films as film identity will hand them over (taken from the shared scrapes), in a fixture table.

`FixtureFilm` stands in for identity's films table until it exists; the job reads it through the
same adapter (`films_from_model`) it will use for the real one. Expected outcomes are what a person
checking TMDB would decide, not what the code happens to return.
"""

from __future__ import annotations

import peewee

from app.core.db import BaseModel, database
from app.core.jobs import JobContext
from dataflows.enrich.client import ClientConfig
from dataflows.enrich.films import films_from_model
from dataflows.enrich.job import enrich

# Real HTTP, but quick to give up on a scripted outage.
TEST_CLIENT = ClientConfig(read_timeout_s=3.0, backoff_s=0.01, max_retry_after_s=0.05, per_second=1000.0)


class FixtureFilm(BaseModel):
    """Column names deliberately differ a little from FilmFacts (as a real table's may)."""

    movie_id = peewee.CharField(max_length=64, primary_key=True)
    english_title = peewee.TextField(default="")
    hebrew_title = peewee.TextField(default="")
    alt_titles = peewee.TextField(default="")
    release_year = peewee.CharField(max_length=8, default="")
    directed_by = peewee.TextField(default="")
    runtime = peewee.CharField(max_length=8, default="")

    class Meta:
        table_name = "enrich_fixture_films"


# (movie_id, english, hebrew, year, director, runtime) -> expected (status, tmdb_id)
FILMS = [
    (("odyssey", "The Odyssey", "האודיסאה", "2026", "Christopher Nolan", "172"), ("matched", 1368337)),
    (("spiderman-bnd", "SPIDERMAN: BRAND NEW DAY", "ספיידרמן: יום חדש", "2026", "", "150"), ("matched", 969681)),
    (
        ("toy-story-5", "Toy Story 5", "צעצוע של סיפור 5", "2026", "Andrew Stanton, McKenna Harris", ""),
        ("matched", 1084244),
    ),
    # Hebrew in the English field, Hebrew director: the old pipeline searched "338" and took the first hit.
    (("hill-338", "גבעה 338", "גבעה 338", "2026", "ארז בן הרוש", "106"), ("matched", 1693984)),
    # Same title, different years: the Israeli "Mama" (2025) vs the 2013 horror film.
    (("mama-2025", "Mama", "מאמא", "2025", "אור סיני", "93"), ("matched", 1483616)),
    (("superman-1978", "Superman", "סופרמן", "1978", "", "143"), ("matched", 1924)),
    (("ghostbusters-1984", "", "מכסחי השדים", "1984", "", "105"), ("matched", 620)),
    # Nothing tells the 1996 and 2026 "Michael" apart: review, never "first result".
    (("michael", "Michael", "מייקל", "", "", ""), ("review", None)),
    # Listed without a year: the 2025 film leads the 2013 one only on runtime (93 vs 100), too little.
    (("mama-undated", "Mama", "מאמא", "", "", "93"), ("review", None)),
    # Not a film at all (a chain's banner scraped as a title): no candidates, review.
    (("hot-cinema", "Hot Cinema", "", "2026", "", ""), ("review", None)),
]

EXPECTED = {row[0]: outcome for row, outcome in FILMS}


def create_fixture_films() -> None:
    database.create_tables([FixtureFilm], safe=True)
    columns = ("movie_id", "english_title", "hebrew_title", "release_year", "directed_by", "runtime")
    rows = [dict(zip(columns, row, strict=True)) for row, _ in FILMS]
    FixtureFilm.insert_many(rows).on_conflict_ignore().execute()


def enrich_fixture_films(ctx: JobContext) -> None:
    """Job target for executor tests: the real job body over the fixture table."""
    enrich(ctx, films_from_model(FixtureFilm)(), config=TEST_CLIENT)
