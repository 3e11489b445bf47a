"""Dates printed without a year ("04/08", "4.8, Tue 19:00"): the year is inferred from the site's today.

A programme lists the coming weeks, so a day/month is the next such date on or after a short grace
period before today (a December programme read in December keeps January dates in the next year,
and yesterday's late screening is not pushed a year ahead).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

GRACE_DAYS = 31
DAY_MONTH = re.compile(r"(?<!\d)(\d{1,2})[./](\d{1,2})(?![./]\d)")


def infer_year(day: int, month: int, today: date, grace_days: int = GRACE_DAYS) -> date | None:
    """The date with this day and month nearest ahead of (today - grace); None for impossible dates."""
    floor = today - timedelta(days=grace_days)
    for year in (floor.year, floor.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= floor:
            return candidate
    return None


def parse_day_month(text: str, today: date) -> date | None:
    """The first 'dd/mm' or 'dd.mm' (not followed by a year) in the text, with the year inferred."""
    match = DAY_MONTH.search(text or "")
    return infer_year(int(match.group(1)), int(match.group(2)), today) if match else None
