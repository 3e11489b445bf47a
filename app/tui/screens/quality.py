"""Data quality: one run's report against the previous run's — rows in, quarantined and dropped by
reason, merged, films, published, flagged — and each cinema's scrape size beside the previous run
and its usual size, flagged (rejected) scrapes first. Pick a run on the left."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from rich.text import Text
from textual import work
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget

from app.core.db import database
from app.tui.format import rich_style
from app.tui.navigation import ScreenEntry, register_screen
from app.tui.results.cells import cell, number, shown
from app.tui.results.table import ColumnSpec, ResultTable
from app.tui.screens.results import ResultsScreen
from dataflows.views.load import load_quality
from dataflows.views.quality import CinemaYield, Line, QualityView, RunReport

KINDS = {"showtime": "showtimes", "comingsoon": "coming soon"}


def change_text(line: Line) -> Text:
    change = line.change
    if change is None:
        return number("")
    better = change and line.worse and not line.got_worse
    style = rich_style("failed") if line.got_worse else rich_style("ok") if better else ""
    return number(f"{change:+,}" if change else "0", style)


def decision_text(y: CinemaYield) -> Text:
    if y.flagged:
        return cell(f"⚑ rejected: {y.reason}", rich_style("failed"))
    return cell(y.decision or "pending", "dim" if y.rows is None else "")


class QualityScreen(ResultsScreen):
    SCREEN_TITLE = "Data quality"
    VIEW_NAME = "quality"
    NOUN = "report lines"
    AUTO_FOCUS = "#runs"

    def compose_tables(self) -> Iterable[Widget]:
        with Horizontal(id="quality-top"):
            yield ResultTable(
                [ColumnSpec("run", "Run", 5), ColumnSpec("started", "Started (UTC)", 16), ColumnSpec("plan", "Plan"),
                 ColumnSpec("status", "Status", 9)],
                self.render_run,
                id="runs",
            )  # fmt: skip
            yield ResultTable(
                [ColumnSpec("cinema", "Cinema", min_width=12), ColumnSpec("kind", "Listing", 11),
                 ColumnSpec("rows", "Rows", 6), ColumnSpec("previous", "Previous", 8), ColumnSpec("usual", "Usual", 6),
                 ColumnSpec("share", "Of usual", 8), ColumnSpec("decision", "Decision", 24)],
                self.render_cinema,
                id="cinemas",
            )  # fmt: skip
        yield ResultTable(self.columns(), self.render_row, id="results")

    def columns(self) -> list[ColumnSpec]:
        return [
            ColumnSpec("measure", "Measure"),
            ColumnSpec("current", "This run", 10),
            ColumnSpec("previous", "Previous run", 12),
            ColumnSpec("change", "Change", 10),
        ]

    def read_view(self, now: datetime) -> QualityView:
        return load_quality()

    def view_loaded(self) -> None:
        self.query_one("#runs", ResultTable).show(range(len(self.view.runs)))
        self.show_report(self.view.report)

    def select_rows(self) -> list[int]:
        return list(range(len(self.view)))

    # ------------------------------------------------------------------------------ rows
    def render_run(self, index: int) -> list[Text]:
        run = self.view.runs[index]
        return [number(run.run_id, "bold"), cell(run.started), cell(run.plan), cell(run.status, rich_style(run.status))]

    def render_cinema(self, index: int) -> list[Text]:
        y = self.view.report.cinemas[index]
        share = y.share_of_usual
        return [
            cell(y.cinema, "bold" if y.flagged else ""),
            cell(KINDS.get(y.kind, y.kind)),
            number("-" if y.rows is None else y.rows),
            number(y.previous),
            number(y.usual),
            number("" if share is None else f"{share:.0%}", rich_style("failed") if y.flagged else ""),
            decision_text(y),
        ]

    def render_row(self, index: int) -> list[Text]:
        line = self.view.report.lines[index]
        if line.section == "Rows":
            label = cell(line.label, "bold")
        else:
            label = cell(line.section, "bold") if line.total else cell(f"   {line.label}")
        return [
            label,
            number(f"{line.current:,}" if line.current is not None else ""),
            number(f"{line.previous:,}" if line.previous is not None else "" if line.current is None else "—", "dim"),
            change_text(line),
        ]

    # ------------------------------------------------------------------------------ choosing a run
    def on_result_table_row_highlighted(self, event: ResultTable.RowHighlighted) -> None:
        if event.table.id != "runs" or self.view is None:
            return
        index = event.table.current
        if index is None:
            return
        run_id = self.view.runs[index].run_id
        if self.view.report is None or self.view.report.run_id != run_id:
            self.read_report(run_id)

    @work(thread=True, exclusive=True, group="quality-report", exit_on_error=False)
    def read_report(self, run_id: int) -> None:
        try:
            with database.connection_context():
                report = self.view.read(run_id)
        except Exception as exc:  # shown in the status line
            self.app.call_from_thread(self.load_failed, exc)
            return
        self.app.call_from_thread(self.show_report, report)

    def show_report(self, report: RunReport | None) -> None:
        if not self.is_attached:
            return
        self.view.report = report
        self.query_one("#cinemas", ResultTable).show(range(len(report.cinemas)) if report else [], force=True)
        self.table.show(range(len(self.view)), force=True)
        self.show_status()

    def status_content(self) -> Content:
        report = self.view.report
        if report is None:
            return Content.styled("No data-quality report yet: run the dataflows or import a run.", "$foreground-muted")
        flagged = sum(1 for y in report.cinemas if y.flagged)
        run, previous = report.run, report.previous
        against = f"against run {previous.run_id} ({shown(previous.plan)})" if previous else "first report"
        return Content.assemble(
            (f"Run {run.run_id}", "bold"),
            f" ({shown(run.plan)}) {against} · {len(self.view.runs)} run(s) with a report · ",
            (f"{flagged} scrape(s) flagged", "$kt-failed bold" if flagged else "$foreground-muted"),
            (" · Up/Down picks a run", "$foreground-muted"),
        )


register_screen(
    ScreenEntry(
        name="quality",
        title="Data quality",
        factory=lambda app: QualityScreen(),
        key="d",
        description="a run's data-quality report against the previous run, and cinemas whose yield dropped",
    )
)
