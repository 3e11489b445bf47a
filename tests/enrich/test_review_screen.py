"""The TMDB review screen driven with Pilot over a real queue: skip, pin by id, accept a candidate."""

from __future__ import annotations

from rich.text import Text
from textual.app import App
from textual.widgets import DataTable, Input, Static

from app.core.settings import Settings
from app.tui.screens.review import ReviewScreen
from dataflows.enrich.review import ReviewDesk, review_queue
from tests.enrich.fixture_films import FixtureFilm
from tests.enrich.helpers import decisions, run_job

HOSTILE = "[@click=app.quit]Quit[/] \x1b]8;;http://x\x1b\\"


class Host(App[None]):
    """A bare app that opens the screen the way the Kartiseret app will: push it with a desk."""

    def __init__(self) -> None:
        super().__init__()
        self.resolved: list[tuple[str, str, int | None]] = []

    def on_mount(self) -> None:
        self.push_screen(ReviewScreen(ReviewDesk()))

    def on_review_screen_resolved(self, message: ReviewScreen.Resolved) -> None:
        self.resolved.append((message.movie_id, message.action, message.tmdb_id))


def films_shown(screen: ReviewScreen) -> list[str]:
    table = screen.query_one("#review-films", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def candidates_shown(screen: ReviewScreen) -> list[str]:
    table = screen.query_one("#review-candidates", DataTable)
    return [str(table.get_row_at(i)[-1]) for i in range(table.row_count)]


async def test_skip_pin_and_accept_from_the_screen(tmdb_settings: Settings) -> None:
    run_job(tmdb_settings)
    app = Host()
    async with app.run_test(size=(140, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert films_shown(screen) == ["Hot Cinema", "Mama / מאמא", "Michael / מייקל"]
        assert candidates_shown(screen) == []  # the banner has no candidates

        await pilot.press("s")  # skip "Hot Cinema"
        await pilot.pause()
        assert films_shown(screen) == ["Mama / מאמא", "Michael / מייקל"]
        assert candidates_shown(screen)[:2] == ["1483616", "72571"]

        await pilot.press("p")
        await pilot.pause()
        pin_box = screen.query_one("#review-pin", Input)
        assert pin_box.has_focus
        await pilot.press(*"not an id", "enter")  # letters go into the box, not to the screen's keys
        await pilot.pause()
        assert films_shown(screen)[0] == "Mama / מאמא"  # refused: still waiting
        pin_box.value = ""
        await pilot.press(*"themoviedb.org/movie/1483616-mama", "enter")
        await pilot.pause()
        assert films_shown(screen) == ["Michael / מייקל"]

        await pilot.press("tab", "down")  # to the candidates, second one: the 1996 "Michael"
        await pilot.pause()
        assert candidates_shown(screen) == ["936075", "2928"]
        await pilot.press("a")
        await pilot.pause()
        assert films_shown(screen) == []
        assert "all done" in str(screen.query_one("#review-title", Static).render())

    assert app.resolved == [
        ("hot-cinema", "skipped", None),
        ("mama-undated", "pinned", 1483616),
        ("michael", "accepted", 2928),
    ]
    assert review_queue() == []
    assert {k: decisions()[k] for k in ("hot-cinema", "mama-undated", "michael")} == {
        "hot-cinema": ("skipped", None),
        "mama-undated": ("pinned", 1483616),
        "michael": ("pinned", 2928),
    }


async def test_hostile_titles_are_shown_literally(tmdb_settings: Settings) -> None:
    FixtureFilm.create(movie_id="hostile", english_title=HOSTILE, release_year="2026")
    run_job(tmdb_settings)
    app = Host()
    async with app.run_test(size=(140, 36)) as pilot:
        screen = app.screen
        table = screen.query_one("#review-films", DataTable)
        cells = [table.get_row_at(i)[0] for i in range(table.row_count)]
        hostile = next(c for c in cells if "click" in str(c))
        assert isinstance(hostile, Text) and hostile.plain.startswith("[@click=app.quit]Quit[/] \\x1b]8;;")
        await pilot.pause()
        assert app.is_running  # the [@click=app.quit] in a title did not quit
