"""Mode screen: Testing or Regular, Live or Sandbox sites, and which database that means.

Nothing is opened here: the chosen mode's database is opened when you continue (Testing and Regular
use different tables), so looking around never creates a file you did not ask for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static, Tab, Tabs

from app.core.db import describe_database
from app.tui.format import safe
from app.tui.navigation import MODE
from app.tui.screens.base import NavigableMixin

if TYPE_CHECKING:
    from app.tui.app import KartiseretApp

MODE_HELP = {
    "testing": "small batches, separate tables — Regular data is never touched",
    "regular": "full work on the real tables",
}
SITES_HELP = {"sandbox": "the bundled replica sites at {url}", "live": "the real cinema websites"}


class ModeScreen(NavigableMixin, Screen):
    PLACE = MODE
    AUTO_FOCUS = "#mode-tabs"
    BINDINGS = [
        Binding("enter", "continue", "Continue", id="mode.continue"),
        Binding("t", "choose('mode', 'testing')", "Testing", id="mode.testing"),
        Binding("r", "choose('mode', 'regular')", "Regular", id="mode.regular"),
        Binding("s", "choose('sites', 'sandbox')", "Sandbox", id="mode.sandbox"),
        Binding("l", "choose('sites', 'live')", "Live", id="mode.live"),
        Binding("down", "app.focus_next", "Next field", show=False),
        Binding("up", "app.focus_previous", "Previous field", show=False),
        Binding("q", "app.quit", "Quit", id="mode.quit"),
    ]

    def __init__(self) -> None:
        super().__init__(id="mode-screen")
        self.add_navigation_bindings()

    @property
    def kapp(self) -> KartiseretApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        settings = self.kapp.settings
        with Vertical(id="mode-box"):
            yield Static(
                Content.assemble(("Kartiseret", "bold $kt-pink"), ("  Israeli cinema data", "$foreground-muted")),
                id="mode-title",
            )
            yield Static("Mode", classes="field-label")
            yield Tabs(Tab("Testing", id="testing"), Tab("Regular", id="regular"), id="mode-tabs", active=settings.mode)
            yield Static(id="mode-help", classes="field-help")
            yield Static("Sites", classes="field-label")
            yield Tabs(Tab("Sandbox", id="sandbox"), Tab("Live", id="live"), id="sites-tabs", active=settings.sites)
            yield Static(id="sites-help", classes="field-help")
            yield Static("Database", classes="field-label")
            yield Static(id="database", classes="field-help")
            yield Static(
                "Enter continue · ←/→ choose · ↑/↓ next field · ctrl+p commands · q quit",
                id="mode-keys",
                markup=False,
            )
        yield Footer()

    def on_mount(self) -> None:
        self.show_choice()

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        field = "mode" if event.tabs.id == "mode-tabs" else "sites"
        if event.tab.id:
            self.kapp.settings = self.kapp.settings.with_overrides(**{field: event.tab.id})
        self.show_choice()

    def action_choose(self, field: str, value: str) -> None:
        self.query_one(f"#{field}-tabs", Tabs).active = value

    def show_choice(self) -> None:
        settings = self.kapp.settings
        self.query_one("#mode-help", Static).update(
            Content.assemble((settings.mode.capitalize(), "bold"), ": ", MODE_HELP[settings.mode])
        )
        sites_help = SITES_HELP[settings.sites].format(url=settings.sandbox_url)
        self.query_one("#sites-help", Static).update(
            Content.assemble((settings.sites.capitalize(), "bold"), ": ", safe(sites_help))
        )
        self.query_one("#database", Static).update(safe(describe_database(settings)))
        self.set_class(settings.testing, "-testing")

    def action_continue(self) -> None:
        from app.tui.screens.selection import SelectionScreen

        if self.kapp.ensure_store():
            self.app.push_screen(SelectionScreen())
