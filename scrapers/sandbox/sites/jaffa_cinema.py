"""Jaffa Cinema replica: the Hebrew home page `/` and the English `/en/main/` (ORIGINAL §1.8).

Both pages list `article.jaffa-movie-card` blocks (rendered by JavaScript after a delay into
`.jaffa-movies`): title `h2.jaffa-movie-card__title` (sometimes with a subtitle note such as
"(Hebrew & English subs)"), a description whose first line is "1h 38m | Wong Kar-wai, Hong Kong,
2000" (parts the site does not know are left out), and the screenings: one `p` (date text + a buy
link) for a single screening, else `a.jaffa-movie-card__screening` links with
`span.jaffa-movie-card__date-link` "04/08, Tue 19:00" (no year). The two pages list the films in
DIFFERENT orders, so only identity (the smarticket screening links, the film slug) pairs them.

The old pipeline's rows carry its defects, undone by `expected_rows` (what the live site showed):
runtime "0" was a placeholder (→ unknown), a year stored as the director (→ unknown), and the
remains of subtitle notes in titles ("… - Eng,", "השנאה (Hebrew subs)") are not part of the title.
The bundled rows (run 590) have runtime and director filled in from public film facts, because the
old scraper never captured them; the unseen rows (run 596) are as the old pipeline wrote them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from scrapers.base.textparse import strip_subtitle_note
from scrapers.sandbox.html import attrs, document, h
from scrapers.sandbox.replica import Replica, Request, Response, not_found
from scrapers.sandbox.vocab import slug

LEFTOVER_NOTE = re.compile(r"\s*[-–]\s*(?:eng|heb)[a-z]*\s*,?\s*$", re.I)
DAYS = {"en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
        "he": ("יום ב׳", "יום ג׳", "יום ד׳", "יום ה׳", "יום ו׳", "שבת", "יום א׳")}
NOTE = {"en": " (Hebrew & English subs)", "he": " (כתוביות בעברית ובאנגלית)"}
FILM_FIELDS = ("english_title", "hebrew_title", "release_year", "runtime", "directed_by")


def expected_rows(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """The old rows with its known defects undone (see the module docstring)."""
    repaired = []
    for row in rows:
        row = dict(row)
        if row.get("runtime", "").strip() == "0":
            row["runtime"] = ""
        if re.fullmatch(r"\s*\d{4}\s*", row.get("directed_by", "")):
            row["directed_by"] = ""
        for column in ("english_title", "hebrew_title"):
            row[column] = strip_subtitle_note(LEFTOVER_NOTE.sub("", row.get(column, "")))
        repaired.append(row)
    return repaired


def runtime_text(minutes: str) -> str:
    if not minutes.isdigit() or int(minutes) == 0:
        return ""
    hours, rest = divmod(int(minutes), 60)
    return " ".join(part for part in (f"{hours}h" if hours else "", f"{rest}m" if rest else "") if part)


@dataclass
class Card:
    number: int
    values: dict[str, str]
    noted: set[str]  # languages whose title showed a subtitle note
    screenings: list[dict[str, str]] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return f"{slug(self.values['english_title'], 'film')}-{self.number}"


class JaffaReplica(Replica):
    name = "jaffa_cinema"
    cinema = "Jaffa Cinema"
    kind = "showtimes"
    start_path = "/"

    def load(self, rows: list[dict[str, str]], today: date) -> None:
        self.today = today
        self.cards: dict[tuple, Card] = {}
        for raw, row in zip(rows, expected_rows(rows), strict=True):
            key = tuple(row.get(c, "") for c in FILM_FIELDS)
            card = self.cards.get(key) or self.cards.setdefault(key, Card(len(self.cards), dict(row), set()))
            if raw.get("english_title") != row["english_title"] or card.number % 5 == 3:
                card.noted.add("en")
            if raw.get("hebrew_title") != row["hebrew_title"]:
                card.noted.add("he")
            card.screenings.append(row)
        for card in self.cards.values():
            card.screenings.sort(key=lambda r: (r.get("date_of_showing", ""), r.get("showtime", "")))

    def handle(self, request: Request) -> Response:
        path = request.path.rstrip("/") or "/"
        if path == "/":
            return Response(self.listing(request, "he"))
        if path == "/en/main":
            return Response(self.listing(request, "en"))
        return not_found()

    def listing(self, request: Request, lang: str) -> str:
        cards = list(self.cards.values())
        if lang == "en":  # by first screening
            cards.sort(key=lambda c: (c.screenings[0].get("date_of_showing", ""), c.screenings[0].get("showtime", "")))
        else:  # the Hebrew page lists films by Hebrew title: positions differ from the English page
            cards.sort(key=lambda c: c.values.get("hebrew_title", ""))
        html = "".join(self.card(card, lang) for card in cards)
        container = "" if request.has("missing") else '<section class="jaffa-movies"></section>'
        switch = ('<a class="lang" href="/jaffa_cinema/">עברית</a>' if lang == "en"
                  else '<a class="lang" href="/jaffa_cinema/en/main/">English</a>')
        body = f"""
<header><span>{'Jaffa Cinema' if lang == 'en' else 'סינמה יפו'}</span> {switch}</header>
<h1>{'Now showing' if lang == 'en' else 'בקולנוע עכשיו'}</h1>
{container}
<template data-render-into=".jaffa-movies" data-delay="200">{html}</template>"""
        return document("Jaffa Cinema" if lang == "en" else "סינמה יפו", body, lang=lang, rtl=lang == "he",
                        config=request.config())

    def card(self, card: Card, lang: str) -> str:
        values = card.values
        title = values["english_title"] if lang == "en" else values["hebrew_title"]
        title += NOTE[lang] if lang in card.noted else ""
        credits = ", ".join(p for p in (values.get("directed_by", ""),
                                        "France" if values.get("directed_by") and card.number % 2 else "",
                                        values.get("release_year", "")) if p)
        first_line = " | ".join(p for p in (runtime_text(values.get("runtime", "")), credits) if p)
        link = f"/jaffa_cinema{'/en' if lang == 'en' else ''}/movie/{card.slug}/"
        return (
            f'<article class="jaffa-movie-card"><a class="jaffa-movie-card__link"{attrs(href=link)}>'
            f'<h2 class="jaffa-movie-card__title">{h(title)}</h2></a>'
            f'<div class="jaffa-movie-card__description"><p><strong>{h(first_line)}</strong></p>'
            f"<p>{'A film at Jaffa Cinema.' if lang == 'en' else 'הקרנה בסינמה יפו.'}</p></div>"
            f'<div class="jaffa-movie-card__screenings">{self.screenings(card, lang)}</div></article>'
        )

    def screenings(self, card: Card, lang: str) -> str:
        def label(row: dict[str, str]) -> str:
            day = date.fromisoformat(row["date_of_showing"])
            return f"{day.strftime('%d/%m')}, {DAYS[lang][day.weekday()]} {row.get('showtime', '')}"

        if len(card.screenings) == 1:
            row = card.screenings[0]
            buy = "Tickets" if lang == "en" else "לרכישה"
            return (f'<p><span class="jaffa-movie-card__date">{h(label(row))}</span> '
                    f'<a class="jaffa-movie-card__buy"{attrs(href=row.get("english_href"))}>{buy}</a></p>')
        return "".join(
            f'<a class="jaffa-movie-card__screening"{attrs(href=row.get("english_href"))}>'
            f'<span class="jaffa-movie-card__date-link">{h(label(row))}</span></a>'
            for row in card.screenings
        )


REPLICA = JaffaReplica()
