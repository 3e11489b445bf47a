"""Sam Spiegel Cinema (cinema.jsfs.co.il): the Hebrew programme, an Elementor loop of screenings.

Story: open the programme, wait for the loop grid, press "load more" until it goes, then per loop
item: split the heading "Hebrew | English" on "|" (first and last parts; swapped when the scripts
say they are reversed), the date "dd/mm" with the year inferred from today, the time, and from the
info line the part with "דקות" (runtime) and the year; the ticket link is the item's own link.
"""

from __future__ import annotations

import re

from scrapers.base import BaseScraper, Field, Film
from scrapers.base.normalise import clean_text
from scrapers.base.textparse import checked_link, first_year, parse_runtime, split_bilingual
from scrapers.base.yearless import parse_day_month

PROGRAMME = "/לוח-הקרנות/"
ITEMS = ".elementor-loop-container .e-loop-item"
ITEM = {
    "heading": Field(".elementor-heading-title"),
    "link": Field(".elementor-heading-title a", "href"),
    "date": Field(".screening-date"),
    "time": Field(".screening-time"),
    "info": Field(".screening-info"),
}
TIME = re.compile(r"\b(\d{1,2}:\d{2})\b")


class SamSpiegel(BaseScraper):
    job = "sam_spiegel"
    cinema = "Sam Spiegel Cinema"
    live_root = "https://cinema.jsfs.co.il"
    sandbox_site = "sam_spiegel"
    city = "Jerusalem"
    remove = (".elementor-popup-modal",)

    def scrape(self) -> None:
        self.page.open(self.url(PROGRAMME))
        self.page.wait_for(".elementor-loop-container", "programme grid")
        self.page.wait_any(ITEMS, ".e-loop-nothing-found-message", what="programme items")
        self.page.remove(*self.remove)
        self.page.load_more(".e-loop__load-more a", ITEMS, max_rounds=40)
        items = self.capped("films", self.page.retry_stale(lambda: self.page.extract(ITEMS, ITEM), what="programme"))
        self.plan_steps(len(items))
        today = self.today()
        for item in items:
            hebrew, english = split_bilingual(item["heading"] or "")
            day, time = parse_day_month(item["date"] or "", today), TIME.search(item["time"] or "")
            if day is None or time is None:
                self.log(f"screening without date/time skipped: {item['heading']!r}", "warning")
                continue
            parts = [clean_text(p) for p in (item["info"] or "").split("|")]
            film = Film(
                english_title=english, hebrew_title=hebrew,
                runtime=next((parse_runtime(p) for p in parts if "דקות" in p and parse_runtime(p)), ""),
                release_year=next((first_year(p) for p in parts if re.fullmatch(r"\d{4}", p)), ""),
            )
            href = checked_link(item["link"], r"^https?://")
            self.emit(film.screening(
                showtime=time.group(1), date_of_showing=day.isoformat(), screening_city=self.city,
                screening_type="Regular", screening_tech="2D", english_href=href, hebrew_href=href,
            ))
            self.step()
