"""Coming soon: films announced but not yet opened — release date and the chains announcing them."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text

from app.tui.navigation import ScreenEntry, register_screen
from app.tui.results.cells import cell
from app.tui.results.table import ColumnSpec
from app.tui.screens.movies import runtime
from app.tui.screens.results import SearchScreen
from dataflows.views.coming_soon import ComingSoonView
from dataflows.views.days import day_label
from dataflows.views.load import load_coming_soon


class ComingSoonScreen(SearchScreen):
    SCREEN_TITLE = "Coming soon"
    VIEW_NAME = "comingsoon"
    NOUN = "films coming"
    PLACEHOLDER = "Search a title or chain (English or Hebrew)"

    def columns(self) -> list[ColumnSpec]:
        return [
            ColumnSpec("release", "Release", 10),
            ColumnSpec("film", "Film"),
            ColumnSpec("hebrew", "Hebrew title"),
            ColumnSpec("chains", "Chains", 34),
            ColumnSpec("year", "Year", 4),
            ColumnSpec("runtime", "Runtime", 7),
        ]

    def read_view(self, now: datetime) -> ComingSoonView:
        return load_coming_soon()

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

    def status_notes(self) -> list:
        return [(" · by release date", "$foreground-muted")]


register_screen(
    ScreenEntry(
        name="coming-soon",
        title="Coming soon",
        factory=lambda app: ComingSoonScreen(),
        key="u",
        description="films announced by the chains: release date and which chains",
    )
)
