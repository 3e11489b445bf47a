"""One raw row → one cleaned row: the value rules applied to each field, and what was flagged.

Pure functions over the rule tables (`dataflows.rules`); titles come from the title cleaner via the
row's variant. No database here: the clean dataflow (`dataflows.clean`) feeds rows in batches.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from dataflows.models import COMINGSOON, EVENT, SHOWTIME
from dataflows.quality import Counts
from dataflows.rules.cities import map_city
from dataflows.rules.languages import map_language
from dataflows.rules.links import check_link
from dataflows.rules.metadata import parse_runtime, split_director
from dataflows.rules.ratings import map_rating
from dataflows.rules.screenings import map_tech, map_type
from dataflows.validate import COLUMN_INDEX, parse_date, parse_time

CLEAN_FIELDS = (
    "raw_row_id", "run_id", "job", "cinema", "kind", "reason", "variant_id", "showtime", "date_of_showing",
    "release_date", "screening_city", "screening_type", "screening_tech", "dub_language", "original_language",
    "english_href", "hebrew_href", "release_year", "directed_by", "runtime", "rating", "flags", "dedupe_hash",
)  # fmt: skip

_I = COLUMN_INDEX
_CINEMA, _SHOWTIME, _DAY, _RELEASE = _I["cinema"], _I["showtime"], _I["date_of_showing"], _I["release_date"]
_CITY, _TYPE, _TECH = _I["screening_city"], _I["screening_type"], _I["screening_tech"]
_EN_HREF, _HE_HREF = _I["english_href"], _I["hebrew_href"]
_DUB, _LANGUAGE, _DIRECTOR, _YEAR = _I["dub_language"], _I["original_language"], _I["directed_by"], _I["release_year"]
_RUNTIME, _RATING = _I["runtime"], _I["rating"]


@dataclass(frozen=True, slots=True)
class VariantInfo:
    """What the title cleaner found in a variant's titles, as stored with the variant."""

    id: int
    is_event: bool
    dub_language: str
    tech_marker: str
    language_marker: str


def key_hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def unusable_row(
    raw_id: int, run_id: int, job: str, cinema: str, kind: str, reason: str, variant_id: int | None = None
) -> tuple:
    """The cleaned-row record of a row that goes nowhere (quarantined, no title, an event)."""
    blank = ("",) * 10 + (None, "", "", "")
    return (raw_id, run_id, job, cinema[:200], kind, reason, variant_id, "", "", *blank)


Fixed = tuple[tuple, tuple[str, ...], tuple[str, ...]]  # (values, flags, unmapped values)


@lru_cache(maxsize=8192)
def screening_fields(raw_city: str, raw_type: str, raw_tech: str, tech_marker: str) -> Fixed:
    """(city, type, tech) of a showtime; rows share these, so each combination is worked out once."""
    flags, unmapped = [], []
    city, known = map_city(raw_city)
    if not city:
        flags.append("no_city")
    elif not known:
        flags.append("unknown_city")
        unmapped.append(f"city: {raw_city.strip()}")
    screening_type, known = map_type(raw_type, raw_tech)
    if not known:
        flags.append("unknown_screening_type")
        unmapped.append(f"screening_type: {raw_type.strip()}")
    return (city, screening_type, map_tech(raw_type, raw_tech, tech_marker)), tuple(flags), tuple(unmapped)


@lru_cache(maxsize=8192)
def film_fields(
    cinema: str, kind: str, dub: str, language: str, director: str, year: str, runtime: str, rating: str
) -> Fixed:
    """(dub, language, director, year, runtime, rating) as listed with a film; worked out once per combination."""
    flags, unmapped = [], []
    dub_name, known = map_language(dub)
    if not known:
        flags.append("unknown_language")
        unmapped.append(f"dub_language: {dub.strip()}")
    language_name, known = map_language(language)
    if not known:
        flags.append("unknown_language")
        unmapped.append(f"original_language: {language.strip()}")
    director_name, year_text, moved = split_director(director, year)
    if moved:
        flags.append("year_in_director")
    minutes, why = parse_runtime(runtime, cinema, kind)
    if why:
        flags.append(f"runtime_{why}")
    rating_name, known = map_rating(rating)
    if not known:
        flags.append("unknown_rating")
        unmapped.append(f"rating: {rating.strip()}")
    fixed = (dub_name, language_name, director_name, year_text, minutes, rating_name)
    return fixed, tuple(flags), tuple(unmapped)


def clean_listing(
    raw_id: int, run_id: int, job: str, kind: str, values: Sequence[str], variant: VariantInfo, counts: Counts
) -> tuple:
    """Clean a valid showtime or coming-soon row (validation already passed, `kind` from `row_kind`)."""
    cinema = values[_CINEMA].strip()
    film, flags, unmapped = film_fields(
        cinema, kind, values[_DUB] or variant.dub_language, values[_LANGUAGE] or variant.language_marker,
        values[_DIRECTOR], values[_YEAR], values[_RUNTIME], values[_RATING],
    )  # fmt: skip
    dub, language, director, year, runtime, rating = film
    day = parse_date(values[_DAY])
    if kind == SHOWTIME:
        (city, screening_type, tech), more, unknown = screening_fields(
            values[_CITY], values[_TYPE], values[_TECH], variant.tech_marker
        )
        flags, unmapped = flags + more, unmapped + unknown
        english_href, broken_en = check_link(values[_EN_HREF])
        hebrew_href, broken_he = check_link(values[_HE_HREF])
        if broken_en or broken_he:
            flags += ("broken_link",)
        showtime = parse_time(values[_SHOWTIME])
        link = english_href or hebrew_href  # a ticket link names the screening; else the hall and version do
        same = (city, day, showtime, link) if link else (city, day, showtime, screening_type, tech, dub)
        dedupe_hash = key_hash(cinema, *same)
    else:  # one coming-soon entry per film and chain
        city = screening_type = tech = english_href = hebrew_href = showtime = ""
        dedupe_hash = key_hash(cinema)
    for name in flags:
        counts.add("flagged", name)
    for value in unmapped:
        counts.add("unmapped", value)
    return (
        raw_id, run_id, job, cinema, kind, "", variant.id, showtime, day, parse_date(values[_RELEASE]),
        city, screening_type, tech, dub, language, english_href, hebrew_href, year, director, runtime, rating,
        ",".join(sorted(set(flags))) if flags else "", dedupe_hash,
    )  # fmt: skip


def row_kind(values: Sequence[str], variant: VariantInfo | None) -> str:
    """showtime / comingsoon / event for a valid row with a title."""
    if variant is not None and variant.is_event:
        return EVENT
    return SHOWTIME if values[_SHOWTIME].strip() else COMINGSOON
