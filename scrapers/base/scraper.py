"""`BaseScraper`: the lifecycle every site shares, so a site module only tells the story of its site.

One attempt = `run(ctx)`: forget rows of an earlier attempt of this run, start one browser, call the
site's `scrape()`, store rows through the one writer (chunked), check the yield, quit the browser —
on success, failure and cancellation alike. A failure leaves artifacts and reaches the executor as a
transient (retry with a fresh browser) or permanent (fail fast) error.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import ClassVar, TypeVar

from app.core.errors import JobCancelled
from app.core.jobs import JobContext
from scrapers.base.address import Address
from scrapers.base.artifacts import save_failure
from scrapers.base.errors import YieldTooLow, classify
from scrapers.base.normalise import Normaliser
from scrapers.base.page import Page
from scrapers.base.writer import RowWriter
from scrapers.base.yields import recent_yields, yield_warning
from scrapers.browser.factory import open_browser

T = TypeVar("T")


@dataclass(frozen=True)
class Caps:
    """How much of a site Testing mode walks (None = everything)."""

    branches: int | None = None
    dates: int | None = None
    films: int | None = None


TESTING_CAPS = Caps(branches=1, dates=2, films=5)
FULL = Caps()


class BaseScraper:
    """Subclass per site: set the class attributes, write `scrape()`."""

    job: ClassVar[str] = ""  # registry job name, e.g. "yes_planet"
    cinema: ClassVar[str] = ""  # the `cinema` column, e.g. "Yes Planet"
    live_root: ClassVar[str] = ""  # e.g. "https://www.planetcinema.co.il"
    sandbox_site: ClassVar[str] = ""  # replica prefix, e.g. "yes_planet" (usually = job)
    branch_cities: ClassVar[Mapping[str, str]] = {}  # the site's branch names → canonical city
    loaders: ClassVar[tuple[str, ...]] = ()  # spinners: while visible the page is not "loaded"
    accept: ClassVar[tuple[str, ...]] = ()  # extra banner accept buttons (base list: overlays.py)
    remove: ClassVar[tuple[str, ...]] = ()  # extra overlays/popups to delete
    wait_s: ClassVar[float] = 15.0  # element waits on the live site
    sandbox_wait_s: ClassVar[float] = 8.0  # … and on the sandbox (replica delays are small)
    testing_caps: ClassVar[Caps] = TESTING_CAPS

    def __init__(self) -> None:
        self.ctx: JobContext | None = None
        self.page: Page | None = None
        self.address: Address | None = None
        self.writer: RowWriter | None = None
        self.caps = FULL
        self._done = 0.0
        self._total: float | None = None

    # ------------------------------------------------------------------------------ lifecycle
    def run(self, ctx: JobContext) -> None:
        self.ctx = ctx
        self.address = Address(self.live_root, self.sandbox_site or self.job, ctx.settings)
        self.caps = self.testing_caps if ctx.testing else FULL
        self.writer = RowWriter(ctx.run_id, ctx.spec.name, self.cinema, Normaliser(self.branch_cities))
        forgotten = self.writer.begin()
        if forgotten:
            ctx.log(f"removed {forgotten} rows of an earlier attempt of this run")
        ctx.check_cancelled()
        began = time.monotonic()
        try:
            with open_browser(ctx.settings) as driver:
                ctx.metrics["browser_start_s"] = round(time.monotonic() - began, 3)
                wait = self.sandbox_wait_s if self.address.sandbox else self.wait_s
                self.page = Page(driver, wait, self.loaders, self.accept, self.remove)
                try:
                    self.scrape()
                    self._check_yield()
                except JobCancelled:
                    raise
                except Exception as exc:
                    self._leave_artifacts(exc)
                    verdict = classify(exc)
                    if verdict is exc:
                        raise
                    raise verdict from exc
                finally:
                    self.page = None
        finally:
            self.writer.flush()
            ctx.metrics.update(
                rows=len(self.writer.rows),
                duplicates_dropped=self.writer.duplicates,
                scrape_s=round(time.monotonic() - began, 3),
            )

    def scrape(self) -> None:
        """The site's story: open, dismiss banner, pick branch, walk dates, read films, `emit` rows."""
        raise NotImplementedError

    def _check_yield(self) -> None:
        assert self.ctx is not None and self.writer is not None
        rows = len(self.writer.rows)
        if rows == 0:
            raise YieldTooLow(f"{self.job} produced no rows")
        if not self.ctx.testing:
            recent = recent_yields(self.job, self.ctx.settings.sites, self.ctx.run_id)
            warning = yield_warning(rows, recent)
            if warning:
                self.ctx.warn(warning)

    def _leave_artifacts(self, exc: BaseException) -> None:
        assert self.ctx is not None
        try:
            saved = save_failure(self.ctx.artifacts_dir, exc, self.page, self.writer, self.ctx.redact)
            self.ctx.log(f"failure artifacts: {', '.join(sorted(saved))} in {self.ctx.artifacts_dir}", "warning")
        except OSError as err:
            self.ctx.log(f"could not write failure artifacts: {err}", "warning")

    # ------------------------------------------------------------------------------ for site modules
    @property
    def sandbox(self) -> bool:
        return bool(self.address and self.address.sandbox)

    def url(self, path: str = "/") -> str:
        assert self.address is not None
        return self.address.url(path)

    def today(self) -> date:
        """The site's today: the sandbox's pinned date, or today in Israel."""
        assert self.address is not None
        return self.address.today()

    def emit(self, row: Mapping[str, str]) -> None:
        """Store one row (normalised; an exact repeat within this scrape is dropped)."""
        assert self.writer is not None and self.ctx is not None
        if self.writer.add(row):
            self.ctx.add_rows(1)

    def capped(self, kind: str, items: Iterable[T]) -> list[T]:
        """Testing caps: the first N branches/dates/films (`kind` is a `Caps` field)."""
        items = list(items)
        limit = getattr(self.caps, kind)
        return items if limit is None else items[:limit]

    def plan_steps(self, total: float) -> None:
        """Announce how many units (e.g. branches × dates) this scrape will walk."""
        assert self.ctx is not None
        self._total = total
        self.ctx.progress(self._done, total)

    def add_steps(self, more: float) -> None:
        """Grow the plan when a unit reveals more work (a branch's dates become known)."""
        self.plan_steps((self._total or 0) + more)

    def step(self, units: float = 1) -> None:
        """One unit done: progress reported, cancellation checked (between units of work)."""
        assert self.ctx is not None
        self._done += units
        self.ctx.progress(self._done, self._total)
        self.ctx.check_cancelled()

    def check_cancelled(self) -> None:
        assert self.ctx is not None
        self.ctx.check_cancelled()

    def log(self, message: str, level: str = "info") -> None:
        assert self.ctx is not None
        self.ctx.log(message, level)
