"""Per-site yield check: zero rows fails the attempt; far fewer rows than recent runs warns.

Recent runs are the job's successful attempts in runs against the same kind of sites (live or
sandbox) in this database; testing mode is capped on purpose, so it only checks for zero.
"""

from __future__ import annotations

from statistics import median

from app.core.models import Attempt, Run

RECENT_RUNS = 5
TOO_FEW_FRACTION = 0.3


def recent_yields(job: str, sites: str, before_run: int, limit: int = RECENT_RUNS) -> list[int]:
    query = (
        Attempt.select(Attempt.rows)
        .join(Run, on=(Attempt.run_id == Run.id))
        .where(
            (Attempt.job == job) & (Attempt.status == "ok") & (Attempt.rows > 0)
            & (Run.sites == sites) & (Attempt.run_id < before_run)
        )
        .order_by(Attempt.run_id.desc())
        .limit(limit)
    )
    return [attempt.rows for attempt in query]


def yield_warning(rows: int, recent: list[int]) -> str:
    """A warning when `rows` is far below the median of recent runs, else ''."""
    if not recent:
        return ""
    usual = median(recent)
    if rows < usual * TOO_FEW_FRACTION:
        return f"yield {rows} rows is far below the usual {usual:g} (median of the last {len(recent)} runs)"
    return ""
