"""`maintenance`: Expire past rows, remove orphans, dedupe."""

from __future__ import annotations

from registry.catalogue import Group

JOBS: tuple = ()

GROUP = Group(
    name="maintenance",
    title="Maintenance",
    parallel=False,
    description="Expire past rows, remove orphans, dedupe.",
    jobs=JOBS,
)
