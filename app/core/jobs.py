"""What a job is (`JobSpec`), how it is retried (`RetryPolicy`), and what it may touch (`JobContext`).

A job is any callable taking a `JobContext`, named in the registry by an import path so listing jobs
never imports Selenium. The context is the job's only channel to the world: progress, log lines,
row counts, warnings, metrics, artifacts folder and the cancellation check.
"""

from __future__ import annotations

import importlib
import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from app.core.errors import JobCancelled
from app.core.events import EventBus, TaskLog, TaskProgress, TaskRows
from app.core.settings import Settings


@dataclass(frozen=True)
class RetryPolicy:
    """Attempts with exponential backoff and jitter; `retryable(exc)` decides by error type."""

    max_attempts: int = 3
    base_delay_s: float = 2.0
    max_delay_s: float = 30.0
    jitter: float = 0.25

    def delay(self, failed_attempt: int) -> float:
        raw = min(self.max_delay_s, self.base_delay_s * (2 ** (failed_attempt - 1)))
        return max(0.0, raw * (1 + random.uniform(-self.jitter, self.jitter)))

    @staticmethod
    def retryable(exc: BaseException) -> bool:
        """Errors say whether another attempt can help (`retryable` attribute); default: yes."""
        flag = getattr(exc, "retryable", None)
        if flag is not None:
            return bool(flag)
        return not isinstance(exc, (KeyboardInterrupt, SystemExit, MemoryError))


@dataclass(frozen=True)
class JobSpec:
    """A registry entry: where the code is, how it runs and how long it usually takes."""

    name: str
    group: str
    target: str  # "package.module:callable" — a function f(ctx) or a class with .run(ctx)
    title: str = ""
    description: str = ""
    retry: RetryPolicy = RetryPolicy()
    resource: str = "cpu"  # "browser" jobs share the browser capacity
    default_eta_s: float = 60.0
    depends_on: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.title or self.name

    def load(self) -> Callable[[JobContext], Any]:
        return resolve_target(self.target)


@cache
def resolve_target(target: str) -> Callable[[JobContext], Any]:
    """Import a job's code on first use (listing jobs never imports Selenium)."""
    module_name, _, attr = target.partition(":")
    obj = getattr(importlib.import_module(module_name), attr)
    if isinstance(obj, type):
        return lambda ctx: obj().run(ctx)
    return obj


@dataclass
class JobContext:
    """Handed to each attempt: the job's thread-safe window onto the executor."""

    run_id: int
    spec: JobSpec
    attempt: int
    settings: Settings
    bus: EventBus
    artifacts_root: Path
    cancel_event: threading.Event
    logger: logging.Logger
    redact: Callable[[str], str] = str
    rows: int = 0
    warnings: list[str] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def job(self) -> str:
        return self.spec.name

    @property
    def testing(self) -> bool:
        return self.settings.testing

    @property
    def artifacts_dir(self) -> Path:
        """`artifacts/<run_id>/<job>/attempt-<n>/`, created on first use."""
        path = self.artifacts_root / self.spec.name / f"attempt-{self.attempt}"
        path.mkdir(parents=True, exist_ok=True)
        return path

    def log(self, message: str, level: str = "info") -> None:
        message = self.redact(message)
        self.logger.log(getattr(logging, level.upper(), logging.INFO), message, extra={"job": self.job})
        self.bus.publish(TaskLog(job=self.job, level=level, message=message))

    def progress(self, done: float, total: float | None = None) -> None:
        self.bus.publish(TaskProgress(job=self.job, done=done, total=total))

    def add_rows(self, count: int) -> None:
        with self._lock:
            self.rows += count
            total = self.rows
        self.bus.publish(TaskRows(job=self.job, rows=total))

    def set_rows(self, count: int) -> None:
        with self._lock:
            self.rows = count
        self.bus.publish(TaskRows(job=self.job, rows=count))

    def warn(self, message: str) -> None:
        """A problem worth showing in the summary that does not fail the job."""
        message = self.redact(message)
        self.warnings.append(message)
        self.log(message, "warning")

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def check_cancelled(self) -> None:
        """Call between units of work: raises JobCancelled when the run or this job was cancelled."""
        if self.cancel_event.is_set():
            raise JobCancelled(f"{self.job} cancelled")

    def wait(self, seconds: float) -> None:
        """Sleep that wakes up (and raises) on cancellation."""
        if self.cancel_event.wait(seconds):
            raise JobCancelled(f"{self.job} cancelled")
