"""`Page`: every DOM mechanism the scrapers need, written once, waiting on conditions (never sleeping).

Selectors are CSS (ids, classes, attributes); `text=` filters match visible text. A wait that runs
out on a fully loaded page with no loader showing raises `SelectorMissing` (permanent: fail fast);
on a page still loading, or an error page, it raises a transient error (retry with a fresh browser).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from selenium.common.exceptions import (
    ElementClickInterceptedException,
    ElementNotInteractableException,
    JavascriptException,
    NoSuchElementException,
    StaleElementReferenceException,
    TimeoutException,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from scrapers.base.errors import SelectorMissing, SiteErrorPage, SiteTimeout, StaleContent
from scrapers.base.overlays import ACCEPT_BUTTONS, ERROR_PAGE_MARKERS, MODAL_CLOSERS, REMOVE

T = TypeVar("T")
EXTRACT_JS = (Path(__file__).with_name("extract.js")).read_text(encoding="utf-8")
STALE_TRIES = 4
POLL_S = 0.1


@dataclass(frozen=True)
class Field:
    """One value to read per element in `Page.extract`: a sub-selector and what to read from it."""

    css: str = ""
    attr: str = "text"
    many: bool = False
    fields: dict[str, Field] | None = None

    def spec(self) -> dict[str, Any]:
        out: dict[str, Any] = {"css": self.css, "attr": self.attr, "many": self.many}
        if self.fields is not None:
            out["fields"] = {name: f.spec() for name, f in self.fields.items()}
        return out


class Page:
    """A browser tab with the waits and helpers a scraper needs."""

    def __init__(
        self,
        driver: WebDriver,
        timeout: float = 15.0,
        loaders: tuple[str, ...] = (),
        accept: tuple[str, ...] = (),
        remove: tuple[str, ...] = (),
    ) -> None:
        self.driver = driver
        self.timeout = timeout
        self.loaders = loaders
        self.accept_buttons = (*accept, *ACCEPT_BUTTONS)
        self.remove_selectors = (*remove, *REMOVE)
        self.last_selector = ""

    # ------------------------------------------------------------------------------ navigation
    @property
    def url(self) -> str:
        try:
            return self.driver.current_url
        except Exception:
            return ""

    def open(self, url: str) -> None:
        """Load a URL; an error page (5xx, 403) raises SiteErrorPage."""
        try:
            self.driver.get(url)
        except TimeoutException as exc:
            raise SiteTimeout(f"page load timed out: {url}") from exc
        self.check_error_page()

    def check_error_page(self) -> None:
        try:
            title = (self.driver.title or "").lower()
            body = self.driver.execute_script("return document.body ? document.body.innerText.slice(0, 2000) : ''")
        except JavascriptException:
            return
        text = f"{title}\n{(body or '').lower()}"
        marker = next((m for m in ERROR_PAGE_MARKERS if m in text), None)
        if marker:
            raise SiteErrorPage(f"error page at {self.url}: {marker!r}")

    def ready(self) -> bool:
        """Document loaded and no loader of the site showing."""
        try:
            state = self.driver.execute_script("return document.readyState")
        except JavascriptException:
            return False
        return state == "complete" and not any(self.visible(css) for css in self.loaders)

    # ------------------------------------------------------------------------------ finding
    def find(self, css: str, within: WebElement | None = None) -> WebElement | None:
        """The first match now, or None (optional elements)."""
        found = self.find_all(css, within)
        return found[0] if found else None

    def find_all(self, css: str, within: WebElement | None = None, text: str | None = None) -> list[WebElement]:
        scope = within or self.driver
        elements = scope.find_elements(By.CSS_SELECTOR, css)
        if text is not None:
            wanted = text.strip().lower()
            elements = [e for e in elements if wanted in (e.text or "").strip().lower()]
        return elements

    def visible(self, css: str) -> bool:
        try:
            return any(e.is_displayed() for e in self.driver.find_elements(By.CSS_SELECTOR, css))
        except StaleElementReferenceException:
            return True

    def wait_until(self, condition: Callable[[WebDriver], T], what: str, timeout: float | None = None,
                   selector: str = "") -> T:
        """Wait for any condition; on timeout decide: site changed (permanent) or slow (transient)."""
        self.last_selector = selector or self.last_selector
        try:
            return WebDriverWait(
                self.driver, timeout or self.timeout, poll_frequency=POLL_S,
                ignored_exceptions=(StaleElementReferenceException,),
            ).until(condition)
        except TimeoutException:
            self.check_error_page()
            if selector and self.ready():
                raise SelectorMissing(selector, self.url, what) from None
            raise SiteTimeout(f"timed out waiting for {what} at {self.url}", selector) from None

    def wait_for(self, css: str, what: str = "", timeout: float | None = None, visible: bool = False) -> WebElement:
        """The first element matching `css` once it is present (or visible)."""
        condition = EC.visibility_of_element_located if visible else EC.presence_of_element_located
        return self.wait_until(condition((By.CSS_SELECTOR, css)), what or css, timeout, selector=css)

    def wait_all(self, css: str, what: str = "", timeout: float | None = None) -> list[WebElement]:
        return self.wait_until(EC.presence_of_all_elements_located((By.CSS_SELECTOR, css)), what or css,
                               timeout, selector=css)

    def wait_any(self, *selectors: str, what: str = "", timeout: float | None = None) -> str:
        """Wait until one of several selectors is present; returns the one found (e.g. list or 'no results')."""
        def found(driver: WebDriver) -> str | bool:
            return next((css for css in selectors if driver.find_elements(By.CSS_SELECTOR, css)), False)

        return self.wait_until(found, what or " or ".join(selectors), timeout, selector=selectors[0])

    def wait_gone(self, css: str, what: str = "", timeout: float | None = None) -> None:
        """Wait until nothing matching `css` is visible (loaders, spinners, closing modals)."""
        self.wait_until(lambda d: not self.visible(css), what or f"{css} to disappear", timeout)

    def wait_text(self, css: str, predicate: Callable[[str], bool], what: str = "",
                  timeout: float | None = None) -> str:
        """Wait until the element's visible text satisfies `predicate`; returns the text."""
        def check(driver: WebDriver) -> str | bool:
            elements = driver.find_elements(By.CSS_SELECTOR, css)
            text = elements[0].text.strip() if elements else ""
            return text if elements and predicate(text) else False

        return self.wait_until(check, what or f"text of {css}", timeout, selector=css)

    def text(self, css: str, within: WebElement | None = None, default: str = "") -> str:
        """Visible text of the first match, whitespace squeezed; `default` when absent."""
        element = self.find(css, within)
        return re.sub(r"\s+", " ", element.text).strip() if element is not None else default

    def attr(self, css: str, name: str, within: WebElement | None = None, default: str = "") -> str:
        element = self.find(css, within)
        value = element.get_attribute(name) if element is not None else None
        return value if value is not None else default

    def extract(self, root_css: str, fields: dict[str, Field], scope: WebElement | None = None) -> list[dict]:
        """Read fields of every `root_css` element in one round trip (fast, and consistent in time).

        Missing sub-elements read as None; texts are visible text with whitespace squeezed.
        """
        spec = {name: f.spec() for name, f in fields.items()}
        self.last_selector = root_css
        return self.driver.execute_script(EXTRACT_JS, root_css, spec, scope)

    # ------------------------------------------------------------------------------ acting
    def click(self, target: str | WebElement, what: str = "", timeout: float | None = None) -> None:
        """Click when clickable; an overlay in the way is dismissed, then a JS click is the fallback."""
        element = self.wait_until(EC.element_to_be_clickable((By.CSS_SELECTOR, target)), what or target, timeout,
                                  selector=target) if isinstance(target, str) else target
        try:
            element.click()
        except (ElementClickInterceptedException, ElementNotInteractableException):
            self.dismiss_overlays()
            self.js_click(element)

    def js_click(self, element: WebElement) -> None:
        """Click through overlays and off-screen positions (what a user reaches by scrolling)."""
        self.driver.execute_script("arguments[0].click();", element)

    def remove(self, *selectors: str) -> int:
        """Delete nodes (overlays, chat widgets); returns how many were removed."""
        script = (
            "let n=0; for (const s of arguments) document.querySelectorAll(s).forEach(e => {e.remove(); n++;});"
            " return n;"
        )
        return int(self.driver.execute_script(script, *selectors) or 0)

    def scroll_into_view(self, element: WebElement) -> None:
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)

    def dismiss_overlays(self) -> int:
        """Accept visible cookie banners, close visible modals, remove overlays and chat widgets."""
        handled = 0
        for css in (*self.accept_buttons, *MODAL_CLOSERS):
            for element in self.find_all(css):
                try:
                    if element.is_displayed():
                        self.js_click(element)
                        handled += 1
                except StaleElementReferenceException:
                    continue
        return handled + self.remove(*self.remove_selectors)

    def accept_cookies(self, button_css: str, timeout: float = 5.0) -> bool:
        """Wait briefly for a banner's accept button and click it; False when no banner came."""
        try:
            button = WebDriverWait(self.driver, timeout, poll_frequency=POLL_S).until(
                EC.visibility_of_element_located((By.CSS_SELECTOR, button_css))
            )
        except TimeoutException:
            return False
        self.js_click(button)
        self.wait_until(lambda d: not self.visible(button_css), "cookie banner to close", timeout)
        return True

    def choose(self, toggle_css: str, item_css: str, *, text: str | None = None, index: int | None = None,
               what: str = "") -> str:
        """Open a dropdown/picker and click an item by visible text or position; returns its text."""
        self.click(toggle_css, what or "dropdown")
        items = self.wait_until(lambda d: [e for e in self.find_all(item_css, text=text) if e.is_displayed()],
                                what or f"items {item_css}", selector=item_css)
        item = items[index or 0] if text is None else items[0]
        label = re.sub(r"\s+", " ", item.text).strip()
        self.click(item)
        return label

    def switch_language(self, link_css: str, expect_lang: str, what: str = "language switch") -> None:
        """Follow a language link and wait until the page says it is in that language (`<html lang>`)."""
        self.click(link_css, what)
        self.wait_until(
            lambda d: (d.execute_script("return document.documentElement.lang") or "").lower().startswith(expect_lang),
            f"page in language {expect_lang}", selector=link_css,
        )

    # ------------------------------------------------------------------------------ lists
    def count(self, css: str) -> int:
        return len(self.driver.find_elements(By.CSS_SELECTOR, css))

    def load_more(self, button_css: str, item_css: str, max_rounds: int = 20, timeout: float = 8.0) -> int:
        """Click "load more" until the button goes or the item count stops growing; returns the count."""
        def trigger() -> bool:
            button = self.find(button_css)
            if button is None or not button.is_displayed():
                return False
            self.scroll_into_view(button)
            self.js_click(button)
            return True

        return self._grow(trigger, item_css, max_rounds, timeout)

    def infinite_scroll(self, sentinel_css: str, item_css: str, max_rounds: int = 20, timeout: float = 5.0) -> int:
        """Scroll a sentinel into view until no new items arrive; returns the item count."""
        def trigger() -> bool:
            sentinel = self.find(sentinel_css)
            if sentinel is None:
                return False
            self.scroll_into_view(sentinel)
            return True

        return self._grow(trigger, item_css, max_rounds, timeout)

    def _grow(self, trigger: Callable[[], bool], item_css: str, max_rounds: int, timeout: float) -> int:
        for _ in range(max_rounds):
            before = self.count(item_css)
            if not trigger():
                break
            try:
                WebDriverWait(self.driver, timeout, poll_frequency=POLL_S).until(
                    lambda d, before=before: self.count(item_css) > before
                )
            except TimeoutException:
                break
        return self.count(item_css)

    def each_index(self, css: str, limit: int | None = None) -> Iterator[int]:
        """Indexes 0..n-1 of a list that re-renders on each click (re-find by index: no stale refs)."""
        total = self.count(css)
        yield from range(total if limit is None else min(total, limit))

    def nth(self, css: str, index: int, what: str = "") -> WebElement:
        elements = self.wait_until(lambda d: (lambda e: e if len(e) > index else False)(self.find_all(css)),
                                   what or f"{css}[{index}]", selector=css)
        return elements[index]

    # ------------------------------------------------------------------------------ robustness
    def retry_stale(self, action: Callable[[], T], tries: int = STALE_TRIES, what: str = "") -> T:
        """Run a read/click unit again when the DOM re-rendered under it (stale element)."""
        for attempt in range(1, tries + 1):
            try:
                return action()
            except (StaleElementReferenceException, NoSuchElementException) as exc:
                if attempt == tries:
                    raise StaleContent(f"content kept changing while reading {what or 'the page'}: {exc.msg}") from exc
                self.wait_until(lambda d: self.ready(), "page to settle", timeout=self.timeout)
        raise AssertionError("unreachable")

    def screenshot(self, path: Path) -> bool:
        try:
            return bool(self.driver.save_screenshot(str(path)))
        except Exception:
            return False

    def html(self) -> str:
        try:
            return self.driver.page_source
        except Exception:
            return ""
