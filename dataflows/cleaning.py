"""One raw row → one cleaned row: the value rules applied to each field, and what was flagged.

Pure functions over the rule tables (`dataflows.rules`); titles come from the title cleaner via the
row's variant. No database here: the clean dataflow (`dataflows.clean`) feeds rows in batches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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
    "english_href", "hebrew_href", "release_year", "directed_by", "runtime", "rating", "flags", "dedupe_key",
)  # fmt: skip

_I = COLUMN_INDEX


@dataclass(frozen=True, slots=True)
class VariantInfo:
    """What the title cleaner found in a variant's titles, as stored with the variant."""

    id: int
    is_event: bool
    dub_language: str
    tech_marker: str
    language_marker: str


def unusable_row(
    raw_id: int, run_id: int, job: str, cinema: str, kind: str, reason: str, variant_id: int | None = None
) -> tuple:
    """The cleaned-row record of a row that goes nowhere (quarantined, no title, an event)."""
    blank = ("",) * 10 + (None, "", "", "")
    return (raw_id, run_id, job, cinema[:200], kind, reason, variant_id, "", "", *blank)


def clean_listing(
    raw_id: int, run_id: int, job: str, kind: str, values: Sequence[str], variant: VariantInfo, counts: Counts
) -> tuple:
    """Clean a valid showtime or coming-soon row (validation already passed, `kind` from `row_kind`)."""
    cinema = values[_I["cinema"]].strip()
    flags: list[str] = []

    def flag(name: str, unmapped: str = "") -> None:
        flags.append(name)
        if unmapped:
            counts.add("unmapped", unmapped)

    raw_city, raw_type, raw_tech = values[_I["screening_city"]], values[_I["screening_type"]], values[_I["screening_tech"]]
    city = screening_type = tech = english_href = hebrew_href = ""
    showtime, day = parse_time(values[_I["showtime"]]), parse_date(values[_I["date_of_showing"]])
    if kind == SHOWTIME:
        city, known = map_city(raw_city)
        if not city:
            flag("no_city")
        elif not known:
            flag("unknown_city", f"city: {raw_city.strip()}")
        screening_type, known = map_type(raw_type, raw_tech)
        if not known:
            flag("unknown_screening_type", f"screening_type: {raw_type.strip()}")
        tech = map_tech(raw_type, raw_tech, variant.tech_marker)
        english_href, broken_en = check_link(values[_I["english_href"]])
        hebrew_href, broken_he = check_link(values[_I["hebrew_href"]])
        if broken_en or broken_he:
            flag("broken_link")
    dub, known = map_language(values[_I["dub_language"]] or variant.dub_language)
    if not known:
        flag("unknown_language", f"dub_language: {values[_I['dub_language']].strip()}")
    language, known = map_language(values[_I["original_language"]] or variant.language_marker)
    if not known:
        flag("unknown_language", f"original_language: {values[_I['original_language']].strip()}")
    director, year, moved = split_director(values[_I["directed_by"]], values[_I["release_year"]])
    if moved:
        flag("year_in_director")
    runtime, why = parse_runtime(values[_I["runtime"]], cinema, kind)
    if why:
        flag(f"runtime_{why}")
    rating, known = map_rating(values[_I["rating"]])
    if not known:
        flag("unknown_rating", f"rating: {values[_I['rating']].strip()}")
    link = english_href or hebrew_href
    if kind == SHOWTIME:
        dedupe_key = "|".join((city, day, showtime, link) if link else (city, day, showtime, screening_type, tech, dub))
    else:
        dedupe_key = ""
    for name in flags:
        counts.add("flagged", name)
    return (
        raw_id, run_id, job, cinema, kind, "", variant.id, showtime, day, parse_date(values[_I["release_date"]]),
        city, screening_type, tech, dub, language, english_href, hebrew_href, year, director, runtime, rating,
        ",".join(sorted(set(flags))), dedupe_key,
    )  # fmt: skip


def row_kind(values: Sequence[str], variant: VariantInfo | None) -> str:
    """showtime / comingsoon / event for a valid row with a title."""
    if variant is not None and variant.is_event:
        return EVENT
    return SHOWTIME if values[_I["showtime"]].strip() else COMINGSOON
