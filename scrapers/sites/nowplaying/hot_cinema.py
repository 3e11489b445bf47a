"""Hot Cinema (hotcinema.co.il, Hebrew UI): per branch, every day of a two-month datepicker.

Story: open "showing now" and take the branches from the header's "choose cinema" menu; per branch
page (`/theater/<id>/…`, name in `h1`) open the jQuery datepicker and click every selectable day of two
months; per day read the schedule table: a row per film version (Hebrew title with its dubbing/3D
markers, a link to the film page) and its showtime buttons, whose badges give the hall (PREMIUM, "לא
רק קולנוע") and Atmos. The ticket link's EventId is in the Vue component of each button, paired with
the button itself (no `…-None` links: a button without an event gets no link and a warning). Film
pages are read once per film: English `h2`, Hebrew `h1`, year, runtime ("0" = unknown), rating;
a page refused with 403 is skipped with its showtimes. Russian/Arabic dubbing and "Comedy Bar" are
skipped. Lightbox, backdrop, popup and site notice are dismissed when they block a click.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from scrapers.base import BaseScraper, Field, Film
from scrapers.base.access import open_unless_forbidden
from scrapers.base.bindings import vue
from scrapers.base.datepicker import Datepicker, DatepickerWalk
from scrapers.base.dates import parse_dmy
from scrapers.base.normalise import clean_text
from scrapers.base.runtimes import runtime_minutes
from scrapers.base.variants import variant_of

BRANCH_CITIES = {
    "HOT CINEMA כרמיאל": "Carmiel", "HOT CINEMA נהריה": "Nahariya", "HOT CINEMA קריון": "Kiryat Bialik",
    "HOT CINEMA חיפה": "Haifa", "HOT CINEMA כפר סבא": "Kfar Saba", "HOT CINEMA פתח תקווה": "Petach Tikvah",
    "HOT CINEMA מודיעין": "Modiin", "HOT CINEMA רחובות": "Rehovot", "HOT CINEMA אשדוד": "Ashdod",
    "HOT CINEMA אשקלון": "Ashkelon",
}
# theatre id in the site's URLs → site id of the ticketing system
SITE_IDS = {16: 1197, 14: 1194, 1: 1183, 17: 1191, 9: 1195, 2: 1184, 15: 1192, 6: 1181, 8: 1193, 5: 1182,
            3: 1196, 22: 1198}
TICKETS = "https://tickets.hotcinema.co.il/site/{site}/tickets?code={site}-{event}&languageid={lang}"
HALL_BADGES = (("לא רק קולנוע", "Not Just Cinema"), ("PREMIUM", "Premium"))
SKIP_TITLES = ("comedy bar",)
SKIP_DUBS = ("Russian", "Arabic")
SCHEDULE_ROWS = "#schedule .schedule-table tr.movie-row"
ROW = {"title": Field("td.movie-name"), "href": Field("td.movie-name a", "href"),
       "times": Field("td.times a.show-time", fields={"html": Field("", "html"), "event": vue("event.EventId")})}
FILM_PAGE = {"hebrew": Field(".movie-details h1"), "english": Field(".movie-details h2"),
             "info": Field(".movie-details .movie-info-line"), "runtime": Field(".movie-details .length span"),
             "rating": Field(".movie-details .age span"), "premiere": Field(".movie-details .premiere span")}
PICKER = Datepicker(opener=".datepicker-wrapper input")


@dataclass
class Showing:
    """One showtime button as read from a day's schedule (film known only by its page link)."""

    film_href: str
    title: str
    day: date
    time: str
    html: str
    event: int | str | None  # the EventId bound to the button (None: no event)


@dataclass
class BranchDays:
    city: str
    site_id: int | None
    showings: list[Showing] = field(default_factory=list)


def film_from_page(info: dict) -> Film:
    """A film page's fields: year = last token of the info line when it is four digits."""
    tokens = clean_text(info["info"]).replace("|", " ").split()
    year = tokens[-1] if tokens and re.fullmatch(r"(19|20)\d{2}", tokens[-1]) else ""
    premiere = parse_dmy(info.get("premiere") or "")
    return Film(english_title=clean_text(info["english"]), hebrew_title=clean_text(info["hebrew"]),
                release_year=year, runtime=runtime_minutes(info["runtime"]), rating=clean_text(info["rating"]),
                release_date=premiere.isoformat() if premiere else "")


