"""Lev Cinema coming soon: the home page's second tab ("coming soon") and each film's two pages.

Story: open the English home page, click tab 2, and read each card as one record — its film link
and its "Release date: dd/mm/yyyy" together (the old scraper kept dates in a separate list and read
them by position, so one dateless card shifted every later date onto the wrong film). Dateless cards
are pre-sale listings of films already playing, not coming-soon films: skipped. Per film the same
pages as now playing (Hebrew title, English title, info lines); dubbed or 3D versions are skipped.
"""

from __future__ import annotations

from scrapers.base.dates import parse_dmy
from scrapers.sites.nowplaying.lev import LevCinema


class LevSoon(LevCinema):
    job = "lev_soon"
    sandbox_site = "lev"  # the same site as now playing

    def scrape(self) -> None:
        self.open_home()
        cards = [(card["href"], parse_dmy(card["release"] or "")) for card in self.tab_cards(2) if card["href"]]
        dated = [(href, day) for href, day in cards if day]
        if len(dated) < len(cards):
            self.log(f"{len(cards) - len(dated)} coming-soon cards without a release date (pre-sales) skipped")
        dated = self.capped("films", dated)
        self.plan_steps(len(dated))
        for href, release in dated:
            page = self.read_film(href)
            if page.dub_language or page.tech != "2D":
                self.log(f"skipped a dubbed/3D version: {page.film.english_title or page.film.hebrew_title}")
            else:
                self.emit(page.film.but(release_date=release.isoformat()).row())
            self.step()
