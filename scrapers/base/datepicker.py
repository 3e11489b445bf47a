"""Walking a (bootstrap / jQuery) dropdown datepicker over several months, one selectable day at a time.

The picker opens from an input, closes after every choice and reopens on the month of the chosen
day. Day cells carry the classes `day` / `old` / `new` / `disabled` and `data-date` (UTC midnight in
ms). The walker reopens the picker, moves to the month being walked (`th.next`), clicks the n-th
selectable cell of that month (re-found each time: no stale references) and hands the day to the
site, which waits for the schedule of that day. Hot Cinema's schedule; MovieLand's datepicker is alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TypeVar

from scrapers.base.normalise import clean_text
from scrapers.base.page import Page

T = TypeVar("T")


@dataclass(frozen=True)
class Datepicker:
    opener: str  # what shows the picker, e.g. ".datepicker-wrapper input"
    root: str = ".datepicker-dropdown"  # the picker while shown
    title: str = ".datepicker-days th.datepicker-switch"
    next: str = ".datepicker-days th.next"
    cells: str = ".datepicker-days td.day:not(.old):not(.new):not(.disabled)"  # this month's selectable days

    def selectable(self) -> str:
        return f"{self.root} {self.cells}"


def cell_date(epoch_ms: str | None) -> date | None:
    """`data-date` (UTC midnight in milliseconds) → the day; None when absent."""
    try:
        return datetime.fromtimestamp(int(epoch_ms or "") / 1000, UTC).date()
    except ValueError:
        return None


class DatepickerWalk:
    """Every selectable day of `months` months, in order; `read(day)` runs after each click."""

    def __init__(self, page: Page, picker: Datepicker, months: int = 2) -> None:
        self.page = page
        self.picker = picker
        self.months = months
        self.titles: list[str] = []  # month titles as the picker shows them, in walking order

    def days(self, read: Callable[[date], T], limit: int | None = None) -> Iterator[T]:
        done = 0
        for month in range(self.months):
            if not self.show_month(month):
                return
            for index in self.page.each_index(self.picker.selectable()):
                if limit is not None and done >= limit:
                    return
                yield self.page.retry_stale(lambda index=index, month=month: self.pick(month, index, read),
                                            what="a datepicker day")
                done += 1

    def open(self) -> None:
        if not self.page.visible(self.picker.root):  # JS clicks: as a user through overlays, one round trip
            self.page.js_click(self.page.wait_for(self.picker.opener, "datepicker opener"))
        self.page.wait_for(f"{self.picker.root} {self.picker.title}", "datepicker", visible=True)

    def current_title(self) -> str:
        return clean_text(self.page.find(f"{self.picker.root} {self.picker.title}").get_attribute("textContent"))

    def show_month(self, month: int) -> bool:
        """Open the picker on the `month`-th month of the walk; False when the picker has no such month."""
        self.open()
        if month < len(self.titles):
            target = self.titles[month]
            for _ in range(self.months + 1):
                if self.current_title() == target:
                    return True
                self.next_month()
            return self.current_title() == target
        if self.titles:  # a new month: one step past the last one walked
            while self.current_title() != self.titles[-1]:
                self.next_month()
            arrow = self.page.find(f"{self.picker.root} {self.picker.next}")
            if arrow is None or "disabled" in (arrow.get_attribute("class") or "") or not arrow.is_displayed():
                return False
            self.next_month()
        self.titles.append(self.current_title())
        return True

    def next_month(self) -> None:
        before = self.current_title()
        self.page.js_click(self.page.wait_for(f"{self.picker.root} {self.picker.next}", "next month"))
        self.page.wait_until(lambda d: self.current_title() != before, "datepicker to turn the month",
                             selector=self.picker.next)

    def pick(self, month: int, index: int, read: Callable[[date], T]) -> T:
        self.show_month(month)
        cell = self.page.nth(self.picker.selectable(), index, "datepicker day")
        day = cell_date(cell.get_attribute("data-date"))
        if day is None:
            raise ValueError(f"datepicker cell without data-date at {self.page.url}")
        self.page.js_click(cell)
        return read(day)
