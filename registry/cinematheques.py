"""`cinematheques`: Cinematheque programmes."""

from __future__ import annotations

from registry.catalogue import Group

JOBS: tuple = ()

GROUP = Group(
    name="cinematheques",
    title="Cinematheques",
    parallel=True,
    description="Cinematheque programmes.",
    jobs=JOBS,
)
