"""The UI-free views on both databases, and the text rules they rest on (folding, days, display order)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.core.settings import Settings
from app.textfmt import printable
from app.tui.results.bidi import LOGICAL, LRM, VISUAL, DisplayOrder, terminal_default, visual_order
from app.tui.results.cells import MAX_CELL, cell
from app.tui.results.table import ColumnSpec, fit, fit_widths
from dataflows.models import Movie, Showtime
from dataflows.views.days import day_key, day_label
from dataflows.views.load import data_now, load_coming_soon, load_movies, load_quality, load_showtimes, playing
from dataflows.views.search import search_key, words
from dataflows.views.showtimes import ShowtimeFilter
from tests.dataflows.helpers import fixture_files
from tests.results import oracle
from tests.results.fill import import_and_publish

FILES = ("YesPlanet", "HAIFtheque", "LevCinema", "YPsoon", "LCsoon")
NOW = datetime(2026, 8, 10, 18, 0)


@pytest.fixture
def published(backend: Settings) -> Settings:
    """Two real runs (a few cinemas each) imported and published, on SQLite and on PostgreSQL."""
    import_and_publish(backend, fixture_files("590", *FILES))
    import_and_publish(backend, fixture_files("596", *FILES))
    return backend


def test_views_read_the_published_tables_on_both_databases(published: Settings) -> None:
    view = load_showtimes(NOW)
    assert len(view) == Showtime.select().count() > 0
    haifa = view.select(ShowtimeFilter(city="חיפה"))
    fields = ("movie_id", "cinema", "screening_city", "date_of_showing", "showtime")
    assert sorted(tuple(view.value(i, f) for f in fields) for i in haifa) == oracle.showtimes(
        Showtime.screening_city == "Haifa"
    )
    times = [(view.value(i, "date_of_showing"), view.value(i, "showtime")) for i in range(len(view))]
    assert times == sorted(times)

    where = playing(NOW)
    for movie_id, venues, upcoming in [(m, p.venues, p.next_showing) for m, p in where.items()]:
        rows = Showtime.select().where(Showtime.movie_id == movie_id)
        assert venues == len({(r.cinema, r.screening_city) for r in rows})
        ahead = sorted(
            f"{r.date_of_showing} {r.showtime}"
            for r in rows
            if f"{r.date_of_showing} {r.showtime}" >= "2026-08-10 18:00"
        )
        assert upcoming == (ahead[0] if ahead else "")
    movies = load_movies(NOW)
    assert {r["movie_id"] for r in movies.records} == {
        m for (m,) in Movie.select(Movie.movie_id).where(Movie.showtimes > 0).tuples()
    }
    soon = load_coming_soon()
    assert all(r["release_date"] and r["chains"] for r in soon.records)

    quality = load_quality()
    assert [r.plan for r in quality.runs] == ["dataflows", "import", "dataflows", "import"]
    newest = quality.report
    assert newest.run.run_id == quality.runs[0].run_id and newest.previous.run_id == quality.runs[2].run_id
    assert {line.section for line in newest.lines} >= {"Rows", "Published"}
    assert {(y.cinema, y.kind) for y in newest.cinemas} >= {("Yes Planet", "showtime"), ("Lev Cinema", "comingsoon")}


def test_now_is_the_datas_own_day_when_the_clock_is_past_all_of_it(published: Settings) -> None:
    first = Showtime.select(Showtime.date_of_showing).order_by(Showtime.date_of_showing).first().date_of_showing
    assert data_now(NOW) == NOW  # inside the data's days: the clock
    later = datetime(2027, 1, 1, 9, 30)
    assert data_now(later) == datetime.fromisoformat(first)  # a sandbox or imported run's own first day
    earlier = datetime(2025, 1, 1, 9, 30)
    assert data_now(earlier) == earlier


def test_search_folds_case_accents_points_and_punctuation() -> None:
    assert search_key("Amélie") == search_key("AMELIE") == "amelie"
    assert search_key("שָׁלוֹם") == search_key("שלום")  # niqqud ignored
    assert search_key("Spider-Man: Brand") == "spider man brand"
    assert words("  Spider-man  spider ") == ("spider", "man")
    assert words("") == ()


def test_a_day_answers_to_every_way_of_typing_it() -> None:
    today = date(2026, 8, 10)  # a Monday
    friday = day_key("2026-08-14", today)
    for typed in ("2026-08-14", "14/08", "14.08", "fri", "friday", "שישי", "aug"):
        assert all(word in friday for word in words(typed)), typed
    assert "tomorrow" in day_key("2026-08-11", today) and "מחר" in day_key("2026-08-11", today)
    assert "today" in day_key("2026-08-10", today) and "today" not in friday
    assert day_label("2026-08-14") == "Fri 14 Aug" and day_label("not a day") == "not a day"


def test_hebrew_is_reordered_for_terminals_without_bidi_and_left_alone_for_those_with_it() -> None:
    assert visual_order("שלום") == "םולש"
    assert visual_order("גבעה 338") == "338 העבג"  # numbers keep their order
    assert visual_order("ספיר (2023)") == "(2023) ריפס"  # brackets mirrored
    assert visual_order("Hill 338") == "Hill 338"
    assert DisplayOrder(VISUAL).apply("שלום") == "םולש"
    assert DisplayOrder(LOGICAL).apply("שלום") == f"{LRM}שלום{LRM}"  # the terminal reorders inside the cell
    assert DisplayOrder(LOGICAL).apply("Hill") == "Hill"
    assert terminal_default({}) == VISUAL
    assert terminal_default({"VTE_VERSION": "7600"}) == LOGICAL
    assert terminal_default({"VTE_VERSION": "5200"}) == VISUAL  # before VTE's bidi support
    assert terminal_default({"KONSOLE_VERSION": "230804"}) == LOGICAL
    assert terminal_default({"VTE_VERSION": "7600", "KARTISERET_BIDI": "visual"}) == VISUAL


def test_cells_are_literal_cut_and_fitted() -> None:
    hostile = "[@click=app.quit]x[/]\x1b[2J\u202e"
    assert cell(hostile).plain == printable(hostile)
    assert len(cell("A" * 10_000).plain) == MAX_CELL
    assert fit("abcdef", 4) == "abc…" and fit("ab", 4) == "ab  " and fit("ab", 4, right=True) == "  ab"
    specs = [ColumnSpec("a", "A", 10), ColumnSpec("b", "B"), ColumnSpec("c", "C")]
    widths = fit_widths(specs, 100)
    assert widths[0] == 10 and sum(widths) + 2 * len(specs) == 100 and abs(widths[1] - widths[2]) <= 1
    assert fit_widths(specs, 10)[1] == 8  # never below a column's minimum
