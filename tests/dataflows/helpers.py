"""Shared by the dataflow tests: real fixture files, running the dataflows, and table snapshots."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import peewee

from app.commands.importing import import_paths
from app.core.models import RAW_COLUMNS
from app.core.settings import Settings
from dataflows.base import QuietReporter, batch_size
from dataflows.clean import run_clean
from dataflows.models import ComingSoon, Movie, Showtime
from dataflows.publish import run_publish
from dataflows.resolve import run_identity

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "runs"
PUBLISHED = (Showtime, ComingSoon, Movie)


def fixture_files(run: str, *names: str) -> list[Path]:
    """Real scraper CSVs of one shared run (all of them, or those whose name starts with one of `names`)."""
    files = sorted((FIXTURES / run).glob("*.csv"))
    return [f for f in files if not names or f.name.split("-")[0] in names]


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: Path, rows: list[dict[str, str]] | list[list[str]]) -> Path:
    """A CSV in the scraper row schema (dict rows), or raw lines of values (list rows, written as given)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(RAW_COLUMNS)
        for row in rows:
            writer.writerow([row.get(c, "") for c in RAW_COLUMNS] if isinstance(row, dict) else row)
    return path


def import_files(settings: Settings, paths: list[Path]) -> tuple[int, str]:
    out = io.StringIO()
    code = import_paths(settings, [str(p) for p in paths], out)
    return code, out.getvalue()


def run_dataflows(settings: Settings, run_id: int = 0, steps: str = "clean identity publish") -> QuietReporter:
    """The dataflows called directly (no executor), as the jobs call them."""
    reporter = QuietReporter()
    size = batch_size(settings)
    for step in steps.split():
        if step == "clean":
            run_clean(run_id, size, reporter)
        elif step == "identity":
            run_identity(run_id, reporter)
        elif step == "publish":
            run_publish(run_id, size, reporter)
    return reporter


def snapshot_tables() -> dict[str, list[tuple[str, ...]]]:
    """Every published row, as sorted text tuples (comparable across runs and backends)."""
    return {
        model._meta.table_name: sorted(
            tuple("" if value is None else str(value) for value in row) for row in model.select().tuples()
        )
        for model in PUBLISHED
    }


def wipe_database() -> None:
    """Empty every table and restart ID counters: the next import is run 1 again (as in a new database)."""
    from app.core.db import database, registered_models

    tables = [model._meta.table_name for model in registered_models()]
    if isinstance(database.obj, peewee.PostgresqlDatabase):
        quoted = ", ".join(f'"{table}"' for table in tables)
        database.execute_sql(f"TRUNCATE {quoted} RESTART IDENTITY")
    else:
        with database.atomic():
            for table in tables:
                database.execute_sql(f'DELETE FROM "{table}"')
