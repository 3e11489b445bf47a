"""`dataflows`: Ingest, clean, resolve films, publish, enrich."""

from __future__ import annotations

from registry.catalogue import Group

JOBS: tuple = ()

GROUP = Group(
    name="dataflows",
    title="Dataflows",
    parallel=False,
    description="Ingest, clean, resolve films, publish, enrich.",
    jobs=JOBS,
)
