"""Haifa Cinematheque against its replica: infinite-scroll programme, one event page per screening.

Bundled rows: a subset of run 590 (empty English titles, a missing year, a mixed-case title, two
events sharing one ticket id); unseen rows: all of run 596.
"""

from __future__ import annotations

from tests.scrapers.site_checks import site_tests

test_round_trip, test_chaos_is_survived, test_missing_key_element_fails_fast = site_tests(
    "haifa_cinematheque", "Haifa Cinematheque", "#portfoliolist")
