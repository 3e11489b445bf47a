"""Pages a site refuses (HTTP 403 / "access denied"): some film pages are blocked, the rest of the
site is fine. `open_unless_forbidden` opens a page and says False for a refusal, so a scraper can skip
that one page; any other error page still raises (transient: retried with a fresh browser)."""

from __future__ import annotations

from scrapers.base.errors import SiteErrorPage
from scrapers.base.page import Page

FORBIDDEN_MARKERS: tuple[str, ...] = (
    "http error 403",
    "403 forbidden",
    "access denied",
    "was denied",
    "you don't have authorization to view this page",
)


def open_unless_forbidden(page: Page, url: str) -> bool:
    """Open `url`; False when the site answered with a refusal page instead of content."""
    try:
        page.open(url)
    except SiteErrorPage as exc:
        if any(marker in str(exc).lower() for marker in FORBIDDEN_MARKERS):
            return False
        raise
    return True
