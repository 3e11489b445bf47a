"""Jaffa Cinema (jaffacinema.com): a Hebrew page and an English page of the same film cards.

Story: read every film card of the Hebrew page `/` and of the English page `/en/main/`; pair the two
by IDENTITY — the smarticket screening links both pages share (else the film's slug) — never by
position (the pages order films differently). Per English card: the title without its subtitle
note, runtime and director from the first description line "1h 38m | Director, Country, Year"
(runtime parsed, never 0; a year is never taken as the director), year from that line, and each
screening's "dd/mm, <day> HH:MM" (year inferred from today) with its smarticket link. Films only on
the Hebrew page are still stored, with what that page says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from scrapers.base import BaseScraper, Field, Film
from scrapers.base.normalise import clean_text
from scrapers.base.textparse import checked_link, first_year, parse_runtime, strip_subtitle_note
from scrapers.base.yearless import parse_day_month

CARDS = ".jaffa-movies article.jaffa-movie-card"
CARD = {
    "title": Field("h2.jaffa-movie-card__title"),
    "link": Field("a.jaffa-movie-card__link", "href"),
    "first_line": Field(".jaffa-movie-card__description p"),
    "screenings": Field("a.jaffa-movie-card__screening, .jaffa-movie-card__screenings > p", fields={
        "text": Field(""), "own": Field("", "href"), "inner": Field("a", "href"),
    }),
}
TICKETS = r"smarticket\.co\.il/.*event/\d+"
TIME = re.compile(r"\b(\d{1,2}:\d{2})\b")


@dataclass(frozen=True)
class Card:
    title: str
    slug: str
    first_line: str
    screenings: tuple[tuple[str, str], ...]  # (date text, ticket link)


def credits(first_line: str) -> tuple[str, str]:
    """'1h 38m | Wong Kar-wai, Hong Kong, 2000' → ('98', 'Wong Kar-wai'); parts may be missing."""
    runtime, director = "", ""
    for part in (clean_text(p) for p in first_line.split("|")):
        if not runtime and parse_runtime(part) and not re.search(r"[,]", part):
            runtime = parse_runtime(part)
            continue
        head = clean_text(part.split(",")[0])
        if head and not director and not re.fullmatch(r"\d{4}", head) and not parse_runtime(head):
            director = head
    return runtime, director


class JaffaCinema(BaseScraper):
    job = "jaffa_cinema"
    cinema = "Jaffa Cinema"
    live_root = "https://www.jaffacinema.com"
    sandbox_site = "jaffa_cinema"
    city = "Jaffa"

    def scrape(self) -> None:
        self.plan_steps(2)
        hebrew = self.read_cards("/", "Hebrew page")
        english = self.read_cards("/en/main/", "English page")
        today = self.today()
        pairs = [(card, self.partner(card, hebrew)) for card in english]
        paired = {partner for _, partner in pairs if partner is not None}
        only_hebrew = [(None, card) for card in hebrew if card not in paired]
        if only_hebrew:
            self.log(f"{len(only_hebrew)} films only on the Hebrew page")
        for english_card, hebrew_card in self.capped("films", pairs + only_hebrew):
            self.emit_card(english_card, hebrew_card, today)

    def read_cards(self, path: str, what: str) -> list[Card]:
        self.page.open(self.url(path))
        self.page.wait_for(".jaffa-movies", what)
        self.page.wait_for(CARDS, f"film cards of the {what}")
        raw = self.page.retry_stale(lambda: self.page.extract(CARDS, CARD), what=what)
        self.step()
        return [Card(
            title=strip_subtitle_note(clean_text(c["title"])),
            slug=(c["link"] or "").rstrip("/").rsplit("/", 1)[-1],
            first_line=clean_text(c["first_line"]),
            screenings=tuple((clean_text(s["text"]), s["own"] or s["inner"] or "") for s in c["screenings"]),
        ) for c in raw]

    @staticmethod
    def partner(card: Card, others: list[Card]) -> Card | None:
        """The other page's card of the same film: a shared screening link, else the same slug."""
        links = {link for _, link in card.screenings if link}
        return (next((o for o in others if links & {link for _, link in o.screenings}), None)
                or next((o for o in others if card.slug and o.slug == card.slug), None))

    def emit_card(self, english: Card | None, hebrew: Card | None, today: date) -> None:
        main = english or hebrew
        assert main is not None
        runtime, director = credits(main.first_line)
        film = Film(
            english_title=english.title if english else "",
            hebrew_title=hebrew.title if hebrew else "",
            release_year=first_year(main.first_line),
            runtime=runtime,
            directed_by=director,
        )
        for text, link in main.screenings:
            day, time = parse_day_month(text, today), TIME.search(text)
            if day is None or time is None:
                self.log(f"screening without date/time skipped: {main.title}: {text!r}", "warning")
                continue
            tickets = checked_link(link, TICKETS)
            self.emit(film.screening(
                showtime=time.group(1), date_of_showing=day.isoformat(), screening_city=self.city,
                screening_type="Regular", screening_tech="2D", english_href=tickets, hebrew_href=tickets,
            ))
