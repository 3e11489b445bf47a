"""The enrich job end to end: real executor, real HTTP (fake TMDB on 127.0.0.1), real databases."""

from __future__ import annotations

import json
from dataclasses import replace

from app.core.executor import Executor
from app.core.jobs import JobSpec
from app.core.plan import Plan, Stage
from app.core.settings import Settings
from dataflows.enrich.models import FilmTmdb, TmdbMovie, TmdbReview
from registry import load_catalogue
from tests.enrich.fixture_films import EXPECTED
from tests.enrich.helpers import decisions, job, ledger, run_job
from tests.fixtures.tmdb.server import FakeTmdb


def test_confident_films_enriched_rest_queued_and_second_run_served_from_cache(
    tmdb_settings: Settings, fake_tmdb: FakeTmdb
) -> None:
    first = run_job(tmdb_settings)
    assert first.status == "ok", job(first).error
    assert decisions() == EXPECTED

    metrics = job(first).metrics
    calls = fake_tmdb.request_count()
    assert metrics["tmdb_calls"] == calls > 0
    shared = metrics["tmdb_cache_hits"]  # the same request made for two films (two "Mama"s) goes out once
    assert shared < calls
    assert metrics["films_matched"] == sum(1 for status, _ in EXPECTED.values() if status == "matched")
    assert job(first).rows == metrics["films_matched"]

    odyssey = TmdbMovie.get_by_id(1368337)
    assert (odyssey.title_en, odyssey.title_he, odyssey.year, odyssey.runtime) == ("The Odyssey", "האודיסאה", 2026, 172)
    assert odyssey.imdb_id == "tt33764258" and odyssey.poster_path and "Adventure" in json.loads(odyssey.genres)
    assert TmdbMovie.get_by_id(1693984).original_title == "גבעה 338"

    queued = {row.movie_id: json.loads(row.candidates) for row in TmdbReview.select()}
    assert set(queued) == {m for m, (status, _) in EXPECTED.items() if status == "review"}
    assert {c["tmdb_id"] for c in queued["michael"]} == {936075, 2928}
    assert [c["tmdb_id"] for c in queued["mama-undated"]][:2] == [1483616, 72571]
    assert queued["hot-cinema"] == []

    fake_tmdb.reset_log()
    second = run_job(tmdb_settings)
    assert second.status == "ok"
    assert fake_tmdb.request_count() == 0
    assert job(second).metrics["tmdb_calls"] == 0
    assert job(second).metrics["tmdb_cache_hits"] == calls + shared
    assert decisions() == EXPECTED
    assert metrics["films_changed"] == len(EXPECTED) and "films_changed" not in job(second).metrics
    assert {row.run_id for row in FilmTmdb.select()} == {first.run_id}  # the re-run rewrote nothing


def test_ledger_explains_queries_candidates_and_the_decision(tmdb_settings: Settings) -> None:
    run_job(tmdb_settings)
    mama = ledger("mama-2025")
    tried = {(q["query"], q["language"], q["year"]) for q in mama["queries"]}
    assert {("Mama", "en-US", 2025), ("Mama", "en-US", None), ("מאמא", "he-IL", 2025)} <= tried
    winner, runner_up = mama["candidates"][:2]
    assert (winner["tmdb_id"], runner_up["tmdb_id"]) == (1483616, 72571)
    assert winner["score"] - runner_up["score"] >= mama["decision"]["required_margin"]
    assert winner["parts"]["year"]["note"] == "2025 vs 2025" and runner_up["parts"]["year"]["value"] == 0
    assert mama["decision"]["status"] == "matched" and "ahead of" in mama["decision"]["why"]

    michael = ledger("michael")
    assert michael["decision"]["status"] == "review" and "below the threshold" in michael["decision"]["why"]
    assert ledger("hot-cinema")["decision"]["why"] == "no candidates on TMDB for any title"


def test_hebrew_only_film_is_found_by_its_hebrew_title(tmdb_settings: Settings, fake_tmdb: FakeTmdb) -> None:
    run_job(tmdb_settings)
    hill = ledger("hill-338")
    assert hill["decision"]["tmdb_id"] == 1693984
    assert any(q["language"] == "he-IL" and q["query"] == "גבעה 338" for q in hill["queries"])
    searched = [s.params.get("query") for s in fake_tmdb.seen if s.path == "/3/search/movie"]
    assert "338" not in searched  # the old pipeline's ASCII-only query


def test_partial_outage_keeps_the_film_as_it_was_and_warns(tmdb_settings: Settings, fake_tmdb: FakeTmdb) -> None:
    settings = replace(tmdb_settings, workers=1)  # one film at a time: the scripted 500s hit the first film
    fake_tmdb.fail("/3/search/movie", status=500, times=4)
    result = run_job(settings)
    assert result.status == "ok"
    first_film = sorted(EXPECTED)[0]
    assert first_film not in decisions()
    assert {m: d for m, d in decisions().items()} == {m: d for m, d in EXPECTED.items() if m != first_film}
    assert any("1 film(s) not enriched" in w for w in job(result).warnings)
    assert job(result).metrics["tmdb_failures"] == 1

    fake_tmdb.reset_log()
    assert run_job(settings).status == "ok"
    assert decisions() == EXPECTED
    assert {s.params.get("query") for s in fake_tmdb.seen} <= {"מכסחי השדים", None}


def test_total_outage_fails_the_job_with_a_clear_error(tmdb_settings: Settings, fake_tmdb: FakeTmdb) -> None:
    fake_tmdb.fail("/3/", status=503, times=1000)
    result = run_job(tmdb_settings)
    assert result.status == "failed"
    assert job(result).error_type == "TmdbUnavailable"
    assert "HTTP 503" in job(result).error and "after 4 attempts" in job(result).error
    assert decisions() == {}


def test_no_key_is_skipped_and_the_rest_of_the_run_is_unaffected(backend: Settings) -> None:
    settings = replace(backend, tmdb_api_key=None)
    registered = load_catalogue().jobs["enrich"]  # the real registry entry and target
    other = JobSpec("after_enrich", "dataflows", "tests.enrich.helpers:count_one_row")
    result = Executor(settings).run(Plan("t", (Stage("dataflows", False, (registered, other)),)))
    assert result.status == "ok"
    assert (job(result).status, job(result).error) == ("skipped", "no TMDB key")
    assert (job(result, "after_enrich").status, job(result, "after_enrich").rows) == ("ok", 1)


def test_bearer_token_is_sent_as_a_header(tmdb_settings: Settings, fake_tmdb: FakeTmdb) -> None:
    result = run_job(replace(tmdb_settings, tmdb_api_key=fake_tmdb.bearer_token))
    assert result.status == "ok"
    assert decisions() == EXPECTED
    assert {s.auth for s in fake_tmdb.seen} == {"bearer"}
    assert not any("api_key" in line for line in fake_tmdb.raw_request_lines)


def test_wrong_key_fails_fast_without_retrying_every_film(tmdb_settings: Settings, fake_tmdb: FakeTmdb) -> None:
    result = run_job(replace(tmdb_settings, tmdb_api_key="wrong-key-1234567890"))
    assert result.status == "failed"
    assert job(result).error_type == "TmdbAuthError"
    assert fake_tmdb.request_count() <= 4  # at most one refused request per worker, never retried
