"""Other names of cities and cinemas, so a city or cinema can be typed in English or Hebrew.

Cities reuse the cleaning rules' alias table (Hebrew names, other spellings, branch names), read
backwards; cinemas are the fixed list of chains and cinematheques the scrapers write.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from dataflows.rules.cities import CITY_ALIASES
from dataflows.views.search import search_key

CINEMA_NAMES_HE = {
    "Yes Planet": "יס פלאנט",
    "Rav Hen": "רב חן",
    "Cinema City": "סינמה סיטי",
    "Hot Cinema": "הוט סינמה",
    "Lev Cinema": "קולנוע לב",
    "MovieLand": "מובילנד",
    "Tel Aviv Cinematheque": "סינמטק תל אביב",
    "Jerusalem Cinematheque": "סינמטק ירושלים",
    "Haifa Cinematheque": "סינמטק חיפה",
    "Herziliya Cinematheque": "סינמטק הרצליה",
    "Jaffa Cinema": "קולנוע יפו",
    "Holon Cinematheque": "סינמטק חולון",
    "Sam Spiegel Cinema": "סינמה סם שפיגל",
}


@cache
def _city_names() -> dict[str, tuple[str, ...]]:
    names: dict[str, list[str]] = defaultdict(list)
    for alias, city in CITY_ALIASES.items():
        names[city].append(alias)
    return {city: tuple(aliases) for city, aliases in names.items()}


def city_key(city: str) -> str:
    """A city and every other name it is known by, folded."""
    return search_key(city, *_city_names().get(city, ()))


def cinema_key(cinema: str) -> str:
    return search_key(cinema, CINEMA_NAMES_HE.get(cinema, ""))


def city_suggestions(cities: list[str]) -> list[str]:
    """What to offer while a city is typed: the cities present, then their Hebrew names."""
    hebrew = [alias for city in cities for alias in _city_names().get(city, ()) if not alias.isascii()]
    return [*cities, *hebrew]


def cinema_suggestions(cinemas: list[str]) -> list[str]:
    return [*cinemas, *(CINEMA_NAMES_HE[c] for c in cinemas if c in CINEMA_NAMES_HE)]
