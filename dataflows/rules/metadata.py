"""Film metadata in listings: runtime placeholders, release years, directors that are really years.

Seen in real rows (ORIGINAL §5.4): runtime "0" (Hot Cinema, Jaffa), 120 for ~70 % of MovieLand
coming-soon rows, runtimes carried over between films; Jaffa's `directed_by` holding the year.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Runtimes that mean "unknown" — everywhere, and per (cinema, kind) where a site uses a default.
PLACEHOLDER_RUNTIMES: dict[tuple[str, str], frozenset[int]] = {
    ("*", "*"): frozenset({0}),
    ("MovieLand", "comingsoon"): frozenset({120}),
}
RUNTIME_RANGE = (5, 600)  # minutes; outside is a parse accident, not a film
YEAR_RANGE = (1888, 2100)

_LEADING_NUMBER = re.compile(r"^\s*(\d{1,4})")
_YEAR = re.compile(r"^\s*(\d{4})(?:\.0)?\s*$")


@lru_cache(maxsize=4096)
def parse_runtime(raw: str, cinema: str, kind: str) -> tuple[int | None, str]:
    """(minutes or None, why it is unknown: '' | 'placeholder' | 'invalid')."""
    text = (raw or "").strip()
    if not text:
        return None, ""
    match = _LEADING_NUMBER.match(text)
    if not match:
        return None, "invalid"
    minutes = int(match.group(1))
    placeholders = PLACEHOLDER_RUNTIMES[("*", "*")] | PLACEHOLDER_RUNTIMES.get((cinema, kind), frozenset())
    if minutes in placeholders:
        return None, "placeholder"
    if not RUNTIME_RANGE[0] <= minutes <= RUNTIME_RANGE[1]:
        return None, "invalid"
    return minutes, ""


def parse_year(raw: str) -> str:
    """A plausible four-digit year, else ''."""
    match = _YEAR.match(raw or "")
    if match and YEAR_RANGE[0] <= int(match.group(1)) <= YEAR_RANGE[1]:
        return match.group(1)
    return ""


def split_director(raw_director: str, raw_year: str) -> tuple[str, str, bool]:
    """(director, year, moved?): a bare year in the director field is a year (Jaffa), not a person."""
    director = (raw_director or "").strip()
    year = parse_year(raw_year)
    if parse_year(director):
        return "", year or parse_year(director), True
    return director, year, False
