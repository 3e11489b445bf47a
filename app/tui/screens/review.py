"""TMDB review: the films enrichment was not sure about, their candidates, and keys to settle them.

Self-contained: it is handed a `ReviewDesk` (the queue and the pin/accept/skip actions) and knows
nothing else, so the app can push it from anywhere (`ReviewScreen(ReviewDesk())`). Every title,
reason and overview comes from scraped or TMDB data and is shown as `Text`, never parsed as markup.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from app.textfmt import printable
from dataflows.enrich.review import ReviewDesk, ReviewItem


def cell(value: object, style: str = "") -> Text:
    """A table cell from untrusted data: literal text, control characters escaped."""
    return Text(printable("" if value is None else str(value)), style=style, no_wrap=True)


def candidate_row(rank: int, candidate: dict[str, Any]) -> list[Text]:
    score = candidate.get("score")
    return [
        cell(rank),
        cell(f"{score:.2f}" if isinstance(score, int | float) else "", "bold"),
        cell(candidate.get("title") or candidate.get("original_title")),
        cell(candidate.get("title_he")),
        cell(candidate.get("year")),
        cell(", ".join(candidate.get("directors") or [])),
        cell(candidate.get("runtime")),
        cell(candidate.get("tmdb_id")),
    ]


class ReviewScreen(Screen[None]):
    """Left: films waiting for review. Right: the highlighted film's candidates, best first."""

    DEFAULT_CSS = """
    ReviewScreen { layout: vertical; }
    ReviewScreen #review-title { height: 1; padding: 0 1; text-style: bold; }
    ReviewScreen #review-body { height: 1fr; }
    ReviewScreen #review-films { width: 2fr; }
    ReviewScreen #review-side { width: 3fr; }
    ReviewScreen #review-reason { height: auto; max-height: 4; padding: 0 1; color: $text-muted; }
    ReviewScreen #review-candidates { height: 1fr; }
    ReviewScreen #review-overview { height: auto; max-height: 5; padding: 0 1; }
    ReviewScreen #review-pin { display: none; }
    ReviewScreen #review-pin.-open { display: block; }
    """

    BINDINGS = [
        Binding("a", "accept", "Accept candidate", id="review.accept"),
        Binding("p", "open_pin", "Pin by id", id="review.pin"),
        Binding("s", "skip", "Skip film", id="review.skip"),
        Binding("r", "reload", "Reload", id="review.reload"),
        Binding("escape", "close", "Back", id="review.close"),
    ]

    class Resolved(Message):
        """A film left the queue: accepted, pinned or skipped (so the app can refresh counts)."""

        def __init__(self, movie_id: str, action: str, tmdb_id: int | None) -> None:
            super().__init__()
            self.movie_id, self.action, self.tmdb_id = movie_id, action, tmdb_id

    def __init__(self, desk: ReviewDesk | None = None, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id or "tmdb-review")
        self.desk = desk or ReviewDesk()
        self.items: list[ReviewItem] = []

    def compose(self) -> ComposeResult:
        yield Static(id="review-title")
        with Horizontal(id="review-body"):
            yield DataTable(id="review-films", cursor_type="row", zebra_stripes=True)
            with Vertical(id="review-side"):
                yield Static(id="review-reason")
                yield DataTable(id="review-candidates", cursor_type="row")
                yield Static(id="review-overview")
        yield Input(placeholder="TMDB id or themoviedb.org/movie/… link, Enter to pin", id="review-pin")
        yield Footer()

    def on_mount(self) -> None:
        films = self.query_one("#review-films", DataTable)
        films.add_columns("Film", "Year", "Cand.")
        self.query_one("#review-candidates", DataTable).add_columns(
            "#", "Score", "Title", "Hebrew", "Year", "Director", "Min", "TMDB"
        )
        self.reload()
        films.focus()

    # ------------------------------------------------------------------------------- state
    @property
    def current(self) -> ReviewItem | None:
        row = self.query_one("#review-films", DataTable).cursor_row
        return self.items[row] if 0 <= row < len(self.items) else None

    def current_candidate(self) -> dict[str, Any] | None:
        item = self.current
        if item is None or not item.candidates:
            return None
        row = self.query_one("#review-candidates", DataTable).cursor_row
        return item.candidates[row] if 0 <= row < len(item.candidates) else None

    def reload(self, keep_row: int = 0) -> None:
        self.items = self.desk.items()
        films = self.query_one("#review-films", DataTable)
        films.clear()
        for item in self.items:
            films.add_row(cell(item.titles), cell(item.year), cell(len(item.candidates)), key=item.movie_id)
        count = len(self.items)
        title = f"TMDB review — {count} film{'s' if count != 1 else ''} waiting" if count else "TMDB review — all done"
        self.query_one("#review-title", Static).update(Text(title))
        if self.items:
            films.move_cursor(row=min(keep_row, count - 1))
        self.show_candidates()

    def show_candidates(self) -> None:
        item = self.current
        table = self.query_one("#review-candidates", DataTable)
        table.clear()
        reason = Text(printable(item.reason)) if item else Text("Nothing waits for review.")
        self.query_one("#review-reason", Static).update(reason)
        for rank, candidate in enumerate(item.candidates if item else [], 1):
            table.add_row(*candidate_row(rank, candidate), key=str(candidate.get("tmdb_id")))
        self.show_overview()

    def show_overview(self) -> None:
        candidate = self.current_candidate()
        text = Text()
        if candidate is not None:
            text.append(printable(str(candidate.get("overview") or "")))
            notes = (candidate.get("parts") or {}).values()
            text.append("\n" + printable(" · ".join(str(part.get("note", "")) for part in notes)), style="dim")
        self.query_one("#review-overview", Static).update(text)

    @on(DataTable.RowHighlighted, "#review-films")
    def _film_highlighted(self) -> None:
        self.show_candidates()

    @on(DataTable.RowHighlighted, "#review-candidates")
    def _candidate_highlighted(self) -> None:
        self.show_overview()

    # ------------------------------------------------------------------------------- actions
    def _resolved(self, item: ReviewItem, action: str, tmdb_id: int | None) -> None:
        row = self.query_one("#review-films", DataTable).cursor_row
        target = f" → TMDB {tmdb_id}" if tmdb_id else ""
        self.notify(printable(f"{action}: {item.label}{target}"), markup=False)
        self.post_message(self.Resolved(item.movie_id, action, tmdb_id))
        self.reload(keep_row=row)

    def action_accept(self) -> None:
        item, candidate = self.current, self.current_candidate()
        if item is None or candidate is None:
            self.notify("No candidate to accept: pin by id (p) or skip (s).", severity="warning", markup=False)
            return
        tmdb_id = self.desk.accept(item.movie_id, int(candidate["tmdb_id"]))
        self._resolved(item, "accepted", tmdb_id)

    def action_skip(self) -> None:
        item = self.current
        if item is not None:
            self.desk.skip(item.movie_id)
            self._resolved(item, "skipped", None)

    def action_open_pin(self) -> None:
        if self.current is None:
            return
        box = self.query_one("#review-pin", Input)
        box.value = ""
        box.add_class("-open")
        box.focus()

    def action_reload(self) -> None:
        self.reload(keep_row=self.query_one("#review-films", DataTable).cursor_row)

    def action_close(self) -> None:
        box = self.query_one("#review-pin", Input)
        if box.has_class("-open"):
            box.remove_class("-open")
            self.query_one("#review-films", DataTable).focus()
        else:
            self.dismiss(None)

    @on(Input.Submitted, "#review-pin")
    def _pin_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        item = self.current
        if item is None:
            return
        try:
            tmdb_id = self.desk.pin(item.movie_id, event.value)
        except ValueError as exc:
            self.notify(printable(str(exc)), severity="error", markup=False)
            return
        event.input.remove_class("-open")
        self.query_one("#review-films", DataTable).focus()
        self._resolved(item, "pinned", tmdb_id)


def _register() -> None:
    """Offer the screen in the app's navigation (active once `app.tui.navigation.SCREEN_MODULES` lists us)."""
    from app.tui.navigation import ScreenEntry, register_screen

    register_screen(
        ScreenEntry(
            "tmdb_review",
            "TMDB review",
            lambda app: ReviewScreen(ReviewDesk()),
            description="Films enrichment was unsure about: accept a candidate, pin by id, or skip.",
        )
    )


_register()
