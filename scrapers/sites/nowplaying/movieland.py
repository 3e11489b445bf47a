"""MovieLand (movieland.co.il, Hebrew): per theatre, a bootstrap datepicker over two months.

Story: open the films page, answer the push-notification prompt, accept GDPR and close the
theatre-chooser modal; take the theatre links from the header menu. Per theatre: the city is the
page `h1`; walk every selectable day of the `#events-list` datepicker (this month and the next) and
read the day's film blocks: name ("(מדובב)" → dubbed into Hebrew, 3D/HFR → tech), the day label of
each group ("יום שלישי 04.08": today's list also holds the previous day's late screenings, so the
date is read per group, never assumed) and the order links (`span` = time; a VIP icon = "Upgrade";
the same link serves both languages). Film pages are read once per film link (not looked up by
name), fetched in the background: their details are in the served HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from scrapers.base import BaseScraper, Field, Film, SelectorMissing
from scrapers.base.datepicker import Datepicker, DatepickerWalk
from scrapers.base.dates import parse_dmy
from scrapers.base.fetch import fetch_extract
from scrapers.base.normalise import clean_text
from scrapers.base.runtimes import PLACEHOLDER_RUNTIMES, runtime_minutes
from scrapers.base.textparse import checked_link, first_year
from scrapers.base.variants import variant_of
from scrapers.base.yearless import parse_day_month

BRANCH_CITIES = {
    "כרמיאל": "Carmiel",
    "חיפה": "Haifa",
    "נתניה": "Netanya",
    "עפולה": "Afula",
    'הצוק ת"א': "Glilot",
    'עזריאלי ת"א Summer Sky': "Azrieli Rooftop",
    'עזריאלי ת"א- Summer Sky': "Azrieli Rooftop",
}
UNKNOWN = "יעודכן בקרוב"  # "to be updated soon": no value
DETAIL_LABELS = {"תאריך יציאה": "release_date", "הגבלת גיל": "rating", "משך": "runtime", "שנת הפקה": "release_year",
                 "שפה": "original_language"}
FILM_PAGE = {
    "box": Field("#change-bg .bg-more-b", "class"),
    "ltr": Field("#change-bg .IsLtr", "class"),
    "hebrew": Field("#change-bg .bg-more-b .movie-name-heb"),
    "english": Field("#change-bg .bg-more-b .movie-name-eng"),
    "details": Field("#change-bg .bg-more-b .movie-details li", many=True),
}
BLOCKS = "#events-list .events-results .bg-choose"
BLOCK = {
    "name": Field("h3.movie-name"),
    "href": Field("h3.movie-name a", "href"),
    "days": Field(".bg-day", fields={
        "label": Field(".bg-day-c"),
        "links": Field("a.order-link", fields={"time": Field("span"), "href": Field("", "href"),
                                               "html": Field("", "html")}),
    }),
}
PICKER = Datepicker(opener="#events-list .datepicker-toggle")
ORDER_LINK = re.compile(r"/order/\?eventID=\d+")
VIP_ICON = re.compile(r"<img[^>]*vip", re.I)


@dataclass(frozen=True)
class FilmPage:
    film: Film
    foreign: bool  # a left-to-right page: the film's foreign-language (e.g. Russian) version
    dub_language: str
    tech: str


@dataclass(frozen=True)
class Day:
    day: date
    blocks: list[dict]


class MovieLand(BaseScraper):
    job = "movieland"
    cinema = "MovieLand"
    live_root = "https://movieland.co.il"
    sandbox_site = "movieland"
    branch_cities = BRANCH_CITIES
    loaders = (".events-loader.loading",)
    accept = ("#chooseTheaterModalCenter .close",)
    remove = (".modal-backdrop",)
    placeholder_runtimes = PLACEHOLDER_RUNTIMES

    def scrape(self) -> None:
        self.open_site("/movies")
        theaters = self.capped("branches", self.theater_links())
        self.plan_steps(len(theaters))
        films: dict[str, Film] = {}
        for href in theaters:
            city, days = self.walk_theater(href)
            for day in days:
                for block in self.capped("films", day.blocks):
                    self.emit_block(block, day.day, city, films)
            self.step()

    # ------------------------------------------------------------------------------ site and theatres
    def open_site(self, path: str) -> None:
        """Open a page and answer what pops up on a first visit: GDPR, theatre chooser, push prompt."""
        self.page.open(self.url(path))
        for button in (".gdpr-accept", "#chooseTheaterModalCenter .close", "#sbuzz-confirm"):
            self.page.accept_cookies(button)
        self.page.remove(*self.remove)

    def theater_links(self) -> list[str]:
        menu = "#primary-menu > li.menu-item-has-children .sub-menu a"
        self.page.wait_for(menu, "theatre menu")
        return [href for href in dict.fromkeys(a["href"] for a in self.page.extract(menu, {"href": Field("", "href")}))
                if href]

    def walk_theater(self, href: str) -> tuple[str, list[Day]]:
        self.page.open(href)
        city = self.page.wait_text(".inner-page-header h1", bool, "theatre name")
        walk = DatepickerWalk(self.page, PICKER, months=2)
        return city, list(walk.days(self.read_day, limit=self.caps.dates))

    def read_day(self, day: date) -> Day:
        self.page.wait_text("#events-list .events-date", lambda text: parse_dmy(text) == day, f"screenings of {day}")
        self.page.wait_gone(".events-loader.loading", "screenings loader")
        found = self.page.wait_any(BLOCKS, "#events-list .no-results", what=f"films of {day}")
        return Day(day, self.page.extract(BLOCKS, BLOCK) if found == BLOCKS else [])

    # ------------------------------------------------------------------------------ films and rows
    def emit_block(self, block: dict, day: date, city: str, films: dict[str, Film]) -> None:
        version = variant_of(clean_text(block["name"]))
        href = block["href"] or ""
        if href not in films:
            films[href] = self.read_film_page(href).film if href else Film(hebrew_title=version.title,
                                                                             english_title=version.title)
        for group in block["days"]:
            when = parse_day_month(group["label"], day)
            if when is None:
                self.log(f"unreadable day {group['label']!r} of {version.title}", "warning")
                continue
            for link in group["links"]:
                order = checked_link(link["href"], ORDER_LINK)
                self.emit(films[href].screening(
                    showtime=link["time"], date_of_showing=when.isoformat(), screening_city=city,
                    screening_type="Upgrade" if VIP_ICON.search(link["html"] or "") else "Regular",
                    screening_tech=version.dimension, dub_language=version.dub_language,
                    english_href=order, hebrew_href=order,
                ))

    def read_film_page(self, href: str) -> FilmPage:
        info = next(iter(fetch_extract(self.page, href, "body", FILM_PAGE)), {})
        if info.get("box") is None:
            raise SelectorMissing("#change-bg .bg-more-b", href, "film details")
        details: dict[str, str] = {}
        for item in info["details"]:
            label, _, value = clean_text(item).partition(":")
            name = DETAIL_LABELS.get(label.strip())
            if name:
                details[name] = "" if value.strip() == UNKNOWN else value.strip()
        hebrew, english = variant_of(clean_text(info["hebrew"])), variant_of(clean_text(info["english"]))
        release = parse_dmy(details.get("release_date", ""))
        film = Film(
            english_title=english.title or hebrew.title,
            hebrew_title=hebrew.title,
            original_language=details.get("original_language", ""),
            release_year=first_year(details.get("release_year", "")),
            release_date=release.isoformat() if release else "",
            runtime=runtime_minutes(details.get("runtime", ""), self.placeholder_runtimes),
            rating=details.get("rating", ""),
        )
        return FilmPage(film, bool(info["ltr"]), hebrew.dub_language or english.dub_language,
                        hebrew.tech or english.tech)
