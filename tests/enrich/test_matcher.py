"""Matching against the fake TMDB: wrong years, alternative titles, and what gets searched."""

from __future__ import annotations

from app.core.settings import Settings
from dataflows.enrich.client import ClientConfig, TmdbClient
from dataflows.enrich.facts import FilmFacts
from dataflows.enrich.matcher import Matcher
from tests.fixtures.tmdb.server import FakeTmdb


def matcher(server: FakeTmdb) -> Matcher:
    return Matcher(TmdbClient(server.url, server.api_key, config=ClientConfig(per_second=1000.0)))


def test_a_wrong_scraped_year_cannot_hide_the_film(sqlite_db: Settings, fake_tmdb: FakeTmdb) -> None:
    result = matcher(fake_tmdb).match(FilmFacts("m", "The Odyssey", year=2025, director="Christopher Nolan"))
    assert (result.status, result.tmdb_id) == ("matched", 1368337)
    assert result.ranked[0].score.parts["year"].note == "2025 vs 2026"


def test_alternative_titles_are_a_fallback(sqlite_db: Settings, fake_tmdb: FakeTmdb) -> None:
    found = matcher(fake_tmdb).match(FilmFacts("m", "Spidey Returns", alt_titles=("Spider-Man 4",), year=2026))
    assert found.tmdb_id == 969681
    assert [q.query for q in found.queries][-1] == "Spider-Man 4"

    fake_tmdb.reset_log()
    matcher(fake_tmdb).match(FilmFacts("n", "Toy Story 5", "צעצוע של סיפור 5", ("Toy Story Five",), 2026))
    assert "Toy Story Five" not in {s.params.get("query") for s in fake_tmdb.seen}


def test_hopeless_candidates_get_no_details_call(sqlite_db: Settings, fake_tmdb: FakeTmdb) -> None:
    result = matcher(fake_tmdb).match(FilmFacts("m", "Superman", "סופרמן", year=1978, runtime=143))
    assert result.tmdb_id == 1924
    fetched = {s.path for s in fake_tmdb.seen if s.path.startswith("/3/movie/")}
    assert fetched == {"/3/movie/1924"}  # the 2025 film can no longer win nor spoil the margin
    assert not result.ranked[1].candidate.detailed
