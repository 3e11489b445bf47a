"""Maintenance: expire past rows, remove orphan films, dedupe — and each dry run changes nothing."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.executor import Executor
from app.core.settings import Settings
from dataflows.base import QuietReporter
from dataflows.maintenance import DRY_RUN_ENV, TODAY_ENV, dedupe_all, expire, remove_orphans
from dataflows.models import ComingSoon, Movie, Showtime
from dataflows.movies import orphans
from dataflows.store import epoch_name, get_watermark, set_watermark, write_transaction
from registry import load_catalogue
from tests.dataflows.helpers import fixture_files, import_files, run_dataflows, snapshot_tables


@pytest.fixture
def published(backend: Settings) -> Settings:
    import_files(backend, fixture_files("590", "YesPlanet", "HotCinema", "TLVtheque", "YPsoon", "HCsoon"))
    run_dataflows(backend)
    return backend


def middle_date() -> date:
    days = sorted({d for (d,) in Showtime.select(Showtime.date_of_showing).tuples()})
    return date.fromisoformat(days[len(days) // 2])


def test_expire_dry_run_then_for_real(published: Settings) -> None:
    day = middle_date()
    past = Showtime.select().where(Showtime.date_of_showing < day.isoformat()).count()
    opened = ComingSoon.select().where(ComingSoon.release_date <= day.isoformat()).count()
    assert past > 0 and opened > 0
    before = snapshot_tables()
    dry = QuietReporter()
    assert expire(day, True, dry) == past + opened
    assert snapshot_tables() == before
    assert any(line.startswith(f"would expire {past} showtimes") for line in dry.lines)
    assert expire(day, False, QuietReporter()) == past + opened
    assert not Showtime.select().where(Showtime.date_of_showing < day.isoformat()).exists()
    assert not ComingSoon.select().where(ComingSoon.release_date <= day.isoformat()).exists()
    with write_transaction():  # films changed: publishing rewrites Yes Planet, but never brings expired rows back
        set_watermark(epoch_name("Yes Planet"), get_watermark(epoch_name("Yes Planet")) + 1)
    run_dataflows(published)
    assert not Showtime.select().where(Showtime.date_of_showing < day.isoformat()).exists()
    assert expire(day, True, QuietReporter()) == 0


def test_orphans_and_dedupe_with_dry_runs(published: Settings) -> None:
    expire(middle_date(), False, QuietReporter())
    orphan_count = orphans().count()
    assert orphan_count > 0
    assert remove_orphans(True, QuietReporter()) == orphan_count and orphans().count() == orphan_count
    assert remove_orphans(False, QuietReporter()) == orphan_count and orphans().count() == 0
    assert {m for (m,) in Movie.select(Movie.movie_id).tuples()} == {
        m for model in (Showtime, ComingSoon) for (m,) in model.select(model.movie_id).tuples()
    }
    clean = snapshot_tables()
    copy = Showtime.select().dicts().first()
    Showtime.insert({**copy, "key": "hand-made-duplicate"}).execute()
    before = snapshot_tables()
    assert dedupe_all(True, QuietReporter()) == 1 and snapshot_tables() == before
    assert dedupe_all(False, QuietReporter()) == 1
    assert Showtime.select().count() == len(clean["showtimes"])
    assert Showtime.select().where(Showtime.key.in_([copy["key"], "hand-made-duplicate"])).count() == 1
    assert dedupe_all(True, QuietReporter()) == 0


def test_maintenance_jobs_dry_run_through_the_executor(published: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DRY_RUN_ENV, "1")
    monkeypatch.setenv(TODAY_ENV, middle_date().isoformat())
    before = snapshot_tables()
    result = Executor(published).run(load_catalogue().plan(groups=["maintenance"]))
    assert result.status == "ok"
    assert {job.name for job in result.jobs} == {"expire", "dedupe_all", "remove_orphans"}
    expire_job = next(job for job in result.jobs if job.name == "expire")
    assert expire_job.metrics["expire"]["dry_run"] and expire_job.metrics["expire"]["rows"] > 0
    assert any("dry run" in warning for warning in expire_job.warnings)
    assert snapshot_tables() == before
