"""Result-screen tests: one database filled from the real fixtures per session, copied for each test.

The copy keeps tests independent and fast (filling takes seconds, copying a file milliseconds).
Settings use relative folders under the test's directory so paths on screen are the same every
run; the clock is frozen inside the fixture data's days; Hebrew is drawn in visual order.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.core.db import close_database
from app.core.settings import Settings
from app.tui.app import KartiseretApp, open_store
from app.tui.results.bidi import ORDER, VISUAL
from registry.catalogue import Group
from tests.conftest import make_settings
from tests.results.fill import fill
from tests.tui.conftest import catalogue_of, closing, make_app, wait_for

__all__ = ["closing"]  # the TUI tests' fixture that shuts apps' runs down after a test

# Monday 10 August 2026, 18:00 in Israel: inside run 596's days (its first day is the 10th).
FROZEN_NOW = datetime(2026, 8, 10, 18, 0, tzinfo=ZoneInfo("Asia/Jerusalem")).timestamp()
SIZE = (160, 45)
CATALOGUE = catalogue_of(Group("dataflows", "Dataflows", False, ()))


@pytest.fixture(scope="session")
def filled_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder whose Testing database holds the real fixture runs, imported and published."""
    root = tmp_path_factory.mktemp("results-db")
    settings = make_settings(root, sites="live")
    open_store(settings)
    try:
        fill(settings, root / "scratch")
    finally:
        close_database()
    return settings.data_dir


@pytest.fixture
def results_settings(filled_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(filled_data, tmp_path / "data")
    return make_settings(tmp_path, sites="live", data_dir=Path("data"), artifacts_dir=Path("artifacts"))


@pytest.fixture(autouse=True)
def _visual_order_and_closed_store(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(ORDER, "mode", VISUAL)
    yield
    close_database()


def results_app(settings: Settings, **kw) -> KartiseretApp:
    return make_app(settings, CATALOGUE, frozen=True, clock=lambda: FROZEN_NOW, **kw)


async def open_screen(pilot, key: str, screen_type: type):
    """Press a navigation key and wait until that screen has loaded its view."""
    app = pilot.app
    await pilot.press(key)
    await wait_for(
        pilot,
        lambda: isinstance(app.screen, screen_type) and (app.screen.view is not None or app.screen.failed),
        f"{screen_type.__name__} loaded",
    )
    assert not app.screen.failed, app.screen.failed
    return app.screen
