"""The result screens on a database filled from the real fixtures: filters, search in both languages,
navigation from the mode screen and the dashboard, the film drill-down, and export."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from app.core.settings import Settings
from app.tui.screens.coming_soon import ComingSoonScreen
from app.tui.screens.movies import MoviesScreen
from app.tui.screens.quality import QualityScreen
from app.tui.screens.showtimes import ShowtimesScreen
from dataflows.exports import SHOWTIME_COLUMNS
from dataflows.models import ComingSoon, Movie, Showtime
from dataflows.views.showtimes import COLUMN
from tests.results import oracle
from tests.results.conftest import SIZE, open_screen, results_app
from tests.tui.conftest import screen_text, wait_for

SPIDER_MAN = "spider-man"  # the words of one film's title (the oracle checks that they name one film)


def shown_screenings(screen: ShowtimesScreen) -> list[oracle.Screening]:
    """What the Showtimes table lists, as (film, cinema, city, date, time)."""
    fields = ("movie_id", "cinema", "screening_city", "date_of_showing", "showtime")
    return [tuple(screen.view.records[i][COLUMN[f]] for f in fields) for i in screen.table.result]


async def type_into(pilot, screen, selector: str, text: str) -> None:
    """Focus a filter box, type like a user, and wait until the table shows that filter's result."""
    screen.query_one(selector).focus()
    await pilot.pause()
    await pilot.press(*["space" if char == " " else char for char in text])
    await wait_for(pilot, lambda: list(screen.table.result) == screen.select_rows(), f"filtered by {text!r}")
    await pilot.pause(0.1)  # a pending debounce has fired (it changes nothing more)


async def test_a_city_and_a_film_in_hebrew_or_english_find_the_right_screenings(results_settings: Settings) -> None:
    app = results_app(results_settings)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "w", ShowtimesScreen)
        (spider,) = oracle.films_titled(SPIDER_MAN)
        assert oracle.films_titled("ספיידרמן") == {spider}  # the same film, by its Hebrew title
        everything = oracle.showtimes()
        assert sorted(shown_screenings(screen)) == everything
        await type_into(pilot, screen, "#city", "הרצליה")  # Herzliya, in Hebrew
        in_herzliya = oracle.showtimes(Showtime.screening_city == "Herziliya")
        assert sorted(shown_screenings(screen)) == in_herzliya and 0 < len(in_herzliya) < len(everything)
        await type_into(pilot, screen, "#search", "spider-man")
        expected = oracle.showtimes(Showtime.screening_city == "Herziliya", Movie.movie_id == spider)
        assert sorted(shown_screenings(screen)) == expected and len(expected) > 1
        assert Movie.get_by_id(spider).english_title in screen_text(app)
        screen.query_one("#search").value = ""
        await type_into(pilot, screen, "#search", "ספיידרמן")  # the same film by its Hebrew title
        assert sorted(shown_screenings(screen)) == expected
        assert f"{len(expected)} of {len(everything)} showtimes" in screen_text(app)
        days_and_times = [(s[3], s[4]) for s in shown_screenings(screen)]
        assert days_and_times == sorted(days_and_times)  # sorted by time


async def test_day_cinema_type_and_dubbing_filters(results_settings: Settings) -> None:
    app = results_app(results_settings)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "w", ShowtimesScreen)
        await type_into(pilot, screen, "#day", "tomorrow")  # the frozen clock says Monday 10 August
        tomorrow = oracle.showtimes(Showtime.date_of_showing == "2026-08-11")
        assert sorted(shown_screenings(screen)) == tomorrow and tomorrow
        await type_into(pilot, screen, "#cinema", "סינמה סיטי")  # Cinema City, in Hebrew
        expected = oracle.showtimes(Showtime.date_of_showing == "2026-08-11", Showtime.cinema == "Cinema City")
        assert sorted(shown_screenings(screen)) == expected and expected
        screen.query_one("#day").value = ""
        screen.query_one("#cinema").value = ""
        await type_into(pilot, screen, "#screening", "vip")
        vip = oracle.showtimes(Showtime.screening_type.contains("VIP") | Showtime.screening_tech.contains("VIP"))
        assert sorted(shown_screenings(screen)) == vip and vip
        screen.query_one("#screening").value = ""
        screen.query_one("#dubbed").focus()
        await pilot.press("enter", "down", "enter")  # "Dubbed"
        dubbed = oracle.showtimes(Showtime.dub_language != "")
        await wait_for(pilot, lambda: sorted(shown_screenings(screen)) == dubbed, "dubbed only")
        assert dubbed and "· dubbed" in screen_text(app)
        await type_into(pilot, screen, "#day", "fri")  # Friday 14 August
        friday = oracle.showtimes(Showtime.dub_language != "", Showtime.date_of_showing == "2026-08-14")
        assert sorted(shown_screenings(screen)) == friday


