"""Tel Aviv Cinematheque replica: `/en/shown/?date=YYYY-MM-DD`, one page per date (ORIGINAL §1.8).

Each screening group is a `.festival-grid-box` (title `h3 a`, a `p` with country/year, description
with "Length: N", ticket badges `.content-detail .text-badge a` with the time in a `span`), rendered
by JavaScript after a delay into `#nav-date`; a `.shown-popup-overlay` pops up over it. Titles with
no English name show a Hebrew title; a few simple English titles appear only in the description
(the scraper's fallback). Times are printed as the site did ("9:30").
"""

from __future__ import annotations

import re
from datetime import date

from scrapers.sandbox.html import attrs, document, h
from scrapers.sandbox.replica import Replica, Request, Response, not_found

HEBREW_PLACEHOLDER = "הקרנה מיוחדת בסינמטק"
SIMPLE_TITLE = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


class TlvReplica(Replica):
    name = "tlv_cinematheque"
    cinema = "Tel Aviv Cinematheque"
    kind = "showtimes"
    start_path = "/en/shown/"

    def load(self, rows: list[dict[str, str]], today: date) -> None:
        self.today = today
        self.by_date: dict[str, dict[tuple, list[dict]]] = {}
        for row in rows:
            key = (row.get("english_title", ""), row.get("release_year", ""), row.get("runtime", ""))
            self.by_date.setdefault(row.get("date_of_showing", ""), {}).setdefault(key, []).append(row)

    def handle(self, request: Request) -> Response:
        if request.path.rstrip("/") not in ("/en/shown", ""):
            return not_found()
        day = request.query.get("date") or self.today.isoformat()
        boxes = "".join(self.box(key, rows, n) for n, (key, rows) in enumerate(self.by_date.get(day, {}).items()))
        content = f'<div class="fest-box-parent-wrapper">{boxes}</div>' if boxes else (
            '<div class="no-results">No screenings on this date</div>')
        grid = "" if request.has("missing") else '<div id="nav-date"></div>'
        body = f"""
<header><a class="lang-switch" href="/{self.name}/shown/">עברית</a> <span>Tel Aviv Cinematheque</span></header>
<h1>Screenings</h1><p class="current-date">{h(day)}</p>
{grid}
<template data-render-into="#nav-date" data-delay="80">{content}</template>
<div class="shown-popup-overlay sandbox-overlay"><div class="popup">Subscribe!</div></div>
<script>Sandbox.popup(".shown-popup-overlay", 300);</script>"""
        return Response(document("Screenings – Tel Aviv Cinematheque", body, config=request.config()))

    def box(self, key: tuple[str, str, str], rows: list[dict], number: int) -> str:
        title, year, runtime = key
        in_description = bool(title) and bool(SIMPLE_TITLE.fullmatch(title)) and number % 2 == 1
        shown_title = title if title and not in_description else HEBREW_PLACEHOLDER
        description = (f"{title} — " if in_description else "") + "סרט מתוך התוכנית."
        if runtime:  # the English site says "Length: N"; boxes in Hebrew only "N דקות"
            description += f" Length: {runtime} min" if shown_title == title else f" {runtime} דקות"
        badges = "".join(
            f'<div class="text-badge"><a{attrs(href=r.get("english_href", ""))}><span>{h(r.get("showtime"))}</span>'
            f"</a></div>" for r in rows
        )
        return (
            f'<div class="festival-grid-box"><div class="title"><h3><a href="#">{h(shown_title)}</a></h3>'
            f"<p>{h(year)}</p></div><div class=\"description\"><p>{h(description)}</p></div>"
            f'<div class="content-detail">{badges}</div></div>'
        )


REPLICA = TlvReplica()
