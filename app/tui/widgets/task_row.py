"""One dashboard row per task: spinner, name, group, status, attempt, bar, elapsed, remaining, rows.

A row re-renders only when what it shows changed (a cheap key per tick), so 60 tasks reporting at
20 Hz cost the UI a handful of repaints per tick, not a message per progress report.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rich.spinner import Spinner
from textual import events
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from app.core.jobs import JobSpec
from app.core.progress import TaskView
from app.textfmt import clock
from app.tui.format import IN_FLIGHT, STATUS_GLYPH, STATUS_STYLE, first_line, guess_mark, safe

SPINNER_FRAMES: tuple[str, ...] = tuple(Spinner("dots").frames)
BAR_WIDTH = 20
FILL_STYLE = {"ok": "$kt-done", "failed": "$kt-failed", "cancelled": "$kt-cancelled", "retrying": "$kt-eta"}


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


def bar(fraction: float | None, status: str, frame: int) -> Content:
    """Determinate when the job reports totals; a moving pulse while it runs without totals."""
    fill = FILL_STYLE.get(status, "$kt-pink")
    if fraction is None and status == "running":
        start = frame * 2 % (BAR_WIDTH + 6) - 6
        cells = ["━" if start <= i < start + 6 else " " for i in range(BAR_WIDTH)]
        return Content.assemble(*[(c, fill) if c == "━" else ("━", "$kt-track") for c in cells])
    if fraction is None:
        fraction = 1.0 if status in ("failed", "ok") else 0.0
    filled = fraction * BAR_WIDTH
    full = int(filled)
    half = "╸" if filled - full >= 0.5 and full < BAR_WIDTH else ""
    rest = BAR_WIDTH - full - len(half)
    return Content.assemble(("━" * full, fill), (half, fill), ("━" * rest, "$kt-track"))


def attempts_allowed(task: TaskView) -> int:
    """Each retry from the dashboard grants the job's attempts again (attempt numbers continue)."""
    per_run = max(1, task.max_attempts)
    return per_run * max(1, -(-task.attempt // per_run))


def glyph(status: str, frame: int) -> Content:
    if status == "running":
        return Content.styled(SPINNER_FRAMES[frame], STATUS_STYLE["running"])
    if status == "retrying":
        return Content.styled(SPINNER_FRAMES[frame], STATUS_STYLE["retrying"])
    if status == "pending":
        return Content.styled("○", STATUS_STYLE["pending"])
    return Content.styled(STATUS_GLYPH.get(status, "?"), STATUS_STYLE.get(status, ""))


def note(task: TaskView) -> Content:
    """Right-most column: retries survived, warnings, else the newest log line."""
    if task.status == "ok" and task.retries:
        return safe(f"↻ {first_line(task.retries[0])}", "$kt-eta")
    if task.warnings:
        return safe(f"⚠ {len(task.warnings)} warning(s): {first_line(task.warnings[-1])}", "$kt-eta")
    if task.log:
        return safe(first_line(task.log[-1][1]), "$foreground-muted")
    return Content("")


def detail_line(task: TaskView) -> Content | None:
    """Second line for failed (red error), retrying (orange) and skipped (why) tasks."""
    if task.status == "failed":
        kind = f"{task.error_type}: " if task.error_type else ""
        return Content.assemble("   ", safe(f"✘ {kind}{first_line(task.error) or 'failed'}", "$kt-failed"))
    if task.status == "retrying" and task.retries:
        return Content.assemble("   ", safe(f"↻ {first_line(task.retries[-1])} — retrying", "$kt-eta"))
    if task.status == "skipped" and task.error:
        return Content.assemble("   ", safe(f"– {first_line(task.error)}", "$foreground-muted"))
    return None


def task_line(spec: JobSpec, task: TaskView | None, now: float, cols: Columns) -> Content:
    status = task.status if task else "pending"
    frame = spinner_frame(now)
    parts: list[Content | str | tuple[str, str]] = [glyph(status, frame), " "]
    parts.append(fit(safe(spec.name, "bold" if status in IN_FLIGHT else ""), cols.name))
    parts.append(" ")
    if cols.group:
        parts += [fit(safe(spec.group, "$kt-group"), cols.group), " "]
    parts += [Content.styled(status.ljust(9), STATUS_STYLE.get(status, "")), " "]
    if task is None:
        return Content.assemble(*parts)
    attempts = f"{task.attempt}/{attempts_allowed(task)}"
    parts.append(Content.styled(attempts.ljust(4), "$kt-eta bold" if task.retries else ""))
    parts += [("↻" if task.retries else " ", "$kt-eta bold"), " "]
    fraction = task.fraction
    parts += [bar(fraction, status, frame), " "]
    parts += [(f"{fraction * 100:3.0f}%" if fraction is not None and task.total else "    ", "$foreground-muted"), " "]
    started = task.started_at is not None
    parts += [(clock(task.elapsed(now)) if started else "       ", "$kt-elapsed bold"), " "]
    if status in IN_FLIGHT:
        left = guess_mark(task.eta_guess and not task.total) + clock(task.remaining(now))
        parts += [(left.rjust(8), "$kt-eta"), " "]
    else:
        parts += ["        ", " "]
    parts.append((f"{task.rows:>6}", "" if task.rows else "$foreground-muted"))
    if cols.note:
        parts += ["  ", note(task).truncate(cols.note, ellipsis=True)]
    return Content.assemble(*parts)


class TaskRow(Widget):
    """A task's row; `show()` is called every tick and repaints only on a visible change."""

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
        self._key: tuple | None = None
        self._status = ""

    @property
    def job(self) -> str:
        return self.spec.name

    def show(self, task: TaskView | None, now: float) -> None:
        if task is None:
            return
        in_flight = task.status in IN_FLIGHT
        key = (
            task.status, task.attempt, task.done, task.total, task.rows, int(task.elapsed(now)),
            int(task.remaining(now)) if in_flight else 0, spinner_frame(now) if in_flight else 0,
            len(task.log), task.error, len(task.retries), len(task.warnings),
        )  # fmt: skip
        if key == self._key:
            return
        self._key, self.task_view, self.now = key, task, now
        if task.status != self._status:
            self.remove_class(f"-{self._status}")
            self._status = task.status
            self.add_class(f"-{task.status}")
            two_lines = detail_line(task) is not None
            if self.has_class("-two-lines") != two_lines:
                self.set_class(two_lines, "-two-lines")
        self.refresh()

    def render(self) -> Content:
        cols = Columns.fit(self.size.width, self.name_width, self.group_width)
        line = task_line(self.spec, self.task_view, self.now, cols)
        detail = detail_line(self.task_view) if self.task_view else None
        return Content("\n").join([line, detail.truncate(self.size.width, ellipsis=True)]) if detail else line

    def on_click(self, event: events.Click) -> None:
        self.post_message(self.Clicked(self, event.chain))
