"""What every dataflow shares: how it reports (a `JobContext` or anything shaped like one) and batch sizes.

Dataflows take a `Reporter` rather than a `JobContext` so benchmarks, tests and the maintenance
command line can run them directly; inside the executor the job's context is the reporter.
"""

from __future__ import annotations

from typing import Any, Protocol

from app.core.settings import Settings

TESTING_BATCH = 100  # Testing mode: small batches, so every path (many pages, many commits) is exercised
REGULAR_BATCH = 5000


class Reporter(Protocol):
    metrics: dict[str, Any]

    def log(self, message: str, level: str = "info") -> None: ...
    def warn(self, message: str) -> None: ...
    def progress(self, done: float, total: float | None = None) -> None: ...
    def add_rows(self, count: int) -> None: ...
    def check_cancelled(self) -> None: ...


class QuietReporter:
    """A reporter that keeps what it is told (for benchmarks, tests and command-line tools)."""

    def __init__(self, echo: bool = False) -> None:
        self.echo = echo
        self.metrics: dict[str, Any] = {}
        self.warnings: list[str] = []
        self.lines: list[str] = []
        self.rows = 0

    def log(self, message: str, level: str = "info") -> None:
        self.lines.append(message)
        if self.echo:
            print(message)

    def warn(self, message: str) -> None:
        self.warnings.append(message)
        self.log(f"warning: {message}", "warning")

    def progress(self, done: float, total: float | None = None) -> None:
        pass

    def add_rows(self, count: int) -> None:
        self.rows += count

    def check_cancelled(self) -> None:
        pass


def batch_size(settings: Settings) -> int:
    return TESTING_BATCH if settings.testing else REGULAR_BATCH
