"""Scrape snapshots: which runs' rows may replace a cinema's published data, decided once and recorded.

A snapshot is what one run scraped for one cinema and kind. It is eligible once its scraper job
finished successfully (an import: once the import ended). Snapshots are decided in run order, each
against the sizes of the cinema's previously accepted snapshots, so the outcome does not depend on
how often the dataflows ran in between: a scrape that yields nothing or far less than usual is
rejected (flagged) and the published data stays.
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from dataclasses import dataclass

from peewee import fn

from app.core.models import Attempt, RawRow, Run
from dataflows.models import SHOWTIME, CleanRow, ScrapeTarget, Snapshot
from dataflows.quality import Counts
from dataflows.store import get_watermark, set_watermark

BASELINE_SNAPSHOTS = 5  # the "usual" size: median of this many previously accepted snapshots
# Below this share of the usual size a snapshot is a yield drop. Calibrated on the real runs: a good
# scrape's size varies a lot with how many days a chain lists (smallest/median over ~90 runs: Yes Planet
# 0.35, Cinema City 0.32, Rav Hen 0.32, Lev 0.40), while broken scrapes fall far lower (MovieLand 94
# rows against a median of 1,042 = 0.09).
YIELD_FLOOR = 0.25
ATTEMPTS_WATERMARK = "publish:attempts"
RECORDER_LAG_S = 10.0  # longest wait for this run's scraper outcomes to reach the database
ELIGIBLE, WAIT, FAILED = "eligible", "wait", "failed"


@dataclass(frozen=True)
class Decision:
    run_id: int
    decision: str
    reason: str
    rows: int
    baseline: int | None


def job_outcome(run: Run | None, job: str, current_run_id: int) -> str:
    """Did this job's scrape in this run finish well? Rows without attempts (imports) need a finished run."""
    statuses: set[str] = set()
    if run is not None:
        query = Attempt.select(Attempt.status).where(Attempt.run_id == run.id, Attempt.job == job)
        statuses = {status for (status,) in query.tuples()}
    running = run is not None and run.status == "running" and run.id != current_run_id
    if statuses:
        if "ok" in statuses:
            return ELIGIBLE
        return WAIT if "running" in statuses and (running or run.id == current_run_id) else FAILED
    return WAIT if running else ELIGIBLE


def await_scrape_outcomes(current_run_id: int, timeout_s: float = RECORDER_LAG_S) -> None:
    """Wait until this run's scraper attempts show their outcome (the executor records them a moment late).

    Scrapers of this run finished before the dataflows started, so a `running` row here only means the
    record is still on its way; polling (outside any transaction) lets this run publish their scrapes.
    """
    jobs = [job for (job,) in RawRow.select(RawRow.job).distinct().where(RawRow.run_id == current_run_id).tuples()]
    deadline = time.monotonic() + timeout_s
    while jobs and time.monotonic() < deadline:
        pending = Attempt.select().where(
            Attempt.run_id == current_run_id, Attempt.job.in_(jobs), Attempt.status == "running"
        )
        if not pending.exists():
            return
        time.sleep(0.05)


def eligibility(run_id: int, cinema: str, kind: str, current_run_id: int) -> str:
    run = Run.get_or_none(Run.id == run_id)
    jobs = (
        CleanRow.select(CleanRow.job)
        .distinct()
        .where(CleanRow.cinema == cinema, CleanRow.kind == kind, CleanRow.run_id == run_id)
    )
    outcomes = {job_outcome(run, job, current_run_id) for (job,) in jobs.tuples()} or {ELIGIBLE}
    return FAILED if FAILED in outcomes else WAIT if WAIT in outcomes else ELIGIBLE


def baseline(cinema: str, kind: str, before_run: int) -> int | None:
    sizes = [
        rows
        for (rows,) in Snapshot.select(Snapshot.rows)
        .where(
            Snapshot.cinema == cinema,
            Snapshot.kind == kind,
            Snapshot.decision == "accepted",
            Snapshot.run_id < before_run,
        )
        .order_by(Snapshot.run_id.desc())
        .limit(BASELINE_SNAPSHOTS)
        .tuples()
    ]
    return int(statistics.median(sizes)) if sizes else None


def decide_pending(cinema: str, kind: str, current_run_id: int) -> list[Decision]:
    """Decide the unit's undecided snapshots in run order (inside the unit's transaction)."""
    decisions = []
    pending = (
        Snapshot.select()
        .where(Snapshot.cinema == cinema, Snapshot.kind == kind, Snapshot.decision == "")
        .order_by(Snapshot.run_id)
    )
    for snap in pending:
        outcome = eligibility(snap.run_id, cinema, kind, current_run_id)
        if outcome == WAIT:
            break  # later snapshots wait too: decisions are made in run order
        usual = baseline(cinema, kind, snap.run_id)
        if outcome == FAILED:
            decision, reason = "rejected", "failed_scrape"
        elif snap.rows == 0:
            decision, reason = "rejected", "empty_scrape"
        elif usual and snap.rows < YIELD_FLOOR * usual:
            decision, reason = "rejected", "yield_drop"
        else:
            decision, reason = "accepted", ""
        Snapshot.update(decision=decision, reason=reason, baseline=usual).where(Snapshot.id == snap.id).execute()
        decisions.append(Decision(snap.run_id, decision, reason, snap.rows, usual))
    return decisions


def newest_accepted(cinema: str, kind: str) -> int | None:
    return (
        Snapshot.select(fn.MAX(Snapshot.run_id))
        .where(Snapshot.cinema == cinema, Snapshot.kind == kind, Snapshot.decision == "accepted")
        .scalar()
    )


def reference_date(run_id: int) -> str:
    """The day a run scraped, read from its data: the most common first showing date across cinemas.

    (Not the clock: sandbox and imported runs have their own "today"; MovieLand lists the previous
    night's late screenings, which this date flags as past.)
    """
    firsts = Counter(
        day
        for (day,) in Snapshot.select(Snapshot.first_day)
        .where(Snapshot.run_id == run_id, Snapshot.kind == SHOWTIME, Snapshot.first_day != "")
        .tuples()
    )
    if not firsts:
        return ""
    return max(firsts.items(), key=lambda kv: (kv[1], kv[0]))[0]


def record_empty_scrapes(counts: Counts) -> None:
    """Successful scraper attempts that stored no rows at all become empty snapshots (flagged, never published).

    Which cinema and kind a job scrapes is learned from its earlier rows (`scrape_targets`), so no table
    of job names is needed; a job with no history has nothing to protect.
    """
    mark = get_watermark(ATTEMPTS_WATERMARK)
    attempts = list(
        Attempt.select(Attempt.id, Attempt.run_id, Attempt.job, Attempt.status)
        .where(Attempt.id > mark)
        .order_by(Attempt.id)
        .tuples()
    )
    new_mark = mark
    for attempt_id, run_id, job, status in attempts:
        if status == "running":
            break  # later attempts are looked at again next time
        new_mark = attempt_id
        if status != "ok":
            continue
        targets = list(
            ScrapeTarget.select(ScrapeTarget.cinema, ScrapeTarget.kind).where(ScrapeTarget.job == job).tuples()
        )
        if not targets or RawRow.select().where(RawRow.run_id == run_id, RawRow.job == job).exists():
            continue
        for cinema, kind in targets:
            Snapshot.insert(run_id=run_id, cinema=cinema, kind=kind, rows=0).on_conflict_ignore().execute()
            counts.add("empty_scrape_found", job)
    if new_mark != mark:
        set_watermark(ATTEMPTS_WATERMARK, new_mark)
