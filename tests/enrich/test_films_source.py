"""The job's real film source: film identity's `films`, without events, narrowed to what is published."""

from __future__ import annotations

import json
from dataclasses import replace

from app.core.executor import Executor
from app.core.plan import Plan, Stage
from app.core.settings import Settings
from dataflows.enrich.films import default_source
from dataflows.identity.models import Film
from dataflows.models import Movie
from registry import load_catalogue
from tests.enrich.helpers import decisions, job
from tests.fixtures.tmdb.server import FakeTmdb


def add_film(english: str, hebrew: str, year: str, runtime: str = "", event: bool = False, **extra: str) -> int:
    film = Film.create(
        english_title=english, hebrew_title=hebrew, release_year=year, runtime=runtime, is_event=event, **extra
    )
    return film.movie_id


def test_registry_job_enriches_identity_films(backend: Settings, fake_tmdb: FakeTmdb) -> None:
    odyssey = add_film("The Odyssey", "האודיסאה", "2026", "172", directed_by="Christopher Nolan")
    hill = add_film("Hill 338", "גבעה 338", "2026", "106", alt_titles=json.dumps(["גבעה 338"]))
    add_film("Hot Cinema Opening Night", "ערב פתיחה", "2026", event=True)
    old = add_film("Superman", "סופרמן", "1978", "143")

    assert {f.movie_id for f in default_source()()} == {str(odyssey), str(hill), str(old)}  # events never
    Movie.insert_many([{"movie_id": odyssey}, {"movie_id": hill}]).execute()  # publishing has run
    assert {f.movie_id for f in default_source()()} == {str(odyssey), str(hill)}

    settings = replace(backend, tmdb_api_key=fake_tmdb.api_key, tmdb_api_url=fake_tmdb.url)
    spec = load_catalogue().jobs["enrich"]
    result = Executor(settings).run(Plan("t", (Stage("dataflows", False, (spec,)),)))
    assert job(result).status == "ok", job(result).error
    assert decisions() == {str(odyssey): ("matched", 1368337), str(hill): ("matched", 1693984)}
    assert job(result).metrics["tmdb_calls"] == fake_tmdb.request_count()
