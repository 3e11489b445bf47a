"""The one-line header on every screen after the mode screen: where you are, and LOUDLY which mode."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from app.core.db import describe_database
from app.core.settings import Settings
from app.tui.format import safe

TESTING_BADGE = " TESTING · small batches, separate tables "


def mode_badge(mode: str) -> Content:
    if mode == "testing":
        return Content.styled(TESTING_BADGE, "bold $kt-testing-fg on $kt-testing-bg")
    return Content.styled(f" {mode.upper()} ", "bold $kt-regular-fg on $kt-regular-bg")


class AppHeader(Static):
    """Title, mode badge, sites and database (the password is never shown)."""

    def __init__(self, title: str, settings: Settings) -> None:
        super().__init__(id="app-header")
        self.title_text = title
        self.show(settings)

    def show(self, settings: Settings) -> None:
        self.set_class(settings.testing, "-testing")
        self.update(
            Content.assemble(
                ("Kartiseret", "bold"),
                (" › ", "$foreground-muted"),
                (self.title_text, "bold"),
                "  ",
                mode_badge(settings.mode),
                ("  sites ", "$foreground-muted"),
                (settings.sites, "bold"),
                ("  db ", "$foreground-muted"),
                safe(describe_database(settings)),
            )
        )
