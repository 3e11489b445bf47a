"""MovieLand coming soon (movieland.co.il/soon): the coming-soon grid, then each film page.

Story: open the page, answer the same first-visit popups as now playing, and per film page read the
names and labelled details. Left-to-right pages (`IsLtr`: the film's foreign-language, e.g. Russian,
version) and dubbed versions are skipped; 3D/HFR markers leave the titles. Runtime "120" is the
site's placeholder for "not known yet", stored as unknown. One `Film` per page: nothing is carried
from one film to the next (the old scraper kept the previous film's runtime, year and language).
"""

from __future__ import annotations

from scrapers.base import Field
from scrapers.base.runtimes import PLACEHOLDER_RUNTIMES
from scrapers.sites.nowplaying.movieland import MovieLand

CARDS = "#movies-grid .movie-item a.movie-link"


class MovieLandSoon(MovieLand):
    job = "movieland_soon"
    sandbox_site = "movieland"  # the same site as now playing
    placeholder_runtimes = (*PLACEHOLDER_RUNTIMES, "120")

    def scrape(self) -> None:
        self.open_site("/soon")
        self.page.wait_for(CARDS, "coming-soon films")
        links = [card["href"] for card in self.page.extract(CARDS, {"href": Field("", "href")})]
        films = self.capped("films", [href for href in dict.fromkeys(links) if href])
        self.plan_steps(len(films))
        for href in films:
            page = self.read_film_page(href)
            label = page.film.english_title or page.film.hebrew_title
            if page.foreign:
                self.log(f"skipped a foreign-language page: {label}")
            elif page.dub_language:
                self.log(f"skipped a dubbed version: {label}")
            else:
                self.emit(page.film.row())
            self.step()
