"""Running the enrichment job through the real executor, and reading back what it stored."""

from __future__ import annotations

import json
from typing import Any

from app.core.executor import Executor
from app.core.jobs import JobContext, JobSpec, RetryPolicy
from app.core.plan import Plan, Stage
from app.core.settings import Settings
from app.core.summary import JobResult, RunResult
from dataflows.enrich.models import FilmTmdb

FIXTURE_TARGET = "tests.enrich.fixture_films:enrich_fixture_films"


def run_job(settings: Settings, target: str = FIXTURE_TARGET, *extra: JobSpec) -> RunResult:
    spec = JobSpec("enrich", "dataflows", target, retry=RetryPolicy(max_attempts=1))
    stages = (Stage("dataflows", False, (spec, *extra)),)
    return Executor(settings).run(Plan("enrich-test", stages))


def count_one_row(ctx: JobContext) -> None:
    """Another job in the same run: it must not care whether enrichment ran."""
    ctx.add_rows(1)


def job(result: RunResult, name: str = "enrich") -> JobResult:
    return next(j for j in result.jobs if j.name == name)


def decisions() -> dict[str, tuple[str, int | None]]:
    return {row.movie_id: (row.status, row.tmdb_id) for row in FilmTmdb.select()}


def ledger(movie_id: str) -> dict[str, Any]:
    return json.loads(FilmTmdb.get_by_id(movie_id).ledger)
