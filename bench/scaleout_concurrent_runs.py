"""Benchmark: 4 `kartiseret` processes at once on one database — PostgreSQL, and one SQLite file (WAL).

Each worker is a real shell running the real commands: `kartiseret import` of its cinemas' rows (the
real rows of `tests/fixtures/runs/590`, then `596`, each copied `--copies` times with the dates
shifted a day per copy: two new runs), then `kartiseret --no-tui --group dataflows` (clean, film
identity, publish, quality). The same four workers are also run one after another on a fresh
database, for the scale-out ratio. Prints per database: wall time, rows/s (raw rows imported and
carried through the dataflows, per second of wall time), and collisions — duplicate run IDs, raw rows
lost or duplicated, raw rows not cleaned exactly once — which must all be 0.

Usage: .venv/bin/python bench/scaleout_concurrent_runs.py [--copies N] [--workers N] [--mode regular|testing]
                                                          [--skip-postgres]
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.db import close_database, open_database  # noqa: E402
from app.core.models import RAW_COLUMNS, RawRow  # noqa: E402
from app.core.settings import Settings  # noqa: E402
from dataflows.models import CleanRow  # noqa: E402
from registry.schema import load_models  # noqa: E402
from tests.conftest import PG_URL, drop_schemas, postgres_reachable  # noqa: E402
from tests.reliability.concurrent import Inputs, cinema_groups, fixture_inputs, run_ids, run_workers  # noqa: E402
from tests.reliability.harness import env_for  # noqa: E402

DAY = RAW_COLUMNS.index("date_of_showing")


def copied_inputs(prefixes: list[str], copies: int, folder: Path) -> tuple[Inputs, int]:
    """Per source run, one CSV of the worker's real rows `copies` times (copy k shifted k days later)."""
    folder.mkdir(parents=True, exist_ok=True)
    inputs, rows = {}, 0
    for source, originals in fixture_inputs(prefixes).items():
        path = folder / f"{source}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(RAW_COLUMNS)
            for original in originals:
                with original.open(encoding="utf-8", newline="") as lines:
                    base = [[row[c] for c in RAW_COLUMNS] for row in csv.DictReader(lines)]
                for k in range(copies):
                    for row in base:
                        writer.writerow(shifted(row, k))
                        rows += 1
        inputs[source] = [path]
    return inputs, rows


def shifted(row: list[str], days: int) -> list[str]:
    if not days or not row[DAY]:
        return row
    return [*row[:DAY], (date.fromisoformat(row[DAY]) + timedelta(days=days)).isoformat(), *row[DAY + 1 :]]


def audit(settings: Settings, folders: list[Path], expected_rows: int) -> dict[str, int]:
    load_models()
    open_database(settings)
    try:
        ids = [run_id for folder in folders for run_id in run_ids(folder)]
        raw = RawRow.select().count()
        cleaned = CleanRow.select().count()
        distinct_cleaned = CleanRow.select(CleanRow.raw_row_id).distinct().count()
    finally:
        close_database()
    return {
        "duplicate run IDs": len(ids) - len(set(ids)),
        "raw rows lost or duplicated": abs(raw - expected_rows),
        "raw rows not cleaned exactly once": abs(cleaned - raw) + (cleaned - distinct_cleaned),
    }


def measure(backend: str, env: dict[str, str], inputs: list[Inputs], rows: int, root: Path, settings: Settings,
            together: bool) -> tuple[float, dict[str, int]]:  # fmt: skip
    started = time.perf_counter()
    folders = run_workers(env, inputs, root, together=together)
    wall = time.perf_counter() - started
    collisions = audit(settings, folders, rows)
    how = f"{len(inputs)} at once" if together else "one at a time"
    found = ", ".join(f"{name} {n}" for name, n in collisions.items())
    print(f"  {backend:<10} {how:<14} wall {wall:7.2f} s   {rows / wall:9,.0f} rows/s   collisions "
          f"{sum(collisions.values())} ({found})")  # fmt: skip
    return wall, collisions


def run_backend(backend: str, root: Path, inputs: list[Inputs], rows: int, mode: str) -> int:
    """Both ways (at once, one at a time), each on a fresh database; prints the ratio; returns collisions."""
    walls, failures = [], 0
    for together in (True, False):
        folder = root / f"{backend}-{'together' if together else 'apart'}"
        schema = f"kt_bench_{uuid.uuid4().hex[:8]}"
        url = PG_URL if backend == "postgres" else None
        env = env_for(
            folder, KARTISERET_MODE=mode, KARTISERET_PG_SCHEMA=schema, **({"DATABASE_URL": url} if url else {})
        )
        os.environ["KARTISERET_PG_SCHEMA"] = schema  # the audit opens the same schema in this process
        settings = Settings(mode=mode, data_dir=folder / "data", database_url=url)
        try:
            wall, collisions = measure(backend, env, inputs, rows, folder, settings, together)
        finally:
            if url:
                drop_schemas(schema)
        walls.append(wall)
        failures += sum(collisions.values())
    print(f"  {backend:<10} scale-out: {walls[1] / walls[0]:.2f}x the speed of one process at a time")
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--mode", choices=("regular", "testing"), default="regular")
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kt-scaleout-") as tmp:
        root = Path(tmp)
        prepared = [
            copied_inputs(g, args.copies, root / "input" / str(i)) for i, g in enumerate(cinema_groups(args.workers))
        ]
        inputs, rows = [p[0] for p in prepared], sum(p[1] for p in prepared)
        print(f"{args.workers} workers, {rows:,} raw rows in all ({args.copies} copies of the fixture rows), "
              f"mode {args.mode}, {os.cpu_count()} cores")  # fmt: skip
        backends = ["sqlite"]
        if not args.skip_postgres:
            reason = postgres_reachable()
            backends += [] if reason else ["postgres"]
            if reason:
                print(f"  postgres   skipped: {reason}")
        failures = sum(run_backend(backend, root, inputs, rows, args.mode) for backend in backends)
        print("collisions: 0 (ok)" if not failures else f"COLLISIONS: {failures}")
        raise SystemExit(1 if failures else 0)


if __name__ == "__main__":
    main()
