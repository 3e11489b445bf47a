"""MovieLand replica (movieland.co.il, Hebrew, RTL): now playing per theatre and the coming-soon page
(ORIGINAL §1.6 "MovieLand", §1.7 "MLsoon").

Pages: `/movies` (film grid) and `/soon` (coming-soon grid, rendered after a delay); film pages
`/movie/<n>` (`#change-bg .bg-more-b`: Hebrew name, English name — empty when the film has none —
and labelled details "שפה: …", "הגבלת גיל: …", "משך: …", "שנת הפקה: …", "תאריך יציאה: …";
foreign-language pages carry the class `IsLtr`); theatre pages `/theater/<id>/<name>` with the city
`h1` in `.inner-page-header` and `#events-list`: a "more dates" button opening a bootstrap
datepicker (`.datepicker-dropdown`, `th.datepicker-switch` "אוגוסט 2026", `th.next`, `td.day`
with `data-date`; it closes after each pick and reopens on the picked month; only days with
screenings are selectable) and the day's film blocks `div.bg-choose` fetched from
`/api/events?theater=&date=` behind a loader. A block: film name (+ " (מדובב)"), `.bg-day-c`
"יום שלישי 04.08", order links `a.order-link` (`span` = time, a VIP `img` = "Upgrade"); today's
list also shows the previous day's late screenings. Theatre links sit in the header menu's second
item. Overlays: the theatre-chooser modal `#chooseTheaterModalCenter`, the push prompt
`#sbuzz-confirm`, a GDPR banner (`.gdpr-accept`).
Coming-soon decoys the scraper must leave out: a Russian version (`IsLtr`), a "(מדובב)" card, and
a 3D card of a film that is also listed plainly.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date

from scrapers.sandbox.html import attrs, document, h
from scrapers.sandbox.replica import Replica, Request, Response, not_found
from scrapers.sandbox.vocab import language_hebrew, rating_hebrew
from scrapers.sites.nowplaying.movieland import BRANCH_CITIES, UNKNOWN

FILM_FIELDS = ("english_title", "hebrew_title", "original_language", "release_year", "runtime", "rating")
MONTHS = ("ינואר", "פברואר", "מרץ", "אפריל", "מאי", "יוני", "יולי", "אוגוסט", "ספטמבר", "אוקטובר", "נובמבר", "דצמבר")
WEEKDAYS = ("יום שני", "יום שלישי", "יום רביעי", "יום חמישי", "יום שישי", "שבת", "יום ראשון")
NO_SCREENINGS = "לא נמצאו הקרנות"
VIP_ICON = '<img class="vip-icon" alt="vip" src="data:,">'
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@dataclass
class MLFilm:
    number: int
    fields: dict[str, str]
    ltr: bool = False
    dub_card: bool = False  # shown on /soon with "(מדובב)"
    tech: str = ""  # "3D" on a decoy card

    def names(self) -> tuple[str, str]:
        hebrew, english = self.fields["hebrew_title"], self.fields["english_title"]
        english = "" if english == hebrew else english  # the page has no English name: the scraper falls back
        if self.dub_card:
            hebrew = f"{hebrew} (מדובב)"
        if self.tech:
            hebrew, english = f"{hebrew} תלת מימד", f"{english} {self.tech}".strip()
        return hebrew, english


@dataclass
class Theater:
    ident: str
    name: str
    rows: list[dict[str, str]] = field(default_factory=list)


def show_language(value: str) -> str:
    if not value:
        return UNKNOWN
    return language_hebrew(value) if value.isascii() else value


def day_label(day: date, year: bool = False) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.strftime('%d.%m.%Y' if year else '%d.%m')}"


class MovieLandReplica(Replica):
    name = "movieland"
    cinema = "MovieLand"
    kinds = ("showtimes", "comingsoon")
    kind = "showtimes"
    start_path = "/movies"

    def load(self, rows: list[dict[str, str]], today: date) -> None:
        self.today = today
        self.films: dict[int, MLFilm] = {}
        self.now: dict[tuple, MLFilm] = {}
        self.soon: list[MLFilm] = []
        self.theaters: dict[str, Theater] = {}
        branch_names: dict[str, str] = {}
        for name, city in BRANCH_CITIES.items():
            branch_names.setdefault(city, name)
        for row in rows:
            if not row.get("showtime") and not row.get("date_of_showing"):
                self.soon.append(self.add_film(row))
                continue
            key = tuple(row.get(c, "") for c in FILM_FIELDS)
            if key not in self.now:
                self.now[key] = self.add_film(row)
            city = row.get("screening_city", "")
            name = branch_names.get(city, city)
            theater = re.search(r"theaterId=(\d+)", row.get("english_href", ""))
            ident = theater.group(1) if theater else str(1000 + len(self.theaters))
            self.theaters.setdefault(name, Theater(ident, name)).rows.append(row)
        self.add_decoys()

    def add_film(self, row: dict[str, str], **extra: object) -> MLFilm:
        fields = {c: row.get(c, "") for c in FILM_FIELDS}
        fields["release_date"] = row.get("release_date", "")
        film = MLFilm(len(self.films) + 1, fields, ltr=bool(CYRILLIC.search(fields["hebrew_title"])), **extra)
        self.films[film.number] = film
        return film

    def add_decoys(self) -> None:
        """Coming-soon versions the scraper must not store: Russian (IsLtr), dubbed, and a 3D card."""
        latin = [f for f in self.soon if f.fields["english_title"] and f.fields["english_title"].isascii()]
        if not latin:
            return
        first = latin[0].fields
        russian = {**first, "hebrew_title": "СКОРО В КИНО", "english_title": "СКОРО В КИНО",
                   "original_language": "русский"}
        decoys = [self.add_film(russian), self.add_film(first, dub_card=True),
                  self.add_film(latin[-1].fields, tech="3D")]
        decoys[0].ltr = True
        self.soon[1:1] = decoys

    # ------------------------------------------------------------------------------ pages
    def handle(self, request: Request) -> Response:
        path = request.path.rstrip("/") or "/"
        if path in ("/", "/movies"):
            return Response(self.grid(request, list(self.now.values()), "סרטים", "/movies"))
        if path == "/soon":
            return Response(self.grid(request, self.soon, "בקרוב", "/soon"))
        if match := re.fullmatch(r"/movie/(\d+)", path):
            film = self.films.get(int(match.group(1)))
            return Response(self.film_page(request, film)) if film else not_found("film")
        if match := re.fullmatch(r"/theater/(\d+)(?:/.*)?", path):
            theater = next((t for t in self.theaters.values() if t.ident == match.group(1)), None)
            return Response(self.theater_page(request, theater)) if theater else not_found("theater")
        if path == "/api/events":
            theater = next((t for t in self.theaters.values() if t.ident == request.query.get("theater")), None)
            return Response(self.events(theater, request.query.get("date", ""))) if theater else not_found("theater")
        return not_found()

    def shell(self, request: Request, title: str, main: str, first_visit_popups: bool = False) -> str:
        theaters = "".join(
            f'<li class="menu-item"><a href="/{self.name}/theater/{t.ident}/{h(t.name)}">{h(t.name)}</a></li>'
            for t in self.theaters.values())
        modal = ""
        if first_visit_popups and not request.cookies.get("ml_theater"):
            options = "".join(f'<a class="theater-option" href="#">{h(t.name)}</a>' for t in self.theaters.values())
            modal = f"""
