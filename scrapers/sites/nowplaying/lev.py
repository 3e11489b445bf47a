"""Lev Cinema (lev.co.il/en/): the schedule is on each film page, per branch and day.

Story: open the English home page, take the film links of BOTH tabs ("now playing", and "coming
soon", whose pre-sale films already have screenings) — each film page once, however many tabs list
it (the old scraper read such films twice and stored every screening twice). Per film: the Hebrew
page (the same URL without `/en/`; fetched in the background, its title is in the served HTML)
gives the Hebrew title; the English page gives the English title, the info lines (year, runtime,
language, rating) and the schedule: one block per branch (`h3`), day blocks "Tue 04/08" (no year:
inferred from the site's today, so a December page's January days fall in the next year) and time
links (order URL + `?lang=en` / `?lang=he`). "Dubbed" (or the site's "Dubbded") and "מדובב" are
taken out of the titles into `dub_language`. Always Regular / 2D.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from scrapers.base import BaseScraper, Field, Film, SelectorMissing, SiteTimeout, split_title_markers
from scrapers.base.fetch import fetch_extract
from scrapers.base.normalise import clean_text
from scrapers.base.textparse import checked_link, first_year, parse_runtime
from scrapers.base.yearless import parse_day_month

BRANCH_CITIES = {
    "Lev Smadar": "Jerusalem",
    "Lev Omer": "Omer",
    "Lev Raanana": "Raanana",
    "Lev Shoham": "Shoham",
    "Lev Daniel": "Herziliya",
    "Lev Even Yehuda": "Even Yehuda",
    "Lev Ramat Hasharon": "Ramat Hasharon",
    "Lev Dizengoff": "Tel Aviv",
}
CARDS = "#tab-{tab} ul.featureList li.featureItem"
CARD = {"href": Field("a.featureLink", "href"), "release": Field(".featureDate")}
FILM_PAGE = {"h1": Field("h1"), "info": Field("ul.movie-info li", many=True)}
SCHEDULE_READY = ("#schedule .branch", "#schedule .no-screenings")
BRANCH = {
    "name": Field("h3"),
    "days": Field(".day", fields={"date": Field(".date"),
                                  "times": Field("a.time", fields={"time": Field(""), "href": Field("", "href")})}),
}
LATIN_WORD = re.compile(r"[A-Za-z]+")
ORDER_LINK = re.compile(r"/order/\d+")
EMPTY_TAB_WAIT_S = 5.0  # a tab with no films at all stays empty


@dataclass(frozen=True)
class LevPage:
    """One film as its two pages tell it: the film, dubbing/tech from the titles, the schedule."""

    film: Film
    dub_language: str
    tech: str
    branches: list[dict]


def film_from_info(english: str, hebrew: str, lines: list[str]) -> Film:
    """Info lines: 'Drama | 2026 | 107 min', 'French, Hebrew subtitles' (no Latin word: Hebrew),
    'Age limit: 14+' (the text after ':')."""
    first, second, third = ([clean_text(line) for line in lines] + ["", "", ""])[:3]
    language = LATIN_WORD.search(second)
    return Film(
        english_title=english,
        hebrew_title=hebrew,
        release_year=first_year(first),
        runtime=parse_runtime(first),
        original_language=language.group(0) if language else "Hebrew",
        rating=third.split(":", 1)[1].strip() if ":" in third else "",
    )


def ticket_links(href: str) -> tuple[str, str]:
    """The order page in both languages; no link without an order id (never a broken '…/None')."""
    base = checked_link((href or "").split("?")[0], ORDER_LINK)
    if not base:
        return "", ""
    return f"{base}?lang=en", f"{base}?lang=he"


def hebrew_url(english_url: str) -> str:
    """Lev's Hebrew pages are the English URLs without `/en/`."""
    return english_url.replace("/en/", "/", 1)


class LevCinema(BaseScraper):
    job = "lev"
    cinema = "Lev Cinema"
    live_root = "https://www.lev.co.il"
    sandbox_site = "lev"
    branch_cities = BRANCH_CITIES

    def scrape(self) -> None:
        today = self.today()
        self.open_home()
        links = [card["href"] for tab in (1, 2) for card in self.tab_cards(tab)]
        films = self.capped("films", [href for href in dict.fromkeys(links) if href])
        self.plan_steps(len(films))
        for href in films:
            self.emit_film(self.read_film(href), today)
            self.step()

    # ------------------------------------------------------------------------------ home page
    def open_home(self) -> None:
        self.page.open(self.url("/en/"))

    def tab_cards(self, tab: int) -> list[dict]:
        """The cards of a home-page tab (tab 2 is rendered when clicked), one record per card."""
        cards = CARDS.format(tab=tab)
        if tab == 1:
            self.page.wait_for(cards, "now-playing films")
        else:
            self.page.click(f".tabs a[data-tab='{tab}']", f"home tab {tab}")
            try:
                self.page.wait_for(cards, f"films of tab {tab}", timeout=EMPTY_TAB_WAIT_S)
            except (SelectorMissing, SiteTimeout):
                self.log(f"home tab {tab} lists no films")
                return []
        return self.page.retry_stale(lambda: self.page.extract(cards, CARD), what=f"cards of tab {tab}")

    # ------------------------------------------------------------------------------ film pages
    def read_film(self, english_url: str) -> LevPage:
        hebrew = split_title_markers(self.hebrew_title(hebrew_url(english_url)))
        self.page.open(english_url)
        self.page.wait_any(*SCHEDULE_READY, what="film schedule")
        info = self.page.retry_stale(lambda: self.page.extract("body", FILM_PAGE)[0], what="film details")
        branches = self.page.retry_stale(lambda: self.page.extract("#schedule .branch", BRANCH), what="schedule")
        english = split_title_markers(clean_text(info["h1"]))
        film = film_from_info(english.title, hebrew.title, info["info"])
        return LevPage(film, english.dub_language or hebrew.dub_language, english.tech or hebrew.tech or "2D",
                       branches)

    def hebrew_title(self, url: str) -> str:
        """The Hebrew page's `h1`, fetched without leaving the current page (it is in the served HTML)."""
        titles = [clean_text(t["text"]) for t in fetch_extract(self.page, url, "h1", {"text": Field("")})]
        if not any(titles):
            raise SelectorMissing("h1", url, "Hebrew title")
        return next(t for t in titles if t)

    def emit_film(self, page: LevPage, today: date) -> None:
        for branch in self.capped("branches", page.branches):
            for day in self.capped("dates", branch["days"]):
                when = parse_day_month(day["date"], today)
                if when is None:
                    self.log(f"unreadable day {day['date']!r} of {page.film.english_title or page.film.hebrew_title}",
                             "warning")
                    continue
                for link in day["times"]:
                    english, hebrew = ticket_links(link["href"])
                    self.emit(page.film.screening(
                        showtime=link["time"], date_of_showing=when.isoformat(), screening_city=branch["name"],
                        screening_type="Regular", screening_tech=page.tech, dub_language=page.dub_language,
                        english_href=english, hebrew_href=hebrew,
                    ))
