"""Yes Planet replica (English UI at /yes_planet/?lang=en_gb): also serves the coming-soon carousel."""

from __future__ import annotations

from scrapers.sandbox.sites.planet_platform import PlanetReplica
from scrapers.sandbox.vocab import language_code
from scrapers.sites.nowplaying.yes_planet import BRANCH_CITIES


class YesPlanetReplica(PlanetReplica):
    name = "yes_planet"
    cinema = "Yes Planet"
    kinds = ("showtimes", "comingsoon")
    start_path = "/?lang=en_gb"
    branch_names = {city: branch.title() for branch, city in BRANCH_CITIES.items()}
    decoy_lang = "RU"

    def show_language(self, value: str) -> str:
        code = language_code(value)
        return "HEB" if code == "HE" else code


REPLICA = YesPlanetReplica()
