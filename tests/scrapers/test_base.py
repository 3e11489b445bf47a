"""Base mechanisms: normalisation tables, per-film records, the row writer (real SQLite and PostgreSQL),
and stale-element recovery on a real page that re-renders itself."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.models import RAW_VALUE_COLUMNS, RawRow
from app.core.settings import Settings
from scrapers.base import Film, Normaliser, Page, normalise_row, split_title_markers
from scrapers.base.errors import SelectorMissing, SiteTimeout, classify
from scrapers.base.normalise import LANGUAGES, RATINGS, SCREENING_TECHS, normalise_language, normalise_rating
from scrapers.base.writer import RowWriter
from scrapers.browser import open_browser


@pytest.mark.parametrize(("raw", "canonical"), [
    ("EN", "English"), ("GER, EN", "German, English"), ("איטלקית", "Italian"), ("английский", "English"),
    ("NO", "Norwegian"), ("Klingon", "Klingon"), ("", ""),
])
def test_languages(raw: str, canonical: str) -> None:
    assert normalise_language(raw) == canonical


@pytest.mark.parametrize(("raw", "canonical"), [
    ("הותר לכל הגילאים", "All"), ("הגבלת גיל: הותר מגיל 9", "9+"), ("+12", "12+"), ("16", "16+"),
    ("ליווי מבוגר עד גיל 8", "ליווי מבוגר עד גיל 8"), ("Нет возрастных ограничений", "All"),
])
def test_ratings(raw: str, canonical: str) -> None:
    assert normalise_rating(raw) == canonical


@given(st.sampled_from(sorted(set(LANGUAGES) | set(RATINGS) | set(SCREENING_TECHS))), st.text(max_size=12))
def test_normalising_a_row_twice_changes_nothing(value: str, noise: str) -> None:
    row = {c: value for c in RAW_VALUE_COLUMNS} | {"english_title": noise, "showtime": "9:30"}
    once = normalise_row(row)
    assert normalise_row(once) == once
    assert once["showtime"] == "09:30"


def test_title_markers_become_fields() -> None:
    marked = split_title_markers("אווטאר 3D HFR (מדובב)")
    assert (marked.title, marked.dub_language, marked.tech) == ("אווטאר", "Hebrew", "3D HFR")
    assert split_title_markers("Toy Story 5").title == "Toy Story 5"
    assert split_title_markers("קופה ראשית אנגלית").title == "קופה ראשית"


def test_a_film_never_inherits_the_previous_films_fields() -> None:
    first = Film(english_title="A", runtime="120", release_year="1999", original_language="EN")
    second = Film(english_title="B")
    row = second.screening(showtime="10:00", date_of_showing="2026-08-04")
    assert (row["runtime"], row["release_year"], row["original_language"]) == ("", "", "")
    assert first.but(hebrew_title="א").runtime == "120"
    with pytest.raises(ValueError, match="not row-schema"):
        first.row(colour="red")


def test_writer_drops_duplicates_and_a_retry_replaces_the_failed_attempts_rows(backend: Settings) -> None:
    film = Film(english_title="Dune", original_language="EN")
    rows = [film.screening(showtime=f"{h}:00", date_of_showing="2026-08-04") for h in (10, 12, 10)]
    first = RowWriter(7, "rav_hen", "Rav Hen", Normaliser(), chunk=1)
    first.begin()
    for row in rows[:2]:
        first.add(row)  # chunk=1: stored at once, as a crash would leave them
    retry = RowWriter(7, "rav_hen", "Rav Hen", Normaliser(), chunk=2)
    assert retry.begin() == 2
    assert [retry.add(row) for row in rows] == [True, True, False]
    retry.flush()
    stored = list(RawRow.select().where(RawRow.run_id == 7).order_by(RawRow.id))
    assert [(r.showtime, r.original_language, r.cinema, r.job) for r in stored] == [
        ("10:00", "English", "Rav Hen", "rav_hen"), ("12:00", "English", "Rav Hen", "rav_hen")]


STALE_PAGE = """data:text/html,<div id="box"><button id="b">go</button></div><p id="n">0</p>
<script>let n = 0; document.getElementById('box').addEventListener('click', () => {
  n++; document.getElementById('n').textContent = n;
  if (n === 1) document.getElementById('box').innerHTML = '<button id="b">go</button>';
});</script>"""


@pytest.mark.browser
def test_stale_elements_are_re_found_and_missing_selectors_fail_fast() -> None:
    with open_browser(Settings()) as driver:
        page = Page(driver, timeout=2)
        driver.get(STALE_PAGE)
        held = page.wait_for("#b")
        page.click(held)  # the click re-renders the box: `held` is now stale
        attempts = []

        def click_held_then_fresh() -> str:
            attempts.append(1)
            button = held if len(attempts) == 1 else page.wait_for("#b")
            button.click()
            return page.text("#n")

        assert page.retry_stale(click_held_then_fresh) == "2" and len(attempts) == 2
        with pytest.raises(SelectorMissing) as missing:
            page.wait_for("#never-there", "a list")
        assert missing.value.selector == "#never-there" and classify(missing.value).retryable is False
        page.loaders = ("#n",)  # a visible loader means "still loading": a timeout, retried
        with pytest.raises(SiteTimeout):
            page.wait_for("#never-there", timeout=0.5)


def test_yield_far_below_recent_runs_of_the_same_sites_warns(backend: Settings) -> None:
    from app.core.models import Attempt, Run, utcnow
    from scrapers.base.yields import recent_yields, yield_warning

    for rows, sites in ((500, "sandbox"), (480, "sandbox"), (3, "live"), (520, "sandbox")):
        run = Run.create(mode="regular", sites=sites)
        Attempt.create(run_id=run.id, job="rav_hen", attempt=1, status="ok", started_at=utcnow(), rows=rows)
    recent = recent_yields("rav_hen", "sandbox", before_run=run.id + 1)
    assert sorted(recent) == [480, 500, 520]
    assert "far below the usual 500" in yield_warning(40, recent)
    assert yield_warning(400, recent) == "" and yield_warning(1, []) == ""