def showtime(button_html: str) -> str:
    """The "HH:MM" of a showtime button (its badges are markup around it)."""
    match = re.search(r"\b\d{1,2}:\d{2}\b", re.sub(r"<[^>]*>", " ", button_html or ""))
    return match.group(0) if match else ""


def hall_of(button_html: str) -> tuple[str, str]:
    """(screening_type, tech suffix) from a showtime button's badges."""
    text = button_html or ""
    hall = next((name for badge, name in HALL_BADGES if badge.lower() in text.lower()), "Regular")
    return hall, "Atmos" if "atmos" in text.lower() else ""


class HotCinema(BaseScraper):
    job = "hot_cinema"
    cinema = "Hot Cinema"
    live_root = "https://hotcinema.co.il"
    sandbox_site = "hot_cinema"
    branch_cities = BRANCH_CITIES
    loaders = (".schedule-loader.loading",)
    accept = ("#site-notice a.confirm", ".hc-popup .popup-close")
    remove = ("#liteboxFormat14", ".pp-backdrop")

    def scrape(self) -> None:
        self.page.open(self.url("/ShowingNow"))
        branches = self.capped("branches", self.branch_links())
        self.plan_steps(len(branches))
        films: dict[str, Film | None] = {}
        for href in branches:
            branch = self.walk_branch(href)
            self.read_films({s.film_href for s in branch.showings} - set(films), films)
            for showing in branch.showings:
                self.emit_showing(showing, branch, films.get(showing.film_href))
            self.step()

    def branch_links(self) -> list[str]:
        self.page.wait_for(".choose-cinema a[href*='/theater/']", "choose-cinema menu")
        links = self.page.extract(".choose-cinema a[href*='/theater/']", {"href": Field("", "href")})
        return list(dict.fromkeys(link["href"] for link in links if link["href"]))

    def walk_branch(self, href: str) -> BranchDays:
        self.page.open(href)
        name = self.page.wait_text(".branch-header h1", bool, "branch name")
        match = re.search(r"/theater/(\d+)", href)
        site_id = SITE_IDS.get(int(match.group(1))) if match else None
        if site_id is None:
            self.log(f"no ticketing site id for {href}: its showtimes get no ticket link", "warning")
        branch = BranchDays(clean_text(name), site_id)
        walk = DatepickerWalk(self.page, PICKER, months=2)
        for showings in walk.days(self.read_day, limit=self.caps.dates):
            branch.showings.extend(showings)
            self.check_cancelled()
        return branch

    def read_day(self, day: date) -> list[Showing]:
        self.page.wait_text("#schedule .schedule-date", lambda t: parse_dmy(t) == day, f"schedule of {day}")
        self.page.wait_gone(".schedule-loader", "schedule loader")
        rows = self.page.extract(SCHEDULE_ROWS, ROW)
        return [Showing(row["href"] or "", clean_text(row["title"]), day, showtime(button["html"]), button["html"],
                        button["event"])
                for row in self.capped("films", rows) for button in row["times"]]

    def read_films(self, hrefs: set[str], films: dict[str, Film | None]) -> None:
        for href in sorted(h for h in hrefs if h):
            if not open_unless_forbidden(self.page, href):
                self.log(f"film page refused (403), its showtimes skipped: {href}", "warning")
                films[href] = None
                continue
            self.page.wait_for(".movie-details h1", "film page")
            films[href] = film_from_page(self.page.extract("body", FILM_PAGE)[0])

    def emit_showing(self, showing: Showing, branch: BranchDays, film: Film | None) -> None:
        variant = variant_of(showing.title)
        if film is None or variant.dub_language in SKIP_DUBS or variant.title.lower() in SKIP_TITLES:
            return
        hall, atmos = hall_of(showing.html)
        event, site = showing.event, branch.site_id
        links = {lang: TICKETS.format(site=site, event=event, lang=lang) if event and site else ""
                 for lang in ("en_gb", "he_IL")}
        if not event:
            self.log(f"no event id for {variant.title} {showing.day} {showing.time}: stored without a link")
        self.emit(film.but(release_date="").screening(
            showtime=showing.time, date_of_showing=showing.day.isoformat(), screening_city=branch.city,
            screening_type=hall, screening_tech=f"{variant.dimension} {atmos}".strip(),
            dub_language=variant.dub_language, english_href=links["en_gb"], hebrew_href=links["he_IL"],
        ))
