"""Table cells from untrusted values: always Rich `Text` (a DataTable parses plain strings as markup),
made printable, cut to what a column can show, and in the terminal's right-to-left display order."""

from __future__ import annotations

import re

from rich.style import Style
from rich.text import Text

from app.textfmt import printable
from app.tui.results.bidi import ORDER

MAX_CELL = 160  # no column is wider; a 10,000-character title costs no more than this
# What `printable` escapes; text without any of it (nearly all) skips its per-character loop.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def shown(value: object) -> str:
    """An untrusted value as it is drawn: printable, cut to `MAX_CELL`, right-to-left runs in display order."""
    raw = ("" if value is None else str(value))[:MAX_CELL]
    return ORDER.apply(printable(raw)[:MAX_CELL] if _UNPRINTABLE.search(raw) else raw)


def cell(value: object, style: str | Style = "", justify: str = "left") -> Text:
    return Text(shown(value), style=style, no_wrap=True, overflow="ellipsis", justify=justify, end="")  # type: ignore[arg-type]


def number(value: object, style: str | Style = "") -> Text:
    """A count or size, right-aligned ('' and None stay empty)."""
    return cell("" if value in (None, "") else value, style, justify="right")
