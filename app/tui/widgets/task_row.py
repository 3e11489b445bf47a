"""What a task's dashboard row shows: spinner, name, group, status, attempt, bar, times, rows, note.

A row is built as cells, each a few `(text, style)` parts with text already made safe. The task list
compares cells between ticks and renders only the cells that changed, so the row model stays plain
data (testable, cheap to compare) and the widget stays a thin painter.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rich.spinner import Spinner
from textual.content import Content

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


def row_lines(spec: JobSpec, task: TaskView | None, now: float, width: int, cols: Columns) -> list[list[Cell]]:
    """A task's lines: the main line, plus the detail line for failed, retrying and skipped tasks."""
    lines = [task_cells(spec, task, now, cols)]
    detail = detail_line(task) if task else None
    if detail:
        lines.append([(("   ", ""), (fitted(detail[0], max(0, width - 3)).rstrip(), detail[1]))])
    return lines
