"""Shared styling vocabulary: status colours and glyphs, and untrusted text made safe to show.

Everything that comes from data (job names, titles, log lines, errors, URLs) goes through `safe()`:
a Textual `Content` is never parsed as markup, and control characters (ANSI/OSC escapes) are shown
escaped, so `[@click=app.quit]` or `\\x1b]8;;` can neither style, link, act nor move the cursor.
"""

from __future__ import annotations

from rich.style import Style as RichStyle
from textual.content import Content
from textual.style import Style

from app.textfmt import printable

STATUS_STYLE = {
    "pending": "$kt-pink dim",
    "running": "$kt-pink bold",
    "retrying": "$kt-eta bold",
    "ok": "$kt-done bold",
    "failed": "$kt-failed bold",
    "cancelled": "$kt-cancelled",
    "skipped": "$foreground-muted",
    "interrupted": "$kt-cancelled",
    "starting": "$kt-pink",
}
STATUS_GLYPH = {"ok": "✔", "failed": "✘", "cancelled": "■", "skipped": "–", "interrupted": "■"}
IN_FLIGHT = ("pending", "running", "retrying")


def safe(text: object, style: str = "") -> Content:
    """Untrusted text as literal content (no markup, escapes made visible)."""
    return Content.styled(printable(str(text)), style)


def first_line(text: str, limit: int = 300) -> str:
    """The first non-empty line of a message, for one-line displays."""
    for line in str(text).splitlines():
        if line.strip():
            return line.strip()[:limit]
    return ""


def status_content(status: str) -> Content:
    return Content.styled(status, STATUS_STYLE.get(status, ""))


def guess_mark(guess: bool) -> str:
    """Estimates without history are shown with a leading `~`."""
    return "~" if guess else ""


def rich_style(status: str) -> RichStyle:
    """A status colour as a Rich style (for widgets that take Rich `Text`, e.g. Tree labels).

    Resolves the current theme's `$kt-*` variables; call it from app code (handlers, compose).
    """
    return Style.parse(STATUS_STYLE.get(status, "")).rich_style
