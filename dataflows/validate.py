"""Is a row in the scraper row schema usable at all? One check shared by `import` and the clean dataflow.

A row that fails goes to quarantine with a reason code (below) and a one-line detail; it never
stops the rows around it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from app.core.models import RAW_VALUE_COLUMNS

# Reason codes, in the order they are checked.
BAD_CSV = "bad_csv"
WRONG_COLUMNS = "wrong_columns"
BAD_ENCODING = "bad_encoding"
NUL_BYTES = "nul_bytes"
TOO_LONG = "too_long"
EMPTY_ROW = "empty_row"
NO_CINEMA = "no_cinema"
BAD_DATE = "bad_date"
BAD_TIME = "bad_time"
BAD_RELEASE_DATE = "bad_release_date"
NOT_A_LISTING = "not_a_listing"

# Longest plausible value per column; anything longer is a scraping accident or hostile input.
MAX_LENGTH = {"english_title": 500, "hebrew_title": 500, "directed_by": 500, "english_href": 2000, "hebrew_href": 2000}
DEFAULT_MAX_LENGTH = 200

COLUMN_INDEX = {name: i for i, name in enumerate(RAW_VALUE_COLUMNS)}
_LIMITS = tuple(MAX_LENGTH.get(name, DEFAULT_MAX_LENGTH) for name in RAW_VALUE_COLUMNS)

# Columns rows of one film in one hall share (checked once per combination, and the key of a cleaning
# shape), and the columns each row has of its own (the showtime, its dates and its ticket links).
OWN_COLUMNS = tuple(
    COLUMN_INDEX[name] for name in ("showtime", "english_href", "hebrew_href", "date_of_showing", "release_date")
)
SHARED_COLUMNS = tuple(i for i in range(len(RAW_VALUE_COLUMNS)) if i not in OWN_COLUMNS)
SHARED = itemgetter(*SHARED_COLUMNS)
_OWN = itemgetter(*OWN_COLUMNS)

_DATE_FORMATS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00)?)?$"), ("y", "m", "d")),
    (re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$"), ("d", "m", "y")),
    (re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{2})$"), ("d", "m", "y2")),
)
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?::\d{2})?$")
_SURROGATE = re.compile("[\udc80-\udcff]")
_CINEMA, _SHOWTIME = COLUMN_INDEX["cinema"], COLUMN_INDEX["showtime"]
_DAY, _RELEASE = COLUMN_INDEX["date_of_showing"], COLUMN_INDEX["release_date"]


class Problem(NamedTuple):
    reason: str
    detail: str


@lru_cache(maxsize=4096)
def parse_date(raw: str) -> str:
    """Zero-padded ISO date ("2026-8-4", "4/8/2026", "04.08.26" → "2026-08-04"), or '' if not a date."""
    text = (raw or "").strip()
    for pattern, order in _DATE_FORMATS:
        match = pattern.match(text)
        if not match:
            continue
        parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
        year = parts.get("y") or 2000 + parts["y2"]
        try:
            value = date(year, parts["m"], parts["d"])
        except ValueError:
            return ""
        return value.isoformat() if 2000 <= year <= 2100 else ""
    return ""


@lru_cache(maxsize=4096)
def parse_time(raw: str) -> str:
    """Zero-padded "HH:MM" ("9:30" → "09:30"), or '' if not a time of day."""
    match = _TIME.match((raw or "").strip())
    if not match:
        return ""
    hours, minutes = int(match.group(1)), int(match.group(2))
    if hours > 23 or minutes > 59:
        return ""
    return f"{hours:02d}:{minutes:02d}"


def _shown(value: str, limit: int = 40) -> str:
    text = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace") if _SURROGATE.search(value) else value
    text = text.replace("\x00", "\\x00")
    return repr(text[:limit] + ("…" if len(text) > limit else ""))


def _encodable(text: str) -> bool:
    """False when undecodable bytes were smuggled in as surrogates (CSV read with surrogateescape)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _column_problem(columns: Sequence[int], values: Sequence[str]) -> Problem | None:
    """Encoding, NUL and length checks of some columns (`values` in the same order as `columns`)."""
    for index, value in zip(columns, values, strict=True):
        name, limit = RAW_VALUE_COLUMNS[index], _LIMITS[index]
        if _SURROGATE.search(value):
            return Problem(BAD_ENCODING, f"{name} is not valid UTF-8: {_shown(value)}")
        if "\x00" in value:
            return Problem(NUL_BYTES, f"{name} contains a NUL byte: {_shown(value)}")
        if len(value) > limit:
            return Problem(TOO_LONG, f"{name} has {len(value)} characters (limit {limit})")
    return None


@lru_cache(maxsize=16384)
def shared_problem(shared: tuple[str, ...]) -> Problem | None:
    """The checks of the SHARED columns: rows of one film and hall repeat them, so each is checked once."""
    return _column_problem(SHARED_COLUMNS, shared)


def row_problem(values: Sequence[str], shared: tuple[str, ...]) -> Problem | None:
    """Check one row of 17 values whose encoding is known to be valid; `shared` = `SHARED(values)`."""
    problem = shared_problem(shared)
    if problem is not None:
        return problem
    own = _OWN(values)
    if "\x00" in "".join(own) or max(map(len, own)) > DEFAULT_MAX_LENGTH:  # then look closer
        problem = _column_problem(OWN_COLUMNS, own)
        if problem is not None:
            return problem
    if (not values[_CINEMA].strip() and "".join(values).isspace()) or not any(values):
        return Problem(EMPTY_ROW, "every value is empty")
    return listing_problem(values[_CINEMA], values[_SHOWTIME], values[_DAY], values[_RELEASE])


def validate_values(values: Sequence[str], decoded: bool = False) -> Problem | None:
    """Check the 17 value columns of one row (in RAW_VALUE_COLUMNS order).

    `decoded`: the values come from the database, where text is always valid (no encoding check).
    """
    if len(values) != len(RAW_VALUE_COLUMNS):
        return Problem(WRONG_COLUMNS, f"{len(values)} values, expected {len(RAW_VALUE_COLUMNS)}")
    if not decoded and not _encodable("".join(values)):
        return _column_problem(range(len(values)), values)
    return row_problem(values, SHARED(values))


@lru_cache(maxsize=8192)
def listing_problem(cinema: str, showtime: str, day: str, release: str) -> Problem | None:
    """Is it a listing at all: a cinema, and a date with a time (a showtime) or a release date (coming soon)?"""
    if not cinema.strip():
        return Problem(NO_CINEMA, "cinema is empty")
    showtime, day, release = showtime.strip(), day.strip(), release.strip()
    if showtime or day:
        if not parse_date(day):
            return Problem(BAD_DATE, f"date_of_showing {_shown(day)} is not a date")
        if not parse_time(showtime):
            return Problem(BAD_TIME, f"showtime {_shown(showtime)} is not a time of day")
        return None
    if not release:
        return Problem(NOT_A_LISTING, "neither a showtime nor a release date")
    if not parse_date(release):
        return Problem(BAD_RELEASE_DATE, f"release_date {_shown(release)} is not a date")
    return None


def payload_text(values: Sequence[str], limit: int = 4000) -> str:
    """A quarantined row as storable text: undecodable bytes and NULs escaped, length capped."""
    text = "\x1f".join(values)
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    text = text.replace("\x00", "\\x00").replace("\x1f", " | ")
    return text if len(text) <= limit else text[:limit] + f"… ({len(text)} characters)"
