"""Snapshots of every screen at stable states: deterministic jobs, a frozen clock, fixed history rows.

Update after an intended visual change with `pytest tests/tui/test_snapshots.py --snapshot-update`
and look at the report before accepting.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from app.core.models import Attempt, Run
from app.core.settings import Settings
from app.tui import navigation
from app.tui.app import KartiseretApp, open_store
from app.tui.screens.confirm import ConfirmScreen
from app.tui.screens.history import RunDetailScreen, RunHistoryScreen
from app.tui.screens.selection import SelectionScreen
from app.tui.theme import LIGHT
from registry.catalogue import Catalogue, Group
from tests.tui import fake_jobs
from tests.tui.conftest import catalogue_of, job, make_app, plan_of, statuses, wait_for

SIZE = (130, 34)
LONG_BACKOFF = 3600.0  # a retrying task stays "retrying" for the whole snapshot

GROUPS = (
    Group("comingsoon", "Coming soon", True, (job("yes_planet_soon", "quick", "comingsoon", title="Yes Planet"),)),
    Group("nowplaying", "Now playing", True, (
        job("yes_planet", "quick", "nowplaying", title="Yes Planet"),
        job("cinema_city", "broken", "nowplaying", title="Cinema City"),
        job("lev", "transient", "nowplaying", attempts=2, delay=LONG_BACKOFF, title="Lev"),
        job("hot_cinema", "gated", "nowplaying", title="Hot Cinema", default_eta_s=120),
        job("movieland", "gated_no_total", "nowplaying", title="MovieLand", default_eta_s=300),
    )),
    Group("cinematheques", "Cinematheques", True, ()),
    Group("dataflows", "Dataflows", False, (job("clean", "quick", "dataflows", title="Clean titles"),)),
    Group("selfcheck", "Self-check", True, (job("selfcheck_progress", "quick", "selfcheck"),)),
)  # fmt: skip
CATALOGUE: Catalogue = catalogue_of(*GROUPS, daily=("comingsoon", "nowplaying", "cinematheques", "dataflows"))
LIVE_PLAN = plan_of(("nowplaying", True, GROUPS[1].jobs), ("dataflows", False, GROUPS[3].jobs), name="daily")
LIVE_STATES = {
    "yes_planet": "ok",
    "cinema_city": "failed",
    "lev": "retrying",
    "hot_cinema": "running",
    "movieland": "running",
    "clean": "pending",
}


@pytest.fixture(autouse=True)
def _only_this_issues_screens(monkeypatch: pytest.MonkeyPatch) -> None:
    """Other screens (and their keys) join the registry over time; the snapshots show the run history only."""
    navigation.load_screens()
    monkeypatch.setattr(navigation, "_ENTRIES", {"history": navigation.entry("history")})


def live_app(settings: Settings, closing: list, **kw) -> KartiseretApp:
    app = make_app(settings, CATALOGUE, frozen=True, plan=LIVE_PLAN, **kw)
    closing.append(app)
    return app


async def settled(pilot) -> None:
    """Every task in its expected state, with its progress and log line applied."""
    app = pilot.app

    def ready() -> bool:
        board = next((s for s in app.screen_stack if s.id == "dashboard"), None)
        tasks = board.view.tasks if board else {}
        return (
            statuses(app) == LIVE_STATES
            and tasks["hot_cinema"].total == 4
            and bool(tasks["movieland"].log)
            and tasks["yes_planet"].rows == 3
            and tasks["cinema_city"].error_type == "PermanentError"
        )

    await wait_for(pilot, ready, "dashboard states")


def record_history(settings: Settings) -> None:
    """Three finished runs and their attempts, with fixed times, errors and an artifact file."""
    open_store(settings)
    folder = Path("artifacts/testing/3/cinema_city/attempt-1")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "error.txt").write_text("job: cinema_city\nattempt: 1\n", encoding="utf-8")
    (folder / "page.html").write_text("<html></html>", encoding="utf-8")
    trace = (
        'Traceback (most recent call last):\n  File "scrapers/sites/cinema_city.py", line 42, in read_films\n'
        "    rows = page.films()\nPermanentError: selector #showtimes plainly missing\n"
    )
    runs = [
        (1, "ok", datetime(2026, 1, 1, 6, 0), 312, [("yes_planet", 1, "ok", 300.0, 120, "", "", "")]),
        (2, "cancelled", datetime(2026, 1, 2, 6, 0), 45, [("yes_planet", 1, "cancelled", 45.0, 0, "", "", "")]),
        (3, "failed", datetime(2026, 1, 3, 6, 0), 1290, [
            ("yes_planet", 1, "ok", 280.5, 118, "", "", ""),
            ("cinema_city", 1, "failed", 12.0, 0, "PermanentError", "selector #showtimes plainly missing", trace),
            ("lev", 1, "failed", 30.0, 0, "TransientError", "timed out waiting for the page", ""),
            ("lev", 2, "ok", 61.0, 40, "", "", ""),
        ]),
    ]  # fmt: skip
    for run_id, status, started, seconds, attempts in runs:
        finals = {name: (state, number) for name, number, state, *_ in attempts}
        summary = {
            "log": f"artifacts/testing/{run_id}/run.log",
            "artifacts": f"artifacts/testing/{run_id}",
            "jobs": [{"name": name, "status": state} for name, (state, _) in finals.items()],
        }
        Run.create(
            id=run_id,
            mode="testing",
            sites="live",
            plan="daily",
            host="test",
            pid=0,
            started_at=started,
            heartbeat_at=started,
            finished_at=datetime.fromtimestamp(started.timestamp() + seconds),
            status=status,
            summary=json.dumps(summary),
        )
        for name, number, state, duration, rows, kind, message, traceback in attempts:
            Attempt.create(
                run_id=run_id,
                job=name,
                group="nowplaying",
                attempt=number,
                status=state,
                started_at=started,
                duration_s=duration,
                rows=rows,
                error_type=kind,
                error_message=message,
                traceback=traceback,
                artifacts=str(folder) if name == "cinema_city" else "",
            )


def test_mode_screen(snap_compare, frozen_settings: Settings) -> None:
    assert snap_compare(make_app(frozen_settings, CATALOGUE, frozen=True), terminal_size=SIZE)


def test_selection_screen_with_history(snap_compare, frozen_settings: Settings) -> None:
    record_history(frozen_settings)

    async def to_selection(pilot) -> None:
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, SelectionScreen), "selection screen")
        await pilot.press("down", "down", "down", "space")  # untick yes_planet: its group shows [-]

    assert snap_compare(make_app(frozen_settings, CATALOGUE, frozen=True), terminal_size=SIZE, run_before=to_selection)


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_dashboard_live(snap_compare, frozen_settings: Settings, closing, theme: str) -> None:
    app = live_app(frozen_settings, closing, **({"theme": LIGHT} if theme == "light" else {}))
    assert snap_compare(app, terminal_size=SIZE, run_before=settled)


def test_dashboard_quit_confirmation(snap_compare, frozen_settings: Settings, closing) -> None:
    async def ask_to_quit(pilot) -> None:
        await settled(pilot)
        await pilot.press("q")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmScreen), "confirmation")

    assert snap_compare(live_app(frozen_settings, closing), terminal_size=SIZE, run_before=ask_to_quit)


def test_dashboard_finished_with_failure_selected(snap_compare, frozen_settings: Settings, closing) -> None:
    async def finish(pilot) -> None:
        await settled(pilot)
        fake_jobs.GATES["hot_cinema"].set()
        fake_jobs.GATES["movieland"].set()
        board = pilot.app.screen
        board.session.cancel("lev")  # the retry backoff ends as cancelled
        await wait_for(pilot, lambda: not board.session.busy and statuses(pilot.app)["clean"] == "ok", "finished")
        await pilot.press("down")  # the failed task: its own log lines in the panel

    assert snap_compare(live_app(frozen_settings, closing), terminal_size=SIZE, run_before=finish)


def test_run_history(snap_compare, frozen_settings: Settings) -> None:
    record_history(frozen_settings)

    async def to_history(pilot) -> None:
        await pilot.press("h")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, RunHistoryScreen), "history")

    assert snap_compare(make_app(frozen_settings, CATALOGUE, frozen=True), terminal_size=SIZE, run_before=to_history)


def test_run_attempts_drill_down(snap_compare, frozen_settings: Settings) -> None:
    record_history(frozen_settings)

    async def to_attempt(pilot) -> None:
        await pilot.press("h")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, RunHistoryScreen), "history")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, RunDetailScreen), "attempts")
        # the first row, cinema_city's failed attempt, is shown: error, call chain, artifact files

    assert snap_compare(make_app(frozen_settings, CATALOGUE, frozen=True), terminal_size=SIZE, run_before=to_attempt)
