"""Hot Cinema replica (Hebrew, RTL, at /hot_cinema/): /ShowingNow, /theater/<id>/<slug>, /movie/<id>/<slug>,
/ComingSoon (ORIGINAL §1.6, §1.7).

Branch pages: `h1` "HOT CINEMA <place>", a dropdown bootstrap/jQuery datepicker on
`.datepicker-wrapper input` (two months, `td.day` with old/new/disabled and `data-date`), and the
day's schedule loaded behind `.schedule-loader` into `#schedule`: `.schedule-date` "dd/mm/yyyy" and a
table row per film version (Hebrew title + dubbing marker, link to the film page), showtime buttons
with hall badges (PREMIUM, "לא רק קולנוע", atmos). Each button is a Vue component whose `event` holds
the EventId (`hot_cinema.js`); rows whose source link was the old pipeline's `…-None` get a button
without an EventId. Film pages: `h1` Hebrew, `h2` English, an info line ending in the year, "N דקות",
"הגבלת גיל: …", "בכורה: dd.mm.yyyy". Coming soon: month blocks of cards (`h4` + link).
Popups: `.pp-backdrop`, lightbox `#liteboxFormat14`, a promo popup and a site notice.
Decoys to skip: "Comedy Bar", a Russian-dubbed version, a film whose page answers 403; among the
coming-soon cards a dubbed version, a stand-up show, an HFR version and a 403 page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date

from scrapers.base.normalise import normalise_rating
from scrapers.sandbox.html import document, h
from scrapers.sandbox.replica import Replica, Request, Response, not_found
from scrapers.sandbox.vocab import rating_hebrew, slug
from scrapers.sites.nowplaying.hot_cinema import BRANCH_CITIES, SITE_IDS

THEATRES = {site: theatre for theatre, site in SITE_IDS.items()}
BRANCH_NAMES = {city: branch for branch, city in BRANCH_CITIES.items()}
DUB_MARKERS = {"Hebrew": " מדובב לעברית", "French": " מדובב לצרפתית"}
BADGES = {"Premium": '<span class="badge premium">PREMIUM</span>',
          "Not Just Cinema": '<span class="badge njc">לא רק קולנוע</span>'}
NOSTALGIA = "סינמה נוסטלגיה - "
FORBIDDEN = ("<html><head><title>403 Forbidden</title></head><body><h1>HTTP Error 403</h1>"
             "<p>Access to hotcinema.co.il was denied. You don't have authorization to view this page.</p>"
             "</body></html>")
SOON_DECOYS = ("מיניונים ומפלצות מדובב לעברית", "דני רובס מגיע לעשות סטנדאפ ב-HOT CINEMA", "אווטאר: אש ואפר HFR")
MONTHS_HE = ("ינואר", "פברואר", "מרץ", "אפריל", "מאי", "יוני", "יולי", "אוגוסט", "ספטמבר", "אוקטובר", "נובמבר",
             "דצמבר")


@dataclass
class FilmPage:
    ident: int
    row: dict[str, str]
    forbidden: bool = False
    soon: bool = False

    @property
    def path(self) -> str:
        return f"/movie/{self.ident}/{slug(self.row.get('english_title', ''), 'movie')}"


@dataclass
class Theatre:
    ident: int
    name: str  # h1
    rows: list[dict[str, str]] = field(default_factory=list)


def site_of(href: str) -> int | None:
    match = re.search(r"/site/(\d+)/", href or "")
    return int(match.group(1)) if match else None


def event_of(href: str) -> int | None:
    match = re.search(r"code=\d+-(\d+)", href or "")
    return int(match.group(1)) if match else None


def film_key(row: dict[str, str]) -> tuple[str, ...]:
    return tuple(row.get(c, "") for c in ("english_title", "hebrew_title", "release_year", "runtime", "rating"))


class HotCinemaReplica(Replica):
    name = "hot_cinema"
    cinema = "Hot Cinema"
    kind = "showtimes"
    kinds = ("showtimes", "comingsoon")
    start_path = "/ShowingNow"

    def load(self, rows: list[dict[str, str]], today: date) -> None:
        self.today = today
        self.films: dict[tuple, FilmPage] = {}
        self.pages: dict[int, FilmPage] = {}
        self.theatres: dict[int, Theatre] = {}
        self.soon: list[FilmPage] = []
        for row in rows:
            if not row.get("showtime") and not row.get("date_of_showing"):
                self.soon.append(self.page_for(row, soon=True))
                continue
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", row.get("date_of_showing", "")):
                continue  # no usable date: not served (bad data must not break the sandbox)
            self.page_for(row)
            city = row.get("screening_city", "")
            theatre = THEATRES.get(site_of(row.get("english_href", "")) or 0) or 100 + len(self.theatres)
            self.theatres.setdefault(theatre, Theatre(theatre, BRANCH_NAMES.get(city, city))).rows.append(row)
        if self.theatres:  # decoys on the first day of the first branch
            first = next(iter(self.theatres.values()))
            day, sample = first.rows[0]["date_of_showing"], first.rows[0]
            comedy = self.add_page({"english_title": "Comedy Bar", "hebrew_title": "Comedy Bar"})
            refused = self.add_page({"english_title": "Pirate Water Fest", "hebrew_title": "Pirate Water Fest"},
                                    forbidden=True)
            for extra, title in ((comedy.row, "Comedy Bar"), (refused.row, "Pirate Water Fest"),
                                 (sample, sample.get("hebrew_title", "") + " מדובב לרוסית")):
                first.rows.append({**extra, "date_of_showing": day, "showtime": "23:55", "decoy_title": title,
                                   "english_href": "https://tickets.hotcinema.co.il/site/0/tickets?code=0-1"})
        for number, title in enumerate(SOON_DECOYS):
            self.soon.insert(3 * number + 1, self.add_page({"english_title": title, "hebrew_title": title,
                                                            "release_date": today.isoformat()}, soon=True))
        self.soon.insert(5, self.add_page({"english_title": "Pirate Water Fest", "hebrew_title": "Pirate Water Fest",
                                           "release_date": today.isoformat()}, forbidden=True, soon=True))

    def add_page(self, row: dict[str, str], forbidden: bool = False, soon: bool = False) -> FilmPage:
        page = FilmPage(9000 + len(self.pages), row, forbidden, soon)
        self.pages[page.ident] = page
        return page

    def page_for(self, row: dict[str, str], soon: bool = False) -> FilmPage:
        key = ("soon" if soon else "now", *film_key(row))
        if key not in self.films:
            page = FilmPage(3000 + len(self.pages), row, soon=soon)
            self.films[key] = page
            self.pages[page.ident] = page
        return self.films[key]

    # ------------------------------------------------------------------------------ pages
    def handle(self, request: Request) -> Response:
        path = request.path.rstrip("/") or "/"
        if path in ("/", "/ShowingNow"):
            return Response(self.showing_now(request))
        if path == "/ComingSoon":
            return Response(self.coming_soon(request))
        if match := re.fullmatch(r"/theater/(\d+)(?:/[^/]*)?", path):
            theatre = self.theatres.get(int(match.group(1)))
            return Response(self.theatre_page(request, theatre)) if theatre else not_found("cinema")
        if match := re.fullmatch(r"/movie/(\d+)(?:/[^/]*)?", path):
            film = self.pages.get(int(match.group(1)))
            if film is None:
                return not_found("movie")
            return Response(FORBIDDEN, 403) if film.forbidden else Response(self.film_page(request, film))
        if path == "/api/schedule":
            ident = request.query.get("theater", "")
            theatre = self.theatres.get(int(ident)) if ident.isdigit() else None
            return Response(self.schedule(theatre, request.query.get("date", ""))) if theatre else not_found()
        return not_found()

    def chrome(self, request: Request, title: str, main: str, script: str = "") -> str:
        menu = "".join(f'<li><a href="/{self.name}/theater/{t.ident}/{slug(t.name, "cinema")}">{h(t.name)}</a></li>'
                       for t in self.theatres.values())
        body = f"""
