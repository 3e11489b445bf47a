"""`maintenance`: Expire past rows, remove orphans, dedupe (dry run: `KARTISERET_DRY_RUN=1`)."""

from __future__ import annotations

from app.core.jobs import JobSpec, RetryPolicy
from registry.catalogue import Group

MAINTENANCE_RETRY = RetryPolicy(max_attempts=2, base_delay_s=2.0, max_delay_s=10.0)

JOBS: tuple = (
    JobSpec(
        "expire",
        "maintenance",
        "dataflows.maintenance:expire_job",
        title="Expire past rows",
        description="Remove past showtimes and coming-soon entries that opened (KARTISERET_DRY_RUN=1: report only).",
        retry=MAINTENANCE_RETRY,
        default_eta_s=2.0,
    ),
    JobSpec(
        "dedupe_all",
        "maintenance",
        "dataflows.maintenance:dedupe_job",
        title="Dedupe published tables",
        description="Keep one of rows saying exactly the same thing (KARTISERET_DRY_RUN=1: report only).",
        retry=MAINTENANCE_RETRY,
        default_eta_s=2.0,
    ),
    JobSpec(
        "remove_orphans",
        "maintenance",
        "dataflows.maintenance:orphans_job",
        title="Remove orphan films",
        description="Drop films nothing refers to; refresh the others' counts (KARTISERET_DRY_RUN=1: report only).",
        retry=MAINTENANCE_RETRY,
        default_eta_s=2.0,
    ),
)

GROUP = Group(
    name="maintenance",
    title="Maintenance",
    parallel=False,
    description="Expire past rows, remove orphans, dedupe.",
    jobs=JOBS,
)
