"""Showtimes: every published screening, sorted by time, filtered as you type.

Film (English or Hebrew), city and cinema (either language), day (2026-08-14, 14/08, fri, שישי,
today, מחר), screening type or technology (vip, 3d, imax) and dubbing. The line under the table
shows the highlighted screening's ticket links and its titles exactly as scraped.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from rich.text import Text
from textual.containers import Horizontal
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Select, Static

from app.tui.navigation import ScreenEntry, register_screen
from app.tui.results.cells import cell, line_text
from app.tui.results.table import ColumnSpec
from app.tui.screens.results import ResultsScreen
from dataflows.views.days import day_label
from dataflows.views.load import load_showtimes
from dataflows.views.places import cinema_suggestions, city_suggestions
from dataflows.views.showtimes import ANY, COLUMN, DUBBED, ORIGINAL, ShowtimeFilter, ShowtimeView

DUBBING = [("Dubbed or not", ANY), ("Dubbed", DUBBED), ("Not dubbed", ORIGINAL)]
SHOWN = ("date_of_showing", "showtime", "english_title", "hebrew_title", "cinema", "screening_city", "screening_type",
         "screening_tech", "dub_language")  # fmt: skip
AT = [COLUMN[name] for name in SHOWN]


class ShowtimesScreen(ResultsScreen):
    SCREEN_TITLE = "Showtimes"
    VIEW_NAME = "showtimes"
    NOUN = "showtimes"
    AUTO_FOCUS = "#search"

    def __init__(self, movie_id: int | None = None, film: str = "", id: str | None = None) -> None:
        super().__init__(id=id)
        self.movie_id = movie_id
        self.film = film

    def compose_filters(self) -> Iterable[Widget]:
        with Horizontal(classes="results-filters"):
            yield Input(placeholder="Film (English or Hebrew)", id="search", classes="wide", compact=True)
            yield Input(placeholder="City", id="city", compact=True)
            yield Input(placeholder="Cinema", id="cinema", compact=True)
            yield Input(placeholder="Day: today, fri, 14/08", id="day", compact=True)
            yield Input(placeholder="Type/tech: vip, 3d", id="screening", compact=True)
            yield Select(DUBBING, value=ANY, allow_blank=False, compact=True, id="dubbed")

    def compose_details(self) -> Iterable[Widget]:
        yield Static(id="results-details", classes="results-details")

    def columns(self) -> list[ColumnSpec]:
        return [
            ColumnSpec("day", "Day", 10),
            ColumnSpec("time", "Time", 5),
            ColumnSpec("film", "Film"),
            ColumnSpec("hebrew", "Hebrew title"),
            ColumnSpec("cinema", "Cinema", 22),
            ColumnSpec("city", "City", 15),
            ColumnSpec("type", "Type", 12),
            ColumnSpec("tech", "Tech", 10),
            ColumnSpec("dub", "Dubbed", 7),
        ]

    def read_view(self, now: datetime) -> ShowtimeView:
        return load_showtimes(now)

    def view_loaded(self) -> None:
        self.query_one("#city", Input).suggester = SuggestFromList(
            city_suggestions(self.view.cities()), case_sensitive=False
        )
        self.query_one("#cinema", Input).suggester = SuggestFromList(
            cinema_suggestions(self.view.cinemas()), case_sensitive=False
        )

    def current_filter(self) -> ShowtimeFilter:
        return ShowtimeFilter(
            search=self.value_of("#search"),
            city=self.value_of("#city"),
            cinema=self.value_of("#cinema"),
            day=self.value_of("#day"),
            screening=self.value_of("#screening"),
            dubbed=str(self.query_one("#dubbed", Select).value),
            movie_id=self.movie_id,
        )

    def select_rows(self) -> list[int]:
        return self.view.select(self.current_filter())

    def render_row(self, index: int) -> list[Text]:
        day, time, english, hebrew, cinema, city, kind, tech, dub = (self.view.records[index][i] for i in AT)
        past = self.now is not None and f"{day} {time}" < f"{self.now:%Y-%m-%d %H:%M}"
        dim = "dim" if past else ""
        return [
            cell(day_label(day), dim),
            cell(time, "bold" if not past else dim),
            cell(english, dim),
            cell(hebrew, dim),
            cell(cinema, dim),
            cell(city, dim),
            cell(kind, dim),
            cell(tech, dim),
            cell(dub, dim),
        ]

    def status_details(self) -> list:
        parts = self.echo("film", self.film) if self.movie_id is not None else []
        wanted = self.current_filter()
        for name, typed in (("film", wanted.search), ("city", wanted.city), ("cinema", wanted.cinema),
                            ("day", wanted.day), ("type", wanted.screening)):  # fmt: skip
            parts.extend(self.echo(name, typed))
        if wanted.dubbed != ANY:
            parts.append(" · dubbed" if wanted.dubbed == DUBBED else " · not dubbed")
        if self.now is not None:
            parts.append((f" · by time, now {day_label(f'{self.now:%Y-%m-%d}')} {self.now:%H:%M}", "$foreground-muted"))
        return parts

    def show_details(self) -> None:
        details = self.query_one("#results-details", Static)
        row = self.table.current if self.view is not None else None
        if row is None:
            details.update("", layout=False)
            return
        value = self.view.value
        details.update(
            Text.assemble(
                ("Tickets ", "dim"),
                line_text(value(row, "english_href") or "-"),
                ("  ", ""),
                line_text(value(row, "hebrew_href") or "-"),
                ("\nAs scraped ", "dim"),
                line_text(value(row, "source_english_title") or "-", "italic"),
                (" / ", "dim"),
                line_text(value(row, "source_hebrew_title") or "-", "italic"),
                (f"  · film {value(row, 'movie_id')} · run {value(row, 'run_id')}", "dim"),
                ("  · flags ", "dim") if value(row, "flags") else ("", ""),
                line_text(value(row, "flags")),
            ),
            layout=False,
        )


register_screen(
    ScreenEntry(
        name="showtimes",
        title="Showtimes",
        factory=lambda app: ShowtimesScreen(),
        key="w",
        description="every published screening: filter by film, city, cinema, day, type/tech and dubbing",
    )
)
