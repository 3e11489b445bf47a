"""Herzliya Cinematheque replica: the home page's `#movie-screenings` Swiper carousel (ORIGINAL §1.8).

One slide per screening (`div.swiper-slide[data-post-id][data-swiper-slide-index]`, link
`a.jet-listing-dynamic-link__link` to the film's post, a JetEngine field "dd/mm/yyyy HH:MM"),
rendered by JavaScript after a delay, in Swiper loop mode: clones of the last slides before the
first and of the first slides after the last, with the same slide index (the leading clones carry
`swiper-slide-duplicate`, the trailing ones do not), and an autoplay that keeps moving the
active-slide classes. Each post page shows the Hebrew `h1` with the site's decorations (subscriber
notes, "+ שיחה …", "– דיבוב"), the English `h3`, the details with the year and "N דק׳", "דיבוב עברי"
for dubbed films, and ONE smarticket link per post (after other links).

The old pipeline never reset the runtime, so its rows carry the first film's runtime into every
later film; `expected_rows` undoes that (the live site showed a runtime only on that one post).
"""

from __future__ import annotations

import re
from datetime import date

from scrapers.base.textparse import has_latin
from scrapers.sandbox.html import attrs, document, h
from scrapers.sandbox.replica import Replica, Request, Response, not_found

CLONES = 3
DECORATIONS = (" (ללא תוספת למנויים)", " + שיחה עם הבמאית", "", " (שלישי זהב)", "", " + הרצאה של ד\"ר נועה לוי")
AUTOPLAY_JS = """<script>
Sandbox.later(700, function tick() {
  const slides = document.querySelectorAll("#movie-screenings .swiper-slide");
  if (!slides.length) return;
  const now = document.querySelector("#movie-screenings .swiper-slide-active");
  const i = now ? (Array.prototype.indexOf.call(slides, now) + 1) % slides.length : 0;
  if (now) now.classList.remove("swiper-slide-active");
  slides[i].classList.add("swiper-slide-active");
  Sandbox.later(500, tick);
});
</script>"""


def post_key(row: dict[str, str]) -> tuple[str, str, str]:
    """A post = one film page with one smarticket link."""
    return row.get("english_title", ""), row.get("hebrew_title", ""), row.get("english_href", "")


def expected_rows(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Undo the old scraper's carried-over runtime: a runtime belongs to the post where it first appeared
    (in the old scrape order = file order); on every other post's rows it was a leftover → ''."""
    owner: dict[str, tuple[str, str, str]] = {}
    repaired = []
    for row in rows:
        runtime = row.get("runtime", "")
        if runtime and owner.setdefault(runtime, post_key(row)) != post_key(row):
            row = {**row, "runtime": ""}
        repaired.append(row)
    return repaired


class HerzliyaReplica(Replica):
    name = "herzliya_cinematheque"
    cinema = "Herziliya Cinematheque"
    kind = "showtimes"
    start_path = "/"

    def load(self, rows: list[dict[str, str]], today: date) -> None:
        self.today = today
        posts: dict[tuple[str, str, str], list[dict[str, str]]] = {}
        for row in expected_rows(rows):
            posts.setdefault(post_key(row), []).append(row)
        self.posts = list(posts.values())  # post number = position
        self.screenings = sorted(((r.get("date_of_showing", ""), r.get("showtime", ""), number, r)
                                  for number, post in enumerate(self.posts) for r in post), key=lambda s: s[:3])

    def handle(self, request: Request) -> Response:
        if request.path in ("/", ""):
            return Response(self.home(request))
        match = re.fullmatch(r"/movie/(\d+)/?", request.path)
        if match and int(match.group(1)) < len(self.posts):
            return Response(self.post_page(request, int(match.group(1))))
        return not_found()

    def slide(self, index: int, clone: str = "") -> str:
        day, time, number, row = self.screenings[index]
        shown = f"{day[8:10]}/{day[5:7]}/{day[:4]} {time}" if day else time
        classes = "swiper-slide" + (" swiper-slide-duplicate" if clone == "marked" else "")
        return (
            f"<div{attrs(class_=classes, data_post_id=1000 + number, data_swiper_slide_index=index)}>"
            f'<div class="jet-listing-dynamic-field__content">{h(row.get("hebrew_title"))}</div>'
            f'<div class="jet-listing-dynamic-field__content">{h(shown)}</div>'
            f'<a class="jet-listing-dynamic-link__link"{attrs(href=f"/{self.name}/movie/{number}/")}>לפרטים</a></div>'
        )

    def home(self, request: Request) -> str:
        count = len(self.screenings)
        clones = min(CLONES, count)
        slides = (
            [self.slide(i, "marked") for i in range(count - clones, count)]
            + [self.slide(i) for i in range(count)]
            + [self.slide(i, "unmarked") for i in range(clones)]
        )
        carousel = "" if request.has("missing") else (
            '<section id="movie-screenings"><div class="swiper"><div class="swiper-wrapper"></div></div></section>')
        body = f"""
<header><span>סינמטק הרצליה</span> <nav><a href="/{self.name}/">ראשי</a> <a href="#">מנויים</a></nav></header>
<h2>הקרנות קרובות</h2>
{carousel}
<template data-render-into="#movie-screenings .swiper-wrapper" data-delay="250">{''.join(slides)}</template>
{AUTOPLAY_JS}"""
        return document("סינמטק הרצליה", body, lang="he", rtl=True, config=request.config())

    def post_page(self, request: Request, number: int) -> str:
        row = self.posts[number][0]
        dubbed = row.get("dub_language") == "Hebrew"
        decoration = " – דיבוב" if dubbed and number % 2 else DECORATIONS[number % len(DECORATIONS)]
        english = row.get("english_title", "")
        heading = f"<h3>{h(english)}</h3>" if has_latin(english) else "<h3>אירוע מיוחד</h3>"
        details = " | ".join(part for part in (
            "ארה\"ב" if number % 2 else "צרפת",
            row.get("release_year", ""),
            f"{row['runtime']} דק׳" if row.get("runtime") else "",
        ) if part)
        dub_note = "<p>הסרט מוקרן בדיבוב עברי</p>" if dubbed and not number % 2 else ""
        body = f"""
<header><span>סינמטק הרצליה</span> <nav><a href="https://www.facebook.com/hcinema">פייסבוק</a></nav></header>
<article class="post">
  <h1 class="elementor-heading-title">{h(row.get("hebrew_title"))}{h(decoration)}</h1>
  {heading}
  <div class="elementor-widget-theme-post-content"><p>{h(details)}</p>{dub_note}
    <p>הקרנה בסינמטק הרצליה. מספר המקומות מוגבל.</p></div>
  <a class="elementor-button"{attrs(href=row.get("english_href"))}>לרכישת כרטיסים</a>
</article>"""
        return document(f"{row.get('hebrew_title')} – סינמטק הרצליה", body, lang="he", rtl=True,
                        config=request.config())


REPLICA = HerzliyaReplica()
