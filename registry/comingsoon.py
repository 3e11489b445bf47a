"""`comingsoon`: Chain coming-soon pages."""

from __future__ import annotations

from registry.catalogue import Group

JOBS: tuple = ()

GROUP = Group(name="comingsoon", title="Coming soon", parallel=True, description="Chain coming-soon pages.", jobs=JOBS)
