"""Scraper throughput on the bundled sandbox data: the five sites with 1 and with 2 parallel browsers.

Prints per site: seconds, rows, rows/s and browser start time; then wall time per browser count and the
speedup (target: 2 browsers ≥ 1.6× the throughput of 1). The sandbox runs in its own process (as with
`kartiseret sandbox`), the database is a fresh SQLite file per round.

    .venv/bin/python bench/scrapers_throughput.py [--jobs yes_planet,rav_hen,…] [--rounds 1]
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.db import close_database, open_database
from app.core.executor import Executor
from app.core.settings import Settings
from registry import load_catalogue
from registry.schema import load_models
from scrapers.sandbox import ensure

JOBS = ("yes_planet", "rav_hen", "yes_planet_soon", "tlv_cinematheque", "jerusalem_cinematheque", "lev", "lev_soon",
    "movieland", "movieland_soon", "cinema_city", "cinema_city_soon", "hot_cinema", "hot_cinema_soon",
    "haifa_cinematheque", "herzliya_cinematheque", "jaffa_cinema", "holon_cinematheque", "sam_spiegel")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def one_round(settings: Settings, jobs: list[str], browsers: int) -> tuple[float, list]:
    folder = Path(tempfile.mkdtemp(prefix="kartiseret-bench-"))
    settings = replace(settings, data_dir=folder / "data", artifacts_dir=folder / "artifacts", workers=browsers)
    load_models()
    open_database(settings)
    try:
        plan = load_catalogue().plan(None, [], jobs)
        # one stage: put every job in the same parallel stage so the browser count is what varies
        stage = plan.stages[0].__class__("bench", True, tuple(plan.jobs))
        began = time.monotonic()
        result = Executor(settings, capacity={"browser": browsers, "cpu": 2}).run(plan.__class__("bench", (stage,)))
        wall = time.monotonic() - began
    finally:
        close_database()
    failed = [(j.name, j.error) for j in result.jobs if j.status != "ok"]
    if failed:
        raise SystemExit(f"bench: jobs failed: {failed}")
    return wall, result.jobs


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", default=",".join(JOBS))
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    jobs = args.jobs.split(",")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    ensure.start_sandbox(port, Path(tempfile.gettempdir()) / "kartiseret-bench-sandbox.log")
    if not ensure._wait_until_answering(url, 30):
        raise SystemExit("bench: the sandbox did not start")
    settings = Settings(mode="regular", sites="sandbox", sandbox_url=url)
    walls: dict[int, float] = {}
    rows_total = 0
    try:
        for browsers in (1, 2):
            times = []
            for _ in range(args.rounds):
                wall, results = one_round(settings, jobs, browsers)
                times.append(wall)
            walls[browsers] = min(times)
            print(f"\n{browsers} browser(s): wall {walls[browsers]:.1f}s (best of {args.rounds})")
            print(f"  {'site':24} {'seconds':>8} {'rows':>6} {'rows/s':>8} {'browser start':>14}")
            rows_total = 0
            for job in results:
                rows_total += job.rows
                start = job.metrics.get("browser_start_s", 0.0)
                print(f"  {job.name:24} {job.duration_s:8.1f} {job.rows:6d} {job.rows / job.duration_s:8.1f} "
                      f"{start:13.2f}s")
            print(f"  {'all':24} {walls[browsers]:8.1f} {rows_total:6d} {rows_total / walls[browsers]:8.1f}")
    finally:
        ensure.stop_started()
    speedup = walls[1] / walls[2]
    print(f"\nspeedup with 2 browsers: {speedup:.2f}x (target ≥ 1.6x) on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
