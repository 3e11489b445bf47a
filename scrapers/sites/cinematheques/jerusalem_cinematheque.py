"""Jerusalem Cinematheque (jer-cin.org.il/en/article/4284): a calendar in two languages.

Story: open the English calendar, wait for the loader, accept the cookie banner; for each date of the
strip (45 days) click it, wait until the header shows that date and the loader is gone, and read the
lobby blocks (time, English title, director after "Dir:", runtime, ticket link). Then switch to
Hebrew and read the Hebrew titles of the same dates, keyed by (date, event id) — never by position.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from scrapers.base import BaseScraper, Field, Film
from scrapers.base.address import ISRAEL
from scrapers.base.dates import parse_dmy
from scrapers.base.normalise import clean_text

DAYS = 45
STRIP = "#calender-filter li"
BLOCKS = "#calendar-results .lobby-container"
BLOCK = {
    "time": Field(".ticket-details .time"),
    "title": Field(".lobby-title.second a"),
    "director": Field("span.cal-hall"),
    "length": Field("span.cal-length"),
    "event": Field("button.toptix-purchase", "data-event-id"),
    "order": Field("button.toptix-purchase", "data-url"),
    "link": Field("a.link-image", "href"),
}
NO_SCREENINGS = ("אין הקרנות", "no screenings")


def event_key(block: dict) -> str:
    """The screening's event id: the purchase button's, else the number in the event link."""
    if block.get("event"):
        return block["event"]
    match = re.search(r"/(?:order|event)/(\d+)", block.get("order") or block.get("link") or "")
    return match.group(1) if match else ""


class JerusalemCinematheque(BaseScraper):
    job = "jerusalem_cinematheque"
    cinema = "Jerusalem Cinematheque"
    live_root = "https://jer-cin.org.il"
    sandbox_site = "jerusalem_cinematheque"
    city = "Jerusalem"
    loaders = (".load-inner.loading",)
    accept = (".eu-cookie-compliance-banner .agree-button",)

    def scrape(self) -> None:
        self.page.open(self.url("/en/article/4284"))
        self.page.wait_gone(".load-inner.loading", "calendar loader")
        self.page.accept_cookies(".eu-cookie-compliance-banner .agree-button", timeout=3)
        strip = self.capped("dates", self.strip_dates())
        self.plan_steps(2 * len(strip))
        english = {day: self.read_day(index, day) for index, day in strip}
        with_events = [(index, day) for index, day in strip if english[day]]
        self.add_steps(len(with_events) - len(strip))
        self.page.switch_language("ul.language-switcher-locale-url a[hreflang='he']", "he")
        self.page.wait_gone(".load-inner.loading", "calendar loader")
        hebrew = {(day, event_key(b)): clean_text(b["title"]) for index, day in with_events
                  for b in self.read_day(index, day)}
        for day, blocks in english.items():
            for block in self.capped("films", blocks):
                self.emit_block(block, day, hebrew.get((day, event_key(block)), ""))

    def strip_dates(self) -> list[tuple[int, date]]:
        """(position, date) of the strip's dates, from each item's hidden Unix timestamp."""
        self.page.wait_all(STRIP, "calendar dates")
        stamps = self.page.extract(STRIP, {"stamp": Field("span.filter-date", "textContent")})
        days = [(i, datetime.fromtimestamp(int(s["stamp"]), ISRAEL).date()) for i, s in enumerate(stamps)
                if (s["stamp"] or "").strip().isdigit()]
        return days[:DAYS]

    def read_day(self, index: int, day: date) -> list[dict]:
        def unit() -> list[dict]:
            link = self.page.nth(f"{STRIP} a", index, f"calendar date {day}")
            self.page.js_click(link)
            self.page.wait_text(".calenders-filter-date p", lambda t: parse_dmy(t) == day, f"calendar of {day}")
            self.page.wait_gone(".load-inner.loading", "calendar loader")
            self.page.wait_all(BLOCKS, f"screenings of {day}")
            blocks = self.page.extract(BLOCKS, BLOCK)
            return [b for b in blocks if b["time"] and not any(w in (b["title"] or "").lower() for w in NO_SCREENINGS)]

        blocks = self.page.retry_stale(unit, what=f"calendar of {day}")
        self.step()
        return blocks

    def emit_block(self, block: dict, day: date, hebrew_title: str) -> None:
        director = clean_text(block["director"])
        film = Film(
            english_title=clean_text(block["title"]),
            hebrew_title=hebrew_title,
            directed_by=director.split(":", 1)[1].strip() if ":" in director else director,
            runtime=(clean_text(block["length"]).split(" ") or [""])[0],
        )
        href = block["order"] or block["link"] or ""
        self.emit(film.screening(
            showtime=clean_text(block["time"]), date_of_showing=day.isoformat(), screening_city=self.city,
            screening_type="Regular", screening_tech="2D",
            english_href=href, hebrew_href=href.replace("lang=en", "lang=he"),
        ))
