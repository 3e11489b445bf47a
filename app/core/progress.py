"""Front-end-neutral view of a running plan: newest state per task, elapsed and remaining times.

Both front ends feed drained events into a `RunView` and render from it, so ETA rules and state
transitions live once, outside any UI toolkit.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from app.core.eta import remaining
from app.core.events import (
    Event,
    RunFinished,
    RunStarted,
    TaskFinished,
    TaskLog,
    TaskProgress,
    TaskQueued,
    TaskRetrying,
    TaskRows,
    TaskStarted,
)

MAX_LOG_LINES = 500


@dataclass
class TaskView:
    job: str
    group: str
    title: str
    max_attempts: int
    eta_s: float
    eta_guess: bool
    status: str = "pending"
    attempt: int = 0
    done: float = 0.0
    total: float | None = None
    rows: int = 0
    started_at: float | None = None  # wall clock of the first attempt
    attempt_started_at: float | None = None
    finished_at: float | None = None
    error: str = ""
    error_type: str = ""
    traceback: str = ""
    artifacts: str = ""
    retries: list[str] = field(default_factory=list)
    warnings: tuple[str, ...] = ()
    log: list[tuple[str, str]] = field(default_factory=list)
    dirty: bool = True

    def elapsed(self, now: float | None = None) -> float:
        if self.started_at is None:
            return 0.0
        end = self.finished_at if self.finished_at is not None else (now or time.time())
        return max(0.0, end - self.started_at)

    def remaining(self, now: float | None = None) -> float:
        if self.status in ("ok", "failed", "cancelled", "skipped"):
            return 0.0
        if self.total:  # determinate progress beats history
            elapsed = self.elapsed(now)
            if self.done > 0 and elapsed > 1:
                return max(0.0, elapsed * (self.total - self.done) / self.done)
        if self.attempt_started_at is None:
            return self.eta_s
        return remaining(self.eta_s, (now or time.time()) - self.attempt_started_at)

    @property
    def fraction(self) -> float | None:
        """Share done when the job reports totals; None while indeterminate."""
        if self.status == "ok":
            return 1.0
        if self.total:
            return min(1.0, self.done / self.total)
        return None


@dataclass
class RunView:
    run_id: int = 0
    mode: str = ""
    sites: str = ""
    plan: str = ""
    database: str = ""
    log_path: str = ""
    artifacts_path: str = ""
    max_workers: int = 1
    status: str = "starting"
    started_at: float = field(default_factory=time.time)
    finished_at: float | None = None
    tasks: dict[str, TaskView] = field(default_factory=dict)

    def apply(self, events: list[Event]) -> set[str]:
        """Fold events into state; returns the jobs whose state changed."""
        changed: set[str] = set()
        for event in events:
            job = getattr(event, "job", None)
            task = self.tasks.get(job) if job else None
            if isinstance(event, TaskQueued):
                self.tasks[event.job] = TaskView(
                    event.job, event.group, event.title, event.max_attempts, event.eta_s, event.eta_guess
                )
                changed.add(event.job)
                continue
            if isinstance(event, RunStarted):
                self.run_id, self.mode, self.sites, self.plan = event.run_id, event.mode, event.sites, event.plan
                self.database, self.log_path = event.database, event.log_path
                self.artifacts_path, self.max_workers = event.artifacts_path, event.max_workers
                self.status, self.started_at = "running", event.at
                continue
            if isinstance(event, RunFinished):
                self.status, self.finished_at = event.status, event.at
                continue
            if task is None:
                continue
            changed.add(task.job)
            task.dirty = True
            if isinstance(event, TaskProgress):
                task.done, task.total = event.done, event.total
            elif isinstance(event, TaskRows):
                task.rows = event.rows
            elif isinstance(event, TaskLog):
                task.log.append((event.level, event.message))
                del task.log[:-MAX_LOG_LINES]
            elif isinstance(event, TaskStarted):
                task.status, task.attempt = "running", event.attempt
                task.attempt_started_at = event.at
                task.finished_at = None
                task.done, task.total = 0.0, None
                if task.started_at is None:
                    task.started_at = event.at
            elif isinstance(event, TaskRetrying):
                task.status = "retrying"
                task.retries.append(f"attempt {event.attempt}: {event.error}")
                task.error = event.error
            elif isinstance(event, TaskFinished):
                task.status, task.attempt, task.rows = event.status, event.attempts, event.rows
                task.error, task.error_type, task.traceback = event.error, event.error_type, event.traceback
                task.artifacts, task.warnings = event.artifacts, event.warnings
                task.finished_at = event.at
                if task.started_at is None:
                    task.started_at = event.at
        return changed

    def elapsed(self, now: float | None = None) -> float:
        end = self.finished_at if self.finished_at is not None else (now or time.time())
        return max(0.0, end - self.started_at)

    def remaining(self, now: float | None = None) -> float:
        """Overall remaining time: the running work spread over the available workers."""
        now = now or time.time()
        left = [t.remaining(now) for t in self.tasks.values()]
        if not left:
            return 0.0
        return max(max(left), sum(left) / max(1, self.max_workers))

    @property
    def busy(self) -> int:
        return sum(1 for t in self.tasks.values() if t.status in ("running", "retrying"))

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for task in self.tasks.values():
            counts[task.status] = counts.get(task.status, 0) + 1
        return counts

    @property
    def any_guess(self) -> bool:
        return any(t.eta_guess for t in self.tasks.values() if t.status in ("pending", "running"))
