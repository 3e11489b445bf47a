"""Data that a page's JavaScript framework bound to its elements (Knockout, Vue), as `Page.extract` fields.

Ticket links are often not in the HTML: Cinema City keeps the order's EventId in the Knockout view
model of each option (`ko.dataFor(el)`), Hot Cinema in the Vue component of each showtime button
(`el.__vue__`). Reading it as a field of the same element, in the same round trip as its text,
pairs data and element by identity — never by position in a separate list (the old scrapers
matched Vue events by film name and wrote `…-None` links when the name differed). `extract.js`
resolves the `ko:` / `vue:` attributes.
"""

from __future__ import annotations

from scrapers.base.page import Field


def ko(path: str, css: str = "") -> Field:
    """`ko.dataFor(el)` at a dotted path (observables unwrapped), e.g. `ko("EventId")`."""
    return Field(css, f"ko:{path}")


def vue(path: str, css: str = "") -> Field:
    """The nearest Vue component's data/props at a dotted path, e.g. `vue("event.EventId")`."""
    return Field(css, f"vue:{path}")
