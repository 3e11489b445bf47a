"""The whole TUI flow with Pilot: real executor, real SQLite file, selfcheck and fake jobs."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from app.core.errors import ConfigError
from app.core.settings import Settings
from app.tui.app import KartiseretApp
from app.tui.screens.confirm import ConfirmScreen
from app.tui.screens.dashboard import DashboardScreen
from app.tui.screens.history import RunDetailScreen, RunHistoryScreen
from app.tui.screens.mode import ModeScreen
from app.tui.screens.selection import SelectionScreen
from registry import load_catalogue
from registry.catalogue import Group
from tests.tui import fake_jobs
from tests.tui.conftest import (
    catalogue_of,
    dashboard,
    job,
    make_app,
    plan_of,
    run_over,
    screen_text,
    statuses,
    wait_for,
)

SIZE = (140, 45)


def log_panel(app) -> list[str]:
    """The lines the dashboard's log panel shows."""
    return [message for _, message in dashboard(app).log_panel.tail()]


async def test_mode_selection_dashboard_summary(tui_settings: Settings, tmp_path: Path, closing) -> None:
    app = make_app(tui_settings.with_overrides(mode="regular"), load_catalogue())
    closing.append(app)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, ModeScreen)
        shown = app.screen.query_one("#database", Static)
        assert str(shown.content).endswith("/data/kartiseret.sqlite")
        await pilot.press("t")  # Testing: the database shown switches to the testing file
        await wait_for(pilot, lambda: str(shown.content).endswith("-testing.sqlite"), "testing database shown")
        assert "small batches, separate tables" in screen_text(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SelectionScreen), "runner selection")
        assert "TESTING" in screen_text(app)  # loud on every screen after the mode screen
        await pilot.press("ctrl+n", *"selfcheck", "space", "enter")
        await wait_for(pilot, lambda: run_over(app), "selfcheck run finished")
        text = screen_text(app)
        assert statuses(app) == {"selfcheck_progress": "ok", "selfcheck_retry": "ok", "selfcheck_fail": "failed"}
        assert "TESTING" in text and "✘ RuntimeError: simulated permanent failure" in text
        assert "2/2 ↻" in text  # the retry stays visible after the job succeeded
        run_id = dashboard(app).view.run_id
        await pilot.press("q")  # nothing runs: no question asked
    assert app.exit_code == 1
    summary = app.summary_text()
    assert f"Run {run_id} — FAILED" in summary and "TESTING" in summary
    assert "selfcheck_fail" in summary and "log:" in summary and "artifacts:" in summary
    data = tmp_path / "data"
    assert (data / "kartiseret-testing.sqlite").is_file()
    assert not (data / "kartiseret.sqlite").exists()  # the Regular tables were never opened


async def test_cancel_selected_task_with_a_remapped_key(tui_settings: Settings, closing, monkeypatch) -> None:
    monkeypatch.setenv("KARTISERET_KEYMAP", "dashboard.cancel=x")  # bindings have ids users can remap
    first, second = job("first", "gated"), job("second", "gated")
    app = make_app(tui_settings, catalogue_of(), plan=plan_of(("fake", True, (first, second))))
    closing.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: statuses(app) == {"first": "running", "second": "running"}, "both running")
        await pilot.press("down", "x")
        await wait_for(pilot, lambda: statuses(app).get("second") == "cancelled", "second cancelled")
        assert statuses(app)["first"] == "running"  # only the selected task was cancelled
        fake_jobs.GATES["first"].set()
        await wait_for(pilot, lambda: run_over(app), "run over")
        assert "first: started" not in log_panel(app)  # the log panel shows the selected task only
        await pilot.press("up", "down", "up")  # back and forth: the lines are not written twice
        await wait_for(pilot, lambda: "first: done" in log_panel(app), "first's log")
        assert log_panel(app) == ["first: started", "first: done"]
        await pilot.press("q")
    result = app.results[0]
    assert {j.name: j.status for j in result.jobs} == {"first": "ok", "second": "cancelled"}
    assert app.exit_code == 1


async def test_retry_failed_task(tui_settings: Settings, closing) -> None:
    flaky = job("flaky", "broken_until_fixed")
    app = make_app(
        tui_settings, catalogue_of(Group("fake", "Fake", True, (flaky,))), plan=plan_of(("fake", True, (flaky,)))
    )
    closing.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: run_over(app), "first attempt failed")
        assert statuses(app) == {"flaky": "failed"}
        assert "✘ PermanentError: site changed its layout" in screen_text(app)
        await pilot.press("enter")  # details: the error with its call chain and the artifacts
        await wait_for(pilot, lambda: "call chain:" in screen_text(app), "details with call chain")
        text = screen_text(app)
        assert "error.txt" in text and "attempt-1" in text and "run.log" in text
        await pilot.press("escape")
        fake_jobs.FIXED["flaky"].set()
        await pilot.press("r")
        await wait_for(pilot, lambda: statuses(app) == {"flaky": "ok"} and run_over(app), "retry succeeded")
        task = dashboard(app).view.tasks["flaky"]
        assert (task.attempt, task.rows) == (2, 7)
        await pilot.press("n")  # new run: back to the selection, the finished run kept for the summary
        await wait_for(pilot, lambda: isinstance(app.screen, SelectionScreen), "selection again")
        assert app.screen.selection.chosen == {"flaky"}
        await pilot.press("ctrl+q")
    assert [j.attempts for j in app.results[0].jobs] == [2]
    assert app.exit_code == 0


