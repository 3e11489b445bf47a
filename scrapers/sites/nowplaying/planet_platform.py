"""The ticketing platform Yes Planet and Rav Hen share: its vocabulary and the scrape, told once.

Story: open the home page, accept OneTrust, collect film links from both carousels (now showing and
pre-sale), then per branch: open the location picker, choose the branch, open the inline datepicker
and click every selectable day; per day read the film blocks, their per-format sub-blocks and time
links. Film pages (#more-info) are read once per film, only for films that have screenings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import ClassVar

from scrapers.base import BaseScraper, Field, Film
from scrapers.base.dates import parse_dmy
from scrapers.base.normalise import clean_text, normalise_number

# Format codes = the attribute <li> texts of a sub-block joined (e.g. "VIP LIGHT" + "3D").
PLANET_TYPES = {"": "Regular", "VIP": "VIP", "VIP LIGHT": "VIP Light"}
PLANET_TECHS = {
    "2D": "2D", "3D": "3D", "IMAX2D": "2D IMAX", "IMAX3D": "3D IMAX", "4DX2D": "2D 4DX", "4DX3D": "3D 4DX",
    "SCREENX2D": "2D ScreenX", "SCREENX3D": "3D ScreenX",
}
# #more-info labels (English and Hebrew UI) → Film fields.
INFO_LABELS = {
    "hebrew title": "hebrew_title", "שם בעברית": "hebrew_title",
    "director": "directed_by", "במאי": "directed_by",
    "year": "release_year", "שנת הפקה": "release_year",
    "language": "original_language", "שפה": "original_language",
    "rating": "rating", "הגבלת גיל": "rating",
    "release date": "release_date", "תאריך יציאה": "release_date",
}
RUNTIME_UNKNOWN = ("יעודכן בקרוב", "to be updated")
SKIP_LINK_SUFFIXES = ("s2r2", "d2r1")  # event/duplicate cards (e.g. gaming live)
PRESALE_MARKERS = ("להזמנת כרטיסים במכירה מוקדמת", "pre-order your tickets now")

SCHEDULE = {
    "name": Field("h3"),
    "placeholder": Field("h4"),
    "formats": Field(".qb-movie-info-column", fields={
        "attributes": Field("ul.qb-movie-attributes li:not(.lang-attributes)", many=True),
        "lang": Field("li.lang-attributes"),
        "times": Field("a.btn", fields={"time": Field(""), "url": Field("", "data-url")}),
    }),
}
FILM_PAGE = {
    "h1": Field("h1"),
    "labels": Field("#more-info dt", many=True),
    "values": Field("#more-info dd", many=True),
    "runtime": Field(".movie-details p.runtime"),
}


def format_code(attributes: list[str]) -> tuple[str, str]:
    """(screening_type, screening_tech) of a sub-block's attribute texts, e.g. ['VIP LIGHT', '3D']."""
    code = "".join(a.strip().upper() for a in attributes if a and a.strip())
    for prefix in sorted(PLANET_TYPES, key=len, reverse=True):
        if code.startswith(prefix) and code[len(prefix):] in PLANET_TECHS:
            return PLANET_TYPES[prefix], PLANET_TECHS[code[len(prefix):]]
    return "Regular", code or "2D"


def ticket_links(data_url: str) -> tuple[str, str]:
    """data-url → (English link, Hebrew link): '/api' removed, lang=en → lang=he."""
    english = data_url.replace("/api/", "/", 1)
    return english, english.replace("lang=en", "lang=he")


def picker_day(epoch_ms: str) -> date:
    """Bootstrap datepicker cells carry `data-date` = UTC midnight in milliseconds."""
    return datetime.fromtimestamp(int(epoch_ms) / 1000, UTC).date()


@dataclass
class DaySchedule:
    day: date
    films: list[dict]


