"""Snapshots of the result screens over a small fixed set of published rows (`curated.py`: real
titles, written straight into the tables so the pictures do not move when the cleaning rules do),
with a frozen clock.

Hebrew is drawn in LOGICAL order here: the snapshot report is viewed in a browser, which (like VTE)
does its own bidi reordering, so logical order is what reads correctly there. Visual order is
covered by the Pilot tests and `test_views.py`.

Update after an intended visual change with `pytest tests/results/test_snapshots.py --snapshot-update`
and look at the report before accepting.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.settings import Settings
from app.tui.app import open_store
from app.tui.results.bidi import LOGICAL, ORDER
from app.tui.screens.coming_soon import ComingSoonScreen
from app.tui.screens.movies import MoviesScreen
from app.tui.screens.quality import QualityScreen
from app.tui.screens.showtimes import ShowtimesScreen
from tests.conftest import make_settings
from tests.results.conftest import SIZE, open_screen, results_app
from tests.results.curated import write_curated
from tests.tui.conftest import wait_for


@pytest.fixture(autouse=True)
def _logical_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ORDER, "mode", LOGICAL)


@pytest.fixture
def curated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.chdir(tmp_path)
    settings = make_settings(tmp_path, sites="live", data_dir=Path("data"), artifacts_dir=Path("artifacts"))
    open_store(settings)
    write_curated(settings.mode, settings.sites)
    return settings


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


def test_showtimes_by_city_and_film(snap_compare, curated: Settings) -> None:
    run_before = typed(("w", ShowtimesScreen), ("#search", "spider"), ("#city", "הרצליה"))
    assert snap_compare(results_app(curated), terminal_size=SIZE, run_before=run_before)


def test_movies_searched_in_hebrew(snap_compare, curated: Settings) -> None:
    run_before = typed(("m", MoviesScreen), ("#search", "ה"))
    assert snap_compare(results_app(curated), terminal_size=SIZE, run_before=run_before)


def test_coming_soon(snap_compare, curated: Settings) -> None:
    assert snap_compare(results_app(curated), terminal_size=SIZE, run_before=typed(("u", ComingSoonScreen)))


def test_data_quality_of_the_yield_drop_run(snap_compare, curated: Settings) -> None:
    async def run_before(pilot) -> None:
        await open_screen(pilot, "d", QualityScreen)  # the newest dataflows run, against the one before
        await pilot.pause()

    assert snap_compare(results_app(curated), terminal_size=SIZE, run_before=run_before)
