"""Lev Cinema and its coming-soon tab: round trips on the bundled set (run 590) and an unseen one (run 596,
whose Lev CSVs hold the old scraper's both-tabs duplicates), a new-year schedule, and chaos faults.

Documented normalisations of the source rows before comparing (besides `normalise_row`):
- exact duplicate rows are compared once (the old scraper read films listed in both home tabs twice);
- the dash the old scraper left before a removed "מדובב" is gone ("מרסופילאמי-" → "מרסופילאמי").
"""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from scrapers.base.yearless import parse_day_month
from scrapers.sites.nowplaying.lev import BRANCH_CITIES, film_from_info, hebrew_url, ticket_links
from tests.scrapers.roundtrip import BUNDLED, ROOT, compare, run_jobs, running_sandbox, source_rows, stored_rows
from tests.scrapers.test_faults import run as run_with_chaos

UNSEEN = ROOT / "tests" / "fixtures" / "scrapers" / "lev_run596"
JOBS = ("lev", "lev_soon")


def lev_source(folder: Path, soon: bool) -> list[dict[str, str]]:
    rows = {tuple(r.items()): r for r in source_rows(folder, "Lev Cinema", soon)}.values()
    return [{**r, "hebrew_title": r["hebrew_title"].rstrip("-– ") if r["dub_language"] else r["hebrew_title"]}
            for r in rows]


# ------------------------------------------------------------------------------ no browser
def test_days_without_a_year_roll_over_the_new_year() -> None:
    assert parse_day_month("Thu 31/12", date(2026, 12, 30)) == date(2026, 12, 31)
    assert parse_day_month("Sat 02/01", date(2026, 12, 30)) == date(2027, 1, 2)
    assert parse_day_month("Thu 31/12", date(2027, 1, 1)) == date(2026, 12, 31)
    assert parse_day_month("no date here", date(2026, 8, 4)) is None


def test_info_lines_and_links() -> None:
    film = film_from_info("The Invite.", "ההזמנה.", ["Drama | 2026 | 107 min", "English, Hebrew subtitles",
                                                    "Age limit: 14+"])
    assert (film.release_year, film.runtime, film.original_language, film.rating) == ("2026", "107", "English", "14+")
    bare = film_from_info("", "גבעה 338", ["Drama", "עברית", "Age limit:"])
    assert (bare.release_year, bare.runtime, bare.original_language, bare.rating) == ("", "", "Hebrew", "")
    assert ticket_links("https://ticket.lev.co.il/order/602379") == (
        "https://ticket.lev.co.il/order/602379?lang=en", "https://ticket.lev.co.il/order/602379?lang=he")
    assert ticket_links("https://ticket.lev.co.il/order/None") == ("", "")
    assert hebrew_url("https://www.lev.co.il/en/movies/x/") == "https://www.lev.co.il/movies/x/"


# ------------------------------------------------------------------------------ browser
def scrape_in_one_run(tmp_path: Path, data: Path, jobs: tuple[str, ...], today: str | None = None):
    """Serve `data` in a sandbox and run `jobs` in one run (regular mode, two browsers); the stored rows."""
    from app.core.db import close_database, open_database
    from registry.schema import load_models
    from tests.conftest import make_settings

    settings = make_settings(tmp_path, mode="regular", workers=2)
    load_models()
    open_database(settings)
    try:
        with running_sandbox(data, today=today) as server:
            result, _ = run_jobs(replace(settings, sandbox_url=server.url), list(jobs))
            return result, {job: stored_rows(result.run_id, job) for job in jobs}
    finally:
        close_database()


def assert_reproduced(result, stored: dict, job: str, source: list[dict[str, str]], branches=None) -> None:
    """The job ran ok, reproduced ≥ 99 % of the source rows field for field, and stored nothing else."""
    outcome = {j.name: j for j in result.jobs}[job]
    assert outcome.status == "ok", outcome.error
    comparison = compare(source, stored[job], branches)
    assert comparison.source > 0
    assert comparison.reproduced >= 0.99, comparison.missing[:5]
    assert comparison.extra == []
    assert outcome.rows == len(stored[job])


