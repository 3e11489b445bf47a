"""Cinema City and its coming-soon page, for real: the replica serves known rows, real Chromium scrapes
them through the real executor into a real SQLite database, and the stored rows are compared with
the source rows (≥ 99 % field for field after `normalise_row`, no extra rows).

Data: bundled `scrapers/sandbox/data/CinemaCity.csv` (run 582: Glilot and Netanya, 4–5 Aug — run 590
has no Cinema City file) and `CCsoon.csv` (run 590); unseen: `tests/fixtures/scrapers/run596/`
(Glilot and Kfar Saba, 10–11 Aug; CCsoon of run 596). The replicas add versions the scrapers must
leave out (a Russian-dubbed film in the booking bar; dubbed, kids-club and HFR coming-soon cards).
"""

from __future__ import annotations

import pytest

from scrapers.sites.nowplaying.cinema_city import BRANCH_CITIES
from tests.scrapers.roundtrip import BUNDLED, assert_run_ok, compare, round_trip_fixture, source_rows, stored_rows
from tests.scrapers.test_faults import run

pytestmark = pytest.mark.browser

JOBS = {"cinema_city": False, "cinema_city_soon": True}  # job → coming-soon rows?


scraped = round_trip_fixture(list(JOBS), ("bundled-582", "unseen-596"))


def test_both_jobs_finish_in_one_run(scraped) -> None:
    assert_run_ok(*scraped[1:])


@pytest.mark.parametrize("job", list(JOBS))
def test_rows_round_trip(scraped, job: str) -> None:
    data, _, stored = scraped
    comparison = compare(source_rows(data, "Cinema City", JOBS[job]), stored[job], BRANCH_CITIES)
    assert comparison.source > 0
    assert comparison.reproduced >= 0.99, comparison.missing[:5]
    assert comparison.extra == []  # also: the decoy versions were skipped


def test_every_showtime_has_its_knockout_ticket_link(scraped) -> None:
    _, _, stored = scraped
    rows = stored["cinema_city"]
    assert all(r["english_href"].startswith("https://tickets.cinema-city.co.il/order/") for r in rows)
    assert all(r["hebrew_href"] == r["english_href"].replace("lang=en", "lang=he") for r in rows)
    assert not any("None" in r["english_href"] or "מדובב" in r["hebrew_title"] for r in rows)


def test_dropdowns_re_rendering_under_the_scraper_lose_nothing(scrape_settings) -> None:
    job, result, _ = run(scrape_settings, "cinema_city", ["stale@cinema_city"])
    assert (job.status, job.attempts) == ("ok", 1), job.error
    comparison = compare(source_rows(BUNDLED, "Cinema City", False), stored_rows(result.run_id, "cinema_city"),
                         BRANCH_CITIES)
    assert comparison.matched == comparison.scraped > 0 and comparison.extra == []  # Testing caps: a subset


def test_missing_catalogue_fails_fast_with_artifacts(scrape_settings) -> None:
    job, _, executor = run(scrape_settings, "cinema_city_soon", ["missing@cinema_city"])
    assert (job.status, job.attempts, job.error_type) == ("failed", 1, "SelectorMissing")
    failure = (executor.artifacts_path / "cinema_city_soon" / "attempt-1" / "failure.txt").read_text()
    assert "#moviesContainer" in failure and "cinema_city_soon.py:" in failure