async def test_movies_search_both_languages_and_open_a_films_showtimes(results_settings: Settings) -> None:
    app = results_app(results_settings)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "m", MoviesScreen)
        playing = {m for (m,) in Movie.select(Movie.movie_id).where(Movie.showtimes > 0).tuples()}
        assert {screen.view.records[i]["movie_id"] for i in screen.table.result} == playing
        (spider,) = oracle.films_titled(SPIDER_MAN)
        assert oracle.films_titled("spider") & playing == {spider}
        await type_into(pilot, screen, "#search", "spider")
        assert [screen.view.records[i]["movie_id"] for i in screen.table.result] == [spider]
        screen.query_one("#search").value = ""
        await type_into(pilot, screen, "#search", "ספיידרמן")
        assert [screen.view.records[i]["movie_id"] for i in screen.table.result] == [spider]
        film = screen.view.records[screen.table.result[0]]
        venues = Showtime.select(Showtime.cinema, Showtime.screening_city).distinct().where(Showtime.movie_id == spider)
        assert film["venues"] == venues.count() and film["showtimes"] == len(oracle.showtimes(Movie.movie_id == spider))
        for keys in (("enter",), ("down", "enter")):  # Enter in the search box; Enter on the table's row
            await pilot.press(*keys)
            await wait_for(pilot, lambda: isinstance(app.screen, ShowtimesScreen) and app.screen.view, "the film")
            assert sorted(shown_screenings(app.screen)) == oracle.showtimes(Movie.movie_id == spider)
            assert f"film “{Movie.get_by_id(spider).english_title}”" in screen_text(app)
            await pilot.press("escape")
            assert app.screen is screen


async def test_coming_soon_lists_each_film_once_with_its_chains(results_settings: Settings) -> None:
    app = results_app(results_settings)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "u", ComingSoonScreen)
        records = [screen.view.records[i] for i in screen.table.result]
        chains: dict[int, set[str]] = {}
        for movie_id, cinema in ComingSoon.select(ComingSoon.movie_id, ComingSoon.cinema).tuples():
            chains.setdefault(movie_id, set()).add(cinema)
        assert {r["movie_id"]: set(r["chains"].split(", ")) for r in records} == chains
        assert [r["release_date"] for r in records] == sorted(r["release_date"] for r in records)
        await type_into(pilot, screen, "#search", "מובילנד")  # a chain, by its Hebrew name
        shown = {screen.view.records[i]["movie_id"] for i in screen.table.result}
        assert shown == {m for m, names in chains.items() if "MovieLand" in names}


async def test_export_writes_the_filtered_rows_as_csv_and_json(results_settings: Settings) -> None:
    app = results_app(results_settings)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "w", ShowtimesScreen)
        await type_into(pilot, screen, "#city", "Glilot")
        await pilot.press("f6", "f7")
        await wait_for(pilot, lambda: len(list(Path("data/exports").glob("showtimes-*"))) == 2, "two exports")
        messages = [str(n.message) for n in app._notifications]
        assert any("data/exports/showtimes-" in m and ".csv" in m for m in messages), messages
    expected = oracle.showtimes(Showtime.screening_city == "Glilot")
    csv_file = next(Path("data/exports").glob("showtimes-*.csv"))
    with csv_file.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert reader.fieldnames == SHOWTIME_COLUMNS
    key = ("movie_id", "cinema", "screening_city", "date_of_showing", "showtime")
    assert sorted(tuple(int(r[k]) if k == "movie_id" else r[k] for k in key) for r in rows) == expected
    times = [(r["date_of_showing"], r["showtime"]) for r in rows]
    assert times == sorted(times)
    exported = json.loads(next(Path("data/exports").glob("showtimes-*.json")).read_text(encoding="utf-8"))
    assert [{k: str(v) for k, v in row.items()} for row in exported] == rows


async def test_data_quality_compares_runs_and_flags_the_yield_drop(results_settings: Settings) -> None:
    app = results_app(results_settings)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "d", QualityScreen)
        report = screen.view.report
        assert report.run.plan == "dataflows" and report.previous.plan == "dataflows"  # like with like
        flagged = [y for y in report.cinemas if y.flagged]
        assert [(y.cinema, y.kind, y.reason) for y in flagged] == [("Yes Planet", "showtime", "yield_drop")]
        text = screen_text(app)
        assert "1 scrape(s) flagged" in text and "⚑ rejected: yield_drop" in text
        published = {line.label: line.current for line in report.lines if line.section == "Published"}
        assert published.get("showtimes") is not None
        newest = report.run_id
        screen.query_one("#runs").focus()
        await pilot.press("down")  # the import before it
        await wait_for(pilot, lambda: screen.view.report.run_id == newest - 1, "older run")
        assert screen.view.report.run.plan == "import"
        assert screen.view.report.previous.plan == "import"
        rows_in = next(line for line in screen.view.report.lines if line.label == "Rows in")
        assert rows_in.current is not None and rows_in.previous is not None and rows_in.change < 0


async def test_every_result_screen_is_reachable_from_the_mode_screen_and_the_dashboard(
    results_settings: Settings, closing
) -> None:
    from app.tui.screens.dashboard import DashboardScreen
    from tests.tui.conftest import job, plan_of, run_over

    quick = job("yes_planet", "quick", "nowplaying", title="Yes Planet")
    app = results_app(results_settings, plan=plan_of(("nowplaying", True, (quick,))))
    closing.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: run_over(app), "the run ended")
        for key, kind in (("m", MoviesScreen), ("w", ShowtimesScreen), ("u", ComingSoonScreen), ("d", QualityScreen)):
            assert isinstance(app.screen, DashboardScreen)
            await open_screen(pilot, key, kind)
            await pilot.press("escape")
        mode = results_app(results_settings)
    async with mode.run_test(size=SIZE) as pilot:
        for key, kind in (("m", MoviesScreen), ("w", ShowtimesScreen), ("u", ComingSoonScreen), ("d", QualityScreen)):
            await open_screen(pilot, key, kind)
            await pilot.press("escape")
            await pilot.pause()
        for key in "mwud":  # closed again before its rows are in: the late rows go nowhere, quietly
            await pilot.press(key, "escape")
        await wait_for(pilot, lambda: all(worker.is_finished for worker in mode.workers), "the loads to end")
        assert mode.is_running and mode.errors == []
