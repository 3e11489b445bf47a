"""A scrape that yields nothing, far less than usual, or fails never replaces a cinema's good published data."""

from __future__ import annotations

from pathlib import Path

from app.core.executor import Executor
from app.core.jobs import JobSpec, RetryPolicy
from app.core.plan import Plan, Stage
from app.core.settings import Settings
from dataflows.models import Showtime, Snapshot
from dataflows.quality import report
from registry import load_catalogue
from tests.dataflows.helpers import fixture_files, import_files, read_rows, run_dataflows, write_csv


def published_runs(cinema: str) -> set[int]:
    return {run for (run,) in Showtime.select(Showtime.run_id).where(Showtime.cinema == cinema).tuples()}


def test_a_far_smaller_scrape_is_flagged_and_keeps_the_published_rows(backend: Settings, tmp_path: Path) -> None:
    import_files(backend, fixture_files("590"))
    run_dataflows(backend, run_id=50)
    first = published_runs("Yes Planet")
    before = Showtime.select().where(Showtime.cinema == "Yes Planet").count()
    few = read_rows(fixture_files("596", "YesPlanet")[0])[:5]
    import_files(backend, [write_csv(tmp_path / "YesPlanet-few.csv", few)])
    reporter = run_dataflows(backend, run_id=51)
    assert published_runs("Yes Planet") == first
    assert Showtime.select().where(Showtime.cinema == "Yes Planet").count() == before
    decision = Snapshot.get(Snapshot.cinema == "Yes Planet", Snapshot.kind == "showtime", Snapshot.rows == 5)
    assert (decision.decision, decision.reason) == ("rejected", "yield_drop") and decision.baseline
    assert report(51)["flagged"]["yield_drop"] == 1
    assert any("Yes Planet showtimes" in w and "yield_drop" in w for w in reporter.warnings)
    import_files(backend, fixture_files("596", "YesPlanet"))  # a normal scrape again: it is published
    run_dataflows(backend, run_id=52)
    newest = Snapshot.select(Snapshot.run_id).where(Snapshot.cinema == "Yes Planet").order_by(Snapshot.run_id.desc())
    assert published_runs("Yes Planet") == {newest.scalar()}


def _plan(scrape_target: str | None) -> Plan:
    dataflows = [
        job for job in load_catalogue().groups["dataflows"].jobs if job.name in ("clean", "identity", "publish")
    ]
    stages = [Stage("dataflows", False, tuple(dataflows))]
    if scrape_target:
        scrape = JobSpec("yes_planet", "nowplaying", scrape_target, retry=RetryPolicy(max_attempts=1))
        stages.insert(0, Stage("nowplaying", True, (scrape,)))
    return Plan("test", tuple(stages))


def _publish_warnings(*results) -> list[str]:
    return [w for result in results for job in result.jobs if job.name == "publish" for w in job.warnings]


def test_empty_and_failed_scrapes_through_the_executor(backend: Settings) -> None:
    """Attempt outcomes reach the database a moment after a job ends, so a decision may wait for the next run."""
    good = Executor(backend).run(_plan("tests.dataflows.scrape_jobs:yes_planet_scrape"))
    assert good.status == "ok"
    assert published_runs("Yes Planet") == {good.run_id}
    empty = Executor(backend).run(_plan("tests.dataflows.scrape_jobs:yes_planet_empty"))
    assert empty.status == "ok" and published_runs("Yes Planet") == {good.run_id}
    broken = Executor(backend).run(_plan("tests.dataflows.scrape_jobs:yes_planet_breaks"))
    assert broken.status == "failed"
    assert {job.name: job.status for job in broken.jobs}["publish"] == "ok"
    after = Executor(backend).run(_plan(None))
    assert published_runs("Yes Planet") == {good.run_id}
    reasons = {s.run_id: (s.decision, s.reason) for s in Snapshot.select()}
    assert reasons[empty.run_id] == ("rejected", "empty_scrape")
    assert reasons[broken.run_id] == ("rejected", "failed_scrape")
    warnings = _publish_warnings(empty, broken, after)
    assert any(f"run {empty.run_id} rejected (empty_scrape" in w for w in warnings)
    assert any(f"run {broken.run_id} rejected (failed_scrape" in w for w in warnings)
