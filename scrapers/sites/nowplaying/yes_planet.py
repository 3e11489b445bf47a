"""Yes Planet (planetcinema.co.il, English UI): the Planet ticketing platform, English titles as keys.

Quirks: "RU" sub-blocks (Russian dubbing) are skipped, "DUB" means Hebrew dubbing; the language item
shows a code (EN, HEB, NO…; empty means Hebrew); directors are read; cards ending s2r2/d2r1 skipped.
"""

from __future__ import annotations

from scrapers.sites.nowplaying.planet_platform import PlanetPlatformScraper

BRANCH_CITIES = {
    "PLANET AYALON": "Ayalon",
    "PLANET BEER SHEVA": "Beer Sheva",
    "PLANET HAIFA": "Haifa",
    "PLANET JERUSALEM": "Jerusalem",
    "PLANET RISHON LETZION": "Rishon Letzion",
    "PLANET ZICHRON YAAKOV": "Zichron Yaakov",
}


class YesPlanet(PlanetPlatformScraper):
    job = "yes_planet"
    cinema = "Yes Planet"
    live_root = "https://www.planetcinema.co.il"
    sandbox_site = "yes_planet"
    start_path = "/?lang=en_gb#/"
    branch_cities = BRANCH_CITIES
    city_prefixes = ("SCREENINGS FOR",)
    branch_prefix = "PLANET "
    dub_words = ("DUB",)
    skip_lang_words = ("RU",)
    reads_director = True
    default_language = "HEB"
