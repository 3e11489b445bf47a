"""Sam Spiegel Cinema against its replica: an Elementor loop with load-more, "Hebrew | English" titles.

The old pipeline never scraped Sam Spiegel (disabled), so both data sets are SYNTHETIC, built from
the facts in ORIGINAL §1.8: `scrapers/sandbox/data/SSCtheque-synthetic.csv` (bundled) and
`tests/fixtures/scrapers/run596/SSCtheque-synthetic.csv` (unseen).
"""

from __future__ import annotations

from datetime import date

import pytest

from scrapers.base.textparse import split_bilingual
from scrapers.base.yearless import parse_day_month
from tests.scrapers.site_checks import site_tests

test_round_trip, test_chaos_is_survived, test_missing_key_element_fails_fast = site_tests(
    "sam_spiegel", "Sam Spiegel Cinema", ".elementor-loop-container", ids=("bundled-synthetic", "unseen-synthetic"))


@pytest.mark.parametrize(("heading", "titles"), [
    ("חיים קודמים | Past Lives", ("חיים קודמים", "Past Lives")),
    ("Past Lives | חיים קודמים", ("חיים קודמים", "Past Lives")),
    ("יי יי | סינמטק קלאסיקות | Yi Yi", ("יי יי", "Yi Yi")),
    ("גבעה 338", ("גבעה 338", "")),
])
def test_bilingual_headings(heading: str, titles: tuple[str, str]) -> None:
    assert split_bilingual(heading) == titles


def test_year_is_inferred_across_new_year() -> None:
    assert parse_day_month("03/01", date(2026, 12, 20)) == date(2027, 1, 3)
    assert parse_day_month("28/12", date(2027, 1, 2)) == date(2026, 12, 28)
    assert parse_day_month("04/08", date(2026, 8, 4)) == date(2026, 8, 4)
