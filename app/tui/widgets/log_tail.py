"""The selected task's newest log lines, as many as fit (the full retained log is in the details).

Drawn from the task's own lines in the `RunView`, so switching tasks or new lines never duplicate
anything. It never changes size or scroll extent, so new lines repaint this panel only, instead of
re-laying out the whole screen as a growing scrollable log would ten times a second.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from app.tui.format import safe

LEVEL_STYLE = {"warning": "$kt-eta", "error": "$kt-failed bold", "critical": "$kt-failed bold"}


def log_content(level: str, message: str) -> Content:
    """One log line, literal (escapes and newlines shown as text), coloured by its level."""
    return safe(message, LEVEL_STYLE.get(level, ""))


class LogTail(Widget):
    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lines: list[tuple[str, str]] = []  # the task's own list (level, message), read when painting

    def show(self, lines: list[tuple[str, str]]) -> None:
        self.lines = lines
        self.refresh()

    def tail(self) -> list[tuple[str, str]]:
        height = self.content_region.height
        return self.lines[-height:] if height > 0 else []

    def render(self) -> Content:
        width = self.content_region.width
        shown = [log_content(level, message).truncate(width, ellipsis=True) for level, message in self.tail()]
        if not shown:
            return Content.styled("(no log lines yet)", "$foreground-muted")
        return Content("\n").join(shown)
