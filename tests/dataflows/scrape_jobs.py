"""Stand-ins for scraper jobs (run by the real executor): they store real rows as a scraper does, or fail."""

from __future__ import annotations

from app.core.errors import PermanentError
from app.core.jobs import JobContext
from app.core.models import RAW_VALUE_COLUMNS, RawRow
from tests.dataflows.helpers import fixture_files, read_rows


def _store(ctx: JobContext, count: int | None = None) -> int:
    rows = read_rows(fixture_files("590", "YesPlanet")[0])[:count]
    for row in rows:
        RawRow.create(run_id=ctx.run_id, job=ctx.job, **{name: row[name] for name in RAW_VALUE_COLUMNS})
    ctx.add_rows(len(rows))
    return len(rows)


def yes_planet_scrape(ctx: JobContext) -> None:
    """A good scrape: every Yes Planet row of the fixture."""
    _store(ctx)


def yes_planet_empty(ctx: JobContext) -> None:
    """A scrape that 'succeeds' and finds nothing (e.g. the site showed an empty schedule)."""


def yes_planet_breaks(ctx: JobContext) -> None:
    """A scrape that stores some rows and then fails."""
    _store(ctx, 5)
    raise PermanentError("the schedule page changed its layout")
