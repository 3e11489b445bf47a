"""What "today" is for a run: the sites' own date, not necessarily the machine's clock.

Live sites show today's programme in Israel. The sandbox replicas pin the date their data was scraped
(`/_sandbox/today`), so a sandbox run expiring "past" showtimes by the machine clock would wipe them
all. `KARTISERET_TODAY=YYYY-MM-DD` pins the date for anything (tests, replays).
"""

from __future__ import annotations

import os
import urllib.request
from datetime import date, datetime
from zoneinfo import ZoneInfo

from app.core.errors import ConfigError
from app.core.settings import Settings

ISRAEL = ZoneInfo("Asia/Jerusalem")
TODAY_ENV = "KARTISERET_TODAY"


def israel_today() -> date:
    return datetime.now(ISRAEL).date()


def pinned_today() -> date | None:
    value = os.environ.get(TODAY_ENV, "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{TODAY_ENV}={value!r} is not a date (YYYY-MM-DD)") from None


def sandbox_today(sandbox_url: str, timeout_s: float = 5.0) -> date | None:
    """The sandbox's pinned date, or None when no sandbox answers."""
    try:
        with urllib.request.urlopen(f"{sandbox_url.rstrip('/')}/_sandbox/today", timeout=timeout_s) as response:
            return date.fromisoformat(response.read().decode("ascii").strip())
    except (OSError, ValueError):
        return None


def run_today(settings: Settings) -> date:
    """Today for this run: pinned, else the sandbox's date in sandbox mode, else Israel's date."""
    pinned = pinned_today()
    if pinned is not None:
        return pinned
    if settings.sites == "sandbox":
        return sandbox_today(settings.sandbox_url) or israel_today()
    return israel_today()
