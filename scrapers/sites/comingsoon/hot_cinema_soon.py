"""Hot Cinema coming soon (hotcinema.co.il/ComingSoon): month blocks of cards, then each film page.

Story: open the page, take every card's film link from every block — the last card of a block too
(the old scraper's loop stopped one short) — and read each film page (a 403 page is skipped): English
`h2`, Hebrew `h1`, year, runtime ("0" = unknown), rating and the premiere date ("בכורה: dd.mm.yyyy").
Versions and events are skipped, not tagged: Hebrew/Russian/French dubbing, stand-up, personal
evenings, comedy bar, HFR and 3D; the "סינמה נוסטלגיה - " prefix and a trailing "אנגלית" come off
(other versions, e.g. Arabic dubbing, keep their title as printed: coming-soon rows have no dub field).
"""

from __future__ import annotations

import re

from scrapers.base import Field
from scrapers.base.access import open_unless_forbidden
from scrapers.base.variants import variant_of
from scrapers.sites.nowplaying.hot_cinema import FILM_PAGE, HotCinema, film_from_page

CARD_LINKS = ".coming-soon-list .movies-row .movie-card a[href*='/movie/']"
SKIP_WORDS = ("סטנדאפ", "סינימה אישי", "קומדי בר")
SKIP_DUBS = ("Hebrew", "Russian", "French")
PREFIX = re.compile(r"^\s*סינמה נוסטלגי(?:ה)?\s*-\s*")
TRAILING_ENGLISH = re.compile(r"\s*[-–]?\s*אנגלית\s*$")


class HotCinemaSoon(HotCinema):
    job = "hot_cinema_soon"

    def scrape(self) -> None:
        self.page.open(self.url("/ComingSoon"))
        self.page.wait_for(CARD_LINKS, "coming-soon cards")
        cards = self.page.extract(CARD_LINKS, {"href": Field("", "href")})
        links = self.capped("films", list(dict.fromkeys(card["href"] for card in cards if card["href"])))
        self.plan_steps(len(links))
        for href in links:
            if open_unless_forbidden(self.page, href):
                self.page.wait_for(".movie-details h1", "film page")
                film = film_from_page(self.page.extract("body", FILM_PAGE)[0])
                variant = variant_of(film.hebrew_title)
                if not (variant.dub_language in SKIP_DUBS or variant.tech
                        or any(word in film.hebrew_title for word in SKIP_WORDS)):
                    hebrew = TRAILING_ENGLISH.sub("", PREFIX.sub("", film.hebrew_title))  # other markers stay
                    self.emit(film.but(hebrew_title=hebrew, english_title=film.english_title or hebrew).row())
            else:
                self.log(f"film page refused (403), skipped: {href}", "warning")
            self.step()
