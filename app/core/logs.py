"""Per-run log file: every line tagged with the run ID and the job (`artifacts/<run_id>/run.log`)."""

from __future__ import annotations

import logging
import logging.handlers
import re
import threading
from pathlib import Path

from app.textfmt import printable

_LOCK = threading.Lock()


class _RunFilter(logging.Filter):
    """Stamps records with the run ID, fills a missing job name, masks secrets and escapes control characters.

    Messages carry scraped text: an escape sequence would act on the terminal of whoever reads the log
    (`tail -f`, `cat`), and a newline would forge a log line. Both are written escaped (`\\x1b`, `\\n`).
    """

    def __init__(self, run_id: int, secrets: list[str]) -> None:
        super().__init__()
        self.run_id = run_id
        self.pattern = re.compile("|".join(re.escape(s) for s in secrets)) if secrets else None

    def filter(self, record: logging.LogRecord) -> bool:
        record.run_id = self.run_id
        if not hasattr(record, "job"):
            record.job = "-"
        message = record.getMessage()
        if self.pattern is not None:
            message = self.pattern.sub("***", message)
        record.msg, record.args = printable(message), None
        return True


def run_logger(run_id: int, log_path: Path, secrets: list[str]) -> logging.Logger:
    """A logger writing only this run's lines to its own file (parallel runs never mix)."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    logger = logging.getLogger(f"kartiseret.run.{run_id}")
    with _LOCK:
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
            handler.close()
        handler = logging.FileHandler(log_path, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s run=%(run_id)s job=%(job)s %(levelname)s %(message)s"))
        handler.addFilter(_RunFilter(run_id, secrets))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    return logger


def close_run_logger(logger: logging.Logger) -> None:
    with _LOCK:
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
            handler.close()