<div class="modal fade" id="chooseTheaterModalCenter" tabindex="-1" role="dialog" style="display:none">
  <div class="modal-dialog"><div class="modal-content"><div class="modal-header"><h5>בחרו קולנוע</h5>
  <button type="button" class="close" data-dismiss="modal" aria-label="Close">×</button></div>
  <div class="modal-body">{options}</div></div></div></div>
<div class="modal-backdrop fade" style="display:none"></div>
<script>
Sandbox.later(350, () => {{
  const m = document.querySelector("#chooseTheaterModalCenter");
  m.style.display = "block"; m.classList.add("show", "sandbox-modal");
  const b = document.querySelector(".modal-backdrop");
  b.style.display = "block"; b.classList.add("show", "sandbox-overlay");
}});
document.querySelector("#chooseTheaterModalCenter .close").addEventListener("click", () => {{
  document.cookie = "ml_theater=1; path=/";
  document.querySelector("#chooseTheaterModalCenter").style.display = "none";
  document.querySelector("#chooseTheaterModalCenter").classList.remove("show");
  document.querySelector(".modal-backdrop").remove();
}});
</script>"""
        sbuzz = "" if request.cookies.get("ml_sbuzz") else """
<div id="sbuzz-prompt" class="sandbox-modal"><p>רוצים לקבל עדכונים על סרטים חדשים?</p>
  <button id="sbuzz-confirm">כן, בטח</button> <button id="sbuzz-deny">לא תודה</button></div>
<script>
Sandbox.popup("#sbuzz-prompt", 600);
document.querySelectorAll("#sbuzz-confirm, #sbuzz-deny").forEach((b) => b.addEventListener("click", () => {
  document.cookie = "ml_sbuzz=1; path=/"; document.querySelector("#sbuzz-prompt").style.display = "none"; }));
