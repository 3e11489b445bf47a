"""Herzliya Cinematheque against its replica: a Swiper carousel with cloned slides, one post per film.

Bundled rows: a subset of run 590 (dubbed films, decorated Hebrew titles, an English title in
Hebrew, exact duplicate rows, the one film with a runtime); unseen rows: all of run 596. Source rows
are compared after undoing the old scraper's carried-over runtime (`expected_rows` of the replica).
"""

from __future__ import annotations

import pytest

from scrapers.sandbox.sites.herzliya_cinematheque import expected_rows
from tests.scrapers.roundtrip import BUNDLED, UNSEEN
from tests.scrapers.site_checks import check_chaos_is_survived, check_missing_fails_fast, check_round_trip

pytestmark = pytest.mark.browser
JOB, CINEMA = "herzliya_cinematheque", "Herziliya Cinematheque"


@pytest.mark.parametrize("data", [BUNDLED, UNSEEN], ids=["bundled-590", "unseen-596"])
def test_round_trip(scrape_settings, data) -> None:
    check_round_trip(scrape_settings, JOB, CINEMA, data, expected_rows)


def test_chaos_is_survived(scrape_settings) -> None:
    check_chaos_is_survived(scrape_settings, JOB, CINEMA, BUNDLED, expected_rows)


def test_missing_carousel_fails_fast(scrape_settings) -> None:
    check_missing_fails_fast(scrape_settings, JOB, BUNDLED, "#movie-screenings")


def test_repair_keeps_a_runtime_only_on_its_own_film() -> None:
    rows = [{"english_title": t, "hebrew_title": "", "english_href": h, "runtime": r}
            for t, h, r in (("A", "1", ""), ("B", "2", "83"), ("B", "2", "83"), ("C", "3", "83"), ("A", "1", "83"))]
    assert [r["runtime"] for r in expected_rows(rows)] == ["", "83", "83", "", ""]
