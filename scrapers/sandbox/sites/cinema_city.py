"""Cinema City replica (Hebrew, RTL, at /cinema_city/): home page and /comingsoon (ORIGINAL §1.6, §1.7).

Home: a film catalogue `#change-bg #moviesContainer > div.row.mainThumbWrapper` that grows by a
"load more" link (`.movie-more-wrapper a`), and the red quick-booking bar `#quickBooking`: five
cascading `dl` dropdowns (`dt > a` opens, `dd ul li a` options) — branch → hall type → film → day
→ hour — rendered by `cinema_city.js` from the page's JSON with a delay per level, and a Knockout-like
`ko.dataFor(el)` that gives each option's data (an hour's `EventId`). Popups: `<flashy-popup>`, the
chat widget `#popupVSChat`, the GDPR banner `#gdpr-module-message`.
Coming soon: the same card grid (Hebrew `h2`, English, runtime, release date, rating) with load more.
Decoys the scraper must leave out: a Russian-dubbed film version in the bar; dubbed, kids-club and
HFR cards among the coming-soon films.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date

from scrapers.sandbox.html import attrs, document, h
from scrapers.sandbox.replica import Replica, Request, Response, not_found
from scrapers.sandbox.vocab import rating_hebrew
from scrapers.sites.nowplaying.cinema_city import BRANCH_CITIES, HALLS

BLOCK = 4  # cards per catalogue block (one more block per "load more")
WEEKDAYS = ("יום ב'", "יום ג'", "יום ד'", "יום ה'", "יום ו'", "שבת", "יום א'")
BRANCH_NAMES = {city: branch for branch, city in BRANCH_CITIES.items()}
HALL_LABELS = {value: label for label, value in HALLS.items()}
SOON_DECOYS = ("מיניונים ומפלצות מדובב", "סינמה קידס - מופע קיץ", "אווטאר: אש ואפר HFR")


def event_id(href: str) -> int | None:
    match = re.search(r"/order/(\d+)", href or "")
    return int(match.group(1)) if match else None


def display_title(row: dict[str, str]) -> str:
    """The Hebrew title as the site prints it: with its dubbing and 3D markers."""
    title = row.get("hebrew_title") or row.get("english_title") or "?"
    dub = row.get("dub_language", "")
    if dub == "French":
        title += " מדובב לצרפתית"
    elif dub:
        title += " מדובב"
    tech = row.get("screening_tech", "")
    if tech.startswith("3D"):
        title += " תלת מימד"
    if "HFR" in tech:
        title += " HFR"
    return title


def hall_label(row: dict[str, str]) -> str:
    tech = row.get("screening_tech", "")
    suffix = tech.split(" ", 1)[1] if " " in tech and tech.split(" ", 1)[1] != "HFR" else ""
    return HALL_LABELS.get((row.get("screening_type") or "Regular", suffix), row.get("screening_type") or "רגיל")


@dataclass
class Card:
    ident: int
    title: str  # as printed (h4 / h2)
    row: dict[str, str]


@dataclass
class Tree:
    """branch → hall → film → day → [(time, event id)] in the order the bar lists them."""

    nodes: dict = field(default_factory=dict)

    def add(self, path: tuple[str, ...], hour: dict) -> None:
        node = self.nodes
        for key in path:
            node = node.setdefault(key, {})
        node.setdefault("", []).append(hour)

    def json(self) -> list[dict]:
        return self._level(self.nodes, 0)

    def _level(self, node: dict, depth: int) -> list[dict]:
        keys = ("types", "films", "days", "hours")
        out = []
        for label in sorted((k for k in node if k), key=self._order(depth)):
            child = node[label]
            entry = {"name": label}
            if depth < 3:
                entry[keys[depth]] = self._level(child, depth + 1)
            else:
                entry["hours"] = sorted(child[""], key=lambda x: x["Time"])
            out.append(entry)
        return out

    @staticmethod
    def _order(depth: int):
        if depth == 3:  # days: chronological ("יום ג' 4/8/2026")
            return lambda label: tuple(reversed([int(x) for x in re.findall(r"\d+", label)[-3:]]))
        return lambda label: label


def day_label(iso: str) -> str | None:
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return None  # a row without a usable date is not served (the sandbox must not fail on bad data)
    return f"{WEEKDAYS[day.weekday()]} {day.day}/{day.month}/{day.year}"


class CinemaCityReplica(Replica):
    name = "cinema_city"
    cinema = "Cinema City"
    kind = "showtimes"
    kinds = ("showtimes", "comingsoon")
    start_path = "/"

    def load(self, rows: list[dict[str, str]], today: date) -> None:
        self.today = today
        self.cards: dict[str, Card] = {}
        self.soon: list[Card] = []
        self.tree = Tree()
        decoy_added = False
        for row in rows:
            if not row.get("showtime") and not row.get("date_of_showing"):
                marker = " אנגלית" if not self.soon else ""  # a language suffix the scraper strips
                self.soon.append(Card(1000 + len(self.soon), row.get("hebrew_title", "") + marker, row))
                continue
            title, day = display_title(row), day_label(row.get("date_of_showing", ""))
            if day is None:
                continue
            self.cards.setdefault(title, Card(len(self.cards) + 1, title, row))
            branch = BRANCH_NAMES.get(row.get("screening_city", ""), row.get("screening_city", ""))
            path = (branch, hall_label(row), title, day)
            self.tree.add(path, {"Time": row.get("showtime", ""), "EventId": event_id(row.get("english_href", ""))})
            if not decoy_added:  # the same film dubbed into Russian: a version the scraper skips
                decoy_added = True
                self.tree.add((*path[:2], row.get("hebrew_title", "") + " מדובב לרוסית", path[3]),
                              {"Time": "23:59", "EventId": 999999})
        for number, title in enumerate(SOON_DECOYS):
            self.soon.insert(2 * number + 1, Card(900 + number, title, {"hebrew_title": title, "runtime": "90",
                                                                         "release_date": today.isoformat()}))

    # ------------------------------------------------------------------------------ pages
    def handle(self, request: Request) -> Response:
        path = request.path.rstrip("/") or "/"
        if path == "/":
            return Response(self.home(request))
        if path == "/comingsoon":
            return Response(self.coming_soon(request))
        if path == "/api/movies":
            number = request.query.get("page", "1")
            page = int(number) if number.isdigit() else 1
            cards = self.soon if request.query.get("soon") else list(self.cards.values())
            return Response(self.block(cards, page, soon=bool(request.query.get("soon"))))
        return not_found()

    def chrome(self, request: Request, title: str, main: str, script: str = "") -> str:
        body = f"""
