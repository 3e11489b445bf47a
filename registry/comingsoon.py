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
    JobSpec(
        "movieland_soon",
        "comingsoon",
        "scrapers.sites.comingsoon.movieland_soon:MovieLandSoon",
        title="MovieLand coming soon",
        description="movieland.co.il/soon: film pages, foreign-language and dubbed versions skipped",
        retry=SCRAPER_RETRY,
        resource="browser",
        default_eta_s=170.0,
    ),
    JobSpec(
        "cinema_city_soon",
        "comingsoon",
        "scrapers.sites.comingsoon.cinema_city_soon:CinemaCitySoon",
        title="Cinema City coming soon",
        description="cinema-city.co.il/comingsoon: every card (load more), versions skipped",
        retry=SCRAPER_RETRY,
        resource="browser",
        default_eta_s=30.0,
    ),
    JobSpec(
        "hot_cinema_soon",
        "comingsoon",
        "scrapers.sites.comingsoon.hot_cinema_soon:HotCinemaSoon",
        title="Hot Cinema coming soon",
        description="hotcinema.co.il/ComingSoon: every card of every month block, then its film page",
        retry=SCRAPER_RETRY,
        resource="browser",
        default_eta_s=220.0,
    ),
)

GROUP = Group(name="comingsoon", title="Coming soon", parallel=True, description="Chain coming-soon pages.", jobs=JOBS)
