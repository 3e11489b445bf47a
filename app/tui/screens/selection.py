"""Runner selection: tick groups and jobs (presets: the daily plan, all, none), then Enter to run."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from app.core.errors import ConfigError
from app.tui.format import safe
from app.tui.job_stats import job_stats
from app.tui.screens.base import BaseScreen
from app.tui.selection_model import ALL, NONE, Selection
from app.tui.widgets.checklist import JobChecklist


class SelectionScreen(BaseScreen):
    SCREEN_TITLE = "Choose what to run"
    AUTO_FOCUS = "#checklist"
    BINDINGS = [
        Binding("ctrl+d", "preset('daily')", "Daily plan", id="selection.preset-daily"),
        Binding("ctrl+a", "preset('all')", "All", id="selection.preset-all"),
        Binding("ctrl+n", "preset('none')", "None", id="selection.preset-none"),
        Binding("escape", "back", "Back", id="selection.back"),
    ]

    def __init__(self, chosen: Iterable[str] | None = None) -> None:
        super().__init__(id="selection-screen")
        catalogue = self.kapp.catalogue
        self.selection = Selection(catalogue, chosen or ())
        if chosen is None:
            self.selection.apply_preset(catalogue.default_plan)

    def compose_body(self) -> Iterable[Widget]:
        yield Static(id="selection-filter")
        yield JobChecklist(self.kapp.catalogue, self.selection, id="checklist")
        yield Static(id="selection-summary")

    @property
    def checklist(self) -> JobChecklist:
        return self.query_one(JobChecklist)

    def on_mount(self) -> None:
        self.load_stats()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        self.load_stats()  # a run just finished: last status and durations changed

    def load_stats(self) -> None:
        self.checklist.stats = job_stats(self.kapp.catalogue.jobs.values())
        self.checklist.refresh_labels()

    def on_job_checklist_changed(self, _: JobChecklist.Changed) -> None:
        self.show_filter()
        self.show_summary()

    def show_filter(self) -> None:
        text = self.checklist.filter_text
        if text:
            line = Content.assemble(
                ("filter ", "$foreground-muted"),
                safe(text, "bold $kt-pink"),
                ("▏  Backspace erases, Esc clears", "$foreground-muted"),
            )
        else:
            line = Content.styled("Type to filter · Space ticks · Enter starts · Esc back", "$foreground-muted")
        self.query_one("#selection-filter", Static).update(line)

    def show_summary(self) -> None:
        chosen = self.selection.ordered()
        try:
            plan = self.selection.plan().name
        except ConfigError:
            plan = ""
        groups = {self.kapp.catalogue.group_of(name).name for name in chosen}
        line = Content.assemble(
            (f"{len(chosen)}", "bold $kt-pink"),
            f" of {len(self.kapp.catalogue.jobs)} jobs ticked in {len(groups)} group(s)",
            ("  →  plan ", "$foreground-muted") if plan else "",
            safe(plan, "bold") if plan else "",
        )
        self.query_one("#selection-summary", Static).update(line)

    def action_preset(self, preset: str) -> None:
        self.selection.apply_preset(preset)
        if preset not in (ALL, NONE) and not self.selection.chosen:
            self.notify(f"The {preset} plan has no jobs yet.", severity="warning", markup=False)
        self.checklist.refresh_labels()

    def action_back(self) -> None:
        if self.checklist.filter_text:
            self.checklist.set_filter("")
        else:
            self.app.pop_screen()

    def action_start(self) -> None:
        from app.tui.screens.dashboard import DashboardScreen

        try:
            plan = self.selection.plan()
        except ConfigError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        self.app.push_screen(DashboardScreen(plan))

    def palette_commands(self) -> list[tuple[str, str, object]]:
        """Every named plan as a preset, besides the keys' daily/all/none."""
        catalogue = self.kapp.catalogue
        return [
            (f"Preset: {name}", catalogue.plan_descriptions.get(name, ""), partial(self.action_preset, name))
            for name in catalogue.plans
        ]
