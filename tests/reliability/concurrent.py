"""Several `kartiseret` processes working on one database at once, as several machines would.

Each worker is a shell running the real commands one after another: import its cinemas' files of
run 590, then of run 596 (two new runs), then the dataflow plan headless. The workers' cinemas do
not overlap, so the final published tables must not depend on how their steps interleave: they
must equal what the same commands give when run one after another.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from collections import Counter
from pathlib import Path

from tests.conftest import PROJECT_ROOT
from tests.reliability.harness import stop
from tests.reliability.hostile import read_csv, read_json

RUNS = PROJECT_ROOT / "tests" / "fixtures" / "runs"
SOURCES = ("590", "596")
# Published columns that do not depend on the order in which film identity saw the titles: a film's ID and
# canonical titles do (a Hebrew-only title seen before any other chain's English one starts a film of its
# own, and films are never merged later), so they are left out.
STABLE_COLUMNS = ("cinema", "screening_city", "date_of_showing", "showtime", "screening_type", "screening_tech",
                  "dub_language", "original_language", "english_href", "hebrew_href", "source_english_title",
                  "source_hebrew_title", "release_year", "runtime", "rating", "flags")  # fmt: skip


def cinema_groups(workers: int) -> list[list[str]]:
    """The fixture files' cinema prefixes (`YesPlanet`, `CCsoon`, …) dealt round-robin to the workers."""
    prefixes = sorted({path.name.split("-")[0] for source in SOURCES for path in (RUNS / source).glob("*.csv")})
    return [prefixes[i::workers] for i in range(workers)]


def files_of(prefixes: list[str], source: str) -> list[Path]:
    return sorted(path for path in (RUNS / source).glob("*.csv") if path.name.split("-")[0] in prefixes)


Inputs = dict[str, list[Path]]  # source run → the CSV files a worker imports for it (one import each)


def fixture_inputs(prefixes: list[str]) -> Inputs:
    return {source: files_of(prefixes, source) for source in SOURCES}


def worker_commands(inputs: Inputs, summary: Path) -> list[list[str]]:
    app = [sys.executable, "-m", "app"]
    commands = [[*app, "import", *map(str, files)] for files in inputs.values()]
    return [*commands, [*app, "--no-tui", "--group", "dataflows", "--json", str(summary)]]


def start_worker(env: dict[str, str], inputs: Inputs, folder: Path) -> subprocess.Popen:
    """One worker: its commands chained in a shell, output in `folder/out.log`."""
    folder.mkdir(parents=True, exist_ok=True)
    script = " && ".join(shlex.join(command) for command in worker_commands(inputs, folder / "summary.json"))
    with (folder / "out.log").open("w", encoding="utf-8") as out:
        return subprocess.Popen(["/bin/sh", "-c", script], env=env, cwd=PROJECT_ROOT, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip


def run_workers(env: dict[str, str], inputs: list[Inputs], root: Path, together: bool = True) -> list[Path]:
    """Run the workers all at once (or one after another); returns their folders. Each must exit 0."""
    folders = [root / f"worker-{i}" for i in range(len(inputs))]
    workers: list[subprocess.Popen] = []
    try:
        for worker_inputs, folder in zip(inputs, folders, strict=True):
            workers.append(start_worker(env, worker_inputs, folder))
            if not together:
                workers[-1].wait(timeout=600)
        for worker, folder in zip(workers, folders, strict=True):
            assert worker.wait(timeout=600) == 0, (folder / "out.log").read_text(encoding="utf-8")
    finally:
        for worker in workers:  # a failed worker fails the caller; the others must not outlive it
            stop(worker)
    return folders


def run_ids(folder: Path) -> list[int]:
    """The run IDs a worker got: its two imports, then its dataflow run."""
    imports = [int(n) for n in re.findall(r"^run (\d+): imported", (folder / "out.log").read_text(), re.M)]
    return [*imports, int(read_json(folder / "summary.json")["run_id"])]


def file_rows(prefixes: list[str], source: str) -> int:
    return sum(len(read_csv(path)) for path in files_of(prefixes, source))


def published(showtimes: list[dict]) -> Counter:
    """The published showtimes as a multiset of their film-ID-independent columns."""
    return Counter(tuple(str(row[c]) for c in STABLE_COLUMNS) for row in showtimes)
