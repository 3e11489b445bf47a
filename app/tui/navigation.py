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
    "app.tui.screens.review",
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
_LOADED: set[str] = set()
LOAD_ERRORS: dict[str, str] = {}  # module → why it could not be imported


def register_screen(entry: ScreenEntry) -> None:
    _ENTRIES[entry.name] = entry


def load_screens() -> None:
    """Import every screen module once; one that fails is left out (and reported), never fatal."""
    for module in SCREEN_MODULES:
        if module in _LOADED:
            continue
        _LOADED.add(module)
        try:
            importlib.import_module(module)
        except Exception as exc:  # a screen still under construction must not stop a run
            LOAD_ERRORS[module] = f"{type(exc).__name__}: {exc}"


def entry(name: str) -> ScreenEntry:
    load_screens()
    return _ENTRIES[name]


def entries(place: str | None = None) -> list[ScreenEntry]:
    """Registered screens, optionally only those placed on one screen."""
    load_screens()
    return [e for e in _ENTRIES.values() if place is None or place in e.places]
