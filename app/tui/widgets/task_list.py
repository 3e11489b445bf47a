"""The dashboard's task rows as one scrollable Line-API widget with a keyboard cursor.

One widget paints every row (not a widget per row): each tick only the lines whose cells changed are
refreshed, and only the changed cells are rendered again, from a cache shared by all rows. That keeps
60 busy tasks well inside the UI's budget. The selected row drives the log panel and the actions.
"""

from __future__ import annotations

from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.widgets import Static

from app.core.jobs import JobSpec
from app.core.progress import TaskView
from app.tui.widgets.task_row import BAR_WIDTH, Cell, Columns, detail_line, fit, row_lines


class TaskRow:
    """One task's state and its current lines (plain data; the list paints it)."""

    def __init__(self, spec: JobSpec, lines: list[list[Cell]]) -> None:
        self.spec = spec
        self.job = spec.name
        self.task: TaskView | None = None
        self.lines = lines
        self.start = 0  # first line in the list
        self.stale = False  # state changed while out of view: cells are built when painted


class TaskList(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {"task-list--cursor", "task-list--failed"}
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
        super().__init__(id=id)
        self.name_width = min(30, max((len(spec.name) for spec in specs), default=8))
        self.group_width = min(14, max((len(spec.group) for spec in specs), default=5))
        cols = Columns(self.name_width, self.group_width, 0)
        self.rows = [TaskRow(spec, row_lines(spec, None, 0.0, 0, cols)) for spec in specs]
        self.by_job = {row.job: row for row in self.rows}
        self.now = 0.0
        self._line_map: list[tuple[TaskRow, int]] = []
        self._segments: LRUCache[tuple[Cell, Style], tuple[list[Segment], int]] = LRUCache(4096)
        self._width = 0
        self._index_lines()

    @property
    def selected(self) -> str | None:
        return self.rows[self.cursor].job if self.rows else None

    # ------------------------------------------------------------------------------ state
    def show(self, tasks: dict[str, TaskView], now: float) -> None:
        """Apply the newest state of every task; repaint only the visible lines that changed.

        Rows scrolled out of view only keep their line count right (a failed task gets a second
        line); their cells are built when they are painted again.
        """
        self.now = now
        cols = self.columns
        top = self.scroll_offset.y
        bottom = top + self.size.height
        changed: list[TaskRow] = []
        reflow = False
        for row in self.rows:
            task = tasks.get(row.job)
            if task is None:
                continue
            row.task = task
            if not (row.start < bottom and row.start + len(row.lines) > top):
                row.stale = True
                if 1 + (detail_line(task) is not None) == len(row.lines):
                    continue
            lines = row_lines(row.spec, task, now, self._width, cols)
            row.stale = False
            if lines != row.lines:
                reflow = reflow or len(lines) != len(row.lines)
                row.lines = lines
                changed.append(row)
        if reflow:
            self._index_lines()
            self.refresh()
        else:
            for row in changed:
                self.refresh_lines(row.start, len(row.lines))

    @property
    def columns(self) -> Columns:
        return Columns.fit(self._width, self.name_width, self.group_width)

    def _index_lines(self) -> None:
        self._line_map = [(row, number) for row in self.rows for number in range(len(row.lines))]
        start = 0
        for row in self.rows:
            row.start = start
            start += len(row.lines)
        self.virtual_size = Size(self._width, len(self._line_map))

    def on_resize(self, event: events.Resize) -> None:
        self._width = self.scrollable_content_region.width or event.size.width
        self._segments.clear()
        tasks = {row.job: row.task for row in self.rows if row.task is not None}
        for row in self.rows:
            row.lines = []  # force new lines for the new width
        self.show(tasks, self.now)
        self._index_lines()
        self.refresh()

    def invalidate(self) -> None:
        """Render every cell again (the theme changed)."""
        self._segments.clear()
        self.refresh()

    # ------------------------------------------------------------------------------ painting
    def render_line(self, y: int) -> Strip:
        width = self._width or self.size.width
        index = y + self.scroll_offset.y
        if index >= len(self._line_map):
            return Strip.blank(width, self.visual_style.rich_style)
        row, number = self._line_map[index]
        if row.stale:  # came into view since its last change
            row.lines, row.stale = row_lines(row.spec, row.task, self.now, self._width, self.columns), False
        base = self.row_style(row)
        segments: list[Segment] = []
        length = 0
        for cell in row.lines[number]:
            key = (cell, base)
            rendered = self._segments.get(key)
            if rendered is None:
                content = Content.assemble(*cell)
                rendered = (content.render_segments(base), content.cell_length)
                self._segments[key] = rendered
            segments.extend(rendered[0])
            length += rendered[1]
        return Strip(segments, length).adjust_cell_length(width, base.rich_style)

    def row_style(self, row: TaskRow) -> Style:
        if self.rows and row is self.rows[self.cursor]:
            return self.get_visual_style("task-list--cursor")
        if row.task is not None and row.task.status == "failed":
            return self.get_visual_style("task-list--failed")
        return self.visual_style

    # ------------------------------------------------------------------------------ cursor
    def action_move(self, delta: int) -> None:
        if self.rows:
            self.cursor = max(0, min(len(self.rows) - 1, self.cursor + delta))

    def watch_cursor(self, old: int, new: int) -> None:
        for index in (old, new):
            if 0 <= index < len(self.rows):
                row = self.rows[index]
                self.refresh_lines(row.start, len(row.lines))
        row = self.rows[new]
        self.scroll_to_region(Region(0, row.start, 1, len(row.lines)), animate=False)
        self.post_message(self.Highlighted(row.job))

    def on_click(self, event: events.Click) -> None:
        index = event.y + self.scroll_offset.y
        if 0 <= index < len(self._line_map):
            self.cursor = self.rows.index(self._line_map[index][0])
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
