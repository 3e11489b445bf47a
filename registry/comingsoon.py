"""`comingsoon`: Chain coming-soon pages."""

from __future__ import annotations

from app.core.jobs import JobSpec
from registry.catalogue import Group
from scrapers.retry import SCRAPER_RETRY

JOBS: tuple = (
    JobSpec(
        "yes_planet_soon",
        "comingsoon",
        "scrapers.sites.comingsoon.yes_planet_soon:YesPlanetSoon",
        title="Yes Planet coming soon",
        description="planetcinema.co.il: the home page's coming-soon carousel and film pages",
        retry=SCRAPER_RETRY,
        resource="browser",
        default_eta_s=120.0,
    ),
    JobSpec(
        "lev_soon",
        "comingsoon",
        "scrapers.sites.comingsoon.lev_soon:LevSoon",
        title="Lev Cinema coming soon",
        description="lev.co.il/en/: the home page's coming-soon tab, release dates paired by card",
        retry=SCRAPER_RETRY,
        resource="browser",
        default_eta_s=70.0,
    ),
)

GROUP = Group(name="comingsoon", title="Coming soon", parallel=True, description="Chain coming-soon pages.", jobs=JOBS)
