"""Benchmark: 100,000 raw showtime rows through clean + identity + publish on SQLite.

The rows are the real scraper rows of the test fixtures (`tests/fixtures/runs`), replicated with
their dates shifted day by day until there are enough. Prints, in one run:

- rows/s of clean + identity + publish (the first run over the rows),
- the time of a no-op re-run (nothing new: every dataflow skips by its watermark),
- rows/s of a raw `sqlite3.executemany` insert of the same rows into an index-free table,
- the ratios against the targets (end to end ≥ 10 % of raw executemany; no-op ≥ 5× faster),
- peak Python memory of the dataflows at two sizes (bounded: it must not grow with the rows).

Usage: .venv/bin/python bench/dataflows_throughput.py [--rows N] [--no-memory]
"""

from __future__ import annotations

import argparse
import csv
import gc
import os
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.db import close_database, open_database  # noqa: E402
from app.core.models import RAW_COLUMNS, RAW_VALUE_COLUMNS, RawRow, utcnow  # noqa: E402
from app.core.runs import allocate_run, finish_run  # noqa: E402
from app.core.settings import Settings  # noqa: E402
from dataflows.base import REGULAR_BATCH, QuietReporter  # noqa: E402
from dataflows.clean import run_clean  # noqa: E402
from dataflows.models import Showtime  # noqa: E402
from dataflows.publish import run_publish  # noqa: E402
from dataflows.resolve import run_identity  # noqa: E402
from dataflows.store import bulk_insert, write_transaction  # noqa: E402
from registry.schema import load_models  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "runs"
DATE = RAW_VALUE_COLUMNS.index("date_of_showing")


def real_showtime_rows() -> list[list[str]]:
    rows = []
    for path in sorted(FIXTURES.glob("*/*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["showtime"] and row["date_of_showing"]:
                    rows.append([row[name] for name in RAW_VALUE_COLUMNS])
    return rows


def replicate(base: list[list[str]], wanted: int) -> list[tuple[str, ...]]:
    """Copies of the real rows, copy k shifted k days later, until `wanted` rows."""
    out: list[tuple[str, ...]] = []
    shift = 0
    while len(out) < wanted:
        for row in base:
            if len(out) == wanted:
                break
            copy = list(row)
            copy[DATE] = (date.fromisoformat(row[DATE]) + timedelta(days=shift)).isoformat()
            out.append(tuple(copy))
        shift += 1
    return out


def fresh_database(folder: Path) -> Settings:
    close_database()
    settings = Settings(mode="regular", sites="sandbox", data_dir=folder, artifacts_dir=folder / "artifacts")
    load_models()
    open_database(settings)
    return settings


def store_raw(rows: list[tuple[str, ...]]) -> int:
    run = allocate_run("regular", "sandbox", "bench", ["bench"])
    now = utcnow()
    with write_transaction():
        bulk_insert(
            RawRow, ("run_id", "job", *RAW_VALUE_COLUMNS, "created_at"), [(run.id, "bench", *r, now) for r in rows]
        )
    finish_run(run.id, "ok")
    return run.id


def pipeline(run_id: int) -> None:
    reporter = QuietReporter()
    run_clean(run_id, REGULAR_BATCH, reporter)
    run_identity(run_id, reporter)
    run_publish(run_id, REGULAR_BATCH, reporter)


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process): CPU time shows the cost apart from other load on the machine."""
    started, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - started, time.process_time() - cpu


def raw_executemany(folder: Path, rows: list[tuple[str, ...]]) -> tuple[float, float]:
    connection = sqlite3.connect(folder / "raw.sqlite")
    connection.execute("PRAGMA journal_mode=wal")
    connection.execute(f"CREATE TABLE raw ({', '.join(f'{name} TEXT' for name in RAW_COLUMNS)})")
    values = [(*r, "1") for r in rows]
    insert = f"INSERT INTO raw VALUES ({', '.join('?' for _ in RAW_COLUMNS)})"

    def insert_all() -> None:
        connection.executemany(insert, values)
        connection.commit()

    elapsed = timed(insert_all)
    connection.close()
    return elapsed


def peak_memory(folder: Path, rows: list[tuple[str, ...]]) -> float:
    """Peak Python allocations (MiB) of the dataflows alone, over already stored raw rows."""
    fresh_database(folder)
    run_id = store_raw(rows)
    gc.collect()
    tracemalloc.start()
    pipeline(run_id + 1)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--no-memory", action="store_true", help="skip the (slower) memory measurement")
    args = parser.parse_args()
    base = real_showtime_rows()
    rows = replicate(base, args.rows)
    print(f"{len(rows):,} raw showtime rows ({len(base):,} real rows replicated with shifted dates)")
    with tempfile.TemporaryDirectory(prefix="kt-bench-") as tmp:
        folder = Path(tmp)
        fresh_database(folder / "pipeline")
        run_id = store_raw(rows)
        (first, first_cpu) = timed(lambda: pipeline(run_id + 1))
        published = Showtime.select().count()
        (noop, noop_cpu) = timed(lambda: pipeline(run_id + 2))
        (raw, raw_cpu) = raw_executemany(folder, rows)
        n = len(rows)
        print(f"load average at the start: {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores); CPU seconds in brackets")
        print(f"clean + identity + publish: {first:7.2f} s  {n / first:10,.0f} rows/s  [{first_cpu:6.2f} s CPU]"
              f"  ({published:,} published)")  # fmt: skip
        print(f"no-op re-run:               {noop:7.2f} s  ({first / noop:.0f}x faster than the first run; target 5x)"
              f"  [{noop_cpu:6.2f} s CPU]")  # fmt: skip
        print(f"raw sqlite3.executemany:    {raw:7.2f} s  {n / raw:10,.0f} rows/s  [{raw_cpu:6.2f} s CPU]")
        print(f"end to end / raw insert:    {100 * raw / first:6.1f} %  (target 10 %)  [by CPU time: "
              f"{100 * raw_cpu / first_cpu:.1f} %]")  # fmt: skip
        if not args.no_memory:
            small = peak_memory(folder / "memory-small", rows[: len(rows) // 5])
            large = peak_memory(folder / "memory-large", rows)
            print(
                f"peak Python memory of the dataflows: {small:.1f} MiB for {len(rows) // 5:,} rows, "
                f"{large:.1f} MiB for {len(rows):,} rows (batches of {REGULAR_BATCH:,})"
            )
        close_database()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
