"""What the result screens (Movies, Showtimes, Coming soon, Data quality) share.

A screen loads its view once, in a thread (the UI keeps drawing), and then answers every filter
from memory: a key filters at once unless the last filtering was under 50 ms ago (then the burst is
filtered once when that time is up), and the table swaps its result list and redraws one
screenful — no query and no widget rebuild per keystroke. F6/F7 export exactly the filtered rows,
F2 switches how right-to-left text is drawn, F5 reads the tables again.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Select, Static

from app.core.db import database
from app.textfmt import printable
from app.tui.format import first_line
from app.tui.results.bidi import LOGICAL, ORDER
from app.tui.results.cells import shown
from app.tui.results.export import export_path, write_export
from app.tui.results.table import ResultTable
from app.tui.screens.base import BaseScreen
from dataflows.views.days import day_label, local_now
from dataflows.views.load import data_now

STYLESHEET = Path(__file__).resolve().parents[3] / "styles" / "results.tcss"
DEBOUNCE_S = 0.05  # keys within this long of the last filtering (fast typing, a paste) are filtered once


def when(stamp: str) -> str:
    """'2026-08-14 20:30' → 'Fri 14 Aug 20:30'."""
    day, _, clock = stamp.partition(" ")
    return f"{day_label(day)} {clock}".strip()


class ResultsScreen(BaseScreen):
    CSS_PATH = STYLESHEET
    VIEW_NAME: ClassVar[str] = "results"  # export file prefix, and the screen's id
    NOUN: ClassVar[str] = "rows"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="results.back"),
        Binding("f5,ctrl+r", "reload", "Reload", id="results.reload"),
        Binding("f6", "export('csv')", "Export CSV", id="results.export-csv"),
        Binding("f7", "export('json')", "Export JSON", id="results.export-json"),
        Binding("f2", "toggle_order", "RTL order", id="results.rtl-order"),
        Binding("down", "focus_table", "To the table", show=False),
    ]

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id or self.VIEW_NAME)
        self.view: Any = None
        self.now: datetime | None = None
        self.failed = ""
        self._timer: Timer | None = None
        self._filtered_at = 0.0

    # ------------------------------------------------------------------------------ layout
    def compose_body(self) -> Iterable[Widget]:
        yield from self.compose_filters()
        yield Static(id="results-status", classes="results-status")
        yield from self.compose_tables()
        yield from self.compose_details()

    def compose_filters(self) -> Iterable[Widget]:
        return ()

    def compose_tables(self) -> Iterable[Widget]:
        yield ResultTable(self.columns(), self.render_row, id="results")

    def compose_details(self) -> Iterable[Widget]:
        return ()

    def columns(self) -> list:
        raise NotImplementedError

    def render_row(self, index: int) -> list[Text]:
        raise NotImplementedError

    @property
    def table(self) -> ResultTable:
        return self.query_one("#results", ResultTable)

    # ------------------------------------------------------------------------------ loading
    def on_mount(self) -> None:
        self.action_reload()

    def action_reload(self) -> None:
        self.failed = ""
        self.show_status()
        self.load_in_thread(local_now(self.kapp.clock()))

    def load_view(self, clock_now: datetime) -> tuple[datetime, Any]:
        """Read the view (on a worker thread); returns the "now" it was read for (the data's own day when
        the clock is past all of it), and the view."""
        now = data_now(clock_now)
        return now, self.read_view(now)

    def read_view(self, now: datetime) -> Any:
        raise NotImplementedError

    @work(thread=True, exclusive=True, group="results-load", exit_on_error=False)
    def load_in_thread(self, clock_now: datetime) -> None:
        try:
            with database.connection_context():
                now, view = self.load_view(clock_now)
        except Exception as exc:  # a broken table or database is shown, never crashes the app
            self.app.call_from_thread(self.load_failed, exc)
            return
        self.app.call_from_thread(self.loaded, now, view)

    def loaded(self, now: datetime, view: Any) -> None:
        if not self.is_attached:  # closed while it was loading
            return
        self.now, self.view = now, view
        self.view_loaded()
        self.refilter(force=True)

    def view_loaded(self) -> None:
        """Hook: the view is in (e.g. fill the filter boxes' suggestions)."""

    def load_failed(self, exc: BaseException) -> None:
        if not self.is_attached:
            return
        self.failed = printable(first_line(str(exc)) or type(exc).__name__)
        self.show_status()

    # ------------------------------------------------------------------------------ filtering
    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.schedule_filter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.refilter()
        self.submitted()

    def submitted(self) -> None:
        """Enter in a filter box (the result is up to date): on to the results."""
        self.action_focus_table()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.schedule_filter()

    def schedule_filter(self) -> None:
        """Filter now if the last filtering is older than `DEBOUNCE_S`, else once when that time is up:
        a key typed on its own shows its result at once, a burst of keys costs one filtering."""
        if self._timer is not None:
            self._timer.stop()
        wait = self._filtered_at + DEBOUNCE_S - time.monotonic()
        if wait <= 0:
            self.refilter()
        else:
            self._timer = self.set_timer(wait, self.refilter)

    def refilter(self, force: bool = False) -> None:
        """Filter the loaded view with what the filter boxes say and show the result."""
        if self.view is None:
            return
        self._filtered_at = time.monotonic()
        self.table.show(self.select_rows(), force=force)
        self.show_status()
        self.show_details()

    def select_rows(self) -> list[int]:
        raise NotImplementedError

    def value_of(self, selector: str) -> str:
        return self.query_one(selector, Input).value

    # ------------------------------------------------------------------------------ status, details
    def show_status(self) -> None:
        status = self.query_one("#results-status", Static)
        if self.failed:
            problem = Content.assemble(("Cannot read the published tables: ", "$kt-failed"), self.failed)
            status.update(problem, layout=False)
        elif self.view is None:
            status.update(Content.styled("Loading…", "$foreground-muted"), layout=False)
        else:
            status.update(self.status_content(), layout=False)

    def status_content(self) -> Content:
        table = self.table
        shown, total = len(table.result), len(self.view)
        parts: list[Content | str | tuple[str, str]] = [(f"{shown:,}", "bold"), f" of {total:,} {self.NOUN}"]
        parts.extend(self.status_details())
        order = "logical" if ORDER.mode == LOGICAL else "visual"
        parts.append((f" · Hebrew {order} (F2)", "$foreground-muted"))
        return Content.assemble(*parts)

    def status_details(self) -> list[Content | str | tuple[str, str]]:
        return []

    @staticmethod
    def echo(name: str, typed: str) -> list[Content | str | tuple[str, str]]:
        """What a filter box holds, shown in the status line (literal, in the terminal's RTL order)."""
        if not typed.strip():
            return []
        return [f" · {name} “" if name else " · “", Content.styled(shown(typed.strip()), "bold"), "”"]

    def show_details(self) -> None:
        """Hook: describe the row under the cursor."""

    def on_result_table_row_highlighted(self, event: ResultTable.RowHighlighted) -> None:
        self.show_details()

    # ------------------------------------------------------------------------------ actions
    def action_focus_table(self) -> None:
        self.table.focus()

    def action_toggle_order(self) -> None:
        ORDER.toggle()
        for table in self.query(ResultTable):
            table.rerender()
        self.show_status()
        self.show_details()

    def export_rows(self) -> Iterator[dict[str, Any]]:
        return self.view.export_rows(self.table.result)

    def action_export(self, fmt: str) -> None:
        if self.view is None:
            self.notify("Nothing loaded yet.", severity="warning", markup=False)
            return
        path = export_path(self.kapp.settings.data_dir / "exports", self.VIEW_NAME, fmt, self.kapp.clock())
        try:
            count = write_export(self.export_rows(), list(self.view.columns), fmt, path)
        except OSError as exc:
            self.notify(printable(str(exc)), title="Export failed", severity="error", markup=False)
            return
        self.notify(f"{count:,} {self.NOUN} written to {printable(str(path))}", title="Exported", markup=False)


class SearchScreen(ResultsScreen):
    """A result screen with one search box (titles, in English or Hebrew)."""

    AUTO_FOCUS = "#search"
    PLACEHOLDER: ClassVar[str] = "Search a title (English or Hebrew)"

    def compose_filters(self) -> Iterable[Widget]:
        with Horizontal(classes="results-filters"):
            yield Input(placeholder=self.PLACEHOLDER, id="search", classes="wide", compact=True)

    def select_rows(self) -> list[int]:
        return self.view.select(self.value_of("#search"))

    def status_details(self) -> list[Content | str | tuple[str, str]]:
        return [*self.echo("", self.value_of("#search")), *self.status_notes()]

    def status_notes(self) -> list[Content | str | tuple[str, str]]:
        return []
