"""Rav Hen (rav-hen.co.il, Hebrew UI): the Planet ticketing platform, Hebrew titles as keys.

Quirks: the page `h1` (the "English title") is Hebrew; both ticket links are `lang=he`; "מדובב"
marks Hebrew dubbing; directors are not read; the branch heading is "לוח הקרנות ב רב חן <place>".
"""

from __future__ import annotations

from scrapers.sites.nowplaying.planet_platform import PlanetPlatformScraper

BRANCH_CITIES = {
    "רב חן גבעתיים": "Givatayim",
    "רב חן קרית אונו": "Kiryat Ono",
    "רב חן דיזנגוף": "Tel Aviv",
}


class RavHen(PlanetPlatformScraper):
    job = "rav_hen"
    cinema = "Rav Hen"
    live_root = "https://www.rav-hen.co.il"
    sandbox_site = "rav_hen"
    start_path = "/#/"
    branch_cities = BRANCH_CITIES
    city_prefixes = ("לוח הקרנות ב",)
    branch_prefix = "רב חן "
    dub_words = ("מדובב",)
    skip_lang_words = ()
    reads_director = False
    default_language = ""
