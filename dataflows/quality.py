"""The data-quality report of a run: counters written by each dataflow in the same transaction as its work.

Counters add up (an interrupted attempt's committed batches plus the retry's are counted exactly
once each), are stored per run in `quality_counts`, and are folded here into one report for the
run summary, `--json`, the headless summary and the TUI.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from peewee import EXCLUDED

from app.core.jobs import JobContext
from dataflows.models import QualityCount

REASON_LIMIT = 200


class Counts(Counter):
    """Counter keyed by (metric, reason)."""

    def add(self, metric: str, reason: str = "", n: int = 1) -> None:
        if n:
            self[(metric, reason[:REASON_LIMIT])] += n


def save_counts(run_id: int, stage: str, counts: Counts) -> None:
    """Add counts to the run's report (call inside the transaction that did the counted work)."""
    rows = [
        {"run_id": run_id, "stage": stage, "metric": metric, "reason": reason, "count": n}
        for (metric, reason), n in sorted(counts.items())
        if n
    ]
    if not rows:
        return
    keys = [QualityCount.run_id, QualityCount.stage, QualityCount.metric, QualityCount.reason]
    for start in range(0, len(rows), 200):
        QualityCount.insert_many(rows[start : start + 200]).on_conflict(
            conflict_target=keys, update={QualityCount.count: QualityCount.count + EXCLUDED.count}
        ).execute()


def report(run_id: int) -> dict[str, Any]:
    """The run's report: rows in, quarantined/dropped by reason, merged, films, published, flagged."""
    out: dict[str, Any] = {
        "run_id": run_id,
        "rows_in": 0,
        "quarantined": {},
        "dropped": {},
        "merged": 0,
        "films_created": 0,
        "variants_matched": 0,
        "published": {},
        "flagged": {},
        "unmapped": {},
        "snapshots": {},
    }
    query = (
        QualityCount.select()
        .where(QualityCount.run_id == run_id)
        .order_by(QualityCount.stage, QualityCount.metric, QualityCount.reason)
    )
    for row in query:
        value = int(row.count)
        if isinstance(out.get(row.metric), dict):
            bucket = out[row.metric]
            bucket[row.reason or row.stage] = bucket.get(row.reason or row.stage, 0) + value
        elif row.metric in out and row.metric != "run_id":
            out[row.metric] += value
        else:
            out.setdefault("other", {})[f"{row.stage}.{row.metric}.{row.reason}".rstrip(".")] = value
    return out


def summary_line(rep: dict[str, Any]) -> str:
    """One line for the headless summary."""

    def detail(bucket: dict[str, int]) -> str:
        total = sum(bucket.values())
        if not bucket:
            return "0"
        parts = ", ".join(f"{reason} {n}" for reason, n in sorted(bucket.items(), key=lambda kv: (-kv[1], kv[0])))
        return f"{total} ({parts})"

    published = ", ".join(f"{kind} {n}" for kind, n in sorted(rep["published"].items())) or "nothing"
    return (
        f"data quality of run {rep['run_id']}: in {rep['rows_in']}, quarantined {detail(rep['quarantined'])}, "
        f"dropped {detail(rep['dropped'])}, merged {rep['merged']}, films created {rep['films_created']} / "
        f"variants matched {rep['variants_matched']}, published {published}, flagged {detail(rep['flagged'])}"
    )


def quality_job(ctx: JobContext) -> None:
    """Job `quality_report`: fold this run's counters into the summary (metrics + one summary line)."""
    rep = report(ctx.run_id)
    ctx.metrics["quality"] = rep
    ctx.warn(summary_line(rep))
    if rep["unmapped"]:
        top = sorted(rep["unmapped"].items(), key=lambda kv: (-kv[1], kv[0]))[:8]
        ctx.log("values with no rule yet: " + "; ".join(f"{value} ({n})" for value, n in top))
