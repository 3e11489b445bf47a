"""Lev Cinema replica (lev.co.il): English site under `/en/`, the same pages in Hebrew without `/en/`
(ORIGINAL §1.6 "Lev Cinema", §1.7 "LCsoon").

Pages: `/en/` (and `/`) home with two tabs of `li.featureItem` cards — tab 1 "Now playing" rendered
by JavaScript after a delay, tab 2 "Coming soon" rendered only when the tab is clicked; coming-soon
cards carry "Release date: dd/mm/yyyy". `/en/movies/<slug>/` (and `/movies/<slug>/`) film pages: `h1`
(English page: "… Dubbed"/"… Dubbded" for dubbed versions; Hebrew page "… מדובב"; Israeli films
have an empty English `h1`), three info lines ("Drama | 2026 | 107 min", "French, Hebrew subtitles"
or "עברית", "Age limit: 14+"), and a schedule (`#schedule`) rendered after a delay: one `.branch`
per Lev branch (`h3`), `.day` blocks with "Tue 04/08" (no year) and `a.time` links to the order page.

Which tab a film is in comes from the data: coming-soon rows are tab-2 cards (sharing the film page of
the same film's screenings); a film whose screening rows are duplicated in the source CSV was listed
in both tabs (that is how the old scraper duplicated them), so it is listed in both here. Tab 2 also
starts with a dateless "pre-sale" card of a tab-1 film, so index-aligned reading would shift dates.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from scrapers.sandbox.html import attrs, document, h
from scrapers.sandbox.replica import Replica, Request, Response, not_found
from scrapers.sandbox.vocab import slug
from scrapers.sites.nowplaying.lev import BRANCH_CITIES

BRANCHES = {city: branch for branch, city in BRANCH_CITIES.items()}
FILM_FIELDS = ("english_title", "hebrew_title", "original_language", "release_year", "runtime", "rating")
WEEKDAYS = {"en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
            "he": ("יום ב׳", "יום ג׳", "יום ד׳", "יום ה׳", "יום ו׳", "שבת", "יום א׳")}
TEXTS = {
    "en": {"now": "Now Playing", "soon": "Coming Soon", "release": "Release date", "none": "No screenings yet",
           "age": "Age limit", "all": "All ages", "subs": "Hebrew subtitles", "switch": "עברית"},
    "he": {"now": "סרטים בקולנוע", "soon": "בקרוב", "release": "תאריך בכורה", "none": "אין הקרנות כרגע",
           "age": "הגבלת גיל", "all": "מותר לכל", "subs": "כתוביות בעברית", "switch": "English"},
}


@dataclass
class LevFilm:
    slug: str
    fields: dict[str, str]
    dubbed: bool
    rows: list[dict[str, str]] = field(default_factory=list)
    in_tab1: bool = False

    def title(self, lang: str) -> str:
        """The page's h1 as the live site printed it (dub marker in the title)."""
        if lang == "he":
            hebrew = self.fields["hebrew_title"]
            return f"{hebrew.rstrip('-– ')} - מדובב" if self.dubbed else hebrew
        english = self.fields["english_title"]
        if not english or not self.dubbed:
            return english
        return f"{english} {'Dubbded' if len(self.slug) % 2 else 'Dubbed'}"  # the site's typo, now and then


@dataclass
class Card:
    film: LevFilm
    release: str = ""  # ISO release date (coming soon), "" = no date on the card


