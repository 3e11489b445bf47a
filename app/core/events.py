"""Events the executor emits for the front ends, and the thread-safe bus that carries them.

Front ends drain the bus on their own schedule (the TUI on a timer, headless in its main loop) and
keep only the newest state per task; producers never block on a slow consumer.
"""

from __future__ import annotations

import queue
import time
from dataclasses import dataclass, field

JOB_STATUSES = ("pending", "running", "retrying", "ok", "failed", "cancelled", "skipped")
FINAL_JOB_STATUSES = ("ok", "failed", "cancelled", "skipped")


@dataclass(frozen=True)
class Event:
    at: float = field(default_factory=time.time, kw_only=True)


@dataclass(frozen=True)
class RunStarted(Event):
    run_id: int
    mode: str
    sites: str
    plan: str
    database: str
    log_path: str
    artifacts_path: str
    max_workers: int


@dataclass(frozen=True)
class TaskQueued(Event):
    job: str
    group: str
    title: str
    max_attempts: int
    eta_s: float
    eta_guess: bool


@dataclass(frozen=True)
class TaskStarted(Event):
    job: str
    attempt: int


@dataclass(frozen=True)
class TaskProgress(Event):
    job: str
    done: float
    total: float | None


@dataclass(frozen=True)
class TaskLog(Event):
    job: str
    level: str
    message: str


@dataclass(frozen=True)
class TaskRows(Event):
    job: str
    rows: int


@dataclass(frozen=True)
class TaskRetrying(Event):
    job: str
    attempt: int
    error: str
    delay_s: float


@dataclass(frozen=True)
class TaskFinished(Event):
    job: str
    status: str
    attempts: int
    duration_s: float
    rows: int
    error: str = ""
    error_type: str = ""
    traceback: str = ""
    artifacts: str = ""
    warnings: tuple[str, ...] = ()
    metrics: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True)
class RunFinished(Event):
    run_id: int
    status: str


class EventBus:
    """A multi-producer queue; `drain()` returns everything queued so far without blocking."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[Event] = queue.SimpleQueue()

    def publish(self, event: Event) -> None:
        self._queue.put(event)

    def drain(self, limit: int = 100_000) -> list[Event]:
        events: list[Event] = []
        get = self._queue.get_nowait
        try:
            while len(events) < limit:
                events.append(get())
        except queue.Empty:
            pass
        return events

    def wait(self, timeout: float) -> Event | None:
        """Block up to `timeout` for the next event (headless main loop)."""
        try:
            return self._queue.get(timeout=timeout)
        except queue.Empty:
            return None
