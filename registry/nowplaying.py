"""`nowplaying`: Chain scrapers: what is playing, where and when."""

from __future__ import annotations

from registry.catalogue import Group

JOBS: tuple = ()

GROUP = Group(
    name="nowplaying",
    title="Now playing",
    parallel=True,
    description="Chain scrapers: what is playing, where and when.",
    jobs=JOBS,
)