<div id="site-notice" class="sandbox-banner"><p>האתר משתמש בעוגיות</p><a href="#" class="confirm">הבנתי</a></div>
<header class="hc-header"><a class="logo" href="/{self.name}/ShowingNow">HOT CINEMA</a>
  <div class="choose-cinema dropdown"><button class="dropdown-toggle">בחרו קולנוע</button>
    <ul class="dropdown-menu">{menu}</ul></div>
  <a href="/{self.name}/ComingSoon">בקרוב</a></header>
<main>{main}</main>
<div class="pp-backdrop sandbox-overlay"></div>
<div id="liteboxFormat14" class="sandbox-modal"><p>פרסומת</p></div>
<div class="hc-popup sandbox-modal"><p>יום הולדת בקולנוע!</p><button class="popup-close">×</button></div>
<script>
Sandbox.banner("#site-notice", "#site-notice a.confirm");
Sandbox.popup(".pp-backdrop", 300); Sandbox.popup("#liteboxFormat14", 320); Sandbox.popup(".hc-popup", 340);
document.querySelector(".hc-popup .popup-close").addEventListener("click", () => {{
  document.querySelector(".hc-popup").style.display = "none"; }});
{script}
</script>"""
        return document(title, body, lang="he", rtl=True, config=request.config())

    def showing_now(self, request: Request) -> str:
        cards = "".join(f'<div class="movie-card"><a href="/{self.name}{f.path}"><h4>{h(f.row.get("hebrew_title"))}'
                        f"</h4></a></div>" for f in self.pages.values() if not f.soon)
        main = f'<h1>מציג עכשיו</h1><div class="movies-grid">{cards}</div>'
        return self.chrome(request, "HOT CINEMA - מציג עכשיו", main)

    def theatre_page(self, request: Request, theatre: Theatre) -> str:
        days = sorted({r["date_of_showing"] for r in theatre.rows if r.get("date_of_showing")})
        config = {"theater": theatre.ident, "enabled": days, "today": self.today.isoformat(),
                  "first": days[0] if days else self.today.isoformat(), "months": list(MONTHS_HE),
                  "api": f"/{self.name}/api/schedule"}
        schedule = "" if request.has("missing") else '<div id="schedule"></div>'
        main = f"""
