"""A DataTable over a long list of results that holds only the rows a user has reached.

A DataTable measures every cell of every row added to it, so adding 20,000 rows per keystroke
would take seconds. This table is handed the whole result (row numbers into a view) but renders
and adds one page in a single batch; the next page is appended when the cursor or the scroll gets
near the end, and End / ctrl+End load the rest first. A new result whose first rows are those
already shown does not touch the widget at all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

RowRenderer = Callable[[int], Sequence[Text]]


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    label: str
    width: int | None = None  # None: shares what the fixed columns leave
    min_width: int = 8


def fit_widths(specs: Sequence[ColumnSpec], available: int, padding: int) -> list[int]:
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


class ResultTable(DataTable):
    PAGE = 60  # rows added per batch: more than a screenful, cheap to measure
    NEAR_END = 10  # load the next page when the cursor is this close to the last loaded row
    BINDINGS = [Binding("end", "scroll_bottom", "Last row", show=False)]

    def __init__(self, specs: Sequence[ColumnSpec], render_row: RowRenderer, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.specs = list(specs)
        self.render_row = render_row
        self.result: Sequence[int] = ()
        self._fitted_to = -1

    # ------------------------------------------------------------------------------ columns
    def on_resize(self) -> None:
        self.fit_columns()

    def fit_columns(self, force: bool = False) -> None:
        """(Re)build the columns for the current width; rows already loaded are rendered again."""
        available = self.size.width - self.styles.scrollbar_size_vertical  # room kept for the scrollbar
        if available <= 0 or (available == self._fitted_to and not force):
            return
        self._fitted_to = available
        loaded = self.row_count
        self.clear(columns=True)
        for spec, width in zip(self.specs, fit_widths(self.specs, available, self.cell_padding), strict=True):
            self.add_column(spec.label, width=width, key=spec.key)
        self._append(max(loaded, self.PAGE))

    def rerender(self) -> None:
        """Render the loaded rows again (e.g. after the right-to-left display order changed)."""
        self.fit_columns(force=True)

    # ------------------------------------------------------------------------------ rows
    def show(self, result: Sequence[int], force: bool = False) -> bool:
        """Show a new result; returns whether the widget changed. `force`: the rows' contents changed."""
        loaded = self.row_count
        if loaded and not force and list(result[:loaded]) == list(self.result[:loaded]):
            self.result = result  # the rows on screen stay; later pages come from the new result
            if loaded < self.PAGE:
                self._append(self.PAGE - loaded)
            return self.row_count != loaded
        self.result = result
        self.clear()
        self._append(self.PAGE)
        return True

    def _append(self, count: int) -> None:
        start = self.row_count
        stop = min(len(self.result), start + count)
        if start < stop and self.columns:
            self.add_rows(self.render_row(self.result[index]) for index in range(start, stop))

    @property
    def current(self) -> int | None:
        """The result entry (a row number in the view) under the cursor."""
        row = self.cursor_row
        return self.result[row] if self.row_count and 0 <= row < len(self.result) else None

    @property
    def fully_loaded(self) -> bool:
        return self.row_count >= len(self.result)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= self.row_count - self.NEAR_END:
            self._append(self.PAGE)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if new_value >= self.max_scroll_y - self.scrollable_content_region.height and not self.fully_loaded:
            self.call_later(self._append, self.PAGE)

    def action_scroll_bottom(self) -> None:
        self._append(len(self.result))
        super().action_scroll_bottom()