@pytest.fixture(scope="module", params=[BUNDLED, UNSEEN], ids=["bundled-590", "unseen-596"])
def scraped(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    result, stored = scrape_in_one_run(tmp_path_factory.mktemp("lev"), request.param, JOBS)
    return request.param, result, stored


@pytest.mark.browser
@pytest.mark.parametrize("job", JOBS)
def test_round_trip(scraped, job: str) -> None:
    data, result, stored = scraped
    assert_reproduced(result, stored, job, lev_source(data, soon=job == "lev_soon"), BRANCH_CITIES)


@pytest.mark.browser
def test_both_tabs_do_not_duplicate_rows(scraped) -> None:
    data, _, stored = scraped
    keys = [tuple(r.values()) for r in stored["lev"]]
    assert len(keys) == len(set(keys))
    assert all(r["english_href"].endswith("?lang=en") and r["hebrew_href"].endswith("?lang=he") for r in stored["lev"])
    if data == UNSEEN:  # the source listed a film in both tabs (its rows twice)
        assert len(source_rows(data, "Lev Cinema", False)) > len(lev_source(data, False))


@pytest.mark.browser
def test_schedule_across_the_new_year(scrape_settings, tmp_path: Path) -> None:
    """The bundled rows moved to 31 Dec – 3 Jan (Testing mode: each branch's first two days, 31/12 and
    01/01): "01/01" on a December page is next year's."""
    rows = source_rows(BUNDLED, "Lev Cinema", False)
    first = min(date.fromisoformat(r["date_of_showing"]) for r in rows)
    shift = date(2026, 12, 31) - first
    moved = [{**r, "date_of_showing": (date.fromisoformat(r["date_of_showing"]) + shift).isoformat()}
             for r in rows if date.fromisoformat(r["date_of_showing"]) - first < timedelta(days=4)]
    with (tmp_path / "shifted.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(moved[0]))
        writer.writeheader()
        writer.writerows(moved)
    with running_sandbox(tmp_path, today="2026-12-31") as server:
        result, _ = run_jobs(replace(scrape_settings, mode="testing", sandbox_url=server.url), ["lev"])
    assert result.jobs[0].status == "ok", result.jobs[0].error
    stored = stored_rows(result.run_id, "lev")
    comparison = compare(lev_source(tmp_path, False), stored, BRANCH_CITIES)
    assert comparison.scraped > 0 and comparison.extra == []
    assert {r["date_of_showing"][:4] for r in stored} == {"2026", "2027"}


# ------------------------------------------------------------------------------ chaos
def assert_500_is_retried(settings, job: str, site: str) -> None:
    """A 500 on the first page: artifacts of attempt 1, a fresh browser's attempt 2 stores the rows once."""
    outcome, result, executor = run_with_chaos(settings, job, [f"500@{site}"])
    assert (outcome.status, outcome.attempts) == ("ok", 2), outcome.error
    assert "SiteErrorPage" in (executor.artifacts_path / job / "attempt-1" / "failure.txt").read_text()
    assert outcome.rows == len(stored_rows(result.run_id, job)) > 0


def assert_missing_fails_fast(settings, job: str, site: str, selector: str) -> None:
    """The key element left out of a loaded page: no retry, the failed selector and call chain in the artifacts."""
    outcome, _, executor = run_with_chaos(settings, job, [f"missing@{site}"])
    assert (outcome.status, outcome.attempts, outcome.error_type) == ("failed", 1, "SelectorMissing")
    failure = (executor.artifacts_path / job / "attempt-1" / "failure.txt").read_text()
    assert selector in failure and f"{site}.py:" in failure


@pytest.mark.browser
def test_server_error_is_retried(scrape_settings) -> None:
    assert_500_is_retried(scrape_settings, "lev_soon", "lev")


@pytest.mark.browser
def test_missing_film_list_fails_fast(scrape_settings) -> None:
    assert_missing_fails_fast(scrape_settings, "lev", "lev", "featureItem")


@pytest.mark.browser
def test_slow_and_stale_pages_still_give_true_rows(scrape_settings) -> None:
    job, result, _ = run_with_chaos(scrape_settings, "lev", ["stale@lev", "slow=400@lev"])
    assert (job.status, job.attempts) == ("ok", 1), job.error
    comparison = compare(lev_source(BUNDLED, False), stored_rows(result.run_id, "lev"), BRANCH_CITIES)
    assert comparison.scraped > 0 and comparison.extra == []
