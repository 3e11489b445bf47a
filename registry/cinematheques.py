"""`cinematheques`: Cinematheque programmes."""

from __future__ import annotations

from app.core.jobs import JobSpec
from registry.catalogue import Group
from scrapers.retry import SCRAPER_RETRY

JOBS: tuple = (
    JobSpec(
        "tlv_cinematheque",
        "cinematheques",
        "scrapers.sites.cinematheques.tlv_cinematheque:TelAvivCinematheque",
        title="Tel Aviv Cinematheque",
        description="cinema.co.il/en/shown/: one page per date",
        retry=SCRAPER_RETRY,
        resource="browser",
        default_eta_s=600.0,
    ),
    JobSpec(
        "jerusalem_cinematheque",
        "cinematheques",
        "scrapers.sites.cinematheques.jerusalem_cinematheque:JerusalemCinematheque",
        title="Jerusalem Cinematheque",
        description="jer-cin.org.il calendar, English and Hebrew passes",
        retry=SCRAPER_RETRY,
        resource="browser",
        default_eta_s=240.0,
    ),
    JobSpec(
        "haifa_cinematheque",
        "cinematheques",
        "scrapers.sites.cinematheques.haifa_cinematheque:HaifaCinematheque",
        title="Haifa Cinematheque",
        description="haifacin.co.il monthly programme (infinite scroll), one page per event",
        retry=SCRAPER_RETRY,
        resource="browser",
        default_eta_s=300.0,
    ),
    JobSpec(
        "herzliya_cinematheque",
        "cinematheques",
        "scrapers.sites.cinematheques.herzliya_cinematheque:HerzliyaCinematheque",
        title="Herzliya Cinematheque",
        description="hcinema.org.il screenings carousel (Swiper), one page per film",
        retry=SCRAPER_RETRY,
        resource="browser",
        default_eta_s=300.0,
    ),
)

GROUP = Group(
    name="cinematheques",
    title="Cinematheques",
    parallel=True,
    description="Cinematheque programmes.",
    jobs=JOBS,
)
