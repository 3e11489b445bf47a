"""`kartiseret export showtimes|movies|comingsoon`: the published tables with the contract's columns."""

from __future__ import annotations

import csv
import io
import json

import pytest

from app.commands.exporting import export
from app.core.settings import Settings
from dataflows.exports import SHOWTIME_COLUMNS, export_rows
from dataflows.models import ComingSoon, Movie, Showtime
from tests.dataflows.helpers import fixture_files, import_files, run_dataflows

CONTRACT = {
    "movie_id", "english_title", "hebrew_title", "tmdb_id", "cinema", "screening_city", "date_of_showing", "showtime",
    "screening_type", "screening_tech", "dub_language", "english_href", "hebrew_href", "source_english_title",
    "source_hebrew_title",
}  # fmt: skip


@pytest.fixture
def published(backend: Settings) -> Settings:
    import_files(backend, fixture_files("590", "YesPlanet", "RavHen", "TLVtheque", "YPsoon", "MLsoon"))
    run_dataflows(backend)
    return backend


def test_showtimes_export_carries_films_and_source_titles(published: Settings) -> None:
    rows, columns = export_rows("showtimes")
    rows = list(rows)
    assert set(columns) >= CONTRACT and columns == SHOWTIME_COLUMNS
    assert len(rows) == Showtime.select().count()
    movies = {m.movie_id: m for m in Movie.select()}
    for row in rows:
        assert row["english_title"] == movies[row["movie_id"]].english_title
        assert row["source_english_title"] or row["source_hebrew_title"]
    order = [(r["cinema"], r["date_of_showing"], r["showtime"]) for r in rows]
    assert order == sorted(order)
    rav_hen = [r for r in rows if r["cinema"] == "Rav Hen"]
    assert rav_hen and all(r["source_english_title"] == r["source_hebrew_title"] for r in rav_hen)  # as scraped


def test_exports_as_csv_and_json(published: Settings) -> None:
    for kind, model in (("showtimes", Showtime), ("movies", Movie), ("comingsoon", ComingSoon)):
        _, columns = export_rows(kind)
        for fmt in ("csv", "json"):
            out = io.StringIO()
            assert export(published, kind, fmt, None, None, out) == 0
            text = out.getvalue()
            parsed = list(csv.DictReader(io.StringIO(text))) if fmt == "csv" else json.loads(text)
            assert len(parsed) == model.select().count() > 0
            assert list(parsed[0]) == columns


def test_exports_page_through_large_tables(published: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    import dataflows.exports as exports

    everything = [tuple(r.values()) for r in export_rows("showtimes")[0]]
    assert len(everything) > 7 * 3
    monkeypatch.setattr(exports, "PAGE", 7)
    assert [tuple(r.values()) for r in export_rows("showtimes")[0]] == everything
