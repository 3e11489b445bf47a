"""One raw row → one cleaned row: the value rules applied to each field, and what was flagged.

Pure functions over the rule tables (`dataflows.rules`); titles come from the title cleaner via the
row's variant. No database here: the clean dataflow (`dataflows.clean`) feeds rows in batches.

Rows of one film in one hall share everything but their date, time and ticket links, so that shared
part (a `Shape`: city, hall, projection, languages, year, director, runtime, rating and their flags)
is worked out once and reused; per row only the date, time, links and the dedupe key remain.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from dataflows.models import COMINGSOON, EVENT, SHOWTIME
from dataflows.rules.cities import map_city
from dataflows.rules.languages import map_language
from dataflows.rules.links import check_link
from dataflows.rules.metadata import parse_runtime, split_director
from dataflows.rules.ratings import map_rating
from dataflows.rules.screenings import map_tech, map_type
from dataflows.validate import COLUMN_INDEX, parse_date, parse_time

CLEAN_FIELDS = (
    "raw_row_id", "run_id", "job", "cinema", "kind", "reason", "variant_id", "shape_id", "showtime",
    "date_of_showing", "release_date", "english_href", "hebrew_href", "flags", "dedupe_hash",
)  # fmt: skip
SHAPE_FIELD = CLEAN_FIELDS.index("shape_id")
# row_shapes columns, in the order of `Shape.stored()`.
SHAPE_COLUMNS = (
    "kind", "variant_id", "cinema", "screening_city", "screening_type", "screening_tech", "dub_language",
    "original_language", "release_year", "directed_by", "runtime", "rating",
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


def flag_text_of(flags: tuple[str, ...]) -> str:
    """Flags as stored: sorted, unique, comma-separated."""
    return ",".join(sorted(set(flags))) if flags else ""


def key_hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def unusable_row(
    raw_id: int, run_id: int, job: str, cinema: str, kind: str, reason: str, variant_id: int | None = None
) -> tuple:
    """The cleaned-row record of a row that goes nowhere (quarantined, no title, an event)."""
    return (raw_id, run_id, job, cinema[:200], kind, reason, variant_id, None, "", "", "", "", "", "", "")


@dataclass(frozen=True, slots=True)
class Shape:
    """What rows of one variant, hall and version share, cleaned once (flags and unmapped values included)."""

    kind: str
    variant_id: int
    cinema: str
    city: str
    screening_type: str
    tech: str
    dub: str
    language: str
    year: str
    director: str
    runtime: int | None
    rating: str
    flags: tuple[str, ...]
    unmapped: tuple[str, ...]

    @property
    def flag_text(self) -> str:
        return flag_text_of(self.flags)

    def stored(self) -> tuple:
        """The values of its `row_shapes` row (SHAPE_COLUMNS order)."""
        return (self.kind, self.variant_id, self.cinema, self.city, self.screening_type, self.tech, self.dub,
                self.language, self.year, self.director, self.runtime, self.rating)  # fmt: skip


def work_out_shape(kind: str, values: Sequence[str], variant: VariantInfo) -> Shape:
    """Apply the value rules to the shared fields of a row."""
    cinema = values[_CINEMA].strip()
    flags: list[str] = []
    unmapped: list[str] = []

    def unknown(flag: str, column: str, raw: str) -> None:
        flags.append(flag)
        unmapped.append(f"{column}: {raw.strip()}")

    city = screening_type = tech = ""
    if kind == SHOWTIME:
        city, known = map_city(values[_CITY])
        if not city:
            flags.append("no_city")
        elif not known:
            unknown("unknown_city", "city", values[_CITY])
        screening_type, known = map_type(values[_TYPE], values[_TECH])
        if not known:
            unknown("unknown_screening_type", "screening_type", values[_TYPE])
        tech = map_tech(values[_TYPE], values[_TECH], variant.tech_marker)
    dub, known = map_language(values[_DUB] or variant.dub_language)
    if not known:
        unknown("unknown_language", "dub_language", values[_DUB])
    language, known = map_language(values[_LANGUAGE] or variant.language_marker)
    if not known:
        unknown("unknown_language", "original_language", values[_LANGUAGE])
    director, year, moved = split_director(values[_DIRECTOR], values[_YEAR])
    if moved:
        flags.append("year_in_director")
    runtime, why = parse_runtime(values[_RUNTIME], cinema, kind)
    if why:
        flags.append(f"runtime_{why}")
    rating, known = map_rating(values[_RATING])
    if not known:
        unknown("unknown_rating", "rating", values[_RATING])
    return Shape(
        kind, variant.id, cinema, city, screening_type, tech, dub, language, year, director, runtime, rating,
        tuple(flags), tuple(unmapped),
    )  # fmt: skip


class ShapeCache:
    """Shapes worked out so far (a few per title variant), and how many rows used each (for the counts)."""

    def __init__(self) -> None:
        self.shapes: dict[tuple, Shape] = {}
        self.by_id: dict[int, Shape] = {}
        self.used: dict[int, int] = {}

    def get(self, kind: str, shared: tuple[str, ...], values: Sequence[str], variant: VariantInfo) -> Shape:
        """The shape of a row; `shared` = `validate.SHARED(values)` (everything but its own dates, time, links)."""
        key = (kind, variant.id, shared)
        shape = self.shapes.get(key)
        if shape is None:
            shape = self.shapes[key] = work_out_shape(kind, values, variant)
            self.by_id[id(shape)] = shape
        self.used[id(shape)] = self.used.get(id(shape), 0) + 1
        return shape

    def take_usage(self) -> list[tuple[Shape, int]]:
        """Rows per shape since the last call (flags and unmapped values are counted per shape, not per row)."""
        used, self.used = self.used, {}
        return [(self.by_id[key], n) for key, n in used.items()]


def clean_listing(raw_id: int, run_id: int, job: str, values: Sequence[str], shape: Shape) -> tuple:
    """A valid showtime or coming-soon row as a cleaned-row record (CLEAN_FIELDS order; the Shape itself in
    place of its ID, which the clean dataflow fills in once the shape is stored)."""
    flag_text = shape.flag_text
    release = parse_date(values[_RELEASE])
    if shape.kind == SHOWTIME:
        day, showtime = parse_date(values[_DAY]), parse_time(values[_SHOWTIME])
        english_href, broken_en = check_link(values[_EN_HREF])
        hebrew_href, broken_he = check_link(values[_HE_HREF])
        if broken_en or broken_he:
            flag_text = flag_text_of((*shape.flags, "broken_link"))
        link = english_href or hebrew_href  # a ticket link names the screening; else the hall and version do
        if link:
            dedupe_hash = key_hash(shape.cinema, shape.city, day, showtime, link)
        else:
            dedupe_hash = key_hash(shape.cinema, shape.city, day, showtime, shape.screening_type, shape.tech, shape.dub)
    else:  # one coming-soon entry per film and chain
        day = showtime = english_href = hebrew_href = ""
        dedupe_hash = key_hash(shape.cinema)
    return (
        raw_id, run_id, job, shape.cinema, shape.kind, "", shape.variant_id, shape, showtime, day, release,
        english_href, hebrew_href, flag_text, dedupe_hash,
    )  # fmt: skip


def row_kind(values: Sequence[str], variant: VariantInfo | None) -> str:
    """showtime / comingsoon / event for a valid row with a title."""
    if variant is not None and variant.is_event:
        return EVENT
    return SHOWTIME if values[_SHOWTIME].strip() else COMINGSOON
