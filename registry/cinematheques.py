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
    JobSpec(
        "jaffa_cinema",
        "cinematheques",
        "scrapers.sites.cinematheques.jaffa_cinema:JaffaCinema",
        title="Jaffa Cinema",
        description="jaffacinema.com Hebrew and English pages, paired by screening links",
        retry=SCRAPER_RETRY,
        resource="browser",
        default_eta_s=60.0,
    ),
    JobSpec(
        "holon_cinematheque",
        "cinematheques",
        "scrapers.sites.cinematheques.holon_cinematheque:HolonCinematheque",
        title="Holon Cinematheque",
        description="cinemaholon.org.il events calendar (paged), one page per activity",
        retry=SCRAPER_RETRY,
        resource="browser",
        default_eta_s=120.0,
    ),
    JobSpec(
        "sam_spiegel",
        "cinematheques",
        "scrapers.sites.cinematheques.sam_spiegel:SamSpiegel",
        title="Sam Spiegel Cinema",
        description="cinema.jsfs.co.il Hebrew programme (Elementor loop, load more)",
        retry=SCRAPER_RETRY,
        resource="browser",
        default_eta_s=60.0,
    ),
)

GROUP = Group(
    name="cinematheques",
    title="Cinematheques",
    parallel=True,
    description="Cinematheque programmes.",
    jobs=JOBS,
)
