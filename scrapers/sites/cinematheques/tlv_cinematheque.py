"""Tel Aviv Cinematheque (cinema.co.il/en/shown/): one URL per date, 60 days from the site's today.

Story: per date open `?date=YYYY-MM-DD`, wait for the grid (or "no results"), drop the popup overlay,
and per `.festival-grid-box` read the English title (or, when the title has no Latin letters, the
first run of Latin words in the description), year, runtime, and each badge's time and ticket link.
Hebrew titles are not on this page (left empty). Times like "9:30" are stored zero-padded ("09:30",
the schema's HH:MM) by the row writer's normalisation.
"""

from __future__ import annotations

import re

from scrapers.base import BaseScraper, Field, Film
from scrapers.base.dates import days_from
from scrapers.base.normalise import clean_text

DAYS = 60
LATIN_RUN = re.compile(r"[A-Za-z]+(?:\s+[A-Za-z]+)*")
YEAR = re.compile(r"\b(18|19|20)\d{2}\b")
RUNTIME = re.compile(r"Length:\s*(\d+)|(\d+)\s*דקות", re.I)
BOXES = "#nav-date .fest-box-parent-wrapper .festival-grid-box"
BOX = {
    "title": Field(".title h3 a"),
    "info": Field(".title p"),
    "description": Field(".description p"),
    "badges": Field(".content-detail .text-badge a", fields={"href": Field("", "href"), "time": Field("span")}),
}


class TelAvivCinematheque(BaseScraper):
    job = "tlv_cinematheque"
    cinema = "Tel Aviv Cinematheque"
    live_root = "https://www.cinema.co.il"
    sandbox_site = "tlv_cinematheque"
    city = "Tel Aviv"
    remove = (".shown-popup-overlay",)

    def scrape(self) -> None:
        days = self.capped("dates", days_from(self.today(), DAYS))
        self.plan_steps(len(days))
        for day in days:
            self.page.open(self.url(f"/en/shown/?date={day.isoformat()}"))
            found = self.page.wait_any(BOXES, "#nav-date .no-results", what=f"programme of {day}")
            self.page.remove(*self.remove)
            if found == BOXES:
                for box in self.capped("films", self.page.extract(BOXES, BOX)):
                    self.emit_box(box, day.isoformat())
            self.step()

    def emit_box(self, box: dict, day: str) -> None:
        description = clean_text(box["description"])
        film = Film(
            english_title=self.english_title(clean_text(box["title"]), description),
            release_year=self.first(YEAR, clean_text(box["info"])) or self.first(YEAR, description),
            runtime=next((a or b for a, b in RUNTIME.findall(description)), ""),
        )
        for badge in box["badges"]:
            href = badge["href"] or ""
            self.emit(film.screening(
                showtime=clean_text(badge["time"]), date_of_showing=day, screening_city=self.city,
                screening_type="Regular", screening_tech="2D",
                english_href=href, hebrew_href=href.replace("lang=en", "lang=he"),
            ))

    @staticmethod
    def english_title(title: str, description: str) -> str:
        if re.search(r"[A-Za-z]", title):
            return title
        match = LATIN_RUN.search(description)
        return match.group(0) if match else ""

    @staticmethod
    def first(pattern: re.Pattern[str], text: str) -> str:
        match = pattern.search(text)
        return match.group(0) if match else ""