<header class="site-header"><a class="logo" href="/{self.name}/">סינמה סיטי</a>
  <nav><a href="/{self.name}/comingsoon">בקרוב</a>
  <a class="btn-red" href="#quickBooking">הזמנת כרטיסים</a></nav></header>
{main}
<flashy-popup class="sandbox-modal" style="display:none"><div class="flashy-content">מבצע קיץ!</div></flashy-popup>
<div id="popupVSChat" class="sandbox-chat"><p>היי, אני העוזר AI של סינמה סיטי</p></div>
<div id="gdpr-module-message" class="sandbox-banner"><p>בסה"כ עוגיות, לא דרמה גדולה</p>
  <a href="#" class="gdpr-accept">אישור</a></div>
<script>
Sandbox.popup("flashy-popup", 350); Sandbox.popup("#popupVSChat", 500);
Sandbox.banner("#gdpr-module-message", "#gdpr-module-message .gdpr-accept");
{script}
</script>"""
        return document(title, body, lang="he", rtl=True, config=request.config())

    def grid(self, request: Request, cards: list[Card], soon: bool) -> str:
        if request.has("missing"):
            return '<div id="change-bg"><div class="empty"></div></div>'
        more = len(cards) > BLOCK
        api = f"/{self.name}/api/movies" + ("?soon=1&" if soon else "?")
        return f"""
<div id="change-bg"><div id="moviesContainer">{self.block(cards, 1, soon)}</div>
  <div class="movie-more-wrapper"><a href="#" class="more-movies"{attrs(style=None if more else "display:none")}
     data-api="{h(api)}" data-pages="{(len(cards) + BLOCK - 1) // BLOCK}">לסרטים נוספים</a></div></div>"""

    def block(self, cards: list[Card], page: int, soon: bool = False) -> str:
        chosen = cards[(page - 1) * BLOCK: page * BLOCK]
        cards_html = "".join(self.card(c, soon) for c in chosen)
        return f'<div class="row mainThumbWrapper">{cards_html}</div>' if chosen else ""

    def card(self, card: Card, soon: bool) -> str:
        row = card.row
        english = row.get("english_title", "")
        shown_english = "" if english == row.get("hebrew_title") else english
        info = [("ז'אנר", "דרמה")]
        if row.get("runtime"):
            info.append(("אורך", f"{row['runtime']} דק'"))
        if soon and re.fullmatch(r"\d{4}-\d{2}-\d{2}", row.get("release_date", "")):
            year, month, day = row["release_date"].split("-")
            info.append(("תאריך יציאה", f"{day}/{month}/{year}"))
        if row.get("rating"):
            info.append(("הגבלת גיל", rating_hebrew(row["rating"])))
        lines = "".join(f'<p><span class="lbl">{h(label)}:</span> <span class="val">{h(value)}</span></p>'
                        for label, value in info)
        heading = f"<h2>{h(card.title)}</h2>" if soon else f"<h4>{h(card.title)}</h4>"
        return (f'<div class="col-md-3 movie-thumb"{attrs(data_movie_id=card.ident)}>'
                f'<a class="movie-link" href="/{self.name}/movie/{card.ident}"><img alt="{h(card.title)}"></a>'
                f'<div class="thumb-text">{heading}<p class="movie-name-en">{h(shown_english)}</p>'
                f'<div class="movie-info">{lines}</div></div></div>')

    def home(self, request: Request) -> str:
        levels = (("ddlCinema", "בחירת קולנוע"), ("ddlType", "בחירת סוג אולם"), ("ddlMovie", "בחירת סרט"),
                  ("ddlDate", "בחירת תאריך"), ("ddlHour", "בחירת שעה"))
        dropdowns = "".join(
            f'<dl class="dropdown" id="{i}"><dt><a href="#"><span>{h(label)}</span></a></dt>'
            f'<dd><ul style="display:none"></ul></dd></dl>' for i, label in levels)
        tree = json.dumps(self.tree.json(), ensure_ascii=False).replace("</", "<\\/")
        main = f"""
<section class="hero"><h1>קופה ראשית: הסרט</h1></section>
<div id="quickBooking" class="quick-booking"><h2>הזמנת כרטיסים</h2>{dropdowns}
  <a class="btn buy-btn" href="#">קחו אותי לסרט</a></div>
{self.grid(request, list(self.cards.values()), soon=False)}
<script>window.CC_TREE = {tree};</script>
<script src="/_sandbox/static/cinema_city.js" defer></script>"""
        return self.chrome(request, "סינמה סיטי", main)

    def coming_soon(self, request: Request) -> str:
        main = f"""<h1 class="page-title">בקרוב</h1>{self.grid(request, self.soon, soon=True)}
<script src="/_sandbox/static/cinema_city.js" defer></script>"""
        return self.chrome(request, "בקרוב - סינמה סיטי", main)


REPLICA = CinemaCityReplica()