</script>"""
        body = f"""
<header id="masthead"><a class="logo" href="/{self.name}/movies">MOVIELAND</a>
<nav id="site-navigation"><ul id="primary-menu" class="menu">
  <li class="menu-item"><a href="/{self.name}/movies">סרטים</a></li>
  <li class="menu-item menu-item-has-children"><a href="#">בתי קולנוע</a>
    <ul class="sub-menu" style="display:none">{theaters}</ul></li>
  <li class="menu-item"><a href="/{self.name}/soon">בקרוב בקולנוע</a></li>
</ul></nav></header>
<main>{main}</main>
<div class="gdpr-banner sandbox-banner"><p>אתר זה משתמש בעוגיות.</p><a href="#" class="gdpr-accept">אישור</a></div>
<script>Sandbox.banner(".gdpr-banner", ".gdpr-accept");</script>{sbuzz}{modal}"""
        return document(f"{title} – MovieLand", body, lang="he", rtl=True, config=request.config())

    def grid(self, request: Request, films: list[MLFilm], title: str, path: str) -> str:
        cards = "".join(
            f'<div class="movie-item"><a class="movie-link" href="/{self.name}/movie/{f.number}">'
            f'<div class="poster"></div><h3>{h(f.names()[0])}</h3></a></div>' for f in films
        )
        grid = "" if request.has("missing") else '<div class="movies-grid" id="movies-grid"></div>'
        main = (f'<div class="inner-page-header"><h1>{h(title)}</h1></div><div id="change-bg">{grid}</div>'
                f'<template data-render-into="#movies-grid" data-delay="300">{cards}</template>')
        return self.shell(request, title, main, first_visit_popups=True)

    def film_page(self, request: Request, film: MLFilm) -> str:
        hebrew, english = film.names()
        fields = film.fields
        details = [("תאריך יציאה", date.fromisoformat(fields["release_date"]).strftime("%d/%m/%Y")
                    if fields["release_date"] else ""),
                   ("הגבלת גיל", rating_hebrew(fields["rating"]) if fields["rating"] else UNKNOWN),
                   ("משך", f"{fields['runtime']} דקות" if fields["runtime"] else ""),
                   ("שנת הפקה", fields["release_year"]),
                   ("שפה", show_language(fields["original_language"]))]
        items = "".join(f"<li><span>{h(label)}:</span> <span>{h(value)}</span></li>"
                        for label, value in details if value)
        main = f"""
<div id="change-bg"><div class="movie-page{' IsLtr' if film.ltr else ''}"><div class="bg-more-b">
  <span class="movie-name-heb">{h(hebrew)}</span>
  <span class="movie-name-eng">{h(english)}</span>
  <ul class="movie-details">{items}</ul>
  <div class="movie-synopsis"><p>…</p></div>
</div></div></div>"""
        return self.shell(request, hebrew, main)

    def theater_page(self, request: Request, theater: Theater) -> str:
        today = self.today.isoformat()
        enabled = sorted({today, *(r["date_of_showing"] for r in theater.rows if r["date_of_showing"] >= today)})
        config = {"enabled": enabled, "start": enabled[0], "end": enabled[-1], "theater": theater.ident,
                  "api": f"/{self.name}/api/events", "months": MONTHS}
        events = "" if request.has("missing") else """
<div id="events-list">
  <div class="bg-dates"><button type="button" class="datepicker-toggle">תאריכים נוספים</button></div>
  <div class="events-loader loader">טוען…</div>
  <div class="events-results"></div>
</div>"""
        main = f"""
