"""Where a site lives: the live domain, or its replica under the sandbox (`<sandbox_url>/<site>/…`).

The replica mirrors the live site's paths under its prefix, so a site module builds URLs once with
`Address.url(path)` and runs unchanged against both. "Today" is the sandbox's pinned date there
(`/_sandbox/today`), and the date in Israel on the live sites.
"""

from __future__ import annotations

import urllib.request
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from app.core.settings import Settings
from scrapers.base.errors import SiteTimeout

ISRAEL = ZoneInfo("Asia/Jerusalem")


@dataclass(frozen=True)
class Address:
    live_root: str  # e.g. "https://www.planetcinema.co.il"
    sandbox_site: str  # e.g. "yes_planet" → <sandbox_url>/yes_planet
    settings: Settings

    @property
    def sandbox(self) -> bool:
        return self.settings.sites == "sandbox"

    @property
    def root(self) -> str:
        if self.sandbox:
            return f"{self.settings.sandbox_url.rstrip('/')}/{self.sandbox_site}"
        return self.live_root.rstrip("/")

    def url(self, path: str = "/") -> str:
        return self.root + (path if path.startswith("/") else "/" + path)

    def today(self) -> date:
        if not self.sandbox:
            return datetime.now(ISRAEL).date()
        url = f"{self.settings.sandbox_url.rstrip('/')}/_sandbox/today"
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return date.fromisoformat(response.read().decode().strip())
        except (OSError, ValueError) as exc:
            raise SiteTimeout(f"sandbox at {self.settings.sandbox_url} did not tell its date: {exc}") from exc
