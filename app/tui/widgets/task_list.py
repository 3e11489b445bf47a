"""The dashboard's task rows with a keyboard cursor (the selected task drives the log panel)."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from app.core.jobs import JobSpec
from app.tui.widgets.task_row import BAR_WIDTH, Columns, TaskRow, fit


class TaskList(VerticalScroll, can_focus=True):
    BINDINGS = [
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("pageup", "move(-10)", show=False),
        Binding("pagedown", "move(10)", show=False),
        Binding("home", "move(-100000)", show=False),
        Binding("end", "move(100000)", show=False),
    ]
    cursor = reactive(0, init=False)

    class Highlighted(Message):
        def __init__(self, job: str) -> None:
            super().__init__()
            self.job = job

    class Activated(Message):
        """Double click on a row (like Enter): show its details."""

    def __init__(self, specs: list[JobSpec], id: str | None = None) -> None:
        self.name_width = min(30, max((len(spec.name) for spec in specs), default=8))
        self.group_width = min(14, max((len(spec.group) for spec in specs), default=5))
        self.rows = [TaskRow(spec, self.name_width, self.group_width) for spec in specs]
        self.by_job = {row.job: row for row in self.rows}
        super().__init__(*self.rows, id=id)

    def on_mount(self) -> None:
        if self.rows:
            self.rows[0].add_class("-cursor")

    @property
    def selected(self) -> str | None:
        return self.rows[self.cursor].job if self.rows else None

    def action_move(self, delta: int) -> None:
        if self.rows:
            self.cursor = max(0, min(len(self.rows) - 1, self.cursor + delta))

    def watch_cursor(self, old: int, new: int) -> None:
        if 0 <= old < len(self.rows):
            self.rows[old].remove_class("-cursor")
        row = self.rows[new]
        row.add_class("-cursor")
        self.scroll_to_widget(row, animate=False)
        self.post_message(self.Highlighted(row.job))

    def on_task_row_clicked(self, event: TaskRow.Clicked) -> None:
        self.focus()
        self.cursor = self.rows.index(event.row)
        if event.chain >= 2:
            self.post_message(self.Activated())


class ColumnHeader(Static):
    """Column titles aligned with the rows below."""

    def __init__(self, name_width: int, group_width: int) -> None:
        super().__init__(id="task-columns")
        self.name_width, self.group_width = name_width, group_width

    def render(self) -> Content:
        cols = Columns.fit(self.size.width, self.name_width, self.group_width)
        parts = ["  ", fit(Content("task"), cols.name), " "]
        if cols.group:
            parts += [fit(Content("group"), cols.group), " "]
        parts += ["status    ", "try   ", "progress".ljust(BAR_WIDTH), "      ", "elapsed ", "    left ", "  rows"]
        if cols.note:
            parts.append("  note")
        return Content.styled(Content.assemble(*parts).plain, "$foreground-muted bold")