<div class="inner-page-header"><h1>{h(theater.name)}</h1></div>
<div id="change-bg"><h2>סרטים והקרנות ב{h(theater.name)}</h2>{events}</div>
<script>window.ML = {json.dumps(config, ensure_ascii=False)};</script>
<script>{DATEPICKER_JS}</script>"""
        return self.shell(request, theater.name, main)

    def events(self, theater: Theater, iso: str) -> str:
        try:
            day = date.fromisoformat(iso)
        except ValueError:
            return f'<p class="no-results">{NO_SCREENINGS}</p>'
        rows = [r for r in theater.rows if r.get("date_of_showing") == iso or (
            day == self.today and r.get("date_of_showing", "") < iso)]  # + the previous day's late screenings
        header = f'<div class="events-date">{h(day_label(day, year=True))}</div>'
        if not rows:
            return f'{header}<p class="no-results">{NO_SCREENINGS}</p>'
        blocks: dict[tuple[int, bool], dict[str, list[dict]]] = {}
        for row in rows:
            film = self.now[tuple(row.get(c, "") for c in FILM_FIELDS)]
            blocks.setdefault((film.number, bool(row.get("dub_language"))), {}).setdefault(
                row["date_of_showing"], []).append(row)
        return header + "".join(self.block(self.films[number], dubbed, by_day)
                                for (number, dubbed), by_day in blocks.items())

    def block(self, film: MLFilm, dubbed: bool, by_day: dict[str, list[dict]]) -> str:
        name = film.fields["hebrew_title"] + (" (מדובב)" if dubbed else "")
        days = []
        for iso, rows in sorted(by_day.items()):
            links = "".join(
                f'<a class="order-link"{attrs(href=r.get("english_href", ""))}>'
                f'{VIP_ICON if r.get("screening_type") == "Upgrade" else ""}'
                f'<span>{h(r.get("showtime"))}</span></a>' for r in sorted(rows, key=lambda r: r.get("showtime", ""))
            )
            days.append(f'<div class="bg-day"><div class="bg-day-c">{h(day_label(date.fromisoformat(iso)))}</div>'
                        f'<p class="subs">{"מדובב לעברית" if dubbed else "כתוביות בעברית"}</p>'
                        f'<div class="times">{links}</div></div>')
        return (f'<div class="bg-choose"><div class="bg-movie"><h3 class="movie-name">'
                f'<a href="/{self.name}/movie/{film.number}">{h(name)}</a></h3></div>{"".join(days)}</div>')


# A bootstrap-datepicker look-alike: dropdown under the "more dates" button, closes after a pick and
# reopens on the picked month; days without screenings are disabled; th.next disabled after the last.
DATEPICKER_JS = """
(function () {
  const cfg = window.ML, enabled = new Set(cfg.enabled);
  const toggle = document.querySelector("#events-list .datepicker-toggle");
  if (!toggle) return;
  const picker = document.createElement("div");
  picker.className = "datepicker datepicker-dropdown dropdown-menu";
  picker.style.display = "none";
  document.body.appendChild(picker);
  let selected = cfg.start, view = null;
  const ymd = (d) => d.toISOString().slice(0, 10);
  function render() {
    const first = new Date(Date.UTC(view.y, view.m, 1));
    const [ey, em] = cfg.end.split("-").map(Number);
    const last = view.y > ey || (view.y === ey && view.m + 1 >= em);
    let body = "", d = 1 - first.getUTCDay();
    for (let w = 0; w < 6; w++) {
      body += "<tr>";
      for (let i = 0; i < 7; i++, d++) {
        const day = new Date(Date.UTC(view.y, view.m, d)), key = ymd(day);
        let cls = "day";
        if (day.getUTCMonth() !== view.m) cls = (day < first ? "old " : "new ") + cls;
        else if (!enabled.has(key)) cls = "disabled " + cls;
        else if (key === selected) cls = "active " + cls;
        body += `<td class="${cls}" data-date="${day.getTime()}">${day.getUTCDate()}</td>`;
      }
      body += "</tr>";
    }
    picker.innerHTML = `<div class="datepicker-days"><table class="table-condensed"><thead><tr>` +
      `<th class="prev">«</th><th colspan="5" class="datepicker-switch">${cfg.months[view.m]} ${view.y}</th>` +
      `<th class="next${last ? " disabled" : ""}">»</th></tr></thead><tbody>${body}</tbody></table></div>`;
  }
  function load(key) {
    Sandbox.load(`${cfg.api}?theater=${cfg.theater}&date=${key}`, "#events-list .events-results",
                 "#events-list .events-loader");
  }
  toggle.addEventListener("click", () => Sandbox.later(120, () => {
    const [y, m] = selected.split("-").map(Number);
    view = { y: y, m: m - 1 };
    render();
    picker.style.display = "block";
  }));
  picker.addEventListener("click", (ev) => {
    const cell = ev.target.closest("td.day"), next = ev.target.closest("th.next"), prev = ev.target.closest("th.prev");
    if (next && !next.classList.contains("disabled")) {
      view.m += 1; if (view.m > 11) { view.m = 0; view.y += 1; } render();
    } else if (prev) {
      view.m -= 1; if (view.m < 0) { view.m = 11; view.y -= 1; } render();
    } else if (cell && !/\\b(disabled|old|new)\\b/.test(cell.className)) {
      selected = ymd(new Date(parseInt(cell.getAttribute("data-date"), 10)));
      picker.style.display = "none";
      load(selected);
    }
  });
  load(selected);
})();
"""

REPLICA = MovieLandReplica()
