"""The hostile corpus, imported and published by the real dataflows, in both front ends: the TUI (its
dashboard log and the result screens) and the headless Rich output on a real terminal. Nothing styles,
links, acts or reaches the terminal raw; every value is visible as typed (control characters escaped)."""

from __future__ import annotations

import re
from pathlib import Path

from app.core.settings import Settings
from app.tui.app import open_store
from app.tui.launch import shut_down
from app.tui.screens.movies import MoviesScreen
from app.tui.screens.showtimes import ShowtimesScreen
from registry import dataflows
from tests.conftest import make_settings
from tests.dataflows.helpers import import_files
from tests.reliability.harness import env_for, kartiseret
from tests.reliability.hostile import CORPUS, assert_inert, listings, literal
from tests.tui.conftest import catalogue_of, make_app, plan_of, run_over, screen_text, wait_for
from tests.tui.test_hostile_text import active_segments
from tests.tui.test_terminal import Terminal

KLINGON = "values with no rule yet: original_language: [bold]Klingon[/] \\x1b[5mblink (1)"
# Escape sequences of the corpus that must never reach a terminal as they are.
RAW_SEQUENCES = ("\x1b[5mblink", "\x1b]8;;https://evil.example", "\x1b]0;window title", "\x1b[2J\x1b[H cleared")


def hostile_store(tmp_path: Path) -> Settings:
    """Testing database holding the hostile listings as one imported run (not yet published)."""
    settings = make_settings(tmp_path, sites="live")
    open_store(settings)
    code, _ = import_files(settings, [CORPUS / "listings.csv"])
    assert code == 0
    return settings


def assert_literal_screen(app, where: str) -> None:
    text = screen_text(app)
    assert_inert(text, where)
    assert active_segments(app) == [], f"{where}: data became a link or an action"
    assert app.is_running, f"{where}: the data quit the app"


async def test_tui_dashboard_and_result_screens_show_the_corpus_literally(tmp_path: Path) -> None:
    settings = hostile_store(tmp_path)
    app = make_app(settings, catalogue_of(dataflows.GROUP), plan=plan_of(("dataflows", False, dataflows.JOBS)))
    try:
        async with app.run_test(size=(160, 45)) as pilot:
            await wait_for(pilot, lambda: run_over(app), "the dataflows to finish", 120)
            await pilot.press(*["down"] * len(dataflows.JOBS))  # the last task: quality_report, and its log
            await wait_for(pilot, lambda: KLINGON in screen_text(app), "the quality report's log line")
            assert_literal_screen(app, "dashboard")

            await pilot.press("w")
            await wait_for(pilot, lambda: isinstance(app.screen, ShowtimesScreen) and app.screen.view, "showtimes")
            assert_literal_screen(app, "showtimes")
            await pilot.press("down")  # into the table: the line below it shows the row as scraped
            for row in sorted(listings(), key=lambda r: r["showtime"]):
                # (a title too long for the line wraps onto the next one: whitespace between is fine)
                expected = re.compile(r"As scraped\s+" + re.escape(literal(row["english_title"])[:60]))
                await wait_for(pilot, lambda e=expected: e.search(screen_text(app)), f"details of {row['showtime']}")
                assert_literal_screen(app, f"showtimes at {row['showtime']}")
                await pilot.press("down")
            await pilot.click("#results-details")  # clicking the scraped "[@click=app.quit]" does nothing

            await pilot.press("escape", "m")
            await wait_for(pilot, lambda: isinstance(app.screen, MoviesScreen) and app.screen.view, "movies")
            text = screen_text(app)
            for shown in ("[bold]Bold Movie[/]", "[@click=app.quit]Quit Me[/]", "\\x1b[31mRed\\x1b[0m", "<script>"):
                assert shown in text, shown
            assert_literal_screen(app, "movies")
    finally:
        shut_down(app)


def test_headless_rich_output_on_a_terminal_stays_inert(tmp_path: Path) -> None:
    env = env_for(tmp_path, TERM="xterm-256color")
    done = kartiseret(env, "import", str(CORPUS / "listings.csv"))
    assert done.returncode == 0, done.stderr
    term = Terminal(["-m", "app", "--no-tui", "--group", "dataflows"], env, size=(200, 50))
    assert term.wait_exit(timeout=120) == 0
    output = term.output()
    assert "\x1b[" in output and "OK" in term.text()  # Rich drew its live table and summary in colour
    leaked = [sequence for sequence in RAW_SEQUENCES if sequence in output]
    assert leaked == [] and "\u202e" not in output and "\x00" not in output
