"""Cascading dropdowns (quick-booking bars): choosing in one list loads the options of the next.

Cinema City's red "הזמנת כרטיסים" bar is five such lists (branch → hall type → film → day → hour).
`Cascade.paths()` walks every combination depth-first, choosing all levels but the last and waiting
until the last level's options are freshly loaded; the caller reads those. Options are re-found by
index after every choice (the site re-renders them: no stale references), and a re-render in the
middle of a choice repeats that choice (`Page.retry_stale`). The old scraper clicked fixed XPaths
and slept 0.15 s after each click; here every choice waits for the list it loads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from selenium.common.exceptions import NoSuchElementException
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as EC

from scrapers.base.normalise import clean_text
from scrapers.base.page import Field, Page

CHOOSE_JS = """
const [toggle, options, index, following] = arguments;
const before = document.querySelector(following);
const opener = document.querySelector(toggle);
if (opener) opener.click();
const option = document.querySelectorAll(options)[index];
if (!option) return [false, before];
option.click();
return [true, before && before.isConnected ? before : null];  // already gone: the list is reloading
"""


@dataclass(frozen=True)
class Dropdown:
    """One list of a cascade: what opens it, its option links, and how many options to walk."""

    name: str
    toggle: str  # e.g. "#qb-branch dt a"
    options: str  # e.g. "#qb-branch dd ul li a"
    limit: int | None = None  # Testing caps (None = all)


Skip = Callable[[str, str], bool]  # (level name, option label) → True to leave that subtree out


class Cascade:
    """Depth-first walk over cascading dropdowns; yields the labels chosen for every level but the last."""

    def __init__(self, page: Page, levels: Sequence[Dropdown], skip: Skip | None = None,
                 on_choice: Callable[[str, str], None] | None = None) -> None:
        if len(levels) < 2:
            raise ValueError("a cascade needs at least two levels (choose one, read the next)")
        self.page = page
        self.levels = tuple(levels)
        self.skip = skip or (lambda level, label: False)
        self.on_choice = on_choice or (lambda level, label: None)

    def paths(self) -> Iterator[tuple[str, ...]]:
        """Every combination of the levels but the last, with the last level's options loaded for it."""
        self.wait_options(self.levels[0])
        yield from self._walk(0, ())

    def labels(self, level: Dropdown) -> list[str]:
        """The option texts of a level as they are now (one round trip; hidden lists read too)."""
        rows = self.page.extract(level.options, {"label": Field("", "textContent")})
        return [clean_text(row["label"]) for row in rows]

    def wait_options(self, level: Dropdown) -> list[WebElement]:
        return self.page.wait_all(level.options, f"{level.name} options")

    def _walk(self, depth: int, chosen: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        level = self.levels[depth]
        labels = self.page.retry_stale(lambda: self.labels(level), what=f"{level.name} options")
        wanted = [(i, label) for i, label in enumerate(labels) if not self.skip(level.name, label)]
        for index, label in wanted[: level.limit] if level.limit is not None else wanted:
            self.page.retry_stale(lambda index=index, label=label: self.choose(depth, index, label),
                                  what=f"choosing {level.name} {label!r}")
            self.on_choice(level.name, label)
            path = (*chosen, label)
            if depth + 2 == len(self.levels):
                yield path
            else:
                yield from self._walk(depth + 1, path)

    def choose(self, depth: int, index: int, label: str) -> None:
        """Open level `depth`, click its option `index`, wait until the next level's options are new.

        Opening and clicking is one script (one round trip, as the old scraper's JS clicks); it returns
        the next level's first option as it was before the click, whose going stale means "reloaded".
        """
        level, following = self.levels[depth], self.levels[depth + 1]
        found, before = self.page.driver.execute_script(CHOOSE_JS, level.toggle, level.options, index,
                                                        following.options)
        if not found:
            raise NoSuchElementException(f"{level.name} option {index} ({label!r}) is gone")
        if before is not None:
            self.page.wait_until(EC.staleness_of(before), f"{following.name} options to reload after {label!r}",
                                 selector=following.options)
        self.wait_options(following)
