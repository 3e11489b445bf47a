"""A table that draws only the rows on screen, for results of any length (Textual's Line API).

A DataTable measures every cell of every row added and renders each cell through Rich's console,
so replacing its rows on each keystroke costs ~100 ms of CPU per 60 rows here, and 20,000 rows
take seconds. This table is handed the whole result (row numbers into a view) and asks for the
rows it draws, `render_row(index)` → cells as Rich `Text` (never markup), turning each into one
plain segment of its column's width. A new result is a list swap and a repaint of one screenful;
rows are cached while the cursor moves; the scrollbar spans all rows, End goes to the last one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from app.tui.results.bidi import ORDER

RowRenderer = Callable[[int], Sequence[Text]]
PADDING = 1  # blank cells each side of a column


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    label: str
    width: int | None = None  # None: shares what the fixed columns leave
    min_width: int = 8


def fit_widths(specs: Sequence[ColumnSpec], available: int, padding: int = PADDING) -> list[int]:
    """Column widths for `available` cells: fixed ones as asked, flexible ones sharing the rest."""
    fixed = sum(spec.width for spec in specs if spec.width is not None)
    flexible = [spec for spec in specs if spec.width is None]
    spare = available - fixed - 2 * padding * len(specs)
    share, extra = divmod(max(0, spare), len(flexible)) if flexible else (0, 0)
    widths = []
    for spec in specs:
        if spec.width is not None:
            widths.append(spec.width)
        else:
            widths.append(max(spec.min_width, share + (1 if extra > 0 else 0)))
            extra -= 1
    return widths


def fit(text: str, width: int, right: bool = False) -> str:
    """Exactly `width` cells: cut (in logical order, so a title keeps its start) with an ellipsis, then
    right-to-left runs put in display order, then padded."""
    if cell_len(text) > width:
        text = set_cell_size(text, width - 1) + "…" if width > 0 else ""
    text = ORDER.apply(text)
    pad = " " * (width - cell_len(text))
    return pad + text if right else text + pad


def text_style(text: Text) -> Style:
    style = text.style
    return Style.parse(style) if isinstance(style, str) else style


class ResultTable(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {"result-table--header", "result-table--cursor", "result-table--even-row"}
    DEFAULT_CSS = """
    ResultTable {
        background: $surface;
        color: $foreground;
        &:focus {
            background-tint: $foreground 5%;
            & > .result-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
        & > .result-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .result-table--even-row {
            background: $surface-lighten-1 50%;
        }
        &:dark > .result-table--even-row {
            background: $surface-darken-1 40%;
        }
        & > .result-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """
    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home,ctrl+home", "first", "First row", show=False),
        Binding("end,ctrl+end", "last", "Last row", show=False),
        Binding("enter", "select", "Select", show=False),
    ]

    class RowHighlighted(Message):
        def __init__(self, table: ResultTable, cursor_row: int) -> None:
            super().__init__()
            self.table, self.cursor_row = table, cursor_row

        @property
        def control(self) -> ResultTable:
            return self.table

    class RowSelected(RowHighlighted):
        pass

    def __init__(self, specs: Sequence[ColumnSpec], render_row: RowRenderer, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.specs = list(specs)
        self.render_row = render_row
        self.result: Sequence[int] = ()
        self.cursor_row = 0
        self._widths: tuple[int, list[int]] = (-1, [])
        self._lines: LRUCache[tuple, Strip] = LRUCache(1024)

    # ------------------------------------------------------------------------------ content
    def show(self, result: Sequence[int], force: bool = False) -> bool:
        """Show a new result (cursor back to the top); returns whether anything changed.
        `force`: the rows behind the same numbers changed (a reload)."""
        if not force and len(result) == len(self.result) and list(result) == list(self.result):
            return False
        self.result = result
        self.cursor_row = 0
        self.rerender()
        self.scroll_to(y=0, animate=False)
        self.post_message(self.RowHighlighted(self, 0))
        return True

    def rerender(self) -> None:
        """Draw every row again (new rows, new display order, new size or theme)."""
        self._lines.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.result) + 1)
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self.result)

    @property
    def current(self) -> int | None:
        """The result entry (a row number in the view) under the cursor."""
        return self.result[self.cursor_row] if 0 <= self.cursor_row < len(self.result) else None

    def on_resize(self, event: events.Resize) -> None:
        self.rerender()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()

    def on_focus(self) -> None:
        self._lines.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._lines.clear()
        self.refresh()

    # ------------------------------------------------------------------------------ drawing
    def widths(self, width: int) -> list[int]:
        if self._widths[0] != width:
            self._widths = (width, fit_widths(self.specs, width))
        return self._widths[1]

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            key: tuple = ("header", width, ORDER.mode)
            cells = [Text(spec.label) for spec in self.specs]
            style = self.get_component_rich_style("result-table--header")
        else:
            row = int(self.scroll_offset.y) + y - 1
            if row >= len(self.result):
                return Strip.blank(width, self.rich_style)
            key = (row, row == self.cursor_row, width, self.has_focus, ORDER.mode)
            cached = self._lines.get(key)
            if cached is not None:
                return cached
            cells = self.render_row(self.result[row])
            style = self.rich_style
            if row % 2:
                style += self.get_component_rich_style("result-table--even-row")
            if row == self.cursor_row:
                style += self.get_component_rich_style("result-table--cursor")
        strip = self._strip(cells, width, style)
        self._lines.set(key, strip)
        return strip

    def _strip(self, cells: Sequence[Text], width: int, style: Style) -> Strip:
        pad = " " * PADDING
        segments = []
        for text, cells_wide in zip(cells, self.widths(width), strict=False):
            segments.append(Segment(pad, style))
            segments.append(Segment(fit(text.plain, cells_wide, text.justify == "right"), style + text_style(text)))
            segments.append(Segment(pad, style))
        return Strip(segments).adjust_cell_length(width, style)

    # ------------------------------------------------------------------------------ cursor
    def move_cursor(self, row: int) -> None:
        row = max(0, min(row, len(self.result) - 1))
        if row != self.cursor_row:
            self.cursor_row = row
            self.refresh()
            self.post_message(self.RowHighlighted(self, row))
        visible = self.scrollable_content_region.height - 1  # below the header
        top = int(self.scroll_offset.y)
        if row < top:
            self.scroll_to(y=row, animate=False)
        elif visible > 0 and row >= top + visible:
            self.scroll_to(y=row - visible + 1, animate=False)

    def action_move(self, step: int) -> None:
        self.move_cursor(self.cursor_row + step)

    def action_page(self, direction: int) -> None:
        self.move_cursor(self.cursor_row + direction * max(1, self.scrollable_content_region.height - 2))

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self.result) - 1)

    def action_select(self) -> None:
        if self.result:
            self.post_message(self.RowSelected(self, self.cursor_row))

    def on_click(self, event: events.Click) -> None:
        y = event.get_content_offset(self)
        if y is None or y.y == 0:
            return
        row = int(self.scroll_offset.y) + y.y - 1
        if row >= len(self.result):
            return
        again = row == self.cursor_row
        self.move_cursor(row)
        if again or event.chain > 1:
            self.action_select()
