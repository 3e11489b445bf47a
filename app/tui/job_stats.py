"""What the runner selection shows per job: last status, last duration and typical duration.

Read from the attempt rows of the open database (the mode's own tables); no Textual here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from peewee import fn

from app.core.eta import learned_estimates
from app.core.jobs import JobSpec
from app.core.models import Attempt


@dataclass(frozen=True)
class JobStats:
    last_status: str = ""
    last_duration_s: float | None = None
    typical_s: float = 60.0
    typical_guess: bool = True  # no successful history yet: the registry's default


def job_stats(jobs: Iterable[JobSpec]) -> dict[str, JobStats]:
    """One query for the latest attempt of every job, one for their typical (median) durations."""
    specs = {job.name: job for job in jobs}
    if not specs:
        return {}
    names = list(specs)
    latest_ids = Attempt.select(fn.MAX(Attempt.id)).where(Attempt.job.in_(names)).group_by(Attempt.job)
    latest = {
        job: (status, duration)
        for job, status, duration in Attempt.select(Attempt.job, Attempt.status, Attempt.duration_s)
        .where(Attempt.id.in_(latest_ids))
        .tuples()
    }
    typical = learned_estimates(names, {name: spec.default_eta_s for name, spec in specs.items()})
    stats = {}
    for name in names:
        status, duration = latest.get(name, ("", None))
        estimate = typical[name]
        stats[name] = JobStats(status, duration, estimate.seconds, estimate.guess)
    return stats
