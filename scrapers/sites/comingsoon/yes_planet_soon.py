"""Yes Planet coming soon: the home page's second carousel, then each film page.

Story: open the home page, accept OneTrust, take the coming-soon carousel's film links (skipping
s2r2 event cards), and per film page close the location modal if it pops up, read #more-info and
the release date ("6 August 2026" → ISO). "Gaming live" events are skipped.
"""

from __future__ import annotations

from scrapers.base import Field
from scrapers.base.dates import parse_day_month_name
from scrapers.base.normalise import clean_text
from scrapers.sites.nowplaying.planet_platform import FILM_PAGE, SKIP_LINK_SUFFIXES
from scrapers.sites.nowplaying.yes_planet import YesPlanet

SKIP_TITLES = ("gaming live",)


class YesPlanetSoon(YesPlanet):
    job = "yes_planet_soon"
    sandbox_site = "yes_planet"  # the same site as now playing

    def scrape(self) -> None:
        self.open_home()
        links = self.capped("films", self.soon_links())
        self.plan_steps(len(links))
        for href in links:
            self.page.open(href)
            self.page.wait_for("#more-info dt", "film details")
            self.page.dismiss_overlays()
            info = self.page.extract("body", FILM_PAGE)[0]
            film = self.film_from_page(info)
            if not any(skip in film.hebrew_title.lower() for skip in SKIP_TITLES):
                release = parse_day_month_name(film.release_date)
                self.emit(film.but(release_date=release.isoformat() if release else "").row())
            self.step()

    def soon_links(self) -> list[str]:
        self.page.wait_for(".movies-carousel.coming-soon .movie-card a", "coming-soon carousel")
        cards = self.page.extract(".movies-carousel.coming-soon .movie-card", {"href": Field("a", "href")})
        hrefs = [clean_text(card["href"]).split("#")[0].rstrip("/") for card in cards]
        return [href for href in dict.fromkeys(hrefs) if href and not href.endswith(SKIP_LINK_SUFFIXES)]
