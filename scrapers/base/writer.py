"""The one row writer: rows stamped with run ID and job, normalised, exact duplicates dropped, stored
into `RawRow` in chunks as they come (a crash keeps what was gathered).

Idempotent per attempt: `begin()` deletes rows this run+job stored before (a failed earlier attempt),
so a retry never duplicates them. After the final attempt the table holds exactly the last attempt's
rows (complete on success, partial when every attempt failed).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path

from app.core.db import database
from app.core.models import RAW_COLUMNS, RAW_VALUE_COLUMNS, RawRow
from scrapers.base.normalise import Normaliser

CHUNK_ROWS = 500


class RowWriter:
    def __init__(self, run_id: int, job: str, cinema: str, normaliser: Normaliser, chunk: int = CHUNK_ROWS) -> None:
        self.run_id = run_id
        self.job = job
        self.cinema = cinema
        self.normaliser = normaliser
        self.chunk = chunk
        self.rows: list[dict[str, str]] = []
        self._seen: set[tuple[str, ...]] = set()
        self._pending: list[dict[str, str]] = []
        self.duplicates = 0

    def begin(self) -> int:
        """Forget rows an earlier attempt of this job stored in this run; returns how many."""
        return RawRow.delete().where((RawRow.run_id == self.run_id) & (RawRow.job == self.job)).execute()

    def add(self, row: Mapping[str, str]) -> bool:
        """Normalise and keep a row; False when it exactly repeats one already kept."""
        clean = self.normaliser.row({**row, "cinema": row.get("cinema") or self.cinema})
        key = tuple(clean[c] for c in RAW_VALUE_COLUMNS)
        if key in self._seen:
            self.duplicates += 1
            return False
        self._seen.add(key)
        self.rows.append(clean)
        self._pending.append(clean)
        if len(self._pending) >= self.chunk:
            self.flush()
        return True

    def flush(self) -> None:
        """Store pending rows in one transaction."""
        if not self._pending:
            return
        batch = [{**row, "run_id": self.run_id, "job": self.job} for row in self._pending]
        with database.atomic():
            RawRow.insert_many(batch).execute()
        self._pending.clear()

    def write_csv(self, path: Path) -> Path:
        """The rows gathered so far, in the scraper row schema (failure artifacts)."""
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(RAW_COLUMNS), lineterminator="\n")
            writer.writeheader()
            for row in self.rows:
                writer.writerow({**row, "run_id": self.run_id})
        return path
