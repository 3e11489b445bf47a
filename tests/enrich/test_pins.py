"""Manual fixes persist: pins, accepted candidates and skips are obeyed by every later run."""

from __future__ import annotations

import pytest

from app.core.settings import Settings
from dataflows.enrich.models import FilmTmdb, TmdbMovie, TmdbPin, TmdbReview
from dataflows.enrich.review import accept_candidate, parse_tmdb_id, pin_film, review_queue, skip_film, unpin_film
from tests.enrich.fixture_films import EXPECTED
from tests.enrich.helpers import decisions, job, ledger, run_job
from tests.fixtures.tmdb.server import FakeTmdb


def test_pins_and_skips_are_respected_by_later_runs(tmdb_settings: Settings, fake_tmdb: FakeTmdb) -> None:
    run_job(tmdb_settings)
    assert [item.movie_id for item in review_queue()] == ["hot-cinema", "mama-undated", "michael"]

    requests_before = fake_tmdb.request_count()
    accept_candidate("michael", 936075)
    skip_film("hot-cinema", "a chain banner, not a film")
    pin_film("superman-1978", "https://www.themoviedb.org/movie/1061474-superman")  # overrule a confident match
    assert fake_tmdb.request_count() == requests_before  # settling reviews never touches the network
    assert review_queue()[0].movie_id == "mama-undated" and len(review_queue()) == 1
    assert TmdbMovie.get_by_id(936075).title_he == "מייקל"  # metadata from the cache, at once

    fake_tmdb.reset_log()
    result = run_job(tmdb_settings)
    assert result.status == "ok"
    expected = {
        **EXPECTED,
        "michael": ("pinned", 936075),
        "hot-cinema": ("skipped", None),
        "superman-1978": ("pinned", 1061474),
    }
    assert decisions() == expected
    assert job(result).metrics["films_pinned"] == 2 and job(result).metrics["films_skipped"] == 1
    # Only the pinned id whose details were never fetched went out; pinned/skipped films were not searched.
    assert [(s.path, s.params.get("query")) for s in fake_tmdb.seen] == [("/3/movie/1061474", None)]
    assert TmdbMovie.get_by_id(1061474).year == 2025
    assert "pinned by hand (manual)" in ledger("superman-1978")["decision"]["why"]
    assert TmdbReview.select().where(TmdbReview.movie_id.in_(["michael", "hot-cinema"])).count() == 0


def test_unpin_lets_the_film_be_matched_again(tmdb_settings: Settings) -> None:
    run_job(tmdb_settings)
    pin_film("odyssey", 1450011)
    unpin_film("odyssey")
    assert TmdbPin.select().count() == 0 and FilmTmdb.get_or_none(FilmTmdb.movie_id == "odyssey") is None
    run_job(tmdb_settings)
    assert decisions()["odyssey"] == ("matched", 1368337)


def test_a_pin_to_an_id_tmdb_does_not_know_is_kept_and_said(tmdb_settings: Settings) -> None:
    pin_film("odyssey", 999999999)
    result = run_job(tmdb_settings)
    assert decisions()["odyssey"] == ("pinned", 999999999)
    assert "TMDB does not know this id" in ledger("odyssey")["decision"]["why"]
    assert result.status == "ok"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("1368337", 1368337), (" 620 ", 620), ("https://www.themoviedb.org/movie/1924-superman", 1924), (557, 557)],
)
def test_pin_accepts_ids_and_links(typed: object, expected: int) -> None:
    assert parse_tmdb_id(typed) == expected


@pytest.mark.parametrize("typed", ["", "abc", "-5", "0", "99999999999", "[@click=app.quit]", "themoviedb.org/tv/1399"])
def test_pin_refuses_what_is_not_an_id(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_tmdb_id(typed)
