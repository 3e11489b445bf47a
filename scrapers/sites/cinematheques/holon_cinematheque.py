"""Holon Cinematheque (cinemaholon.org.il): a paged events calendar, one page per activity.

Story: open the calendar, walk up to five pages with the "next" button (`base/paging.py`: waits
until the page label changed, never sleeps), collecting each `entry-activity` link once. Per
activity page: Hebrew `h1.entry-title`; English from `h2.english-title` (the bold part when there
is one, else the last heading with Latin letters; none for Hebrew-only films); runtime = last number
of detail item 1; year from detail item 2; every screening from the JSON in
`form.single-buy-now-form[data-dates]` ("dd.mm.yyyy GMT HH:MM"); ticket link `a.single-buy-btn`.
"""

from __future__ import annotations

import json
import re
from datetime import date

from scrapers.base import BaseScraper, Field, Film
from scrapers.base.dates import parse_dmy
from scrapers.base.normalise import clean_text
from scrapers.base.paging import walk_pages
from scrapers.base.textparse import checked_link, first_year, has_latin

PAGES = 5
ITEMS = "#activities .entry-activity"
ACTIVITY = {
    "hebrew": Field("h1.entry-title"),
    "english": Field("h2.english-title", fields={"text": Field(""), "bold": Field("b, strong")}),
    "details": Field("ul.activity-details li", many=True),
    "dates": Field("form.single-buy-now-form", "data-dates"),
    "tickets": Field("a.single-buy-btn", "href"),
}
TIME = re.compile(r"(\d{1,2}:\d{2})")


def english_title(headings: list[dict]) -> str:
    """The site's English-title layouts: the bold part of a heading, else the last Latin heading."""
    latin = [h for h in headings if has_latin(h["text"] or "")]
    bold = next((clean_text(h["bold"]) for h in latin if has_latin(h["bold"] or "")), "")
    return bold or (clean_text(latin[-1]["text"]) if latin else "")


def screenings(data_dates: str) -> list[tuple[date, str]]:
    """`data-dates` JSON ({id: "05.08.2026 GMT 19:00"}) → (date, "HH:MM"); unreadable values skipped."""
    try:
        values = json.loads(data_dates or "{}")
    except json.JSONDecodeError:
        return []
    found = []
    for value in (values.values() if isinstance(values, dict) else values):
        day_text, _, time_text = str(value).partition("GMT")
        day, time = parse_dmy(day_text), TIME.search(time_text)
        if day and time:
            found.append((day, time.group(1)))
    return found


class HolonCinematheque(BaseScraper):
    job = "holon_cinematheque"
    cinema = "Holon Cinematheque"
    live_root = "https://www.cinemaholon.org.il"
    sandbox_site = "holon_cinematheque"
    city = "Holon"
    loaders = (".calendar-loader",)

    def scrape(self) -> None:
        self.page.open(self.url("/screening-and-events/"))
        self.page.wait_for("#activities", "events calendar")
        self.page.wait_text(".calendar-range", bool, "calendar page label")
        pages = len(self.capped("dates", range(PAGES)))
        self.plan_steps(pages)
        links: dict[str, None] = {}
        for hrefs in walk_pages(self.page, "button.calendar-next", f"{ITEMS}, #activities .no-activities",
                                self.read_links, max_pages=pages, label_css=".calendar-range", what="next week"):
            links.update(dict.fromkeys(hrefs))
            self.step()
        activities = self.capped("films", links)
        self.add_steps(len(activities))
        for href in activities:
            self.read_activity(href)
            self.step()

    def read_links(self) -> list[str]:
        self.page.wait_gone(".calendar-loader", "calendar loader")
        self.page.wait_any(ITEMS, "#activities .no-activities", what="calendar entries")
        items = self.page.retry_stale(lambda: self.page.extract(ITEMS, {"href": Field("a", "href")}), what="calendar")
        return [item["href"] for item in items if item["href"]]

    def read_activity(self, href: str) -> None:
        self.page.open(href)
        self.page.wait_for("h1.entry-title", "activity title")
        page = self.page.extract("body", ACTIVITY)[0]
        details = [clean_text(d) for d in page["details"]]
        numbers = re.findall(r"\d+", details[0]) if details else []
        film = Film(
            english_title=english_title(page["english"]),
            hebrew_title=clean_text(page["hebrew"]),
            runtime=numbers[-1] if numbers and int(numbers[-1]) > 0 else "",
            release_year=first_year(details[1]) if len(details) > 1 else "",
        )
        shows = screenings(page["dates"])
        if not shows:
            self.log(f"activity without readable dates: {href}", "warning")
        tickets = checked_link(page["tickets"], r"^https?://")
        for day, time in shows:
            self.emit(film.screening(showtime=time, date_of_showing=day.isoformat(), screening_city=self.city,
                                     screening_type="Regular", screening_tech="2D",
                                     english_href=tickets, hebrew_href=tickets))
