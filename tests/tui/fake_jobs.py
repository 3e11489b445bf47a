"""Deterministic jobs for TUI tests: they hold at gates the test opens, so states are stable.

Referenced by import path like registry jobs; they run in the executor's threads of the test process,
so module-level events are shared with the test.
"""

from __future__ import annotations

import threading
from collections import defaultdict

from app.core.errors import PermanentError, TransientError
from app.core.jobs import JobContext

GATES: defaultdict[str, threading.Event] = defaultdict(threading.Event)  # job name → "go on"
FIXED: defaultdict[str, threading.Event] = defaultdict(threading.Event)  # job name → "bug fixed"

HOSTILE_LINES = (
    "[bold red]styled?[/]",
    "[/]",
    "[@click=app.quit]click me[/]",
    "[link=https://x]y[/link]",
    "\x1b[31mred\x1b[0m",
    "\x1b]8;;http://x\x1b\\osc link\x1b]8;;\x1b\\",
)
HOSTILE_ERROR = "[bold red]boom[/] [@click=app.quit]x[/] \x1b[2J [link=https://x]y[/link]"


def reset() -> None:
    GATES.clear()
    FIXED.clear()


def hold(ctx: JobContext) -> None:
    """Wait (cancellably) until the test opens this job's gate."""
    gate = GATES[ctx.job]
    while not gate.wait(0.02):
        ctx.check_cancelled()


def gated(ctx: JobContext) -> None:
    """Determinate progress 2/4, one log line, then holds; finishes with 5 rows."""
    ctx.log(f"{ctx.job}: started")
    ctx.progress(2, 4)
    hold(ctx)
    ctx.progress(4, 4)
    ctx.add_rows(5)
    ctx.log(f"{ctx.job}: done")


def gated_no_total(ctx: JobContext) -> None:
    """Indeterminate (no totals reported): the bar pulses while it holds."""
    ctx.log("working without a total")
    hold(ctx)


def quick(ctx: JobContext) -> None:
    ctx.progress(3, 3)
    ctx.add_rows(3)
    ctx.log("quick job finished")


def broken(ctx: JobContext) -> None:
    ctx.log("about to fail")
    raise PermanentError("selector #showtimes plainly missing")


def transient(ctx: JobContext) -> None:
    raise TransientError("timed out waiting for the page")


def broken_until_fixed(ctx: JobContext) -> None:
    """Fails permanently until the test 'fixes the bug'; then a retry succeeds."""
    if not FIXED[ctx.job].is_set():
        raise PermanentError("site changed its layout")
    ctx.add_rows(7)
    ctx.log("fixed and done")


def until_cancelled(ctx: JobContext) -> None:
    """Reports progress until cancelled (bounded at 60 s)."""
    for step in range(1200):
        ctx.progress(step, 1200)
        ctx.wait(0.05)


def hostile(ctx: JobContext) -> None:
    for line in HOSTILE_LINES:
        ctx.log(line)
    ctx.log("[@click=app.quit]warn[/]", "warning")
    raise PermanentError(HOSTILE_ERROR)
