"""Days and "now" as a cinema-goer in Israel means them: local time, weekday names in both languages.

Showtimes are local wall-clock times (date + HH:MM), so "now" is the clock read in Asia/Jerusalem.
A day's search key lets the date filter accept 2026-08-14, 14/08, fri, שישי, today or מחר.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from functools import cache

from dataflows.views.search import search_key

WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS_HE = ("יום שני", "יום שלישי", "יום רביעי", "יום חמישי", "יום שישי", "שבת", "יום ראשון")
MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december")  # fmt: skip
MONTHS_HE = ("ינואר", "פברואר", "מרץ", "אפריל", "מאי", "יוני", "יולי", "אוגוסט", "ספטמבר", "אוקטובר", "נובמבר",
             "דצמבר")  # fmt: skip


@cache
def israel() -> tzinfo | None:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Asia/Jerusalem")
    except Exception:  # no time zone data on this machine: the machine's local time is the best guess
        return None


def local_now(epoch: float) -> datetime:
    """The wall-clock time in Israel at `epoch` (naive, comparable with the published dates and times)."""
    return datetime.fromtimestamp(epoch, israel()).replace(tzinfo=None)


def parse_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def day_label(text: str) -> str:
    """A day as "Fri 14 Aug" (unambiguous and short); anything that is not a date is shown as it is."""
    day = parse_day(text)
    if day is None:
        return text
    return f"{WEEKDAYS_EN[day.weekday()][:3].title()} {day.day:02d} {MONTHS_EN[day.month - 1][:3].title()}"


def day_key(text: str, today: date) -> str:
    """Everything a user may type for this day, folded."""
    day = parse_day(text)
    if day is None:
        return search_key(text)
    relative = {today: "today היום", today + timedelta(days=1): "tomorrow מחר"}.get(day, "")
    return search_key(
        text,
        f"{day.day:02d}/{day.month:02d} {day.day}/{day.month}",
        f"{day.month:02d}-{day.day:02d}",
        WEEKDAYS_EN[day.weekday()],
        WEEKDAYS_HE[day.weekday()],
        f"{day.day} {MONTHS_EN[day.month - 1]} {MONTHS_HE[day.month - 1]}",
        relative,
    )
