"""`nowplaying`: Chain scrapers: what is playing, where and when."""

from __future__ import annotations

from app.core.jobs import JobSpec
from registry.catalogue import Group
from scrapers.retry import SCRAPER_RETRY

JOBS: tuple = (
    JobSpec(
        "yes_planet",
        "nowplaying",
        "scrapers.sites.nowplaying.yes_planet:YesPlanet",
        title="Yes Planet",
        description="planetcinema.co.il: every branch, every date in the datepicker",
        retry=SCRAPER_RETRY,
        resource="browser",
        default_eta_s=1200.0,
    ),
    JobSpec(
        "rav_hen",
        "nowplaying",
        "scrapers.sites.nowplaying.rav_hen:RavHen",
        title="Rav Hen",
        description="rav-hen.co.il (Hebrew UI, same platform as Yes Planet)",
        retry=SCRAPER_RETRY,
        resource="browser",
        default_eta_s=600.0,
    ),
    JobSpec(
        "lev",
        "nowplaying",
        "scrapers.sites.nowplaying.lev:LevCinema",
        title="Lev Cinema",
        description="lev.co.il/en/: both home tabs, each film page's branch and day blocks",
        retry=SCRAPER_RETRY,
        resource="browser",
        default_eta_s=330.0,
    ),
    JobSpec(
        "cinema_city",
        "nowplaying",
        "scrapers.sites.nowplaying.cinema_city:CinemaCity",
        title="Cinema City",
        description="cinema-city.co.il: catalogue, then the quick-booking bar (branch, hall, film, day, hour)",
        retry=SCRAPER_RETRY,
        resource="browser",
        default_eta_s=1500.0,
    ),
    JobSpec(
        "movieland",
        "nowplaying",
        "scrapers.sites.nowplaying.movieland:MovieLand",
        title="MovieLand",
        description="movieland.co.il: every theatre in the header menu, two months of its datepicker",
        retry=SCRAPER_RETRY,
        resource="browser",
        default_eta_s=680.0,
    ),
    JobSpec(
        "hot_cinema",
        "nowplaying",
        "scrapers.sites.nowplaying.hot_cinema:HotCinema",
        title="Hot Cinema",
        description="hotcinema.co.il: every branch, every day of the two-month datepicker",
        retry=SCRAPER_RETRY,
        resource="browser",
        default_eta_s=1080.0,
    ),
)

GROUP = Group(
    name="nowplaying",
    title="Now playing",
    parallel=True,
    description="Chain scrapers: what is playing, where and when.",
    jobs=JOBS,
)
