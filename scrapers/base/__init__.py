"""The base scraper and the mechanisms every site shares (see scrapers/README.md)."""

from scrapers.base.errors import SelectorMissing, SiteErrorPage, SiteTimeout, StaleContent, YieldTooLow
from scrapers.base.normalise import Normaliser, normalise_row, split_title_markers
from scrapers.base.page import Field, Page
from scrapers.base.records import Film
from scrapers.base.scraper import TESTING_CAPS, BaseScraper, Caps

__all__ = [
    "TESTING_CAPS",
    "BaseScraper",
    "Caps",
    "Field",
    "Film",
    "Normaliser",
    "Page",
    "SelectorMissing",
    "SiteErrorPage",
    "SiteTimeout",
    "StaleContent",
    "YieldTooLow",
    "normalise_row",
    "split_title_markers",
]
