"""Scraper error types and the retry decision by error kind.

Timeouts, stale elements, server error pages and connection trouble are transient: the executor
retries with a fresh browser and backoff. A selector plainly missing from a fully loaded page is
permanent: another attempt would meet the same page, so the job fails fast (with artifacts).
"""

from __future__ import annotations

from selenium.common.exceptions import (
    ElementClickInterceptedException,
    InvalidSessionIdException,
    NoSuchElementException,
    NoSuchWindowException,
    StaleElementReferenceException,
    TimeoutException,
    WebDriverException,
)

from app.core.errors import JobCancelled, PermanentError, TransientError


class SelectorMissing(PermanentError):
    """An element the scraper needs is not on a page that finished loading: the site changed."""

    def __init__(self, selector: str, url: str = "", what: str = "") -> None:
        label = f" ({what})" if what else ""
        super().__init__(f"selector {selector!r}{label} not found on loaded page {url}")
        self.selector = selector
        self.url = url


class SiteTimeout(TransientError):
    """The page or an element did not arrive in time (slow site, slow network)."""

    def __init__(self, message: str, selector: str = "") -> None:
        super().__init__(message)
        self.selector = selector


class SiteErrorPage(TransientError):
    """The site answered with an error page (HTTP 5xx, 403, 'access denied')."""


class StaleContent(TransientError):
    """The page kept re-rendering under us: elements went stale on every try."""


class YieldTooLow(TransientError):
    """The scrape finished but produced no rows: a site glitch as likely as a real empty programme."""


TRANSIENT_SELENIUM = (
    TimeoutException,
    StaleElementReferenceException,
    ElementClickInterceptedException,
    InvalidSessionIdException,
    NoSuchWindowException,
)
CONNECTION_WORDS = ("err_connection", "err_name_not_resolved", "err_timed_out", "connection refused",
                    "read timed out", "err_empty_response", "disconnected", "net::err")


def failed_selector(exc: BaseException) -> str:
    """The selector an error is about, when it says so."""
    return str(getattr(exc, "selector", "") or "")


def classify(exc: BaseException) -> BaseException:
    """The error the executor should see: ours pass through, Selenium/network ones get a retry verdict."""
    if isinstance(exc, (TransientError, PermanentError, JobCancelled)):
        return exc
    text = f"{type(exc).__name__}: {getattr(exc, 'msg', None) or exc}".strip().splitlines()[0]
    if isinstance(exc, TRANSIENT_SELENIUM):
        return TransientError(text)
    if isinstance(exc, NoSuchElementException):
        return PermanentError(text)
    if isinstance(exc, (WebDriverException, ConnectionError, OSError, TimeoutError)):
        lowered = str(exc).lower()
        if isinstance(exc, (ConnectionError, TimeoutError)) or any(w in lowered for w in CONNECTION_WORDS):
            return TransientError(text)
        return TransientError(text) if isinstance(exc, WebDriverException) else exc
    return exc
