"""Writes attempt rows from a background thread in batches, so jobs never wait on the database."""

from __future__ import annotations

import queue
import threading
from datetime import datetime
from typing import Any

from app.core.models import Attempt

_STOP = object()
FINAL_TRIES = 3


class AttemptRecorder:
    """Upserts attempt rows keyed by (run, job, attempt); start and finish of one attempt merge."""

    def __init__(self, flush_every_s: float = 0.25, batch: int = 500) -> None:
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._flush_every_s = flush_every_s
        self._batch = batch
        self._thread = threading.Thread(target=self._loop, name="attempt-recorder", daemon=True)
        self._error: BaseException | None = None
        self._thread.start()

    def started(self, run_id: int, job: str, group: str, attempt: int, at: datetime) -> None:
        self._queue.put(
            {"run_id": run_id, "job": job, "group": group, "attempt": attempt, "status": "running", "started_at": at}
        )

    def finished(self, row: dict[str, Any]) -> None:
        self._queue.put(row)

    def close(self) -> None:
        """Flush everything queued and stop; re-raises a database error from the writer thread."""
        self._queue.put(_STOP)
        self._thread.join()
        if self._error is not None:
            raise self._error

    def _loop(self) -> None:
        pending: dict[tuple[int, str, int], dict[str, Any]] = {}
        stop = False
        while not stop:
            try:
                item = self._queue.get(timeout=self._flush_every_s)
                while True:
                    if item is _STOP:
                        stop = True
                        break
                    key = (item["run_id"], item["job"], item["attempt"])
                    pending[key] = {**pending.get(key, {}), **item}
                    if len(pending) >= self._batch:
                        break
                    item = self._queue.get_nowait()
            except queue.Empty:
                pass
            self._flush(pending)
        for _ in range(FINAL_TRIES):  # rows a failed write kept: try again before giving up
            if not pending:
                break
            self._flush(pending)

    def _flush(self, pending: dict[tuple[int, str, int], dict[str, Any]]) -> None:
        """Write the pending rows; on failure keep them for the next flush (a SQLite database busy for
        longer than its timeout while other processes write must not lose attempts or end the run)."""
        if not pending:
            return
        try:
            self._write(list(pending.values()))
        except Exception as exc:  # keep the run alive; surface on close if it never succeeds
            self._error = exc
            return
        self._error = None
        pending.clear()

    @staticmethod
    def _write(rows: list[dict[str, Any]]) -> None:
        """One prepared upsert run with executemany: the hot path of 10,000-job plans."""
        db = Attempt._meta.database
        full = [tuple(row.get(c, _DEFAULTS.get(c)) for c in _COLUMNS) for row in rows]
        finished = [values for values, row in zip(full, rows, strict=True) if "finished_at" in row]
        started = [values for values, row in zip(full, rows, strict=True) if "finished_at" not in row]
        with db.atomic():
            cursor = db.cursor()
            for group, updated in ((started, _COLUMNS[4:6]), (finished, _COLUMNS[4:])):
                if group:
                    cursor.executemany(_upsert_sql(db.param, updated), group)


_COLUMNS = (
    "run_id",
    "job",
    "group",
    "attempt",
    "status",
    "started_at",
    "finished_at",
    "duration_s",
    "rows",
    "error_type",
    "error_message",
    "traceback",
    "artifacts",
)
_DEFAULTS = {
    "finished_at": None,
    "duration_s": None,
    "rows": 0,
    "error_type": "",
    "error_message": "",
    "traceback": "",
    "artifacts": "",
}


def _upsert_sql(param: str, updated: tuple[str, ...]) -> str:
    table = Attempt._meta.table_name
    columns = ", ".join(f'"{c}"' for c in _COLUMNS)
    values = ", ".join([param] * len(_COLUMNS))
    sets = ", ".join(f'"{c}" = excluded."{c}"' for c in updated)
    return (
        f'INSERT INTO "{table}" ({columns}) VALUES ({values}) '
        f'ON CONFLICT ("run_id", "job", "attempt") DO UPDATE SET {sets}'
    )
