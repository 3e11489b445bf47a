"""MovieLand and its coming-soon page: round trips on the bundled set (run 590) and an unseen one (run 596,
with a previous day's late screening), and chaos faults.

Documented normalisations of the source rows before comparing (besides `normalise_row` with the
branch table, which maps the old unmapped 'עזריאלי ת"א- Summer Sky' to "Azrieli Rooftop" on both
sides): coming-soon runtime "120" is the site's placeholder, stored as unknown ("").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scrapers.sites.nowplaying.movieland import BRANCH_CITIES
from tests.scrapers.roundtrip import BUNDLED, ROOT, compare, source_rows, stored_rows
from tests.scrapers.test_faults import run as run_with_chaos
from tests.scrapers.test_lev import (
    assert_500_is_retried,
    assert_missing_fails_fast,
    assert_reproduced,
    scrape_in_one_run,
)

UNSEEN = ROOT / "tests" / "fixtures" / "scrapers" / "movieland_run596"
JOBS = ("movieland", "movieland_soon")
SETS = {BUNDLED: None, UNSEEN: "2026-08-10"}  # data → the run's today (596 also lists 9 August's 23:40)


def movieland_source(folder: Path, soon: bool) -> list[dict[str, str]]:
    rows = source_rows(folder, "MovieLand", soon)
    return [{**r, "runtime": "" if soon and r["runtime"] == "120" else r["runtime"]} for r in rows]


@pytest.fixture(scope="module", params=list(SETS), ids=["bundled-590", "unseen-596"])
def scraped(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    result, stored = scrape_in_one_run(tmp_path_factory.mktemp("movieland"), request.param, JOBS, SETS[request.param])
    return request.param, result, stored


@pytest.mark.browser
@pytest.mark.parametrize("job", JOBS)
def test_round_trip(scraped, job: str) -> None:
    data, result, stored = scraped
    assert_reproduced(result, stored, job, movieland_source(data, soon=job == "movieland_soon"), BRANCH_CITIES)


@pytest.mark.browser
def test_quirks_survive_the_trip(scraped) -> None:
    data, _, stored = scraped
    rows, soon = stored["movieland"], stored["movieland_soon"]
    assert {r["screening_type"] for r in rows} == {"Regular", "Upgrade"}
    assert all(r["english_href"] == r["hebrew_href"] and "eventID=" in r["english_href"] for r in rows)
    assert "Azrieli Rooftop" in {r["screening_city"] for r in rows}
    assert "120" not in {r["runtime"] for r in soon}
    assert not any("СКОРО" in r["hebrew_title"] or "מדובב" in r["hebrew_title"] for r in soon)  # decoys left out
    if data == UNSEEN:
        assert "2026-08-09" in {r["date_of_showing"] for r in rows}  # the previous day's late screening


# ------------------------------------------------------------------------------ chaos
@pytest.mark.browser
@pytest.mark.parametrize("chaos", [["late-banner@movieland", "slow=300@movieland"], ["stale@movieland"]],
                         ids=["late-banner-slow", "stale"])
def test_faults_are_waited_out(scrape_settings, chaos: list[str]) -> None:
    job, result, _ = run_with_chaos(scrape_settings, "movieland", chaos)
    assert (job.status, job.attempts) == ("ok", 1), job.error
    comparison = compare(movieland_source(BUNDLED, False), stored_rows(result.run_id, "movieland"), BRANCH_CITIES)
    assert comparison.scraped > 0 and comparison.extra == []


@pytest.mark.browser
def test_server_error_is_retried(scrape_settings) -> None:
    assert_500_is_retried(scrape_settings, "movieland_soon", "movieland")


@pytest.mark.browser
def test_missing_schedule_fails_fast(scrape_settings) -> None:
    assert_missing_fails_fast(scrape_settings, "movieland", "movieland", "events-list")
