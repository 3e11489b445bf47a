"""Base for every screen after the mode screen: the mode header, the footer, and navigation keys."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from app.tui.navigation import entries
from app.tui.widgets.app_header import AppHeader

if TYPE_CHECKING:
    from app.tui.app import KartiseretApp


def navigation_bindings(place: str | None) -> BindingsMap:
    """Keys for the registered screens placed here (ids `open.<name>` can be remapped)."""
    if place is None:
        return BindingsMap()
    return BindingsMap(
        Binding(e.key, f"app.open_screen('{e.name}')", e.title, id=f"open.{e.name}") for e in entries(place) if e.key
    )


class NavigableMixin:
    """Adds the registered screens' keys to a screen's own bindings."""

    PLACE: ClassVar[str | None] = None

    def add_navigation_bindings(self) -> None:
        own = self._bindings.key_to_bindings  # type: ignore[attr-defined]
        for key, bindings in navigation_bindings(self.PLACE).key_to_bindings.items():
            own.setdefault(key, []).extend(bindings)


class BaseScreen(NavigableMixin, Screen):
    """Header with the mode badge on top, footer with the keys below, the screen's body between."""

    SCREEN_TITLE: ClassVar[str] = ""

    def __init__(self, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.add_navigation_bindings()

    @property
    def kapp(self) -> KartiseretApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield AppHeader(self.SCREEN_TITLE, self.kapp.settings)
        yield from self.compose_body()
        yield Footer()

    def compose_body(self) -> Iterable[Widget]:
        return ()

    def on_screen_resume(self) -> None:
        self.query_one(AppHeader).show(self.kapp.settings)
