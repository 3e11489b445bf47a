"""A small registry of screens reachable from the mode screen and the dashboard.

Adding a screen (Movies, Showtimes, Coming soon, Data quality, TMDB review, …) means: write the screen,
call `register_screen(...)` in its module, and add the module's dotted path to `SCREEN_MODULES`. The
app then offers it as a key binding where it is placed and in the command palette; no other screen
needs editing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    from app.tui.app import KartiseretApp

SCREEN_MODULES: tuple[str, ...] = (
    "app.tui.screens.history",
    "app.tui.screens.movies",
    "app.tui.screens.showtimes",
    "app.tui.screens.coming_soon",
    "app.tui.screens.quality",
)

MODE, DASHBOARD = "mode", "dashboard"


@dataclass(frozen=True)
class ScreenEntry:
    name: str
    title: str
    factory: Callable[[KartiseretApp], Screen]
    key: str | None = None  # a single key shown in the footer where the entry is placed
    description: str = ""
    places: tuple[str, ...] = (MODE, DASHBOARD)
    needs_store: bool = True  # open the chosen mode's database before showing it


_ENTRIES: dict[str, ScreenEntry] = {}


def register_screen(entry: ScreenEntry) -> None:
    _ENTRIES[entry.name] = entry


def lazy_screen(target: str) -> Callable[[KartiseretApp], Screen]:
    """A factory for `"package.module:ScreenClass"` (built without arguments), imported on first use
    so a screen still under construction elsewhere can never break the app's start."""

    def build(app: KartiseretApp) -> Screen:
        module, _, name = target.partition(":")
        return getattr(importlib.import_module(module), name)()

    build.__name__ = target
    return build


register_screen(
    ScreenEntry(
        name="tmdb-review",
        title="TMDB review",
        factory=lazy_screen("app.tui.screens.review:ReviewScreen"),
        description="films enrichment was unsure about: accept a candidate, pin an id or skip",
    )
)


def load_screens() -> None:
    for module in SCREEN_MODULES:
        importlib.import_module(module)


def entry(name: str) -> ScreenEntry:
    load_screens()
    return _ENTRIES[name]


def entries(place: str | None = None) -> list[ScreenEntry]:
    """Registered screens, optionally only those placed on one screen."""
    load_screens()
    return [e for e in _ENTRIES.values() if place is None or place in e.places]
