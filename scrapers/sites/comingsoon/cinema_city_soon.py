"""Cinema City coming soon (cinema-city.co.il/comingsoon): one card per film, no film pages needed.

Story: open the page, load every card ("load more"), and per card read the Hebrew title (`h2`), the
English title (empty → the Hebrew one), runtime, release date (dd/mm/yyyy) and rating by their
labels. Versions are skipped, not tagged: any dubbing, Russian/French subtitles, HFR, the kids'
club ("סינמה קידס") and cooking events; "תלת מימד" and "אנגלית" are taken out of the title.
"""

from __future__ import annotations

from scrapers.base import Field, Film
from scrapers.base.dates import parse_dmy
from scrapers.base.normalise import clean_text
from scrapers.base.runtimes import runtime_minutes
from scrapers.base.variants import Variant, variant_of
from scrapers.sites.nowplaying.cinema_city import CARDS, CinemaCity, card_info

SKIP_WORDS = ("סינמה קידס", "cook")
SOON_CARD = {
    "title": Field(".thumb-text h2"),
    "english": Field(".thumb-text > p", "textContent"),
    "info": Field(".movie-info p", fields={"label": Field(".lbl"), "value": Field(".val")}),
}


def skipped(printed: str, variant: Variant) -> bool:
    return (bool(variant.dub_language or variant.subtitles) or "HFR" in variant.tech
            or any(word in printed.lower() for word in SKIP_WORDS))


class CinemaCitySoon(CinemaCity):
    job = "cinema_city_soon"

    def scrape(self) -> None:
        self.page.open(self.url("/comingsoon"))
        self.page.wait_for(CARDS, "coming-soon cards")
        self.page.load_more("#change-bg .movie-more-wrapper a", CARDS)
        cards = self.capped("films", self.page.extract(CARDS, SOON_CARD))
        self.plan_steps(len(cards))
        for card in cards:
            printed = clean_text(card["title"])
            variant = variant_of(printed)
            if not skipped(printed, variant):
                info = card_info(card)
                release = parse_dmy(info.get("תאריך יציאה", ""))
                self.emit(Film(
                    english_title=clean_text(card["english"]) or variant.title, hebrew_title=variant.title,
                    runtime=runtime_minutes(info.get("אורך")), rating=info.get("הגבלת גיל", ""),
                    release_date=release.isoformat() if release else "",
                ).row())
            self.step()
