"""Herzliya Cinematheque against its replica: a Swiper carousel with cloned slides, one post per film.

Bundled rows: a subset of run 590 (dubbed films, decorated Hebrew titles, an English title in
Hebrew, exact duplicate rows, the one film with a runtime); unseen rows: all of run 596. Source rows
are compared after undoing the old scraper's carried-over runtime (`expected_rows` of the replica).
"""

from __future__ import annotations

import pytest

from app.core.settings import Settings
from scrapers.base.carousel import read_carousel
from scrapers.base.page import Page
from scrapers.browser import open_browser
from scrapers.sandbox.sites.herzliya_cinematheque import expected_rows
from scrapers.sites.cinematheques.herzliya_cinematheque import SLIDE, SLIDES
from tests.scrapers.roundtrip import BUNDLED, running_sandbox, source_rows
from tests.scrapers.site_checks import site_tests

CINEMA = "Herziliya Cinematheque"
test_round_trip, test_chaos_is_survived, test_missing_key_element_fails_fast = site_tests(
    "herzliya_cinematheque", CINEMA, "#movie-screenings", expected_rows)


def test_repair_keeps_a_runtime_only_on_its_own_film() -> None:
    rows = [{"english_title": t, "hebrew_title": "", "english_href": h, "runtime": r}
            for t, h, r in (("A", "1", ""), ("B", "2", "83"), ("B", "2", "83"), ("C", "3", "83"), ("A", "1", "83"))]
    assert [r["runtime"] for r in expected_rows(rows)] == ["", "83", "83", "", ""]


@pytest.mark.browser
def test_carousel_clones_are_read_once(tmp_path) -> None:
    """The replica clones slides at both ends (marked and unmarked); each screening is read once."""
    with running_sandbox(BUNDLED) as server, open_browser(Settings()) as driver:
        page = Page(driver, timeout=8.0)
        page.open(f"{server.url}/herzliya_cinematheque/")
        page.wait_for(SLIDES)
        shown = page.count(SLIDES)
        slides = read_carousel(page, SLIDES, SLIDE)
    assert shown > len(slides) == len(source_rows(BUNDLED, CINEMA)) > 0  # one slide per screening row
