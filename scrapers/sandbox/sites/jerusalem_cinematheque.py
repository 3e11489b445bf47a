"""Jerusalem Cinematheque replica: the two-language calendar `/en/article/4284` and `/he/article/4284`.

A strip of 45 dates (`#calender-filter`, each with a hidden `span.filter-date` = Unix time of local
midnight); clicking one shows the loader `.load-inner.loading`, fetches the day's `.lobby-container`
blocks and then updates the header `.calenders-filter-date p` ("Friday | 14.08.26"). Tickets are a
`button.toptix-purchase` (data-event-id, data-url) or, without one, an `a.link-image` event link.
The EU cookie banner ("OK, I agree") and a language switcher `ul.language-switcher-locale-url`.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from scrapers.sandbox.html import attrs, document, h
from scrapers.sandbox.replica import Replica, Request, Response, not_found

DAYS = 45
ISRAEL = ZoneInfo("Asia/Jerusalem")
WEEKDAYS = {"en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
            "he": ("יום שני", "יום שלישי", "יום רביעי", "יום חמישי", "יום שישי", "שבת", "יום ראשון")}
TEXTS = {
    "en": {"title": "Schedule", "dir": "Dir:", "minutes": "minutes", "none": "No screenings", "tickets": "Tickets"},
    "he": {"title": "לוח הקרנות", "dir": "בימוי:", "minutes": "דקות", "none": "אין הקרנות", "tickets": "כרטיסים"},
}


def event_id(href: str) -> str:
    match = re.search(r"/(?:order|event)/(\d+)", href or "")
    return match.group(1) if match else ""


class JerusalemReplica(Replica):
    name = "jerusalem_cinematheque"
    cinema = "Jerusalem Cinematheque"
    kind = "showtimes"
    start_path = "/en/article/4284"

    def load(self, rows: list[dict[str, str]], today: date) -> None:
        self.today = today
        self.by_date: dict[str, list[dict]] = {}
        for row in rows:
            self.by_date.setdefault(row.get("date_of_showing", ""), []).append(row)
        for day_rows in self.by_date.values():
            day_rows.sort(key=lambda r: r.get("showtime", ""))

    def handle(self, request: Request) -> Response:
        match = re.fullmatch(r"/(en|he)/article/4284/?", request.path)
        if match:
            return Response(self.calendar(request, match.group(1)))
        if request.path == "/api/calendar":
            lang = request.query.get("lang", "en") if request.query.get("lang") in TEXTS else "en"
            return Response(self.day(request.query.get("date", ""), lang))
        return not_found()

    def header(self, day: date, lang: str) -> str:
        return f"{WEEKDAYS[lang][day.weekday()]} | {day.strftime('%d.%m.%y')}"

    def calendar(self, request: Request, lang: str) -> str:
        items = []
        for offset in range(DAYS):
            day = self.today + timedelta(days=offset)
            midnight = int(datetime(day.year, day.month, day.day, tzinfo=ISRAEL).timestamp())
            items.append(
                f"<li{attrs(data_iso=day.isoformat(), data_header=self.header(day, lang))}><a href=\"#\">"
                f'<span class="day">{day.day}.{day.month}</span>'
                f'<span class="weekday">{h(WEEKDAYS[lang][day.weekday()])}</span>'
                f'<span class="filter-date" style="display:none">{midnight}</span></a></li>'
            )
        other = "he" if lang == "en" else "en"
        config = {"api": f"/{self.name}/api/calendar", "lang": lang}
        results = "" if request.has("missing") else '<div id="calendar-results"></div>'
        body = f"""
<header><span>Jerusalem Cinematheque</span>
  <ul class="language-switcher-locale-url"><li class="{other}"><a hreflang="{other}"
    href="/{self.name}/{other}/article/4284">{'עברית' if other == 'he' else 'English'}</a></li></ul></header>
<div class="calendar-strip"><ul id="calender-filter">{''.join(items)}</ul></div>
<div class="calenders-filter-date"><p></p></div>
<div class="load-inner loading" style="display:block">Loading…</div>
{results}
<div class="eu-cookie-compliance-banner sandbox-banner">We use cookies.
  <button class="agree-button">OK, I agree</button> <button class="decline-button">No, thanks</button></div>
<script>window.JLEM = {json.dumps(config)};
Sandbox.banner(".eu-cookie-compliance-banner", ".eu-cookie-compliance-banner .agree-button");</script>
<script src="/_sandbox/static/jlem_calendar.js" defer></script>"""
        return document(f"{TEXTS[lang]['title']} – Jerusalem Cinematheque", body, lang=lang, rtl=lang == "he",
                        config=request.config())

    def day(self, iso: str, lang: str) -> str:
        text = TEXTS[lang]
        rows = self.by_date.get(iso, [])
        if not rows:
            return f'<div class="lobby-container empty">{h(text["none"])}</div>'
        return "".join(self.block(row, lang) for row in rows)

    def block(self, row: dict[str, str], lang: str) -> str:
        text = TEXTS[lang]
        title = row.get("hebrew_title") if lang == "he" else row.get("english_title")
        href = row.get("english_href", "")
        if lang == "he":
            href = href.replace("lang=en", "lang=he")
        if "/order/" in href:
            ticket = (f'<button class="toptix-purchase"{attrs(data_event_id=event_id(href), data_url=href)}>'
                      f"{h(text['tickets'])}</button>")
            link = "#"
        else:
            ticket, link = "", href
        director = f'<span class="cal-hall">{h(text["dir"])} {h(row.get("directed_by"))}</span>' if row.get(
            "directed_by") else ""
        length = f'<span class="cal-length">{h(row.get("runtime"))} {h(text["minutes"])}</span>' if row.get(
            "runtime") else ""
        return (
            f'<div class="lobby-container"><div class="ticket-details"><div class="time">{h(row.get("showtime"))}'
            f'</div><div class="hall">Cinematheque 1</div>{ticket}</div>'
            f'<a class="link-image"{attrs(href=link)}><div class="img"></div></a>'
            f'<div class="lobby-title second"><a{attrs(href=link)}>{h(title)}</a></div>'
            f'<div class="lobby-meta">{director}{length}</div></div>'
        )


REPLICA = JerusalemReplica()
