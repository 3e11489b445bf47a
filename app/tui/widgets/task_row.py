"""One dashboard row per task: spinner, name, group, status, attempt, bar, elapsed, remaining, rows, note.

A row is a list of cells, each a few `(text, style)` parts. Every tick the newest state is turned into
cells; the row repaints only when a cell changed, and only the changed cells are rendered again (the
rest come from a small per-row cache). So 60 tasks reporting at 20 Hz cost a spinner frame and a
percentage per row per tick, not a full re-render, and never a message per progress report.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rich.segment import Segment
from rich.spinner import Spinner
from textual import events
from textual.cache import LRUCache
from textual.content import Content
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from app.core.jobs import JobSpec
from app.core.progress import TaskView
from app.textfmt import clock, printable
from app.tui.format import IN_FLIGHT, STATUS_GLYPH, STATUS_STYLE, first_line, guess_mark

SPINNER_FRAMES: tuple[str, ...] = tuple(Spinner("dots").frames)
BAR_WIDTH = 20
FILL_STYLE = {"ok": "$kt-done", "failed": "$kt-failed", "cancelled": "$kt-cancelled", "retrying": "$kt-eta"}
TRACK = "$kt-track"

Part = tuple[str, str]  # (text, style); the text is already safe (control characters escaped)
Cell = tuple[Part, ...]


def spinner_frame(now: float) -> int:
    """Frame from the clock (10 per second), so a frozen clock gives a still picture."""
    return int(now * 10) % len(SPINNER_FRAMES)


@dataclass(frozen=True)
class Columns:
    """Column widths for a row width; narrow terminals drop the group and note columns first."""

    name: int
    group: int
    note: int

    FIXED = 2 + (9 + 1) + (5 + 1) + (BAR_WIDTH + 1) + (4 + 1) + (7 + 1) + (8 + 1) + 6  # all but name, group, note

    @staticmethod
    @lru_cache(maxsize=64)
    def fit(width: int, name: int, group: int) -> Columns:
        spare = width - Columns.FIXED - name - 1 - group - 1
        if spare >= 12:
            return Columns(name, group, spare - 2)
        if spare + group + 1 >= 0:
            return Columns(name, 0, 0)
        return Columns(max(8, name + spare + group + 1), 0, 0)


def fit(content: Content, width: int) -> Content:
    """Exactly `width` cells: cut with an ellipsis or padded (wide characters counted right)."""
    return content.truncate(width, ellipsis=True, pad=True)


@lru_cache(maxsize=4096)
def fitted(text: str, width: int) -> str:
    """Untrusted text, escaped and fitted to `width` cells."""
    return fit(Content(printable(text)), width).plain if width > 0 else ""


def bar(fraction: float | None, status: str, frame: int) -> Cell:
    """Determinate when the job reports totals; a moving pulse while it runs without totals."""
    fill = FILL_STYLE.get(status, "$kt-pink")
    if fraction is None and status == "running":
        start = max(0, frame * 2 % (BAR_WIDTH + 6) - 6)
        end = min(BAR_WIDTH, frame * 2 % (BAR_WIDTH + 6))
        return ("━" * start, TRACK), ("━" * (end - start), fill), ("━" * (BAR_WIDTH - end), TRACK)
    if fraction is None:
        fraction = 1.0 if status in ("failed", "ok") else 0.0
    filled = fraction * BAR_WIDTH
    full = int(filled)
    half = "╸" if filled - full >= 0.5 and full < BAR_WIDTH else ""
    return ("━" * full, fill), (half, fill), ("━" * (BAR_WIDTH - full - len(half)), TRACK)


def attempts_allowed(task: TaskView) -> int:
    """Each retry from the dashboard grants the job's attempts again (attempt numbers continue)."""
    per_run = max(1, task.max_attempts)
    return per_run * max(1, -(-task.attempt // per_run))


def glyph(status: str, frame: int) -> Part:
    if status in ("running", "retrying"):
        return SPINNER_FRAMES[frame], STATUS_STYLE[status]
    if status == "pending":
        return "○", STATUS_STYLE["pending"]
    return STATUS_GLYPH.get(status, "?"), STATUS_STYLE.get(status, "")


def note(task: TaskView) -> Part:
    """Right-most column: retries survived, warnings, else the newest log line."""
    if task.status == "ok" and task.retries:
        return f"↻ {first_line(task.retries[0])}", "$kt-eta"
    if task.warnings:
        return f"⚠ {len(task.warnings)} warning(s): {first_line(task.warnings[-1])}", "$kt-eta"
    if task.log:
        return first_line(task.log[-1][1]), "$foreground-muted"
    return "", ""


def detail_line(task: TaskView) -> Part | None:
    """Second line for failed (red error), retrying (orange) and skipped (why) tasks."""
    if task.status == "failed":
        kind = f"{task.error_type}: " if task.error_type else ""
        return f"✘ {kind}{first_line(task.error) or 'failed'}", "$kt-failed"
    if task.status == "retrying" and task.retries:
        return f"↻ {first_line(task.retries[-1])} — retrying", "$kt-eta"
    if task.status == "skipped" and task.error:
        return f"– {first_line(task.error)}", "$foreground-muted"
    return None


def task_cells(spec: JobSpec, task: TaskView | None, now: float, cols: Columns) -> list[Cell]:
    """The main line of a row as cells (each with its trailing gap)."""
    status = task.status if task else "pending"
    frame = spinner_frame(now)
    cells: list[Cell] = [(glyph(status, frame), (" ", ""))]
    cells.append(((fitted(spec.name, cols.name), "bold" if status in IN_FLIGHT else ""), (" ", "")))
    if cols.group:
        cells.append(((fitted(spec.group, cols.group), "$kt-group"), (" ", "")))
    cells.append(((status.ljust(9) + " ", STATUS_STYLE.get(status, "")),))
    if task is None:
        return cells
    retried = bool(task.retries)
    cells.append(
        (
            (f"{task.attempt}/{attempts_allowed(task)}".ljust(4), "$kt-eta bold" if retried else ""),
            ("↻" if retried else " ", "$kt-eta bold"),
            (" ", ""),
        )
    )
    fraction = task.fraction
    cells.append((*bar(fraction, status, frame), (" ", "")))
    percent = f"{fraction * 100:3.0f}% " if fraction is not None and task.total else "     "
    cells.append(((percent, "$foreground-muted"),))
    started = task.started_at is not None
    cells.append(((clock(task.elapsed(now)) if started else "       ", "$kt-elapsed bold"), (" ", "")))
    if status in IN_FLIGHT:
        left = guess_mark(task.eta_guess and not task.total) + clock(task.remaining(now))
        cells.append(((left.rjust(8) + " ", "$kt-eta"),))
    else:
        cells.append((("         ", ""),))
    cells.append(((f"{task.rows:>6}", "" if task.rows else "$foreground-muted"),))
    if cols.note:
        text, style = note(task)
        cells.append((("  ", ""), (fitted(text, cols.note).rstrip(), style)))
    return cells


class TaskRow(Widget):
    """A task's row (Line API): `show()` runs every tick and repaints only on a visible change."""

    class Clicked(Message):
        def __init__(self, row: TaskRow, chain: int) -> None:
            super().__init__()
            self.row, self.chain = row, chain

    def __init__(self, spec: JobSpec, name_width: int, group_width: int) -> None:
        super().__init__(classes="task-row")
        self.spec = spec
        self.name_width, self.group_width = name_width, group_width
        self.task_view: TaskView | None = None
        self.now = 0.0
        self._lines: list[list[Cell]] = [task_cells(spec, None, 0.0, Columns(name_width, group_width, 0))]
        self._status = ""
        self._segments: LRUCache[Cell, list[Segment]] = LRUCache(256)
        self._base: Style | None = None
        self._width = 0  # from resize events: asking the compositor every tick is not free

    @property
    def job(self) -> str:
        return self.spec.name

    def show(self, task: TaskView | None, now: float) -> None:
        if task is None:
            return
        self.task_view, self.now = task, now
        if task.status != self._status:
            self.remove_class(f"-{self._status}")
            self._status = task.status
            self.add_class(f"-{task.status}")
            self.set_class(detail_line(task) is not None, "-two-lines")
        lines = self.build_lines()
        if lines != self._lines:
            self._lines = lines
            self.refresh()

    def build_lines(self) -> list[list[Cell]]:
        width = self._width
        cols = Columns.fit(width, self.name_width, self.group_width)
        lines = [task_cells(self.spec, self.task_view, self.now, cols)]
        detail = detail_line(self.task_view) if self.task_view else None
        if detail:
            lines.append([(("   ", ""), (fitted(detail[0], max(0, width - 3)).rstrip(), detail[1]))])
        return lines

    def invalidate(self) -> None:
        """Render every cell again (the theme changed)."""
        self._segments.clear()
        self._base = None
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._width = event.size.width
        self._lines = self.build_lines()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        base = self.visual_style
        if base != self._base:  # cursor or status background changed: cached cells are stale
            self._segments.clear()
            self._base = base
        width = self._width or self.size.width
        if y >= len(self._lines):
            return Strip.blank(width, base.rich_style)
        segments: list[Segment] = []
        for cell in self._lines[y]:
            rendered = self._segments.get(cell)
            if rendered is None:
                rendered = Content.assemble(*cell).render_segments(base)
                self._segments[cell] = rendered
            segments.extend(rendered)
        return Strip(segments).adjust_cell_length(width, base.rich_style)

    def on_click(self, event: events.Click) -> None:
        self.post_message(self.Clicked(self, event.chain))
