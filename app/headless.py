"""Headless front end (`--no-tui`): live Rich progress on a terminal, plain lines otherwise.

Never imports Textual. Untrusted text (job errors, log lines) is rendered as `Text`, never markup.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import TextIO

from app.core.events import (
    Event,
    RunFinished,
    RunStarted,
    TaskFinished,
    TaskLog,
    TaskProgress,
    TaskRetrying,
    TaskStarted,
)
from app.core.executor import Executor
from app.core.plan import Plan
from app.core.progress import RunView
from app.core.summary import RunResult
from app.textfmt import clock, plain_summary, printable

PROGRESS_LINE_EVERY_S = 5.0


class PlainReporter:
    """One line per event for cron and CI logs: no escape codes, no redraws."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.view = RunView()
        self._last_progress: dict[str, float] = {}

    def handle(self, events: list[Event]) -> None:
        self.view.apply(events)
        write = self.out.write
        run = self.view.run_id
        for event in events:
            if isinstance(event, RunStarted):
                write(
                    f"[run {event.run_id}] started: mode={event.mode} sites={event.sites} plan={event.plan} "
                    f"db={event.database}\n"
                )
                if event.mode == "testing":
                    write(f"[run {event.run_id}] TESTING MODE: small batches, separate tables\n")
            elif isinstance(event, TaskStarted):
                task = self.view.tasks[event.job]
                write(f"[run {run}] {event.job}: started (attempt {event.attempt}/{task.max_attempts})\n")
            elif isinstance(event, TaskProgress):
                now = time.monotonic()
                if now - self._last_progress.get(event.job, 0.0) >= PROGRESS_LINE_EVERY_S:
                    self._last_progress[event.job] = now
                    total = f"/{event.total:g}" if event.total else ""
                    write(f"[run {run}] {event.job}: progress {event.done:g}{total}\n")
            elif isinstance(event, TaskLog):
                write(f"[run {run}] {event.job}: {event.level}: {_one_line(event.message)}\n")
            elif isinstance(event, TaskRetrying):
                write(
                    f"[run {run}] {event.job}: attempt {event.attempt} failed: {_one_line(event.error)}; "
                    f"retrying in {event.delay_s:.1f}s\n"
                )
            elif isinstance(event, TaskFinished):
                detail = f" — {_one_line(event.error)}" if event.error else ""
                write(
                    f"[run {run}] {event.job}: {event.status} after {event.attempts} attempt(s) in "
                    f"{clock(event.duration_s)}, {event.rows} rows{detail}\n"
                )
            elif isinstance(event, RunFinished):
                write(f"[run {event.run_id}] finished: {event.status}\n")
        self.out.flush()

    def close(self) -> None:
        pass


class LiveReporter:
    """Rich live table on a terminal: spinner, bar, elapsed, remaining and attempt per task."""

    def __init__(self, out: TextIO) -> None:
        from rich.console import Console
        from rich.live import Live

        self.view = RunView()
        self.console = Console(file=out)
        self.live = Live(console=self.console, refresh_per_second=8, transient=False, get_renderable=self._render)
        self.live.start()

    def handle(self, events: list[Event]) -> None:
        self.view.apply(events)

    def close(self) -> None:
        self.live.refresh()
        self.live.stop()

    def _render(self):
        from app.headless_render import render_live

        return render_live(self.view)


def _one_line(text: str) -> str:
    """First line only, control characters shown escaped (no escape code from data reaches a log)."""
    return printable(text.strip().splitlines()[0]) if text.strip() else ""


def make_reporter(out: TextIO, live: bool) -> PlainReporter | LiveReporter:
    return LiveReporter(out) if live else PlainReporter(out)


def run_headless(
    executor: Executor,
    plan: Plan,
    out: TextIO | None = None,
    live: bool | None = None,
    on_result: Callable[[RunResult], None] | None = None,
) -> RunResult:
    """Run the plan with a headless reporter; SIGINT/SIGTERM cancel the run (exit code 130)."""
    out = out or sys.stdout
    live = out.isatty() if live is None else live
    reporter = make_reporter(out, live)
    restore = _install_signal_handlers(executor)
    try:
        executor.start(plan)
        worker = threading.Thread(target=executor.execute, name="executor", daemon=True)
        worker.start()
        while worker.is_alive():
            first = executor.bus.wait(0.1)
            events = ([first] if first else []) + executor.bus.drain()
            if events:
                reporter.handle(events)
        result = executor.finish()
        reporter.handle(executor.bus.drain())
    finally:
        reporter.close()
        restore()
    print_summary(result, out, rich=live)
    if on_result:
        on_result(result)
    return result


def print_summary(result: RunResult, out: TextIO, rich: bool) -> None:
    if rich:
        from rich.console import Console

        from app.headless_render import render_summary

        Console(file=out).print(render_summary(result))
    else:
        out.write(plain_summary(result))
        out.flush()


def _install_signal_handlers(executor: Executor) -> Callable[[], None]:
    """First SIGINT/SIGTERM cancels cleanly; the run then ends as `cancelled` with exit code 130."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def handler(signum: int, _frame: object) -> None:
        executor.cancel()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}

    def restore() -> None:
        for sig, old in previous.items():
            signal.signal(sig, old)

    return restore
