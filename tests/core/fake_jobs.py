"""Deterministic jobs for executor tests (referenced by import path, like registry jobs)."""

from __future__ import annotations

import os
from pathlib import Path

from app.core.errors import PermanentError, TransientError
from app.core.jobs import JobContext


def quick(ctx: JobContext) -> None:
    ctx.progress(1, 1)
    ctx.add_rows(3)


def noop(ctx: JobContext) -> None:
    """Does nothing: measures pure engine overhead."""


def sleepy(ctx: JobContext) -> None:
    """Runs until cancelled (or 60 s), checking for cancellation between small waits."""
    marker = os.environ.get("KARTISERET_TEST_MARKER")
    if marker:  # written atomically: a watcher never sees it half-written
        partial = Path(marker + ".part")
        partial.write_text(str(ctx.run_id))
        partial.rename(marker)
    for step in range(600):
        ctx.progress(step, 600)
        ctx.wait(0.1)


def flaky_twice(ctx: JobContext) -> None:
    if ctx.attempt <= 2:
        raise TransientError(f"transient failure on attempt {ctx.attempt}")
    ctx.add_rows(1)


def permanent(ctx: JobContext) -> None:
    raise PermanentError("selector plainly missing")


def timed(ctx: JobContext) -> None:
    """Holds a worker for 0.3 s so parallel and sequential stages differ measurably in overlap."""
    ctx.wait(0.3)


def leaky(ctx: JobContext) -> None:
    """Tries every way a secret could leak: log line, warning, metric-free error message."""
    key = ctx.settings.tmdb_api_key or ""
    ctx.log(f"calling https://api.example/3/search?api_key={key}")
    ctx.log(f"database {ctx.settings.database_url}")
    ctx.warn(f"suspicious response for key {key}")
    raise PermanentError(f"401 Unauthorized for api_key={key}")


def hostile(ctx: JobContext) -> None:
    """Log lines and errors full of markup and escape sequences: must be shown literally."""
    ctx.log("[bold red]not bold[/] [@click=app.quit]x[/] [link=https://evil.example]y[/link]")
    ctx.log("\x1b[31mred?\x1b[0m \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ \u202eevil\u202c")
    raise PermanentError("[/] \x1b[2J cleared?")
