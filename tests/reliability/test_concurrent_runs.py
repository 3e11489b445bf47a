"""Four `kartiseret` processes at once on one database (PostgreSQL, and one SQLite file in WAL mode), each
importing real rows as two new runs and then running the dataflow plan: every run ID is unique, no row
is lost or duplicated, and the published tables equal those of the same commands run one at a time."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.models import RawRow, Run
from app.core.settings import Settings
from dataflows.models import CleanRow
from tests.reliability.concurrent import (
    SOURCES,
    cinema_groups,
    file_rows,
    fixture_inputs,
    published,
    run_ids,
    run_workers,
)
from tests.reliability.harness import env_for, kartiseret
from tests.reliability.hostile import read_json

WORKERS = 4


def exported_showtimes(env: dict[str, str], out: Path) -> list[dict]:
    done = kartiseret(env, "export", "showtimes", "--format", "json", "--out", str(out))
    assert done.returncode == 0, done.stderr
    return read_json(out)


@pytest.fixture(scope="module")
def one_at_a_time(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    """The same commands for all cinemas in one worker (one process at a time), on a SQLite file of its own."""
    root = tmp_path_factory.mktemp("sequential")
    env = env_for(root)
    run_workers(env, [fixture_inputs(cinema_groups(1)[0])], root)
    return exported_showtimes(env, root / "showtimes.json")


def test_four_processes_at_once_on_one_database(backend: Settings, tmp_path: Path, one_at_a_time) -> None:
    env = env_for(tmp_path, **({"DATABASE_URL": backend.database_url} if backend.database_url else {}))
    groups = cinema_groups(WORKERS)
    folders = run_workers(env, [fixture_inputs(prefixes) for prefixes in groups], tmp_path)

    ids = [run_ids(folder) for folder in folders]
    every = [run_id for worker in ids for run_id in worker]
    assert len(every) == len(set(every)) == 3 * WORKERS  # no run-ID collision
    assert {run.id for run in Run.select(Run.id)} == set(every)
    assert all(run.status == "ok" for run in Run.select())
    for prefixes, (*imports, _) in zip(groups, ids, strict=True):  # no row lost or duplicated
        for source, run_id in zip(SOURCES, imports, strict=True):
            assert RawRow.select().where(RawRow.run_id == run_id).count() == file_rows(prefixes, source)
    assert CleanRow.select().count() == RawRow.select().count()  # each raw row cleaned exactly once

    showtimes = exported_showtimes(env, tmp_path / "showtimes.json")
    assert published(showtimes) == published(one_at_a_time) and len(showtimes) > 500
