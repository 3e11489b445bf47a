"""Herzliya Cinematheque against its replica: a Swiper carousel with cloned slides, one post per film.

Bundled rows: a subset of run 590 (dubbed films, decorated Hebrew titles, an English title in
Hebrew, exact duplicate rows, the one film with a runtime); unseen rows: all of run 596. Source rows
are compared after undoing the old scraper's carried-over runtime (`expected_rows` of the replica).
"""

from __future__ import annotations

from scrapers.sandbox.sites.herzliya_cinematheque import expected_rows
from tests.scrapers.site_checks import site_tests

test_round_trip, test_chaos_is_survived, test_missing_key_element_fails_fast = site_tests(
    "herzliya_cinematheque", "Herziliya Cinematheque", "#movie-screenings", expected_rows)


def test_repair_keeps_a_runtime_only_on_its_own_film() -> None:
    rows = [{"english_title": t, "hebrew_title": "", "english_href": h, "runtime": r}
            for t, h, r in (("A", "1", ""), ("B", "2", "83"), ("B", "2", "83"), ("C", "3", "83"), ("A", "1", "83"))]
    assert [r["runtime"] for r in expected_rows(rows)] == ["", "83", "83", "", ""]