<div class="branch-header"><h1>{h(theatre.name)}</h1></div>
<div class="datepicker-wrapper"><label>תאריך</label><input type="text" readonly value=""></div>
<div class="schedule-loader loader"></div>
<div id="schedule-app">{schedule}</div>
<script>window.HC = {json.dumps(config, ensure_ascii=False)};</script>
<script src="/_sandbox/static/hot_cinema.js" defer></script>"""
        return self.chrome(request, theatre.name, main)

    def schedule(self, theatre: Theatre, iso: str) -> str:
        """The day's table: a row per film version, a Vue-bound button per showtime."""
        versions: dict[tuple[int, str], list[dict]] = {}
        for row in theatre.rows:
            if row.get("date_of_showing") == iso:
                versions.setdefault(self.version(row), []).append(row)
        components: dict[str, dict] = {}
        lines = []
        for (ident, title), times in versions.items():
            buttons = "".join(self.button(row, title, components) for row in sorted(times, key=lambda r: r["showtime"]))
            film = self.pages[ident]
            link = "" if title == "Comedy Bar" else f"/{self.name}{film.path}"
            name = f'<a href="{h(link)}">{h(title)}</a>' if link else h(title)
            rating = h(rating_hebrew(film.row.get("rating", "")))
            lines.append(f'<tr class="movie-row"><td class="movie-name">{name}</td><td>עברית</td><td>{rating}</td>'
                         f'<td>כתוביות</td><td class="times">{buttons}</td></tr>')
        day = date.fromisoformat(iso)
        events = json.dumps(components, ensure_ascii=False).replace("</", "<\\/")
        return (f'<div class="schedule-date">{day.day:02d}/{day.month:02d}/{day.year}</div>'
                f'<table class="schedule-table">{"".join(lines)}</table>'
                f'<script type="application/json" class="vue-events">{events}</script>')

    def version(self, row: dict[str, str]) -> tuple[int, str]:
        """(film page id, title as the schedule prints it: with dubbing and 3D/HFR markers)."""
        film = self.films.get(("now", *film_key(row))) or next(
            p for p in self.pages.values() if p.row.get("hebrew_title") == row.get("hebrew_title"))
        title = row.get("decoy_title") or row.get("hebrew_title", "") + DUB_MARKERS.get(row.get("dub_language", ""), "")
        tech = row.get("screening_tech", "")
        return film.ident, title + (" תלת-ממד" if tech.startswith("3D") else "") + (" HFR" if "HFR" in tech else "")

    @staticmethod
    def button(row: dict[str, str], title: str, components: dict[str, dict]) -> str:
        vid = f"v{len(components)}"
        components[vid] = {"EventId": event_of(row.get("english_href", "")), "MovieName": title,
                           "Time": row.get("showtime", ""), "Date": row.get("date_of_showing", "")}
        badges = BADGES.get(row.get("screening_type", ""), "")
        atmos = ' <span class="atmos">atmos</span>' if "Atmos" in row.get("screening_tech", "") else ""
        return f'<a href="#" class="show-time" data-v-id="{vid}">{h(row.get("showtime"))} {badges}{atmos}</a>'

    def film_page(self, request: Request, film: FilmPage) -> str:
        row = film.row
        hebrew = row.get("hebrew_title", "")
        year = row.get("release_year", "")
        if film.soon and year.isdigit() and int(year) < 2000:
            hebrew = NOSTALGIA + hebrew  # the coming-soon scraper takes the prefix off
        info = " | ".join(x for x in ("דרמה", "ארה\"ב", year) if x)
        props = []
        if row.get("runtime"):
            props.append(f'<li class="length"><span>{h(row["runtime"])} דקות</span></li>')
        if row.get("rating"):
            rating = normalise_rating(row["rating"])
            canonical = rating == "All" or re.fullmatch(r"\d{1,2}\+", rating)  # else the raw text as printed
            shown = f"הגבלת גיל: {rating_hebrew(rating)}" if canonical else row["rating"]
            props.append(f'<li class="age"><span>{h(shown)}</span></li>')
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", row.get("release_date", "")):
            year_, month, day = row["release_date"].split("-")
            props.append(f'<li class="premiere"><span>בכורה: {day}.{month}.{year_}</span></li>')
        main = f"""
<div class="movie-details"><h1>{h(hebrew)}</h1><h2>{h(row.get("english_title", ""))}</h2>
  <p class="synopsis">…</p><p class="movie-info-line">{h(info)}</p><ul class="movie-props">{"".join(props)}</ul>
  <a class="btn buy" href="#">לרכישת כרטיסים</a></div>"""
        return self.chrome(request, hebrew, main)

    def coming_soon(self, request: Request) -> str:
        blocks: dict[str, list[FilmPage]] = {}
        for film in self.soon:
            release = film.row.get("release_date", "")
            month = release[:7] if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])-\d{2}", release) else self.today.isoformat()[:7]
            blocks.setdefault(month, []).append(film)
        parts = []
        for month, films in sorted(blocks.items()):
            label = f"{MONTHS_HE[int(month[5:]) - 1]} {month[:4]}"
            cards = "".join(f'<div class="movie-card"><a href="/{self.name}{f.path}"><img alt=""></a>'
                            f'<h4>{h(f.row.get("hebrew_title"))}</h4></div>' for f in films)
            parts.append(f'<div class="month-title"><h3>{h(label)}</h3></div><div class="movies-row">{cards}</div>')
        listing = "" if request.has("missing") else f'<div class="coming-soon-list">{"".join(parts)}</div>'
        return self.chrome(request, "HOT CINEMA - בקרוב", f"<h1>בקרוב</h1>{listing}")


REPLICA = HotCinemaReplica()
