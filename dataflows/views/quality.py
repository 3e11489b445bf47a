"""The Data quality view: a run's report (rows in, quarantined and dropped by reason, merged, films,
published, flagged) line by line against the previous run that has one, and each cinema's scrape
size against the previous run and its usual size — with the flagged (rejected) scrapes first.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from app.core.models import Run
from dataflows.models import QualityCount, Snapshot
from dataflows.quality import report

MAX_RUNS = 200
MAX_REASONS = 12  # per bucket; the rest are summed into one line
UP_IS_WORSE, DOWN_IS_WORSE, NEUTRAL = "up", "down", ""
# Report buckets in reading order: (key, section title, which way is bad).
BUCKETS = (
    ("quarantined", "Quarantined", UP_IS_WORSE),
    ("dropped", "Dropped", UP_IS_WORSE),
    ("published", "Published", DOWN_IS_WORSE),
    ("flagged", "Flagged", UP_IS_WORSE),
    ("snapshots", "Scrapes decided", NEUTRAL),
    ("unmapped", "Values with no rule", UP_IS_WORSE),
    ("other", "Other counters", NEUTRAL),
)
UNSUMMED = ("other",)  # counters of different things: no total line
SCALARS = (
    ("rows_in", "Rows in", NEUTRAL),
    ("merged", "Duplicates merged", NEUTRAL),
    ("films_created", "Films created", NEUTRAL),
    ("variants_matched", "Variants matched to a film", NEUTRAL),
)


@dataclass(frozen=True, slots=True)
class ReportRun:
    run_id: int
    started: str
    plan: str
    status: str


@dataclass(frozen=True, slots=True)
class Line:
    section: str
    label: str
    current: int | None
    previous: int | None
    worse: str = NEUTRAL  # which direction of change is bad
    total: bool = False  # a section's total (shown stronger)

    @property
    def change(self) -> int | None:
        if self.current is None or self.previous is None:
            return None
        return self.current - self.previous

    @property
    def got_worse(self) -> bool:
        change = self.change or 0
        return (self.worse == UP_IS_WORSE and change > 0) or (self.worse == DOWN_IS_WORSE and change < 0)


@dataclass(frozen=True, slots=True)
class CinemaYield:
    cinema: str
    kind: str
    rows: int | None  # None: not scraped in this run
    previous: int | None
    usual: int | None
    decision: str
    reason: str

    @property
    def flagged(self) -> bool:
        return self.decision == "rejected"

    @property
    def share_of_usual(self) -> float | None:
        return None if self.rows is None or not self.usual else self.rows / self.usual


def report_runs(limit: int = MAX_RUNS) -> list[ReportRun]:
    """Runs with a report (counters or scrapes), newest first."""
    ids = {run_id for (run_id,) in QualityCount.select(QualityCount.run_id).distinct().tuples()}
    ids |= {run_id for (run_id,) in Snapshot.select(Snapshot.run_id).distinct().tuples()}
    newest = sorted(ids, reverse=True)[:limit]
    runs = {run.id: run for run in Run.select().where(Run.id.in_(newest))} if newest else {}
    out = []
    for run_id in newest:
        run = runs.get(run_id)
        started = f"{run.started_at:%Y-%m-%d %H:%M}" if run and run.started_at else ""
        out.append(ReportRun(run_id, started, run.plan if run else "", run.status if run else ""))
    return out


def _bucket_lines(key: str, title: str, worse: str, current: dict, previous: dict) -> list[Line]:
    now, before = current.get(key) or {}, previous.get(key) or {}
    if not now and not before:
        return []
    had = bool(previous)
    total = Line(title, "total", sum(now.values()), sum(before.values()) if had else None, worse, total=True)
    reasons = sorted(set(now) | set(before), key=lambda r: (-now.get(r, 0), -before.get(r, 0), r))
    lines = [
        Line(title, str(r), now.get(r, 0), before.get(r, 0) if had else None, worse) for r in reasons[:MAX_REASONS]
    ]
    rest = reasons[MAX_REASONS:]
    if rest:
        more = f"{len(rest)} more"
        lines.append(Line(title, more, sum(now.get(r, 0) for r in rest), sum(before.get(r, 0) for r in rest), worse))
    if key in UNSUMMED:
        total = Line(title, "", None, None, worse, total=True)  # a heading only: these do not add up
    return [total, *lines]


def compare(current: dict[str, Any], previous: dict[str, Any] | None) -> list[Line]:
    """The report's lines with the previous report's numbers beside them (None: no previous report)."""
    before = previous or {}
    lines = [
        Line("Rows", label, int(current.get(key, 0)), int(before[key]) if key in before else None, worse)
        for key, label, worse in SCALARS
    ]
    for key, title, worse in BUCKETS:
        lines.extend(_bucket_lines(key, title, worse, current, before))
    return lines


def newest_snapshots(after: int | None, upto: int | None) -> dict[tuple[str, str], Snapshot]:
    """Per cinema and listing, its newest scrape in runs (after, upto]."""
    if upto is None:
        return {}
    query = Snapshot.select().where(Snapshot.run_id <= upto)
    if after is not None:
        query = query.where(Snapshot.run_id > after)
    return {(s.cinema, s.kind): s for s in query.order_by(Snapshot.run_id)}


def cinema_yields(run_id: int, previous_run_id: int | None) -> list[CinemaYield]:
    """The scrapes this run brought or decided — those since the previous run — beside each cinema's
    scrape as of the previous run: flagged first, then by cinema.

    A dataflows run scrapes nothing itself; it decides the scrapes stored since the previous one
    (imports, scraper runs), so those are "its" cinemas. A run that scrapes and publishes has its own.
    """
    now = newest_snapshots(previous_run_id, run_id)
    before = newest_snapshots(None, previous_run_id)
    out = []
    for key in sorted(set(now) | set(before)):
        snap, old = now.get(key), before.get(key)
        out.append(
            CinemaYield(
                cinema=key[0],
                kind=key[1],
                rows=snap.rows if snap else None,
                previous=old.rows if old else None,
                usual=snap.baseline if snap else None,
                decision=snap.decision if snap else "not scraped",
                reason=snap.reason if snap else "",
            )
        )
    return sorted(out, key=lambda y: (not y.flagged, y.rows is not None, y.cinema, y.kind))


@dataclass(frozen=True, slots=True)
class RunReport:
    run: ReportRun
    previous: ReportRun | None
    lines: list[Line]
    cinemas: list[CinemaYield]

    @property
    def run_id(self) -> int:
        return self.run.run_id

    @property
    def previous_id(self) -> int | None:
        return self.previous.run_id if self.previous else None


class QualityView:
    """The runs with a report; the report shown is read when a run is chosen (two small queries)."""

    columns = ["section", "measure", "this_run", "previous_run", "change"]

    def __init__(self, runs: list[ReportRun]) -> None:
        self.runs = runs
        self.report: RunReport | None = None

    def previous_of(self, run: ReportRun) -> ReportRun | None:
        """The run to compare with: the newest older one of the same plan (a dataflows run with the
        previous dataflows run, an import with the previous import), else the newest older one."""
        older = [other for other in self.runs if other.run_id < run.run_id]
        alike = [other for other in older if other.plan == run.plan]
        return max(alike or older, key=lambda other: other.run_id, default=None)

    def read(self, run_id: int) -> RunReport:
        run = next(r for r in self.runs if r.run_id == run_id)
        previous = self.previous_of(run)
        before = report(previous.run_id) if previous else None
        lines = compare(report(run_id), before)
        return RunReport(run, previous, lines, cinema_yields(run_id, previous.run_id if previous else None))

    def __len__(self) -> int:
        return len(self.report.lines) if self.report else 0

    def export_rows(self, rows: Iterable[int]) -> Iterator[dict[str, Any]]:
        lines = self.report.lines if self.report else []
        for row in rows:
            line = lines[row]
            values = (line.section, line.label, line.current, line.previous, line.change)
            yield {name: "" if value is None else value for name, value in zip(self.columns, values, strict=True)}
