"""Benchmark: 10,000 no-op jobs through the executor and the plain headless reporter.

Prints jobs/s for a parallel stage (target ≥ 5,000 jobs/s on a 2-core machine) and a sequential one.
Usage: .venv/bin/python bench/executor_throughput.py [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.db import open_database
from app.core.executor import Executor
from app.core.jobs import JobSpec, RetryPolicy
from app.core.plan import Plan, Stage
from app.core.settings import Settings
from app.headless import run_headless
from registry.schema import load_models


def measure(settings: Settings, jobs: int, parallel: bool) -> tuple[float, int]:
    specs = tuple(
        JobSpec(f"noop_{i}", "bench", "tests.core.fake_jobs:noop", retry=RetryPolicy(max_attempts=1))
        for i in range(jobs)
    )
    with open(os.devnull, "w") as sink:
        started = time.perf_counter()
        result = run_headless(
            Executor(settings), Plan("bench", (Stage("bench", parallel, specs),)), out=sink, live=False
        )
        elapsed = time.perf_counter() - started
    assert result.status == "ok", result.status
    return elapsed, sum(1 for job in result.jobs if job.status == "ok")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(mode="testing", data_dir=Path(tmp), artifacts_dir=Path(tmp) / "artifacts")
        load_models()
        open_database(settings)
        print(
            f"executor benchmark: {args.jobs} no-op jobs, plain reporter to /dev/null, SQLite, {os.cpu_count()} cores"
        )
        for parallel in (True, False):
            elapsed, ok = measure(settings, args.jobs, parallel)
            label = "parallel  " if parallel else "sequential"
            print(
                f"  {label}: {ok} jobs in {elapsed:.2f}s = {ok / elapsed:,.0f} jobs/s "
                f"(target ≥ 5,000: {'met' if ok / elapsed >= 5000 else 'NOT met'})"
            )


if __name__ == "__main__":
    main()
