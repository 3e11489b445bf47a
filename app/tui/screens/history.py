"""Run history: past runs of the open database (the chosen mode's), with drill-down into attempts."""

from __future__ import annotations

import json
from collections.abc import Iterable

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import DataTable, Static

from app.commands.history import job_counts
from app.core.executor import artifacts_root
from app.core.models import Run
from app.textfmt import clock
from app.tui.format import STATUS_STYLE, first_line, rich_style, safe
from app.tui.navigation import ScreenEntry, register_screen
from app.tui.screens.base import BaseScreen
from app.tui.widgets.attempts import attempt_content, attempts_of

MAX_RUNS = 200


def duration(run: Run) -> str:
    return clock((run.finished_at - run.started_at).total_seconds()) if run.finished_at else "-"


def counts_text(run: Run) -> Text:
    text = Text()
    for status, count in sorted(job_counts(run).items()):
        if text:
            text.append(", ")
        text.append(f"{count} {status}", style=rich_style(status))
    return text or Text("-")


def cell(value: object, style: str = "") -> Text:
    """DataTable parses plain strings as markup: every cell is literal Rich text."""
    return Text(safe(value).plain, style=style)


class RunHistoryScreen(BaseScreen):
    SCREEN_TITLE = "Run history"
    AUTO_FOCUS = "#runs"
    BINDINGS = [
        Binding("enter", "open_run", "Attempts", id="history.open"),
        Binding("f5,ctrl+r", "reload", "Reload", id="history.reload"),
        Binding("escape", "app.pop_screen", "Back", id="history.back"),
    ]

    def compose_body(self) -> Iterable[Widget]:
        table: DataTable = DataTable(id="runs", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static(id="runs-hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("run", "mode", "sites", "plan", "started (UTC)", "duration", "status", "jobs")
        self.action_reload()

    def action_reload(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        runs = list(Run.select().order_by(Run.id.desc()).limit(MAX_RUNS))
        for run in runs:
            table.add_row(
                cell(run.id, "bold"),
                cell(run.mode, rich_style("failed") if run.mode == "testing" else ""),
                cell(run.sites),
                cell(run.plan),
                cell(f"{run.started_at:%Y-%m-%d %H:%M:%S}"),
                cell(duration(run)),
                Text(run.status, style=rich_style(run.status)),
                counts_text(run),
                key=str(run.id),
            )
        hint = f"{len(runs)} run(s) · Enter shows a run's attempts and artifacts" if runs else "No runs yet."
        self.query_one("#runs-hint", Static).update(Content.styled(hint, "$foreground-muted"))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.app.push_screen(RunDetailScreen(int(event.row_key.value)))

    def action_open_run(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            table.action_select_cursor()


class RunDetailScreen(BaseScreen):
    """One run: its attempts (job, attempt, status, duration, rows, error) and the selected one's details."""

    SCREEN_TITLE = "Run attempts"
    AUTO_FOCUS = "#attempts"
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="history.run-back")]

    def __init__(self, run_id: int) -> None:
        super().__init__(id="run-detail")
        self.run_id = run_id
        self.attempts = attempts_of(run_id)

    def compose_body(self) -> Iterable[Widget]:
        yield Static(self.run_summary(), id="run-summary")
        yield DataTable(id="attempts", cursor_type="row")
        with VerticalScroll(id="attempt-scroll"):
            yield Static(id="attempt-detail")

    def run_summary(self) -> Content:
        run = Run.get_or_none(Run.id == self.run_id)
        if run is None:
            return Content.styled(f"run {self.run_id} is not in this database", "$kt-failed")
        try:
            summary = json.loads(run.summary or "{}")
        except json.JSONDecodeError:
            summary = {}
        folder = artifacts_root(self.kapp.settings) / str(run.id)  # where a still-running run writes
        summary = {"log": str(folder / "run.log"), "artifacts": str(folder)} | summary
        return Content.assemble(
            (f"run {run.id}", "bold $kt-group"),
            "  ",
            Content.styled(run.status, STATUS_STYLE.get(run.status, "")),
            ("  mode ", "$foreground-muted"),
            safe(run.mode),
            ("  sites ", "$foreground-muted"),
            safe(run.sites),
            ("  plan ", "$foreground-muted"),
            safe(run.plan),
            ("  duration ", "$foreground-muted"),
            (duration(run), "$kt-elapsed"),
            "\n",
            ("log ", "$foreground-muted"),
            safe(summary.get("log", "-")),
            ("  artifacts ", "$foreground-muted"),
            safe(summary.get("artifacts", "-")),
        )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("job", "try", "status", "duration", "rows", "error")
        for index, attempt in enumerate(self.attempts):
            table.add_row(
                cell(attempt.job, "bold"),
                cell(attempt.attempt),
                Text(attempt.status, style=rich_style(attempt.status)),
                cell(clock(attempt.duration_s)),
                cell(attempt.rows),
                cell(first_line(attempt.error_message, 80), rich_style("failed")),
                key=str(index),
            )
        self.show_attempt(0)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_attempt(event.cursor_row)

    def show_attempt(self, index: int) -> None:
        detail = self.query_one("#attempt-detail", Static)
        if 0 <= index < len(self.attempts):
            detail.update(attempt_content(self.attempts[index]))
        else:
            detail.update(Content.styled("No attempts recorded for this run.", "$foreground-muted"))


register_screen(
    ScreenEntry(
        name="history",
        title="Run history",
        factory=lambda app: RunHistoryScreen(id="history"),
        key="h",
        description="past runs of this mode's database, their attempts and artifacts",
    )
)
