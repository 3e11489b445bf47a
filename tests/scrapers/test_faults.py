"""Chaos faults give their documented behaviour (scrapers/sandbox/chaos.py), and a cancelled scrape
leaves no browser process. Real sandbox, real Chromium, real executor, real SQLite database."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from app.core.events import TaskProgress
from app.core.executor import Executor
from app.core.jobs import RetryPolicy
from app.core.plan import Plan, Stage
from registry import load_catalogue
from scrapers.browser.factory import STARTED_PIDS, all_browser_pids, live_browsers
from scrapers.browser.processes import alive
from tests.scrapers.roundtrip import BUNDLED, compare, running_sandbox, source_rows, stored_rows

pytestmark = pytest.mark.browser
FAST_RETRY = RetryPolicy(max_attempts=2, base_delay_s=0.1, max_delay_s=0.2, jitter=0.0)


def plan_of(job: str, retry: RetryPolicy = FAST_RETRY) -> Plan:
    spec = replace(load_catalogue().jobs[job], retry=retry)
    return Plan(job, (Stage(spec.group, False, (spec,)),))


def run(settings, job: str, chaos: list[str], testing: bool = True):
    settings = replace(settings, mode="testing" if testing else "regular")
    with running_sandbox(BUNDLED, chaos=chaos) as server:
        executor = Executor(replace(settings, sandbox_url=server.url))
        result = executor.run(plan_of(job))
    return result.jobs[0], result, executor


def test_slow_responses_are_waited_out(scrape_settings) -> None:
    job, _, _ = run(scrape_settings, "rav_hen", ["slow=600@rav_hen"])
    assert (job.status, job.attempts) == ("ok", 1), job.error
    assert job.rows > 0


def test_server_error_is_retried_with_a_fresh_browser(scrape_settings) -> None:
    job, result, executor = run(scrape_settings, "yes_planet_soon", ["500@yes_planet"])
    assert (job.status, job.attempts) == ("ok", 2), job.error
    failure = (executor.artifacts_path / "yes_planet_soon" / "attempt-1" / "failure.txt").read_text()
    assert "SiteErrorPage" in failure and "internal server error" in failure
    assert job.rows == len(stored_rows(result.run_id, "yes_planet_soon")) > 0  # retry did not duplicate rows


def test_missing_element_fails_fast_with_complete_artifacts(scrape_settings) -> None:
    job, _, executor = run(scrape_settings, "tlv_cinematheque", ["missing@tlv_cinematheque"])
    assert (job.status, job.attempts, job.error_type) == ("failed", 1, "SelectorMissing")
    folder = executor.artifacts_path / "tlv_cinematheque" / "attempt-1"
    for name in ("screenshot.png", "page.html", "url.txt", "failure.txt", "rows.csv", "error.txt"):
        assert (folder / name).stat().st_size > 0, name
    assert (folder / "screenshot.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    failure = (folder / "failure.txt").read_text()
    assert "selector: #nav-date" in failure and "tlv_cinematheque.py:" in failure  # selector and call chain
    assert "/tlv_cinematheque/en/shown/?date=" in (folder / "url.txt").read_text()
    assert (folder / "rows.csv").read_text().startswith("showtime,english_title,hebrew_title")


def test_stale_rerenders_still_give_every_row(scrape_settings) -> None:
    job, result, _ = run(scrape_settings, "rav_hen", ["stale"], testing=False)
    assert job.status == "ok", job.error
    comparison = compare(source_rows(BUNDLED, "Rav Hen"), stored_rows(result.run_id, "rav_hen"))
    assert comparison.reproduced >= 0.99 and comparison.extra == []


def test_late_banner_is_dismissed(scrape_settings) -> None:
    job, _, _ = run(scrape_settings, "rav_hen", ["late-banner"])
    assert (job.status, job.attempts) == ("ok", 1), job.error
    assert job.rows > 0


def test_cancel_mid_scrape_leaves_no_browser_process(scrape_settings) -> None:
    settings = replace(scrape_settings, mode="regular")
    with running_sandbox(BUNDLED) as server:
        executor = Executor(replace(settings, sandbox_url=server.url))
        executor.start(plan_of("tlv_cinematheque"))
        worker = threading.Thread(target=executor.execute)
        worker.start()
        seen: list[int] = []
        progressed = threading.Event()
        while worker.is_alive() and not progressed.is_set():
            for event in executor.bus.drain():
                if isinstance(event, TaskProgress) and event.done >= 2:
                    seen = all_browser_pids()
                    progressed.set()
            progressed.wait(0.05)
        executor.cancel()
        worker.join(timeout=60)
        result = executor.finish()
    assert result.jobs[0].status == "cancelled"
    assert seen, "the scrape never reported progress with a browser open"
    assert [p for p in seen if alive(p)] == []
    assert [p for p in STARTED_PIDS if alive(p)] == []
    assert live_browsers() == 0


def test_zero_rows_is_a_failure_not_a_silent_success(scrape_settings) -> None:
    settings = replace(scrape_settings, mode="testing")
    with running_sandbox(BUNDLED, today="2031-01-01") as server:  # nothing is playing then
        result = Executor(replace(settings, sandbox_url=server.url)).run(plan_of("tlv_cinematheque"))
    job = result.jobs[0]
    assert (job.status, job.attempts, job.error_type) == ("failed", 2, "YieldTooLow")