class LevReplica(Replica):
    name = "lev"
    cinema = "Lev Cinema"
    kinds = ("showtimes", "comingsoon")
    kind = "showtimes"
    start_path = "/en/"

    def load(self, rows: list[dict[str, str]], today: date) -> None:
        self.today = today
        self.films: dict[tuple, LevFilm] = {}
        self.tab2: list[Card] = []
        showings = [r for r in rows if r.get("showtime") or r.get("date_of_showing")]
        coming = [r for r in rows if not (r.get("showtime") or r.get("date_of_showing"))]
        repeated = Counter(tuple(sorted(r.items())) for r in showings)
        doubled: set[tuple] = set()
        seen: set[tuple] = set()
        for row in showings:
            identity = tuple(sorted(row.items()))
            film = self.film_for(row, bool(row.get("dub_language")))
            film.in_tab1 = True
            if repeated[identity] > 1:
                doubled.add(self.key(row, film.dubbed))
            if identity not in seen:  # the old scraper's duplicates are one screening on the page
                seen.add(identity)
                film.rows.append(row)
        soon_films: set[tuple] = set()
        for row in coming:
            film = self.film_for(row, False)
            key = self.key(row, False)
            film.in_tab1 = key in doubled  # a film with screenings that is "coming soon" is in tab 2 only
            soon_films.add(key)
            self.tab2.append(Card(film, row.get("release_date", "")))
        undated = [self.films[k] for k in doubled if k not in soon_films]
        if not undated:  # no film of the data was in both tabs: list one as a dateless pre-sale card
            undated = [f for f in self.films.values() if f.in_tab1][:1]
        self.tab2[:0] = [Card(film) for film in undated]

    @staticmethod
    def key(row: dict[str, str], dubbed: bool) -> tuple:
        return (*(row.get(c, "") for c in FILM_FIELDS), dubbed)

    def film_for(self, row: dict[str, str], dubbed: bool) -> LevFilm:
        key = self.key(row, dubbed)
        if key not in self.films:
            label = row.get("english_title") or "film"
            self.films[key] = LevFilm(f"{len(self.films) + 1}-{slug(label)}",
                                      {c: row.get(c, "") for c in FILM_FIELDS}, dubbed)
        return self.films[key]

    # ------------------------------------------------------------------------------ pages
    def handle(self, request: Request) -> Response:
        path = request.path
        lang = "en" if path.startswith("/en/") or path == "/en" else "he"
        rest = path[3:] if lang == "en" else path
        if rest.rstrip("/") == "":
            return Response(self.home(request, lang))
        if rest.startswith("/movies/"):
            film = next((f for f in self.films.values() if f.slug == rest.strip("/").split("/")[-1]), None)
            return Response(self.film_page(request, film, lang)) if film else not_found("film")
        return not_found()

    def base(self, lang: str) -> str:
        return f"/{self.name}/en" if lang == "en" else f"/{self.name}"

    def shell(self, request: Request, lang: str, title: str, main: str, switch_to: str) -> str:
        text = TEXTS[lang]
        body = (f'<header><a class="logo" href="{self.base(lang)}/">Lev Cinema</a> '
                f'<a class="lang-switch" href="{h(switch_to)}">{h(text["switch"])}</a></header>\n<main>{main}</main>')
        return document(f"{title} – Lev Cinema", body, lang=lang, rtl=lang == "he", config=request.config())

    def card(self, card: Card, lang: str) -> str:
        film = card.film
        label = film.title(lang) or film.fields["hebrew_title"]
        release = ""
        if card.release:
            day = date.fromisoformat(card.release)
            release = f'<p class="featureDate">{h(TEXTS[lang]["release"])}: {day.strftime("%d/%m/%Y")}</p>'
        return (f'<li class="featureItem"><a class="featureLink" href="{self.base(lang)}/movies/{h(film.slug)}/">'
                f'<div class="featureImg"></div><h4>{h(label)}</h4></a>{release}</li>')

    def home(self, request: Request, lang: str) -> str:
        text = TEXTS[lang]
        tab1 = "".join(self.card(Card(f), lang) for f in self.films.values() if f.in_tab1)
        tab2 = "".join(self.card(c, lang) for c in self.tab2)
        lists = "" if request.has("missing") else '<ul class="featureList"></ul>'
        main = f"""
<ul class="tabs">
  <li class="tab active"><a href="#tab-1" data-tab="1">{h(text['now'])}</a></li>
  <li class="tab"><a href="#tab-2" data-tab="2">{h(text['soon'])}</a></li>
</ul>
<div id="tab-1" class="tab-pane active">{lists}</div>
<div id="tab-2" class="tab-pane" style="display:none">{lists}</div>
<template data-render-into="#tab-1 ul.featureList" data-delay="250">{tab1}</template>
<template id="tab-2-items">{tab2}</template>
<script>
document.querySelectorAll(".tabs a[data-tab]").forEach((link) => link.addEventListener("click", (ev) => {{
  ev.preventDefault();
  const n = link.getAttribute("data-tab");
  document.querySelectorAll(".tab-pane").forEach((p) => {{
    p.style.display = p.id === "tab-" + n ? "block" : "none"; }});
  document.querySelectorAll(".tabs .tab").forEach((t) => t.classList.toggle("active", t.contains(link)));
  const items = document.querySelector("#tab-" + n + "-items");
  if (items && !items.dataset.shown) {{
    items.dataset.shown = "1";
    Sandbox.later(250, () => Sandbox.fill("#tab-" + n + " ul.featureList", items.innerHTML));
  }}
}}));
</script>"""
        other = f"/{self.name}/" if lang == "en" else f"/{self.name}/en/"
        return self.shell(request, lang, text["now"], main, other)

    def info_lines(self, film: LevFilm, lang: str) -> list[str]:
        text, fields = TEXTS[lang], film.fields
        first = " | ".join(p for p in ("Drama", fields["release_year"],
                                       f"{fields['runtime']} min" if fields["runtime"] else "") if p)
        language = fields["original_language"]
        second = f"{language}, {text['subs']}" if language and language != "Hebrew" else "עברית"
        rating = text["all"] if fields["rating"] == "All" else fields["rating"]
        return [first, second, f"{text['age']}: {rating}"]

    def film_page(self, request: Request, film: LevFilm, lang: str) -> str:
        info = "".join(f"<li>{h(line)}</li>" for line in self.info_lines(film, lang))
        schedule = "" if request.has("missing") else '<section class="movie-schedule" id="schedule"></section>'
        main = f"""
<section class="movie-hero"><h1>{h(film.title(lang))}</h1></section>
<section class="movie-details"><ul class="movie-info">{info}</ul></section>
<section class="movie-synopsis"><p>…</p></section>
<section class="movie-trailer"></section>
<section class="movie-gallery"></section>
{schedule}
<template data-render-into="#schedule" data-delay="200">{self.schedule(film, lang)}</template>"""
        other = f"/{self.name}/movies/{film.slug}/" if lang == "en" else f"/{self.name}/en/movies/{film.slug}/"
        return self.shell(request, lang, film.title(lang) or film.fields["hebrew_title"], main, other)

    def schedule(self, film: LevFilm, lang: str) -> str:
        if not film.rows:
            return f'<p class="no-screenings">{h(TEXTS[lang]["none"])}</p>'
        branches: dict[str, dict[str, list[dict]]] = {}
        for row in film.rows:
            city = row.get("screening_city", "")
            branches.setdefault(BRANCHES.get(city, city), {}).setdefault(row.get("date_of_showing", ""), []).append(row)
        out = []
        for branch, days in branches.items():
            blocks = []
            for iso, rows in sorted(days.items()):
                day = date.fromisoformat(iso)
                links = "".join(
                    f'<a class="time"{attrs(href=r.get("english_href", "").split("?")[0])}>{h(r.get("showtime"))}</a>'
                    for r in sorted(rows, key=lambda r: r.get("showtime", ""))
                )
                blocks.append(f'<div class="day"><span class="date">{WEEKDAYS[lang][day.weekday()]} '
                              f'{day.strftime("%d/%m")}</span><div class="times">{links}</div></div>')
            out.append(f'<div class="branch"><h3>{h(branch)}</h3><div class="days">{"".join(blocks)}</div></div>')
        return "".join(out)


REPLICA = LevReplica()
