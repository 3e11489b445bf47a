"""Holon Cinematheque against its replica: a paged events calendar, screenings in a JSON attribute.

The old pipeline never scraped Holon (disabled), so both data sets are SYNTHETIC, built from the
facts in ORIGINAL §1.8: `scrapers/sandbox/data/HOLONtheque-synthetic.csv` (bundled) and
`tests/fixtures/scrapers/run596/HOLONtheque-synthetic.csv` (unseen).
"""

from __future__ import annotations

from scrapers.sites.cinematheques.holon_cinematheque import english_title, screenings
from tests.scrapers.site_checks import site_tests

test_round_trip, test_chaos_is_survived, test_missing_key_element_fails_fast = site_tests(
    "holon_cinematheque", "Holon Cinematheque", "#activities", ids=("bundled-synthetic", "unseen-synthetic"))


def test_english_title_layouts() -> None:
    assert english_title([{"text": "Fallen Leaves", "bold": None}]) == "Fallen Leaves"
    assert english_title([{"text": "Fallen Leaves – Israeli premiere", "bold": "Fallen Leaves"}]) == "Fallen Leaves"
    assert english_title([{"text": "Holon Cinematheque presents", "bold": None},
                          {"text": "Fallen Leaves", "bold": None}]) == "Fallen Leaves"
    assert english_title([]) == ""


def test_data_dates_json() -> None:
    parsed = screenings('{"1": "05.08.2026 GMT 19:00", "2": "garbage", "3": "12.08.2026 GMT 9:15"}')
    assert [(d.isoformat(), t) for d, t in parsed] == [("2026-08-05", "19:00"), ("2026-08-12", "9:15")]
    assert screenings("{not json") == []
