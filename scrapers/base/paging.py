"""Paged lists behind a "next" button (events calendars): read a page, click next, wait until the
page really changed, repeat — never a fixed sleep, never reading the old page twice.

"Changed" is the text of a page label (e.g. the calendar's month or page number) when the site has
one, else the items' HTML. The walk ends when the next button is gone or disabled, or after
`max_pages` pages.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from typing import TypeVar

from scrapers.base.page import Page

T = TypeVar("T")
FINGERPRINT_JS = (
    "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.outerHTML).join('\\n');"
)
DISABLED = ("disabled", "is-disabled", "inactive")


def page_fingerprint(page: Page, item_css: str, label_css: str = "") -> str:
    if label_css:
        label = page.text(label_css)
        if label:
            return label
    html = page.driver.execute_script(FINGERPRINT_JS, item_css) or ""
    return hashlib.sha1(html.encode("utf-8")).hexdigest()


def next_enabled(page: Page, next_css: str) -> bool:
    button = page.find(next_css)
    if button is None or not button.is_displayed():
        return False
    classes = (button.get_attribute("class") or "").split()
    return not (button.get_attribute("disabled") is not None or button.get_attribute("aria-disabled") == "true"
                or any(c in DISABLED for c in classes))


def walk_pages(page: Page, next_css: str, item_css: str, read: Callable[[], T], *, max_pages: int,
               label_css: str = "", what: str = "next page") -> Iterator[T]:
    """Yield `read()` for each page, following `next_css` until it ends or `max_pages` were read."""
    for number in range(1, max_pages + 1):
        yield read()
        if number == max_pages or not next_enabled(page, next_css):
            return
        before = page_fingerprint(page, item_css, label_css)
        page.click(next_css, what)
        page.wait_until(lambda d, before=before: page_fingerprint(page, item_css, label_css) != before,
                        f"{what} ({number + 1}) to show", selector=item_css)
