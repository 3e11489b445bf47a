"""One run driven from the TUI: the executor's plan and any retries run on plain threads.

Not Textual workers: those share a small pool and die with the screen that started them. This class
holds no execution logic either: it only calls the executor's public controls from threads it owns.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from app.core.events import EventBus
from app.core.executor import Executor
from app.core.plan import Plan
from app.core.summary import RunResult


class RunSession:
    """`start()` the plan, `retry(jobs)`, `cancel(job)`, and `finish()` once nothing runs any more."""

    def __init__(self, executor: Executor, plan: Plan, prepare: Callable[[], None] | None = None) -> None:
        self.executor = executor
        self.plan = plan
        self.prepare = prepare
        self.error: BaseException | None = None
        self.result: RunResult | None = None
        self.started = threading.Event()  # set once the executor allocated the run
        self.cancel_requested = False
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()

    @property
    def bus(self) -> EventBus:
        return self.executor.bus

    @property
    def busy(self) -> bool:
        with self._lock:
            return any(thread.is_alive() for thread in self._threads)

    @property
    def finished(self) -> bool:
        return self.result is not None

    def start(self) -> None:
        self._spawn(self._run_plan, "executor")

    def retry(self, jobs: list[str]) -> None:
        """Run failed or cancelled tasks again in this run (attempt numbers continue)."""
        if jobs and self.started.is_set() and not self.finished:
            self._spawn(lambda: self.executor.rerun(jobs), "executor-retry")

    def cancel(self, job: str | None = None) -> None:
        """Cancel one task, or everything (job=None); jobs notice at their next check."""
        if job is None:
            self.cancel_requested = True
        self.executor.cancel(job)

    def wait(self, timeout: float | None = None) -> bool:
        """Join the threads (tests and shutdown); True when nothing runs any more."""
        for thread in list(self._threads):
            thread.join(timeout)
        return not self.busy

    def finish(self) -> RunResult | None:
        """Close the run (idempotent); None when it never started (e.g. the database failed)."""
        if self.result is None and self.started.is_set():
            self.result = self.executor.finish()
        return self.result

    def _spawn(self, target: Callable[[], None], name: str) -> None:
        thread = threading.Thread(target=self._guarded, args=(target,), name=name, daemon=True)
        with self._lock:
            self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    def _guarded(self, target: Callable[[], None]) -> None:
        try:
            target()
        except BaseException as exc:  # surfaced on the dashboard and in the final summary
            self.error = exc

    def _run_plan(self) -> None:
        if self.prepare is not None:
            self.prepare()
        self.executor.start(self.plan)
        self.started.set()
        if self.cancel_requested:  # quit was confirmed while the run was still being set up
            self.executor.cancel()
        self.executor.execute()
