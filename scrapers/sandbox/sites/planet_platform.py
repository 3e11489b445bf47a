"""Replica of the Planet ticketing platform (Yes Planet, Rav Hen): SPA-like pages with OneTrust, a
location picker modal, an inline bootstrap-style datepicker and per-format sub-blocks (ORIGINAL §1.6).

Pages: `/` home (two carousels rendered by JS), `/films/<slug>/<code>` film page (#more-info),
`/cinemas/<branch>` quick-book page; `/api/quickbook?branch=&date=` the day's films (HTML fragment).
"""

from __future__ import annotations

import calendar
import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from scrapers.base.normalise import normalise_rating
from scrapers.sandbox.html import attrs, document, h
from scrapers.sandbox.replica import Replica, Request, Response, not_found
from scrapers.sandbox.vocab import slug
from scrapers.sites.nowplaying.planet_platform import PLANET_TECHS, PLANET_TYPES

TYPE_CODES = {v: k for k, v in PLANET_TYPES.items()}
TECH_CODES = {v: k for k, v in PLANET_TECHS.items()}


@dataclass
class PlanetFilm:
    code: str
    key: str  # the schedule name (English for Yes Planet, Hebrew for Rav Hen)
    row: dict[str, str]
    soon: bool = False
    decoy: bool = False


@dataclass
class Branch:
    ident: str
    name: str  # e.g. "Planet Haifa"
    rows: list[dict[str, str]] = field(default_factory=list)


def format_items(screening_type: str, tech: str) -> list[str]:
    """The attribute <li> texts whose joined code the scraper maps back (e.g. ['VIP LIGHT', '3D'])."""
    type_code = TYPE_CODES.get(screening_type or "Regular", screening_type)
    tech_code = TECH_CODES.get(tech or "2D", tech)
    items = [type_code] if type_code else []
    for special in ("IMAX", "4DX", "SCREENX"):
        if tech_code.startswith(special):
            return [*items, special, tech_code[len(special):]]
    return [*items, tech_code]


def picker_ms(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp() * 1000)


