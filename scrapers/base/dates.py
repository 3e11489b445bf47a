"""Date helpers shared by the sites: ranges from the site's today, and parsing dates as pages print them."""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {name: number for number, names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")), start=1) for name in names}


def days_from(start: date, count: int) -> list[date]:
    return [start + timedelta(days=offset) for offset in range(count)]


def parse_dmy(text: str, default_year: int | None = None) -> date | None:
    """'04/08/2026', '14.08.26', 'Friday | 14.08.26', '4.8' (+ default year) → a date; None if absent."""
    match = re.search(r"(\d{1,2})[./](\d{1,2})(?:[./](\d{2,4}))?", text or "")
    if not match:
        return None
    day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
    if year is None:
        if default_year is None:
            return None
        full_year = default_year
    else:
        full_year = int(year) + (2000 if len(year) == 2 else 0)
    try:
        return date(full_year, month, day)
    except ValueError:
        return None


def parse_day_month_name(text: str) -> date | None:
    """'6 August 2026' / '06 Aug 2026' → a date (English month names); None when it does not parse."""
    match = re.search(r"(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})", text or "")
    if not match or match.group(2).lower() not in MONTHS:
        return None
    try:
        return date(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1)))
    except ValueError:
        return None
