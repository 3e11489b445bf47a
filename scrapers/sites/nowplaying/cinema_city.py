"""Cinema City (cinema-city.co.il, Hebrew UI): the film catalogue, then the quick-booking bar.

Story: open the home page; load the whole catalogue ("load more") and read each card's Hebrew title,
English title (empty → the Hebrew one), runtime and rating; then walk the red quick-booking bar's
cascading dropdowns branch → hall type → film → day, and read the day's hours with the EventId that
Knockout bound to each (`ko.dataFor`) → `https://tickets.cinema-city.co.il/order/<EventId>?lang=en|he`.
A film's versions are in its Hebrew title: dubbed (Hebrew/French) and 3D/HFR become fields; Russian
dubbing and French/Russian subtitles are skipped. Popups (flashy, chat, GDPR) are removed when they
get in the way of a click.
"""

from __future__ import annotations

from scrapers.base import BaseScraper, Field, Film
from scrapers.base.bindings import ko
from scrapers.base.dates import parse_dmy
from scrapers.base.dropdowns import Cascade, Dropdown
from scrapers.base.normalise import clean_text
from scrapers.base.runtimes import runtime_minutes
from scrapers.base.variants import Variant, variant_of

BRANCH_CITIES = {
    "סינמה סיטי גלילות": "Glilot",
    "סינמה סיטי ראשון לציון": "Rishon Letzion",
    "סינמה סיטי ירושלים": "Jerusalem",
    "סינמה סיטי כפר סבא": "Kfar Saba",
    "סינמה סיטי נתניה": "Netanya",
    "סינמה סיטי באר שבע": "Beer Sheva",
    "סינמה סיטי אשדוד": "Ashdod",
    "סינמה סיטי חדרה": "Chadera",
}
# hall type in the bar → (screening_type, what it adds to the projection)
HALLS = {"רגיל": ("Regular", ""), "VIP": ("VIP", ""), "Lounge": ("Lounge", ""), "Prime": ("Prime", ""),
         "ONYX": ("Regular", "ONYX")}
SKIP_DUBS = ("Russian",)
SKIP_SUBTITLES = ("French", "Russian")
TICKETS = "https://tickets.cinema-city.co.il/order/{event}?lang={lang}"
CARDS = "#moviesContainer .mainThumbWrapper .movie-thumb"
CARD = {
    "title": Field(".thumb-text h4"),
    "english": Field(".thumb-text > p", "textContent"),
    "info": Field(".movie-info p", fields={"label": Field(".lbl"), "value": Field(".val")}),
}
HOUR = {"time": Field("", "textContent"), "event": ko("EventId")}
BAR = (("branch", "ddlCinema"), ("hall", "ddlType"), ("film", "ddlMovie"), ("day", "ddlDate"), ("hour", "ddlHour"))


def card_info(card: dict) -> dict[str, str]:
    """The card's "label: value" lines by label (never by position)."""
    return {clean_text(i["label"]).rstrip(":"): clean_text(i["value"]) for i in card["info"] if i["label"]}


def skipped(variant: Variant) -> bool:
    return variant.dub_language in SKIP_DUBS or variant.subtitles in SKIP_SUBTITLES


class CinemaCity(BaseScraper):
    job = "cinema_city"
    cinema = "Cinema City"
    live_root = "https://www.cinema-city.co.il"
    sandbox_site = "cinema_city"
    branch_cities = BRANCH_CITIES
    remove = ("#gdpr-module-message",)

    def scrape(self) -> None:
        self.page.open(self.url("/"))
        catalogue = self.read_catalogue()
        caps = {"branch": self.caps.branches, "film": self.caps.films, "day": self.caps.dates}
        levels = [Dropdown(name, f"#{ident} dt a", f"#{ident} dd ul li a", caps.get(name)) for name, ident in BAR]
        cascade = Cascade(self.page, levels, skip=lambda level, label: level == "film" and skipped(variant_of(label)))
        cascade.wait_options(levels[0])
        self.plan_steps(len(self.capped("branches", cascade.labels(levels[0]))))
        current = None
        for branch, hall, title, day in cascade.paths():
            if current is not None and branch != current:
                self.step()
            current = branch
            self.check_cancelled()
            self.emit_hours(catalogue, branch, hall, title, day, levels[-1].options)
        self.step()

    def read_catalogue(self) -> dict[str, Film]:
        """Hebrew title as printed → the film's card data."""
        self.page.wait_for(CARDS, "film catalogue")
        self.page.load_more("#change-bg .movie-more-wrapper a", CARDS)
        films: dict[str, Film] = {}
        for card in self.page.extract(CARDS, CARD):
            info = card_info(card)
            printed = clean_text(card["title"])
            bare = variant_of(printed).title
            films[printed] = Film(english_title=clean_text(card["english"]) or bare, hebrew_title=bare,
                                  runtime=runtime_minutes(info.get("אורך")), rating=info.get("הגבלת גיל", ""))
        return films

    def emit_hours(self, catalogue: dict[str, Film], branch: str, hall: str, title: str, day_label: str,
                   hours_css: str) -> None:
        variant = variant_of(title)
        film = catalogue.get(title) or Film(english_title=variant.title, hebrew_title=variant.title)
        if title not in catalogue:
            self.log(f"{title!r} is in the booking bar but not in the catalogue", "warning")
        day = parse_dmy(day_label)
        if day is None:
            self.log(f"no date in the day option {day_label!r}: skipped", "warning")
            return
        screening_type, extra_tech = HALLS.get(hall, (hall, ""))
        hours = self.page.retry_stale(lambda: self.page.extract(hours_css, HOUR), what="hours")
        for hour in hours:
            event = hour["event"]
            self.emit(film.screening(
                showtime=clean_text(hour["time"]), date_of_showing=day.isoformat(), screening_city=branch,
                screening_type=screening_type, screening_tech=f"{variant.dimension} {extra_tech}".strip(),
                dub_language=variant.dub_language,
                english_href=TICKETS.format(event=event, lang="en") if event else "",
                hebrew_href=TICKETS.format(event=event, lang="he") if event else "",
            ))
