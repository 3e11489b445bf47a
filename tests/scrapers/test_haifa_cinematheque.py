"""Haifa Cinematheque against its replica: infinite-scroll programme, one event page per screening.

Bundled rows: a subset of run 590 (empty English titles, a missing year, a mixed-case title, two
events sharing one ticket id); unseen rows: all of run 596.
"""

from __future__ import annotations

import pytest

from tests.scrapers.roundtrip import BUNDLED, UNSEEN
from tests.scrapers.site_checks import check_chaos_is_survived, check_missing_fails_fast, check_round_trip

pytestmark = pytest.mark.browser
JOB, CINEMA = "haifa_cinematheque", "Haifa Cinematheque"


@pytest.mark.parametrize("data", [BUNDLED, UNSEEN], ids=["bundled-590", "unseen-596"])
def test_round_trip(scrape_settings, data) -> None:
    check_round_trip(scrape_settings, JOB, CINEMA, data)


def test_chaos_is_survived(scrape_settings) -> None:
    check_chaos_is_survived(scrape_settings, JOB, CINEMA, BUNDLED)


def test_missing_programme_fails_fast(scrape_settings) -> None:
    check_missing_fails_fast(scrape_settings, JOB, BUNDLED, "#portfoliolist")
