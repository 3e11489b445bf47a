"""`kartiseret runs` and `runs show ID`: the run history and one run's attempts and artifacts."""

from __future__ import annotations

import json
from collections import Counter
from typing import TextIO

from app.core.errors import ConfigError
from app.core.models import Attempt, Run
from app.textfmt import clock, printable


def _duration(run: Run) -> str:
    if run.finished_at is None:
        return "-"
    return clock((run.finished_at - run.started_at).total_seconds())


def job_counts(run: Run) -> Counter:
    """Final status per job of a run, from its stored summary (or its attempts while running)."""
    try:
        jobs = json.loads(run.summary or "{}").get("jobs", [])
    except json.JSONDecodeError:
        jobs = []
    if jobs:
        return Counter(job["status"] for job in jobs)
    last: dict[str, str] = {}
    for job, status in (
        Attempt.select(Attempt.job, Attempt.status).where(Attempt.run_id == run.id).order_by(Attempt.attempt).tuples()
    ):
        last[job] = status
    return Counter(last.values())


def print_runs(limit: int, out: TextIO) -> int:
    runs = list(Run.select().order_by(Run.id.desc()).limit(limit))
    out.write(f"{'run':>5}  {'mode':<8} {'sites':<8} {'started (UTC)':<19}  {'duration':>8}  {'status':<11} jobs\n")
    for run in runs:
        counts = job_counts(run)
        summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "-"
        out.write(
            f"{run.id:>5}  {run.mode:<8} {run.sites:<8} {run.started_at:%Y-%m-%d %H:%M:%S}  "
            f"{_duration(run):>8}  {run.status:<11} {summary}\n"
        )
    if not runs:
        out.write("(no runs yet)\n")
    return 0


def print_run(run_id: int, out: TextIO) -> int:
    run = Run.get_or_none(Run.id == run_id)
    if run is None:
        raise ConfigError(f"no run {run_id} in this database")
    out.write(f"run {run.id}: {run.status}, mode {run.mode}, sites {run.sites}, plan {run.plan}\n")
    out.write(
        f"host {run.host} pid {run.pid}, started {run.started_at:%Y-%m-%d %H:%M:%S} UTC, duration {_duration(run)}\n"
    )
    summary = json.loads(run.summary or "{}") if run.summary else {}
    if summary.get("log"):
        out.write(f"log: {summary['log']}\nartifacts: {summary.get('artifacts', '')}\n")
    out.write("\nattempts:\n")
    for attempt in Attempt.select().where(Attempt.run_id == run_id).order_by(Attempt.id):
        out.write(
            f"  {attempt.job:<26} #{attempt.attempt} {attempt.status:<9} "
            f"{clock(attempt.duration_s)} rows={attempt.rows}\n"
        )
        if attempt.error_message:
            out.write(f"      {attempt.error_type}: {printable(attempt.error_message)}\n")
        if attempt.artifacts:
            out.write(f"      artifacts: {attempt.artifacts}\n")
    return 0