class PlanetPlatformScraper(BaseScraper):
    """Subclasses set the chain's class attributes below; the story is the same."""

    start_path: ClassVar[str] = "/"
    city_prefixes: ClassVar[tuple[str, ...]] = ()  # h2 text before the branch name
    dub_words: ClassVar[tuple[str, ...]] = ()  # lang-attribute text meaning dubbed (→ Hebrew)
    skip_lang_words: ClassVar[tuple[str, ...]] = ()  # lang-attribute text meaning "skip this block"
    branch_prefix: ClassVar[str] = ""  # chain name before the branch's place, e.g. "PLANET "
    reads_director: ClassVar[bool] = True
    default_language: ClassVar[str] = ""  # language when the page shows none
    loaders: ClassVar[tuple[str, ...]] = (".qb-loader.loading",)

    def scrape(self) -> None:
        self.open_home()
        films = self.film_links()
        branches = self.capped("branches", self.branch_names())
        self.plan_steps(len(branches))
        cache: dict[str, Film] = {}
        for index, branch in enumerate(branches):
            city, days = self.walk_branch(index, branch)
            for day in days:
                for block in self.capped("films", day.films):
                    self.emit_block(block, day.day, city, films, cache)
            self.step()

    # ------------------------------------------------------------------------------ home and picker
    def open_home(self) -> None:
        self.page.open(self.url(self.start_path))
        self.page.accept_cookies("#onetrust-accept-btn-handler")
        self.page.remove(".onetrust-pc-dark-filter")

    def film_links(self) -> dict[str, str]:
        """Schedule name (lower case) → film page URL, from both carousels (first card wins)."""
        self.page.wait_for(".movies-carousel .movie-card a", "film carousel")
        cards = self.page.extract(".movies-carousel .movie-card", {"name": Field("p"), "href": Field("a", "href")})
        links: dict[str, str] = {}
        for card in cards:
            href = (card["href"] or "").split("#")[0].rstrip("/")
            if not href or href.endswith(SKIP_LINK_SUFFIXES):
                continue
            links.setdefault(clean_text(card["name"]).lower(), href)
        return links

    def open_picker(self) -> None:
        self.page.click("#header-select-location", "change location")
        self.page.wait_for(".location-picker-modal", "location picker", visible=True)

    def branch_names(self) -> list[str]:
        self.open_picker()
        self.page.click(".location-picker-modal .npm-quickbook .dropdown-toggle", "all cinemas dropdown")
        items = self.page.wait_all(".location-picker-modal .npm-quickbook ul.dropdown-menu li a", "cinema list")
        names = [clean_text(item.get_attribute("textContent")) for item in items]
        self.page.open(self.url(self.start_path))
        return names

    def choose_branch(self, name: str) -> None:
        self.open_picker()
        self.page.choose(".location-picker-modal .npm-quickbook .dropdown-toggle",
                         ".location-picker-modal .npm-quickbook ul.dropdown-menu li a", text=name, what="cinema")
        self.page.wait_for(".quickbook-section h2", "branch schedule")

    def city_of(self, heading: str) -> str:
        """'SCREENINGS FOR PLANET HAIFA' → 'Haifa': heading prefix off, then the branch table; a branch
        missing from the table gives its name without the chain prefix (visible, not lost)."""
        name = clean_text(heading)
        for prefix in self.city_prefixes:
            if name.lower().startswith(prefix.lower()):
                name = name[len(prefix):].strip()
        mapped = {k.upper(): v for k, v in self.branch_cities.items()}.get(name.upper())
        if mapped:
            return mapped
        if self.branch_prefix and name.upper().startswith(self.branch_prefix.upper()):
            name = name[len(self.branch_prefix):].strip()
            return name.title() if name.isascii() else name
        return name

    # ------------------------------------------------------------------------------ dates
    def walk_branch(self, index: int, branch: str) -> tuple[str, list[DaySchedule]]:
        self.choose_branch(branch)
        city = self.city_of(self.page.text(".quickbook-section h2"))
        self.page.click(".btn-group.days .other-dates", "other dates")
        self.page.wait_for(".datepicker-inline td.day", "datepicker", visible=True)
        days: list[DaySchedule] = []
        wanted = self.caps.dates
        for month in range(2):
            if month:
                if not self.page.find_all(".datepicker-inline td.day.new:not(.disabled)"):
                    break
                self.page.click(".datepicker-inline th.next", "next month")
            cells = ".datepicker-inline td.day:not(.old):not(.new):not(.disabled)"
            for cell_index in self.page.each_index(cells):
                if wanted is not None and len(days) >= wanted:
                    return city, days
                days.append(self.read_day(cells, cell_index))
                self.check_cancelled()
        return city, days

    def read_day(self, cells: str, cell_index: int) -> DaySchedule:
        def unit() -> DaySchedule:
            cell = self.page.nth(cells, cell_index, "datepicker day")
            day = picker_day(cell.get_attribute("data-date"))
            self.page.click(cell, f"day {day}")
            self.page.wait_text(".quickbook-section h5", lambda t: parse_dmy(t) == day, f"schedule of {day}")
            self.page.wait_gone(".qb-loader", "schedule loader")
            self.page.wait_any(".qb-movies .qb-movie", ".qb-movies .no-screenings", what=f"films of {day}")
            return DaySchedule(day, self.page.extract(".qb-movies .qb-movie", SCHEDULE))

        return self.page.retry_stale(unit, what="a day's schedule")

    # ------------------------------------------------------------------------------ films and rows
    def film(self, name: str, links: dict[str, str], cache: dict[str, Film]) -> Film:
        key = name.lower()
        if key not in cache:
            href = links.get(key)
            cache[key] = self.read_film_page(href) if href else Film(english_title=name)
        return cache[key]

    def read_film_page(self, href: str) -> Film:
        self.page.open(href)
        self.page.wait_for("#more-info dt", "film details")
        info = self.page.extract("body", FILM_PAGE)[0]
        return self.film_from_page(info)

    def film_from_page(self, info: dict) -> Film:
        fields = {INFO_LABELS.get(clean_text(label).rstrip(":").lower()): clean_text(value)
                  for label, value in zip(info["labels"], info["values"], strict=False)}
        fields.pop(None, None)
        runtime = info["runtime"] or ""
        if not self.reads_director:
            fields.pop("directed_by", None)
        return Film(
            english_title=clean_text(info["h1"]),
            hebrew_title=fields.get("hebrew_title", ""),
            original_language=fields.get("original_language") or self.default_language,
            release_year=normalise_number(fields.get("release_year", "")),
            release_date=fields.get("release_date", ""),
            directed_by=fields.get("directed_by", ""),
            runtime="" if any(m in runtime.lower() for m in RUNTIME_UNKNOWN) else normalise_number(runtime),
            rating=fields.get("rating", ""),
        )

    def emit_block(self, block: dict, day: date, city: str, links: dict[str, str], cache: dict[str, Film]) -> None:
        placeholder = (block.get("placeholder") or "").lower()
        if any(marker in placeholder for marker in PRESALE_MARKERS) or not block["formats"]:
            return
        rows = []
        for fmt in block["formats"]:
            lang = (fmt["lang"] or "").upper()
            if any(word.upper() in lang for word in self.skip_lang_words):
                continue
            dub = "Hebrew" if any(word.upper() in lang for word in self.dub_words) else ""
            screening_type, tech = format_code(fmt["attributes"])
            for link in fmt["times"]:
                english, hebrew = ticket_links(link["url"] or "")
                rows.append(dict(showtime=link["time"], date_of_showing=day.isoformat(), screening_city=city,
                                 screening_type=screening_type, screening_tech=tech, dub_language=dub,
                                 english_href=english, hebrew_href=hebrew))
        if rows:
            film = self.film(clean_text(block["name"]), links, cache)
            for row in rows:
                self.emit(film.screening(**row))
