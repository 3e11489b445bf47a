"""Snapshots of the result screens over the filled fixture database, with a frozen clock.

Hebrew is drawn in LOGICAL order here: the snapshot report is viewed in a browser, which (like VTE)
does its own bidi reordering, so logical order is what reads correctly there. Visual order is
covered by the Pilot tests and `test_views.py`.

Update after an intended visual change with `pytest tests/results/test_snapshots.py --snapshot-update`
and look at the report before accepting.
"""

from __future__ import annotations

import pytest

from app.core.settings import Settings
from app.tui.results.bidi import LOGICAL, ORDER
from app.tui.screens.coming_soon import ComingSoonScreen
from app.tui.screens.movies import MoviesScreen
from app.tui.screens.quality import QualityScreen
from app.tui.screens.showtimes import ShowtimesScreen
from tests.results.conftest import SIZE, open_screen, results_app
from tests.tui.conftest import wait_for


@pytest.fixture(autouse=True)
def _logical_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ORDER, "mode", LOGICAL)


def typed(screen, *boxes: tuple[str, str]):
    """A run_before that fills filter boxes, waits for the result, then moves to the table (no blinking cursor)."""

    async def run_before(pilot) -> None:
        opened = await open_screen(pilot, screen[0], screen[1])
        for selector, text in boxes:
            opened.query_one(selector).focus()
            await pilot.press(*["space" if char == " " else char for char in text])
        await wait_for(pilot, lambda: list(opened.table.result) == opened.select_rows(), "filtered")
        await pilot.pause(0.1)
        opened.table.focus()
        await pilot.pause()

    return run_before


def test_showtimes_by_city_and_film(snap_compare, results_settings: Settings) -> None:
    run_before = typed(("w", ShowtimesScreen), ("#search", "spider"), ("#city", "הרצליה"))
    assert snap_compare(results_app(results_settings), terminal_size=SIZE, run_before=run_before)


def test_movies_searched_in_hebrew(snap_compare, results_settings: Settings) -> None:
    run_before = typed(("m", MoviesScreen), ("#search", "ה"))
    assert snap_compare(results_app(results_settings), terminal_size=SIZE, run_before=run_before)


def test_coming_soon(snap_compare, results_settings: Settings) -> None:
    assert snap_compare(results_app(results_settings), terminal_size=SIZE, run_before=typed(("u", ComingSoonScreen)))


def test_data_quality_of_the_yield_drop_run(snap_compare, results_settings: Settings) -> None:
    async def run_before(pilot) -> None:
        screen = await open_screen(pilot, "d", QualityScreen)
        screen.query_one("#runs").focus()
        newest = screen.view.report.run_id
        await pilot.press("down")  # the import whose Yes Planet scrape was rejected
        await wait_for(pilot, lambda: screen.view.report.run_id == newest - 1, "the import's report")
        await pilot.pause()

    assert snap_compare(results_app(results_settings), terminal_size=SIZE, run_before=run_before)
