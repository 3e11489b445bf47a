"""Coming soon: films announced but not yet opened — release date and the chains announcing them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from rich.text import Text
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input

from app.tui.navigation import ScreenEntry, register_screen
from app.tui.results.cells import cell
from app.tui.results.table import ColumnSpec
from app.tui.screens.movies import runtime
from app.tui.screens.results import ResultsScreen
from dataflows.views.days import day_label
from dataflows.views.load import load_coming_soon


class ComingSoonScreen(ResultsScreen):
    SCREEN_TITLE = "Coming soon"
    VIEW_NAME = "comingsoon"
    NOUN = "films coming"
    AUTO_FOCUS = "#search"

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id or "coming-soon")

    def compose_filters(self) -> Iterable[Widget]:
        with Horizontal(classes="results-filters"):
            yield Input(
                placeholder="Search a title or chain (English or Hebrew)", id="search", classes="wide", compact=True
            )

    def columns(self) -> list[ColumnSpec]:
        return [
            ColumnSpec("release", "Release", 10),
            ColumnSpec("film", "Film"),
            ColumnSpec("hebrew", "Hebrew title"),
            ColumnSpec("chains", "Chains", 34),
            ColumnSpec("year", "Year", 4),
            ColumnSpec("runtime", "Runtime", 7),
        ]

    def load_view(self, clock_now: datetime) -> tuple[datetime, Any]:
        return clock_now, load_coming_soon()

    def select_rows(self) -> list[int]:
        return self.view.select(self.value_of("#search"))

    def render_row(self, index: int) -> list[Text]:
        film = self.view.records[index]
        return [
            cell(day_label(film["release_date"]), "bold"),
            cell(film["english_title"], "bold"),
            cell(film["hebrew_title"]),
            cell(film["chains"]),
            cell(film["release_year"]),
            cell(runtime(film["runtime"]), justify="right"),
        ]

    def status_details(self) -> list:
        return [*self.echo("", self.value_of("#search")), (" · by release date", "$foreground-muted")]


register_screen(
    ScreenEntry(
        name="coming-soon",
        title="Coming soon",
        factory=lambda app: ComingSoonScreen(),
        key="u",
        description="films announced by the chains: release date and which chains",
    )
)
