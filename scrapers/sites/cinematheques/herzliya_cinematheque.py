"""Herzliya Cinematheque (hcinema.org.il): the home page's screenings carousel, one post per film.

Story: open the home page, wait for the `#movie-screenings` carousel, read every real slide once
(Swiper clones dropped by slide index, `base/carousel.py`): its post link and "dd/mm/yyyy HH:MM".
Each post is read ONCE, however many slides link to it: English `h3` (the Hebrew title when the `h3`
has no Latin letters), Hebrew `h1` without the site's decorations, year (first year in the post),
runtime ("N דק׳"), dubbing ("דיבוב עברי" on the page or "דיבוב" in the title) and the first
smarticket link — the post's one ticket link, shared by all its screenings.
"""

from __future__ import annotations

import re
from datetime import datetime

from scrapers.base import BaseScraper, Field, Film
from scrapers.base.carousel import read_carousel
from scrapers.base.normalise import clean_text
from scrapers.base.textparse import checked_link, first_year, has_latin, parse_runtime, strip_patterns

SLIDES = "#movie-screenings .swiper-slide[data-post-id]"
SLIDE = {
    "link": Field("a.jet-listing-dynamic-link__link", "href"),
    "fields": Field(".jet-listing-dynamic-field__content", many=True),
}
POST = {
    "hebrew": Field("h1"),
    "english": Field("h3"),
    "content": Field(".elementor-widget-theme-post-content"),
    "links": Field("a", "href", many=True),
}
TICKETS = r"^https?://[^/]*smarticket\.co\.il/"
WHEN = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}:\d{2})")
DECORATIONS = (  # the site's notes after a Hebrew title, not part of it
    re.compile(r"\s*\((?:שלישי זהב|ללא תשלום למנויים|ללא תוספת למנויים)\)"),
    re.compile(r"\s*\+\s*(?:הרצאה|שיחה)\b.*$"),
    re.compile(r"\s*[–-]\s*(?:דיבוב|אנגלית)\s*$"),
)


class HerzliyaCinematheque(BaseScraper):
    job = "herzliya_cinematheque"
    cinema = "Herziliya Cinematheque"
    live_root = "https://www.hcinema.org.il"
    sandbox_site = "herzliya_cinematheque"
    city = "Herziliya"

    def scrape(self) -> None:
        self.page.open(self.url("/"))
        self.page.wait_for("#movie-screenings", "screenings carousel")
        self.page.wait_for(SLIDES, "carousel slides")
        slides = self.page.retry_stale(lambda: read_carousel(self.page, SLIDES, SLIDE), what="carousel")
        by_post: dict[str, list[datetime]] = {}
        for slide in slides:
            when = next((self.when(text) for text in slide["fields"] if self.when(text)), None)
            if slide["link"] and when:
                by_post.setdefault(slide["link"], []).append(when)
        posts = self.capped("films", by_post)
        self.log(f"{len(slides)} screenings of {len(by_post)} films in the carousel")
        self.plan_steps(len(posts))
        for link in posts:
            film, tickets = self.read_post(link)
            for when in by_post[link]:
                self.emit(film.screening(
                    showtime=when.strftime("%H:%M"), date_of_showing=when.date().isoformat(),
                    screening_city=self.city, screening_type="Regular", screening_tech="2D",
                    dub_language=film.extra.get("dub", ""), english_href=tickets, hebrew_href=tickets,
                ))
            self.step()

    @staticmethod
    def when(text: str | None) -> datetime | None:
        match = WHEN.search(text or "")
        if not match:
            return None
        day, month, year, time = match.groups()
        try:
            return datetime.strptime(f"{year}-{month}-{day} {time}", "%Y-%m-%d %H:%M")
        except ValueError:
            return None

    def read_post(self, link: str) -> tuple[Film, str]:
        self.page.open(link)
        self.page.wait_for("h1", "film title")
        post = self.page.extract("body", POST)[0]
        raw_hebrew = clean_text(post["hebrew"])
        hebrew = strip_patterns(raw_hebrew, DECORATIONS)
        english = clean_text(post["english"])
        content = clean_text(post["content"])
        dubbed = "דיבוב עברי" in content or "דיבוב" in raw_hebrew
        film = Film(
            english_title=english if has_latin(english) else hebrew,
            hebrew_title=hebrew,
            release_year=first_year(content),
            runtime=parse_runtime(content),
            extra={"dub": "Hebrew" if dubbed else ""},
        )
        tickets = checked_link(next((href for href in post["links"] if "smarticket" in (href or "")), ""), TICKETS)
        return film, tickets
