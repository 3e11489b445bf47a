"""Untrusted values made safe to draw: always Rich `Text` / plain strings, never markup, control and
bidi-override characters escaped, cut to what a column can ever show.

Table cells stay in logical order: the table cuts a cell to its column first and only then puts
right-to-left runs into display order (cutting visual-order Hebrew would drop the start of a title).
Text outside the table (status and detail lines) is put in display order here, by `shown`.
"""

from __future__ import annotations

import re

from rich.style import Style
from rich.text import Text

from app.textfmt import printable
from app.tui.results.bidi import ORDER

MAX_CELL = 160  # no column is wider; a 10,000-character title costs no more than this
# What `printable` escapes; text without any of it (nearly all) skips its per-character loop.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def literal(value: object) -> str:
    """Printable (escapes visible) and at most `MAX_CELL` characters, in logical order."""
    raw = ("" if value is None else str(value))[:MAX_CELL]
    return printable(raw)[:MAX_CELL] if _UNPRINTABLE.search(raw) else raw


def shown(value: object) -> str:
    """A value as drawn outside the table: literal, right-to-left runs in the terminal's order."""
    return ORDER.apply(literal(value))


def cell(value: object, style: str | Style = "", justify: str = "left") -> Text:
    """A table cell (the table orders right-to-left runs after fitting the cell to its column)."""
    return Text(literal(value), style=style, no_wrap=True, overflow="ellipsis", justify=justify, end="")  # type: ignore[arg-type]


def number(value: object, style: str | Style = "") -> Text:
    """A count or size, right-aligned ('' and None stay empty)."""
    return cell("" if value in (None, "") else value, style, justify="right")


def line_text(value: object, style: str | Style = "") -> Text:
    """A piece of a status or detail line."""
    return Text(shown(value), style=style, end="")
