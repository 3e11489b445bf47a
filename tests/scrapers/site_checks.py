"""One site's checks against the real sandbox, real Chromium, the real executor and a real SQLite
database: the round trip (≥ 99 % of source rows field for field, no extras), the chaos faults, and
no browser left behind. Used by the per-site test modules (`test_<job>.py`).

Source rows are compared after the documented normalisations: `normalise_row` (with the site's
branch table), the site's `expected` repair of the old pipeline's known defects when it has one
(e.g. runtimes carried over from the previous film), and exact repeats counted once (the row writer
drops exact duplicates within a scrape, as documented).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from app.core.executor import Executor
from app.core.jobs import RetryPolicy
from app.core.plan import Plan, Stage
from app.core.settings import Settings
from app.core.summary import JobResult
from registry import load_catalogue
from scrapers.browser.factory import STARTED_PIDS, live_browsers
from scrapers.browser.processes import alive
from tests.scrapers.roundtrip import BUNDLED, UNSEEN, Comparison, compare, running_sandbox, source_rows, stored_rows

Rows = list[dict[str, str]]
FAST_RETRY = RetryPolicy(max_attempts=2, base_delay_s=0.1, max_delay_s=0.2, jitter=0.0)
ALL_CHAOS = ("slow=250", "500", "stale", "late-banner")


@dataclass
class SiteRun:
    job: JobResult
    rows: Rows
    artifacts: Path


def run_site(settings: Settings, job: str, data: Path, *, testing: bool = False, chaos: tuple[str, ...] = (),
             retry: RetryPolicy | None = None) -> SiteRun:
    """Serve `data` (with chaos limited to this site), run only `job`, return its result and stored rows."""
    spec = load_catalogue().jobs[job]
    spec = replace(spec, retry=retry) if retry else spec
    settings = replace(settings, mode="testing" if testing else "regular")
    with running_sandbox(data, chaos=[f"{fault}@{job}" for fault in chaos]) as server:
        executor = Executor(replace(settings, sandbox_url=server.url))
        result = executor.run(Plan(job, (Stage(spec.group, False, (spec,)),)))
    assert live_browsers() == 0 and [p for p in STARTED_PIDS if alive(p)] == [], "browser left running"
    return SiteRun(result.jobs[0], stored_rows(result.run_id, job), executor.artifacts_path / job)


def expected_rows(data: Path, cinema: str, repair: Callable[[Rows], Rows] | None = None) -> Rows:
    """The source rows a correct scrape gives back: the site's documented repair, exact repeats once."""
    rows = source_rows(data, cinema)
    rows = repair(rows) if repair else rows
    unique = {tuple(sorted(r.items())): r for r in rows}
    return list(unique.values())


def check_round_trip(settings: Settings, job: str, cinema: str, data: Path,
                     repair: Callable[[Rows], Rows] | None = None, branches=None) -> Comparison:
    run = run_site(settings, job, data)
    assert (run.job.status, run.job.attempts) == ("ok", 1), run.job.error
    comparison = compare(expected_rows(data, cinema, repair), run.rows, branches)
    assert comparison.source > 0
    assert comparison.reproduced >= 0.99, comparison.missing[:5]
    assert comparison.extra == [], comparison.extra[:5]
    assert run.job.rows == len(run.rows)
    return comparison


def check_chaos_is_survived(settings: Settings, job: str, cinema: str, data: Path,
                            repair: Callable[[Rows], Rows] | None = None, branches=None) -> SiteRun:
    """Slow pages, a 500, stale re-renders and a late banner at once: one retry, then only true rows."""
    run = run_site(settings, job, data, testing=True, chaos=ALL_CHAOS, retry=FAST_RETRY)
    assert (run.job.status, run.job.attempts) == ("ok", 2), run.job.error
    assert "SiteErrorPage" in (run.artifacts / "attempt-1" / "failure.txt").read_text()
    comparison = compare(expected_rows(data, cinema, repair), run.rows, branches)
    assert comparison.scraped > 0 and comparison.extra == [], comparison.extra[:5]
    return run


def check_missing_fails_fast(settings: Settings, job: str, data: Path, selector: str) -> SiteRun:
    """The site's key element left out: no retry, SelectorMissing naming it, complete artifacts."""
    run = run_site(settings, job, data, testing=True, chaos=("missing",), retry=FAST_RETRY)
    assert (run.job.status, run.job.attempts, run.job.error_type) == ("failed", 1, "SelectorMissing"), run.job.error
    folder = run.artifacts / "attempt-1"
    for name in ("screenshot.png", "page.html", "url.txt", "failure.txt", "rows.csv", "error.txt"):
        assert (folder / name).stat().st_size > 0, name
    assert f"selector: {selector}" in (folder / "failure.txt").read_text()
    return run


def site_tests(job: str, cinema: str, key_selector: str, repair: Callable[[Rows], Rows] | None = None,
               ids: tuple[str, str] = ("bundled-590", "unseen-596")):
    """The three browser tests every site module runs, bound to one site:
    `test_round_trip, test_chaos_is_survived, test_missing_key_element_fails_fast = site_tests(...)`."""

    @pytest.mark.browser
    @pytest.mark.parametrize("data", [BUNDLED, UNSEEN], ids=list(ids))
    def test_round_trip(scrape_settings, data: Path) -> None:
        check_round_trip(scrape_settings, job, cinema, data, repair)

    @pytest.mark.browser
    def test_chaos_is_survived(scrape_settings) -> None:
        check_chaos_is_survived(scrape_settings, job, cinema, BUNDLED, repair)

    @pytest.mark.browser
    def test_missing_key_element_fails_fast(scrape_settings) -> None:
        check_missing_fails_fast(scrape_settings, job, BUNDLED, key_selector)

    return test_round_trip, test_chaos_is_survived, test_missing_key_element_fails_fast
