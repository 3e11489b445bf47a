"""Data that a page's JavaScript framework bound to its elements (Knockout, Vue), read in one round trip.

Ticket links are often not in the HTML: Cinema City keeps the order's EventId in the Knockout view
model of the option (`ko.dataFor(el)`), Hot Cinema in the Vue component of the showtime button
(`el.__vue__`). Reading the data bound to each element pairs it with that element by identity —
never by position in a separate list (the old scrapers matched Vue events by film name and wrote
`…-None` links when the name differed).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from selenium.webdriver.remote.webelement import WebElement

from scrapers.base.page import Page

BOUND_DATA_JS = """
const [css, paths, framework, scope] = arguments;
const unwrap = (v) => (typeof v === "function" && v.length === 0 ? v() : v);
function owner(el) {
  if (framework === "knockout") return window.ko && window.ko.dataFor ? window.ko.dataFor(el) : null;
  for (let node = el; node; node = node.parentElement) {
    const vm = node.__vue__ || (node.__vueParentComponent && node.__vueParentComponent.proxy);
    if (vm) return vm;
  }
  return null;
}
function read(obj, path) {
  let value = obj;
  for (const part of path.split(".")) {
    if (value === null || value === undefined) return null;
    let next = unwrap(value)[part];
    if (next === undefined && value.$props) next = value.$props[part];
    if (next === undefined && value.$data) next = value.$data[part];
    value = unwrap(next);
  }
  return value === undefined ? null : value;
}
return Array.from((scope || document).querySelectorAll(css)).map((el) => {
  const data = owner(el);
  const out = {text: (el.textContent || "").replace(/\\s+/g, " ").trim()};
  for (const path of paths) out[path] = data ? read(data, path) : null;
  return out;
});
"""


def bound_data(page: Page, css: str, paths: Sequence[str], framework: str,
               scope: WebElement | None = None) -> list[dict[str, Any]]:
    """Per element matching `css`: its text plus the values at `paths` (dotted, e.g. "event.EventId")
    of the data the framework bound to it; None where nothing is bound."""
    if framework not in ("knockout", "vue"):
        raise ValueError(f"unknown framework {framework!r}")
    page.last_selector = css
    return page.driver.execute_script(BOUND_DATA_JS, css, list(paths), framework, scope)


def knockout_data(page: Page, css: str, paths: Sequence[str], scope: WebElement | None = None) -> list[dict]:
    """`ko.dataFor(el)` per element (observables unwrapped)."""
    return bound_data(page, css, paths, "knockout", scope)


def vue_data(page: Page, css: str, paths: Sequence[str], scope: WebElement | None = None) -> list[dict]:
    """The nearest Vue component's data/props per element (`__vue__` walking up from the element)."""
    return bound_data(page, css, paths, "vue", scope)
