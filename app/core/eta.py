"""Expected durations learned from past successful attempts of the same job (median of recent runs)."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from app.core.models import Attempt

RECENT = 10


@dataclass(frozen=True)
class Estimate:
    seconds: float
    guess: bool  # True when no history exists: shown marked as a guess


def learned_estimates(jobs: Iterable[str], defaults: dict[str, float]) -> dict[str, Estimate]:
    """One query for all jobs; the median of each job's last RECENT successful durations."""
    names = list(dict.fromkeys(jobs))
    history: dict[str, list[float]] = defaultdict(list)
    for start in range(0, len(names), 500):
        chunk = names[start : start + 500]
        query = (
            Attempt.select(Attempt.job, Attempt.duration_s)
            .where(Attempt.job.in_(chunk), Attempt.status == "ok", Attempt.duration_s.is_null(False))
            .order_by(Attempt.id.desc())
            .limit(RECENT * len(chunk) * 4)
            .tuples()
        )
        for job, duration in query:
            if len(history[job]) < RECENT:
                history[job].append(float(duration))
    estimates = {}
    for name in names:
        if history.get(name):
            estimates[name] = Estimate(statistics.median(history[name]), guess=False)
        else:
            estimates[name] = Estimate(defaults.get(name, 60.0), guess=True)
    return estimates


def remaining(estimate: float, elapsed: float) -> float:
    """Remaining time of a running task; never negative (an overrun shows as 0, not a lie)."""
    return max(0.0, estimate - elapsed)
