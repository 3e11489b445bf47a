"""Rich renderables for the headless front end on a terminal (live table and final summary)."""

from __future__ import annotations

import time

from rich.console import Group
from rich.progress_bar import ProgressBar
from rich.spinner import Spinner
from rich.table import Table
from rich.text import Text

from app.core.progress import RunView
from app.core.summary import RunResult
from app.textfmt import clock, printable

STATUS_STYLE = {
    "ok": "bold green",
    "failed": "bold red",
    "cancelled": "yellow",
    "skipped": "dim",
    "running": "bold #f266e0",
    "retrying": "bold #ff9f1c",
    "pending": "dim #f266e0",
}
_SPINNERS: dict[str, Spinner] = {}


def render_live(view: RunView) -> Group:
    now = time.time()
    head = Text.assemble(
        ("Kartiseret ", "bold"),
        (f"run {view.run_id}", "bold #66d6f2"),
        "  ",
        ((" TESTING ", "bold white on red") if view.mode == "testing" else (" REGULAR ", "bold black on green")),
        f"  sites {view.sites}  ",
        ("elapsed ", "dim"),
        (clock(view.elapsed(now)), "bold #9c27f5"),
        "  ",
        ("remaining ", "dim"),
        (clock(view.remaining(now)) + ("~" if view.any_guess else ""), "bold #ff9f1c"),
        f"  threads {view.busy}/{view.max_workers}",
    )
    table = Table(box=None, padding=(0, 1), show_header=True, header_style="dim")
    for column in ("", "job", "group", "status", "try", "progress", "elapsed", "left", "rows"):
        table.add_column(column, no_wrap=True)
    for task in view.tasks.values():
        spinner = _SPINNERS.setdefault(task.job, Spinner("dots", style="bold #f266e0"))
        icon = (
            spinner
            if task.status in ("running", "retrying", "pending")
            else Text(
                {"ok": "✔", "failed": "✘", "cancelled": "■", "skipped": "–"}.get(task.status, " "),
                style=STATUS_STYLE.get(task.status, ""),
            )
        )
        fraction = task.fraction
        bar = ProgressBar(
            total=1.0,
            completed=fraction if fraction is not None else 0.0,
            width=20,
            pulse=fraction is None and task.status == "running",
            complete_style="red" if task.status == "failed" else "#f266e0",
            finished_style="green",
        )
        table.add_row(
            icon,
            Text(printable(task.title)),
            Text(task.group, style="#66d6f2"),
            Text(task.status, style=STATUS_STYLE.get(task.status, "")),
            Text(f"{task.attempt}/{task.max_attempts}"),
            bar,
            Text(clock(task.elapsed(now)), style="#9c27f5"),
            Text(clock(task.remaining(now)) + ("~" if task.eta_guess else ""), style="#ff9f1c"),
            Text(str(task.rows)),
        )
        if task.status == "failed" and task.error:
            table.add_row("", Text(printable(task.error)[:150], style="red"))
    return Group(head, table)


def render_summary(result: RunResult) -> Group:
    title = Text.assemble(
        (f"Run {result.run_id} ", "bold #66d6f2"),
        (result.status.upper(), STATUS_STYLE.get(result.status, "bold red")),
        f" — mode {result.mode}",
        (" (TESTING: small batches, separate tables)", "bold red") if result.mode == "testing" else "",
        f", sites {result.sites}, plan {result.plan}, {clock(result.duration_s)}",
    )
    table = Table(show_header=True, header_style="bold")
    for column in ("job", "group", "status", "attempts", "duration", "rows", "error"):
        table.add_column(column, overflow="fold")
    for job in result.jobs:
        table.add_row(
            Text(job.name),
            Text(job.group),
            Text(job.status, style=STATUS_STYLE.get(job.status, "")),
            Text(str(job.attempts)),
            Text(clock(job.duration_s)),
            Text(str(job.rows)),
            Text(printable(job.error)[:200], style="red"),
        )
    parts: list = [title, table]
    for job in result.jobs:
        for warning in job.warnings:
            parts.append(Text(f"warning: {job.name}: {printable(warning)}", style="#ff9f1c"))
    parts.append(Text(f"log:       {result.log}"))
    parts.append(Text(f"artifacts: {result.artifacts}"))
    return Group(*parts)