def long_running(settings: Settings, closing: list) -> KartiseretApp:
    """An app running one job that only stops when cancelled."""
    app = make_app(settings, catalogue_of(), plan=plan_of(("fake", True, (job("long", "until_cancelled"),))))
    closing.append(app)
    return app


async def test_quit_while_running_asks_then_cancels_with_130(tui_settings: Settings, closing) -> None:
    app = long_running(tui_settings, closing)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: statuses(app).get("long") == "running", "running")
        await pilot.press("q")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen), "confirmation asked")
        await pilot.press("n")  # keep running
        await wait_for(pilot, lambda: isinstance(app.screen, DashboardScreen), "back to the dashboard")
        assert statuses(app)["long"] == "running"
        await pilot.press("q")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen), "asked again")
        await pilot.press("y")
        await wait_for(pilot, lambda: not app.is_running, "app exited after the jobs stopped", timeout=30)
    session = app.sessions[0]
    assert not session.busy  # the executor thread was waited for, not abandoned
    assert app.results[0].status == "cancelled" and app.results[0].jobs[0].status == "cancelled"
    assert app.exit_code == 130


async def test_ctrl_c_twice_quits_while_running(tui_settings: Settings, closing) -> None:
    app = long_running(tui_settings, closing)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: statuses(app).get("long") == "running", "running")
        await pilot.press("ctrl+c")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen), "confirmation asked")
        await pilot.press("ctrl+c")
        await wait_for(pilot, lambda: not app.is_running, "app exited", timeout=30)
    assert app.exit_code == 130


async def test_run_history_drill_down(tui_settings: Settings, closing) -> None:
    ok, bad = job("fine", "quick"), job("bad", "broken")
    app = make_app(tui_settings, catalogue_of(), plan=plan_of(("fake", True, (ok, bad))))
    closing.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: run_over(app), "run over")
        await pilot.press("h")
        await wait_for(pilot, lambda: isinstance(app.screen, RunHistoryScreen), "history")
        assert "1 run(s)" in screen_text(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, RunDetailScreen), "the run's attempts")
        detail = app.screen
        assert sorted(a.job for a in detail.attempts) == ["bad", "fine"]
        await pilot.press("down" if detail.attempts[0].job == "fine" else "up")
        await wait_for(pilot, lambda: "selector #showtimes plainly missing" in screen_text(app), "attempt error")
        assert "call chain:" in screen_text(app) and "error.txt" in screen_text(app)
        await pilot.press("escape", "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, DashboardScreen), "dashboard again")


async def test_command_palette_offers_the_dashboard_actions(tui_settings: Settings, closing) -> None:
    bad = job("bad", "broken")
    app = make_app(tui_settings, catalogue_of(), plan=plan_of(("fake", True, (bad,))))
    closing.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: run_over(app), "run over")
        await pilot.press("ctrl+p")
        await pilot.press(*"run history")
        await wait_for(pilot, lambda: "Run history" in screen_text(app), "palette lists the screen")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, RunHistoryScreen), "opened from the palette")
        await pilot.press("escape", "ctrl+p", *"retry failed")
        await wait_for(pilot, lambda: "Retry failed" in screen_text(app), "palette lists the retry key")
        await pilot.press("enter")
        await wait_for(pilot, lambda: dashboard(app).view.tasks["bad"].attempt == 2 and run_over(app), "retried")


async def test_a_setup_error_is_shown_and_summarised(tui_settings: Settings, closing) -> None:
    def failing_setup(settings, plan):
        def prepare() -> None:
            raise ConfigError("sandbox port 8765 is taken by another program")

        return prepare

    quick = job("quick", "quick")
    app = make_app(tui_settings, catalogue_of(), plan=plan_of(("fake", True, (quick,))), prepare=failing_setup)
    closing.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "error: sandbox port 8765 is taken" in screen_text(app), "error in the header")
        assert app.is_running
        await pilot.press("q")
    assert app.results == [] and app.exit_code == 2
    assert "kartiseret: error: sandbox port 8765 is taken by another program" in app.summary_text()


async def test_rows_out_of_view_are_current_when_scrolled_to(tui_settings: Settings, closing) -> None:
    many = tuple(job(f"job_{i:02d}", "broken" if i == 39 else "quick") for i in range(40))
    app = make_app(tui_settings, catalogue_of(), plan=plan_of(("fake", True, many)))
    closing.append(app)
    async with app.run_test(size=(140, 24)) as pilot:
        await wait_for(pilot, lambda: run_over(app), "forty jobs over")
        assert "job_39" not in screen_text(app)  # below the fold while it ran and failed
        await pilot.press("end")
        await wait_for(pilot, lambda: "job_39" in screen_text(app), "scrolled to the last row")
        text = screen_text(app)
        assert "✘ job_39" in text and "✘ PermanentError: selector #showtimes plainly missing" in text
        assert "✔ job_38" in text
