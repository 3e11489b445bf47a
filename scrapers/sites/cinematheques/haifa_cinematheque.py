"""Haifa Cinematheque (haifacin.co.il): the monthly programme, one event page per screening.

Story: open the programme, wait for its list, scroll `#ajaxFetcher` into view until no more items
come (infinite scroll), collect each item's event link (once), then per event page read the Hebrew
title (`h1.slide_title`), the English title (mostly ALL CAPS, kept as printed; may be empty), date
("…, 04.08.26"), time, year (first `strong` of the details, only if it is a year) and the ticket link
(`BuyTickets.php?event=N`, the same for both languages). An event without a date or time is logged
and skipped, never stored half-filled.
"""

from __future__ import annotations

from scrapers.base import BaseScraper, Field, Film
from scrapers.base.dates import parse_dmy
from scrapers.base.normalise import clean_text
from scrapers.base.textparse import checked_link, first_year

PROGRAMME = "/Events/trom/תוכנית_החודש"
ITEMS = "#portfoliolist > div"
TICKETS = r"/BuyTickets\.php\?event=\d+$"
EVENT = {
    "hebrew": Field("h1.slide_title"),
    "english": Field(".slide_info_event .slide_content"),
    "date": Field(".event-details-date"),
    "time": Field(".event-details-time"),
    "year": Field(".event-details-content strong"),
    "tickets": Field("section.event-info a.ticketsPopup", "href"),
}


class HaifaCinematheque(BaseScraper):
    job = "haifa_cinematheque"
    cinema = "Haifa Cinematheque"
    live_root = "https://www.haifacin.co.il"
    sandbox_site = "haifa_cinematheque"
    city = "Haifa"

    def scrape(self) -> None:
        self.page.open(self.url(PROGRAMME))
        self.page.wait_for("#portfoliolist", "programme list")
        self.page.wait_any(ITEMS, "#portfoliolist .no-events", what="programme items")
        self.page.infinite_scroll("#ajaxFetcher", ITEMS, max_rounds=60)
        links = self.page.retry_stale(lambda: self.page.extract(ITEMS, {"href": Field("a.ethos-more", "href")}),
                                      what="programme items")
        events = self.capped("films", dict.fromkeys(item["href"] for item in links if item["href"]))
        self.log(f"{len(events)} events in the programme")
        self.plan_steps(len(events))
        for href in events:
            self.read_event(href)
            self.step()

    def read_event(self, href: str) -> None:
        self.page.open(href)
        self.page.wait_for("h1.slide_title", "event title")
        event = self.page.extract("body", EVENT)[0]
        day = parse_dmy((event["date"] or "").split(",")[-1])
        time = clean_text(event["time"])
        if day is None or not time:
            self.log(f"event without date/time skipped: {href} ({event['date']!r} {event['time']!r})", "warning")
            return
        tickets = checked_link(event["tickets"], TICKETS)
        film = Film(english_title=clean_text(event["english"]), hebrew_title=clean_text(event["hebrew"]),
                    release_year=first_year(event["year"] or ""))
        self.emit(film.screening(showtime=time, date_of_showing=day.isoformat(), screening_city=self.city,
                                 screening_type="Regular", screening_tech="2D",
                                 english_href=tickets, hebrew_href=tickets))
