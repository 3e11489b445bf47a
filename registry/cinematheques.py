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
)

GROUP = Group(
    name="cinematheques",
    title="Cinematheques",
    parallel=True,
    description="Cinematheque programmes.",
    jobs=JOBS,
)
