"""Movies: the films now playing — titles in English and Hebrew, year, runtime, how many cinemas,
the next showtime — found by typing any part of a title in either language. Enter lists the
highlighted film's showtimes."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.binding import Binding

from app.tui.navigation import ScreenEntry, register_screen
from app.tui.results.cells import cell, number
from app.tui.results.table import ColumnSpec, ResultTable
from app.tui.screens.results import SearchScreen, when
from dataflows.views.load import load_movies
from dataflows.views.movies import MovieView


def runtime(minutes: object) -> str:
    return f"{minutes} min" if isinstance(minutes, int) and minutes > 0 else ""


class MoviesScreen(SearchScreen):
    SCREEN_TITLE = "Movies now playing"
    VIEW_NAME = "movies"
    NOUN = "films playing"
    BINDINGS = [Binding("enter", "open_showtimes", "Showtimes", id="movies.showtimes")]

    def columns(self) -> list[ColumnSpec]:
        return [
            ColumnSpec("film", "Film"),
            ColumnSpec("hebrew", "Hebrew title"),
            ColumnSpec("year", "Year", 4),
            ColumnSpec("runtime", "Runtime", 7),
            ColumnSpec("cinemas", "Cinemas", 7),
            ColumnSpec("shows", "Shows", 5),
            ColumnSpec("next", "Next showtime", 16),
        ]

    def read_view(self, now: datetime) -> MovieView:
        return load_movies(now)

    def render_row(self, index: int) -> list[Text]:
        film = self.view.records[index]
        upcoming = film["next_showing"]
        return [
            cell(film["english_title"], "bold"),
            cell(film["hebrew_title"]),
            cell(film["release_year"]),
            cell(runtime(film["runtime"]), justify="right"),
            number(film["venues"]),
            number(film["showtimes"]),
            cell(when(upcoming)) if upcoming else cell("none ahead", "dim"),
        ]

    def status_notes(self) -> list:
        ahead = f" · next showtime after {when(f'{self.now:%Y-%m-%d %H:%M}')}" if self.now else ""
        return [(f"{ahead} · Enter: showtimes", "$foreground-muted")]

    def submitted(self) -> None:
        """Enter in the search box opens the first (highlighted) film found."""
        self.action_open_showtimes()

    def on_result_table_row_selected(self, event: ResultTable.RowSelected) -> None:
        event.stop()
        self.action_open_showtimes()

    def action_open_showtimes(self) -> None:
        row = self.table.current if self.view is not None else None
        if row is None:
            return
        from app.tui.screens.showtimes import ShowtimesScreen  # here: Movies registers (and is listed) first

        film = self.view.records[row]
        title = film["english_title"] or film["hebrew_title"]
        self.app.push_screen(ShowtimesScreen(movie_id=film["movie_id"], film=title, id="film-showtimes"))


register_screen(
    ScreenEntry(
        name="movies",
        title="Movies",
        factory=lambda app: MoviesScreen(),
        key="m",
        description="films now playing: titles, year, runtime, cinemas, next showtime; search in English or Hebrew",
    )
)
