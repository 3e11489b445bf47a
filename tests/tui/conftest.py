"""Helpers for TUI tests: apps over temporary databases, fake catalogues, waiting on conditions."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from app.core.events import Event, EventBus
from app.core.executor import Executor
from app.core.jobs import JobSpec, RetryPolicy
from app.core.plan import Plan, Stage
from app.core.settings import Settings
from app.tui.app import KartiseretApp
from app.tui.launch import shut_down
from registry.catalogue import Catalogue, Group
from tests.conftest import make_settings
from tests.tui import fake_jobs

CAPACITY = {"cpu": 8, "browser": 2}
FROZEN_AT = 1_767_225_600.0  # 2026-01-01 00:00:00 UTC: every event is stamped with it
FROZEN_NOW = FROZEN_AT + 83.4  # what the frozen UI clock says: 1 min 23 s later (spinner frame 4)


class FrozenBus(EventBus):
    """Stamps every event with the same instant, so elapsed and remaining times are fixed."""

    def publish(self, event: Event) -> None:
        super().publish(dataclasses.replace(event, at=FROZEN_AT))


def job(name: str, target: str, group: str = "fake", attempts: int = 1, delay: float = 0.05, **kw) -> JobSpec:
    retry = RetryPolicy(max_attempts=attempts, base_delay_s=delay, max_delay_s=max(delay, 1.0), jitter=0.0)
    return JobSpec(name, group, f"tests.tui.fake_jobs:{target}", retry=retry, **kw)


def plan_of(*stages: tuple[str, bool, tuple[JobSpec, ...]], name: str = "test") -> Plan:
    return Plan(name, tuple(Stage(group, parallel, jobs) for group, parallel, jobs in stages))


def catalogue_of(*groups: Group, daily: tuple[str, ...] = ()) -> Catalogue:
    return Catalogue(groups={g.name: g for g in groups}, plans={"daily": daily or tuple(g.name for g in groups)})


def make_app(settings: Settings, catalogue: Catalogue, frozen: bool = False, **kw) -> KartiseretApp:
    """The real app and executor over the test's database; frozen=True fixes every clock."""
    bus = FrozenBus if frozen else EventBus

    def executor(s: Settings) -> Executor:
        return Executor(s, bus=bus(), capacity=dict(CAPACITY), front_end="tui")

    options = {"executor_factory": executor, "prepare": lambda s, p: None}
    if frozen:
        options["clock"] = lambda: FROZEN_NOW
    return KartiseretApp(settings, catalogue, **(options | kw))


async def wait_for(pilot: Pilot, condition: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    """Let the app run until `condition()` holds; fail with `what` after an overall bound."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for: {what}")
        await pilot.pause(0.05)
    await pilot.pause()


def screen_text(app: KartiseretApp) -> str:
    """The screen as plain text, line by line (what a user reads)."""
    return "\n".join("".join(s.text for s in strip) for strip in app.screen._compositor.render_strips())


def dashboard(app: KartiseretApp):
    from app.tui.screens.dashboard import DashboardScreen

    screen = app.screen
    return screen if isinstance(screen, DashboardScreen) else None


def statuses(app: KartiseretApp) -> dict[str, str]:
    from app.tui.screens.dashboard import DashboardScreen

    board = next((s for s in app.screen_stack if isinstance(s, DashboardScreen)), None)
    return {name: task.status for name, task in board.view.tasks.items()} if board else {}


def run_over(app: KartiseretApp) -> bool:
    """The dashboard's run has stopped (nothing busy) and every task reached a final state."""
    board = dashboard(app)
    return bool(
        board and board.session and not board.session.busy and board.view.tasks
        and all(t.status in ("ok", "failed", "cancelled", "skipped") for t in board.view.tasks.values())
    )  # fmt: skip


@pytest.fixture
def tui_settings(tmp_path: Path) -> Settings:
    """Testing mode, live sites (no sandbox start), temporary data and artifacts."""
    return make_settings(tmp_path, sites="live")


@pytest.fixture
def frozen_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Relative data/artifacts folders under the test's directory, so paths on screen are stable."""
    monkeypatch.chdir(tmp_path)
    return make_settings(tmp_path, sites="live", data_dir=Path("data"), artifacts_dir=Path("artifacts"))


@pytest.fixture(autouse=True)
def _fresh_gates() -> Iterator[None]:
    fake_jobs.reset()
    yield
    for gate in list(fake_jobs.GATES.values()):
        gate.set()  # never leave a job thread holding


@pytest.fixture
def closing() -> Iterator[list[KartiseretApp]]:
    """Apps appended here have their runs cancelled and closed after the test."""
    apps: list[KartiseretApp] = []
    yield apps
    for app in apps:
        shut_down(app)


@pytest.fixture(autouse=True)
def _close_store() -> Iterator[None]:
    yield
    from app.core.db import close_database

    close_database()
