"""Round-trip helpers: serve known CSVs in a real sandbox, scrape them with real Chromium through the
real executor into a real database, and compare the stored rows with the source rows.

Comparison is a multiset match on all 17 value columns after the documented normalisations
(`normalise_row` with the site's branch table: codes → language names, ratings, '9:30' → '09:30').
"""

from __future__ import annotations

import csv
import socket
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from app.core.db import close_database, open_database
from app.core.executor import Executor
from app.core.models import RAW_VALUE_COLUMNS, RawRow
from app.core.settings import Settings
from registry import load_catalogue
from registry.schema import load_models
from scrapers.base.normalise import normalise_row
from scrapers.sandbox.cli import build
from scrapers.sandbox.server import SandboxServer
from tests.conftest import make_settings

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "scrapers" / "sandbox" / "data"
UNSEEN = ROOT / "tests" / "fixtures" / "scrapers" / "run596"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_sandbox(data: Path | None = None, chaos: list[str] | None = None, today: str | None = None
                    ) -> Iterator[SandboxServer]:
    server = SandboxServer(build(data, today, chaos), free_port()).start()
    try:
        yield server
    finally:
        server.stop()


def source_rows(folder: Path, cinema: str, coming_soon: bool | None = None) -> list[dict[str, str]]:
    rows = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["cinema"] != cinema:
                    continue
                soon = not row["showtime"] and not row["date_of_showing"]
                if coming_soon is None or soon == coming_soon:
                    rows.append({c: row.get(c, "") for c in RAW_VALUE_COLUMNS})
    return rows


def stored_rows(run_id: int, job: str) -> list[dict[str, str]]:
    query = RawRow.select().where((RawRow.run_id == run_id) & (RawRow.job == job)).order_by(RawRow.id)
    return [{c: getattr(r, c) for c in RAW_VALUE_COLUMNS} for r in query]


@dataclass
class Comparison:
    source: int
    scraped: int
    matched: int
    missing: list[tuple]
    extra: list[tuple]

    @property
    def reproduced(self) -> float:
        return self.matched / self.source if self.source else 1.0


def compare(source: list[dict[str, str]], scraped: list[dict[str, str]], branches=None) -> Comparison:
    def key(row: dict[str, str]) -> tuple:
        clean = normalise_row(row, branches)
        return tuple(clean[c] for c in RAW_VALUE_COLUMNS)

    want = Counter(key(r) for r in source)
    got = Counter(key(r) for r in scraped)
    matched = sum((want & got).values())
    return Comparison(sum(want.values()), sum(got.values()), matched, list((want - got).elements()),
                      list((got - want).elements()))


def run_jobs(settings: Settings, jobs: list[str]):
    """Run jobs through the real executor; returns (RunResult, executor)."""
    plan = load_catalogue().plan(None, [], jobs)
    executor = Executor(settings)
    result = executor.run(plan)
    return result, executor


def scrape_set(folder: Path, data: Path, jobs: list[str], workers: int = 2):
    """Serve `data`, run `jobs` in Regular mode in one run (fresh SQLite under `folder`); returns
    (RunResult, {job: stored rows}). For module-scoped round-trip fixtures."""
    settings = make_settings(folder, mode="regular", workers=workers)
    load_models()
    open_database(settings)
    try:
        with running_sandbox(data) as server:
            result, _ = run_jobs(replace(settings, sandbox_url=server.url), jobs)
            return result, {job: stored_rows(result.run_id, job) for job in jobs}
    finally:
        close_database()


def assert_run_ok(result, stored: dict[str, list[dict[str, str]]]) -> None:
    """Every job of the run ended ok, and each stored the rows its summary counts (at least one)."""
    assert result.exit_code == 0, [(j.name, j.status, j.error) for j in result.jobs]
    assert all(j.rows == len(stored[j.name]) > 0 for j in result.jobs)


def round_trip_fixture(jobs: list[str], ids: tuple[str, str] = ("bundled", "unseen")):
    """A module-scoped fixture running `jobs` once per data set (bundled, unseen): (data, result, stored)."""
    @pytest.fixture(scope="module", params=[BUNDLED, UNSEEN], ids=list(ids))
    def scraped(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
        result, stored = scrape_set(tmp_path_factory.mktemp(jobs[0]), request.param, jobs)
        return request.param, result, stored

    return scraped
