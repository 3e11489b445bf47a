"""Filling a database the way a real user does: import real scraper CSVs, run the dataflows.

Three runs of real rows (the shared runs 590 and 596 as imported, each followed by a dataflows
run), then a third scrape in which Yes Planet lists only a handful of rows — which publishing must
reject as a yield drop, so the Data quality screen has a flagged cinema to show. Run times are
then pinned, so screens that show them are reproducible.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from app.core.models import Run
from app.core.runs import allocate_run, finish_run
from app.core.settings import Settings
from tests.dataflows.helpers import fixture_files, import_files, read_rows, run_dataflows, write_csv

FIRST_RUN_AT = datetime(2026, 8, 10, 6, 0)
YIELD_DROP_ROWS = 3


def dataflows_run(settings: Settings) -> int:
    """Clean, identity and publish as one run of their own (as the dataflows group runs them)."""
    run = allocate_run(settings.mode, settings.sites, "dataflows", ["clean", "identity", "publish"])
    run_dataflows(settings, run.id)
    finish_run(run.id, "ok")
    return run.id


def import_and_publish(settings: Settings, files: list[Path]) -> None:
    code, out = import_files(settings, files)
    assert code == 0, out
    dataflows_run(settings)


def yield_drop_file(folder: Path) -> Path:
    """Yes Planet's real rows of run 596, cut to a few: far below its usual yield."""
    rows = read_rows(fixture_files("596", "YesPlanet")[0])[:YIELD_DROP_ROWS]
    return write_csv(folder / "YesPlanet-1.csv", rows)


def pin_run_times() -> None:
    for index, run in enumerate(Run.select().order_by(Run.id)):
        started = FIRST_RUN_AT + timedelta(hours=index)
        Run.update(started_at=started, heartbeat_at=started, finished_at=started + timedelta(minutes=3)).where(
            Run.id == run.id
        ).execute()


def fill(settings: Settings, scratch: Path) -> None:
    """Runs 1–6: import 590, dataflows, import 596, dataflows, import a Yes Planet yield drop, dataflows."""
    import_and_publish(settings, fixture_files("590"))
    import_and_publish(settings, fixture_files("596"))
    import_and_publish(settings, [yield_drop_file(scratch)])
    pin_run_times()