class PlanetReplica(Replica):
    """Chain replicas set the texts and how values are shown (`show_*`)."""

    lang = "en"
    rtl = False
    key_column = "english_title"
    location_label = "Change"
    heading = "SCREENINGS FOR {branch}"
    branch_prefix = "PLANET "
    branch_names: dict[str, str] = {}  # city → branch name as the site shows it
    film_labels = ("Hebrew title", "Genre", "Cast", "Director", "Year", "Language", "Rating")
    runtime_text = "Length: {minutes} min"
    runtime_unknown = "To be updated"
    release_label = "Release date"
    presale_text = "PRE-ORDER YOUR TICKETS NOW"
    dub_text, sub_text = "DUB", "SUB"
    decoy_lang: str | None = None  # a sub-block the scraper must skip (Yes Planet: Russian dubbing)
    ticket_host_lang = "en"
    weekday_names = tuple(calendar.day_name)

    def show_language(self, value: str) -> str:
        return value

    def show_rating(self, value: str) -> str:
        return normalise_rating(value)

    def show_release(self, iso: str) -> str:
        day = date.fromisoformat(iso)
        return f"{day.day} {calendar.month_name[day.month]} {day.year}"

    # ------------------------------------------------------------------------------ model
    def load(self, rows: list[dict[str, str]], today: date) -> None:
        self.today = today
        self.films: dict[str, PlanetFilm] = {}
        self.by_code: dict[str, PlanetFilm] = {}
        self.branches: dict[str, Branch] = {}
        for row in rows:
            soon = not row.get("showtime") and not row.get("date_of_showing")
            key = row.get(self.key_column) or row.get("english_title") or row.get("hebrew_title") or "?"
            index_key = ("soon:" if soon else "now:") + key.lower()
            if index_key not in self.films:
                code = f"{1000 + len(self.films)}{'s2r' if not soon else 'd2r'}"
                film = PlanetFilm(code, key, row, soon=soon)
                self.films[index_key] = film
                self.by_code[code] = film
            if not soon:
                city = row.get("screening_city", "")
                name = self.branch_names.get(city) or f"{self.branch_prefix}{city.upper()}"
                ident = slug(city, "branch")
                self.branches.setdefault(ident, Branch(ident, name)).rows.append(row)
        if self.decoy_lang is not None and self.films:
            event = {"english_title": "Gaming Live", "hebrew_title": "Gaming Live"}
            decoy = PlanetFilm("999s2r2", "Gaming Live", event, soon=True, decoy=True)
            self.by_code[decoy.code] = decoy

    def film_of(self, row: dict[str, str]) -> PlanetFilm:
        key = row.get(self.key_column) or row.get("english_title") or row.get("hebrew_title") or "?"
        return self.films["now:" + key.lower()]

    def film_url(self, film: PlanetFilm) -> str:
        return f"/{self.name}/films/{slug(film.row.get('english_title') or film.key)}/{film.code}"

    # ------------------------------------------------------------------------------ pages
    def handle(self, request: Request) -> Response:
        path = request.path.rstrip("/") or "/"
        if path == "/":
            return Response(self.home(request))
        if path.startswith("/films/"):
            film = self.by_code.get(path.rsplit("/", 1)[-1])
            return Response(self.film_page(request, film)) if film else not_found("film")
        if path.startswith("/cinemas/"):
            branch = self.branches.get(path.rsplit("/", 1)[-1])
            return Response(self.branch_page(request, branch)) if branch else not_found("cinema")
        if path == "/api/quickbook":
            branch = self.branches.get(request.query.get("branch", ""))
            if branch is None:
                return not_found("cinema")
            return Response(self.day_fragment(request, branch, request.query.get("date", "")))
        return not_found()

    def chrome(self, request: Request, title: str, main: str, extra_script: str = "") -> str:
        """Header with the location link, OneTrust banner, location picker modal, and the page."""
        cinemas = "".join(
            f'<li><a href="/{self.name}/cinemas/{h(b.ident)}">{h(b.name)}</a></li>' for b in self.branches.values()
        )
        body = f"""
<header><span class="logo">{h(self.cinema)}</span>
  <a id="header-select-location" href="#">{h(self.location_label)}</a></header>
<div class="onetrust-pc-dark-filter sandbox-overlay"></div>
<div id="onetrust-banner-sdk" class="sandbox-banner"><p>We use cookies.</p>
  <button id="onetrust-accept-btn-handler">Accept All Cookies</button></div>
<div class="location-picker-modal sandbox-modal" role="dialog">
  <button class="close" type="button">×</button>
  <div class="selectpicker-dropdown-container npm-quickbook">
    <button class="btn dropdown-toggle" type="button">All cinemas</button>
    <ul class="dropdown-menu inner" style="display:none">{cinemas}</ul>
  </div>
</div>
<main>{main}</main>
<script>
Sandbox.banner("#onetrust-banner-sdk", "#onetrust-accept-btn-handler", ".onetrust-pc-dark-filter");
document.querySelector("#header-select-location").addEventListener("click", (e) => {{
  e.preventDefault();
  Sandbox.later(150, () => {{ document.querySelector(".location-picker-modal").style.display = "block"; }});
}});
document.querySelector(".location-picker-modal .close").addEventListener("click", () => {{
  document.querySelector(".location-picker-modal").style.display = "none"; }});
document.querySelector(".npm-quickbook .dropdown-toggle").addEventListener("click", () => {{
  Sandbox.later(100, () => {{ document.querySelector(".npm-quickbook ul.dropdown-menu").style.display = "block"; }});
}});
{extra_script}
</script>"""
        return document(title, body, lang=self.lang, rtl=self.rtl, config=request.config())

    def home(self, request: Request) -> str:
        now = [f for f in self.films.values() if not f.soon]
        soon = [f for f in self.by_code.values() if f.soon]

        def cards(films: list[PlanetFilm]) -> str:
            return "".join(
                f'<div class="movie-card"><a href="{h(self.film_url(f))}"><div class="poster"></div>'
                f"<p>{h(f.key)}</p></a></div>" for f in films
            )

        main = (
            '<section class="home-carousels" id="home-carousels"></section>'
            '<template data-render-into="#home-carousels" data-delay="200">'
            f'<div class="movies-carousel now-showing"><h2>Now showing</h2>{cards(now)}</div>'
            f'<div class="movies-carousel coming-soon"><h2>Coming soon</h2>{cards(soon)}</div></template>'
        )
        return self.chrome(request, self.cinema, main if not request.has("missing") else "<section></section>")

    def film_page(self, request: Request, film: PlanetFilm) -> str:
        row = film.row
        values = {
            "Hebrew title": row.get("hebrew_title", ""),
            "Genre": "Drama",
            "Cast": "",
            "Director": row.get("directed_by", ""),
            "Year": row.get("release_year", ""),
            "Language": self.show_language(row.get("original_language", "")),
            "Rating": self.show_rating(row.get("rating", "")),
        }
        labels = dict(zip(("Hebrew title", "Genre", "Cast", "Director", "Year", "Language", "Rating"),
                          self.film_labels, strict=True))
        items = "".join(f"<dt>{h(labels[k])}</dt><dd>{h(v)}</dd>" for k, v in values.items())
        if row.get("release_date"):
            items += f"<dt>{h(self.release_label)}</dt><dd>{h(self.show_release(row['release_date']))}</dd>"
        runtime = row.get("runtime", "")
        runtime_text = self.runtime_text.format(minutes=runtime) if runtime else self.runtime_unknown
        main = (
            f'<section class="movie-header"><h1>{h(row.get("english_title") or film.key)}</h1></section>'
            f'<section class="movie-details"><p class="synopsis">…</p><p class="runtime">{h(runtime_text)}</p>'
            f'<div id="more-info"><dl>{items}</dl></div></section>'
        )
        popup = "" if request.cookies.get("planet_location") else (
            'Sandbox.later(200, () => { document.querySelector(".location-picker-modal").style.display = "block"; });'
        )
        return self.chrome(request, row.get("english_title") or film.key, main, popup)

    def branch_dates(self, branch: Branch) -> list[date]:
        days = sorted({date.fromisoformat(r["date_of_showing"]) for r in branch.rows if r.get("date_of_showing")})
        return [d for d in days if d >= self.today]

    def branch_page(self, request: Request, branch: Branch) -> str:
        days = self.branch_dates(branch)
        first = days[0] if days else self.today
        buttons = "".join(
            f'<button class="btn day-btn" data-date="{d.isoformat()}">{d.day}/{d.month}</button>'
            for d in (self.today + timedelta(days=i) for i in range(7))
        )
        config = {"branch": branch.ident, "enabled": [d.isoformat() for d in days], "first": first.isoformat(),
                  "weekdays": list(self.weekday_names), "api": f"/{self.name}/api/quickbook"}
        heading = self.heading.format(branch=branch.name)
        main = f"""
<section class="quickbook-section">
  <h2>{h(heading)}</h2>
  <div class="btn-group days" role="group">{buttons}<button class="btn other-dates">…</button></div>
  <div class="datepicker datepicker-inline" style="display:none"></div>
  <h5></h5>
  <div class="qb-loader loader"></div>
  {'' if request.has('missing') else '<div class="qb-movies"></div>'}
</section>"""
        script = f"window.QB = {json.dumps(config, ensure_ascii=False)};"
        main += '<script src="/_sandbox/static/planet_quickbook.js" defer></script>'
        return self.chrome(request, heading, main, script)

    def day_fragment(self, request: Request, branch: Branch, iso: str) -> str:
        rows = [r for r in branch.rows if r.get("date_of_showing") == iso]
        if not rows:
            return '<div class="no-screenings">No screenings</div>'
        blocks: dict[str, dict[tuple[str, str, str], list[dict]]] = {}
        for row in rows:
            film = self.film_of(row)
            fmt = (row.get("screening_type", ""), row.get("screening_tech", ""), row.get("dub_language", ""))
            blocks.setdefault(film.key, {}).setdefault(fmt, []).append(row)
        out = []
        for position, (key, formats) in enumerate(blocks.items()):
            subs = "".join(self.sub_block(fmt, times) for fmt, times in formats.items())
            if position == 0 and self.decoy_lang:
                subs += self.sub_block(("Regular", "2D", ""), formats[next(iter(formats))][:1], lang=self.decoy_lang)
            out.append(f'<div class="qb-movie"><div class="qb-movie-name"><h3>{h(key)}</h3></div>'
                       f'<div class="qb-movie-info-wrapper">{subs}</div></div>')
        out.append(f'<div class="qb-movie presale"><div class="qb-movie-name"><h3>{h(self.cinema)} Pre-sale</h3>'
                   f"<h4>{h(self.presale_text)}</h4></div></div>")
        return "".join(out)

    def sub_block(self, fmt: tuple[str, str, str], rows: list[dict], lang: str | None = None) -> str:
        screening_type, tech, dub = fmt
        items = "".join(f"<li>{h(text)}</li>" for text in format_items(screening_type, tech))
        lang_text = lang or (self.dub_text if dub else self.sub_text)
        links = "".join(
            f'<a class="btn btn-primary btn-lg"{attrs(data_url=self.api_url(r.get("english_href", "")))}>'
            f"{h(r.get('showtime', ''))}</a>" for r in rows
        )
        return (f'<div class="qb-movie-info-column"><ul class="qb-movie-attributes">{items}'
                f'<li class="lang-attributes">{h(lang_text)}</li></ul><div class="qb-screenings">{links}</div></div>')

    @staticmethod
    def api_url(href: str) -> str:
        """The live data-url: the order link with '/api' after the host."""
        if "://" not in href:
            return href
        scheme, rest = href.split("://", 1)
        host, _, path = rest.partition("/")
        return f"{scheme}://{host}/api/{path}"
