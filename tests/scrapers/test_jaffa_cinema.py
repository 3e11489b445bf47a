"""Jaffa Cinema against its replica: Hebrew and English pages in different orders, paired by identity.

Bundled rows: run 590 with runtime and director filled in from public film facts (the old scraper
never captured them: runtime always 0, the year stored as director); unseen rows: run 596 as the old
pipeline wrote them. Source rows are compared after the replica's `expected_rows` (runtime 0 →
unknown, a year as director → unknown, subtitle-note remains out of titles).
"""

from __future__ import annotations

import pytest

from scrapers.sandbox.sites.jaffa_cinema import expected_rows
from scrapers.sites.cinematheques.jaffa_cinema import credits
from tests.scrapers.roundtrip import BUNDLED, source_rows
from tests.scrapers.site_checks import site_tests

JOB, CINEMA = "jaffa_cinema", "Jaffa Cinema"
test_round_trip, test_chaos_is_survived, test_missing_key_element_fails_fast = site_tests(
    JOB, CINEMA, ".jaffa-movies", expected_rows)


def test_bundled_rows_have_real_runtimes_and_directors() -> None:
    rows = expected_rows(source_rows(BUNDLED, CINEMA))
    assert sum(1 for r in rows if r["runtime"]) >= len(rows) // 2
    assert all(r["runtime"] != "0" and not r["directed_by"].isdigit() for r in rows)


@pytest.mark.parametrize(("line", "parsed"), [
    ("1h 38m | Wong Kar-wai, Hong Kong, 2000", ("98", "Wong Kar-wai")),
    ("2h | Spike Lee, 1989", ("120", "Spike Lee")),
    ("1h 54m | 1985", ("114", "")),
    ("Kristoffer Borgli, France, 2026", ("", "Kristoffer Borgli")),
    ("2026", ("", "")),
])
def test_first_description_line(line: str, parsed: tuple[str, str]) -> None:
    assert credits(line) == parsed
