"""Benchmark: TMDB enrichment over a synthetic catalogue served by the fake TMDB with real latency.

Measures, for N films (a quarter of them sharing their title with a film of another year):
requests per film and wall time of a cold run, the same for a warm (cached) run, how many films
were matched correctly / wrongly / sent to review, and the requests the old pipeline's candidate
collection (years y, y-1, y+1 and year-less; one details call per candidate, up to 24) would make.

Usage: .venv/bin/python bench/enrich_cache.py [--films 200] [--latency-ms 30] [--per-second 40]
"""

from __future__ import annotations

import argparse
import copy
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.db import open_database
from app.core.executor import Executor
from app.core.jobs import JobContext, JobSpec, RetryPolicy
from app.core.plan import Plan, Stage
from app.core.settings import Settings
from dataflows.enrich.client import ClientConfig, TmdbClient
from dataflows.enrich.facts import FilmFacts
from dataflows.enrich.job import enrich
from dataflows.enrich.models import FilmTmdb
from registry.schema import load_models
from tests.fixtures.tmdb.server import FakeTmdb

WORDS = [
    ("Silent", "שקט"), ("River", "נהר"), ("Night", "לילה"), ("Garden", "גן"), ("Winter", "חורף"),
    ("Echo", "הד"), ("Stone", "אבן"), ("Light", "אור"), ("Shadow", "צל"), ("Summer", "קיץ"),
    ("Road", "דרך"), ("House", "בית"), ("Desert", "מדבר"), ("Sea", "ים"), ("Fire", "אש"),
    ("Dream", "חלום"), ("Mother", "אמא"), ("Child", "ילד"), ("War", "מלחמה"), ("Song", "שיר"),
]  # fmt: skip
NAMES = ["Dana", "Avi", "Maya", "Yossi", "Noa", "Eran", "Tamar", "Ido", "Lior", "Shira", "Omer", "Gal"]
SURNAMES = ["Levi", "Cohen", "Mizrahi", "Peretz", "Biton", "Friedman", "Katz", "Azulay", "Golan", "Shapiro"]
STATE: dict[str, Any] = {}


def tmdb_record(template: dict[str, Any], tmdb_id: int, title: tuple[str, str], year: int, director: str, runtime: int):
    record = copy.deepcopy(template)
    english, hebrew = title
    record.update(id=tmdb_id, title=english, original_title=english, release_date=f"{year}-05-01", runtime=runtime)
    record["popularity"] = random.uniform(1, 100)
    record["credits"]["crew"] = [{"id": 1, "name": director, "job": "Director", "department": "Directing"}]
    record["alternative_titles"] = {"titles": []}
    for entry in record["translations"]["translations"]:
        entry["data"]["title"] = hebrew if entry["iso_639_1"] == "he" else english
    return record


def catalogue(server: FakeTmdb, films: int) -> list[tuple[FilmFacts, int]]:
    """Add `films` synthetic films (plus same-title decoys) to the server; return facts and the true id."""
    random.seed(7)
    template = server.movies[1368337]
    cases = []
    for index in range(films):
        words = random.sample(WORDS, 2)
        title = (" ".join(w[0] for w in words) + f" {index}", " ".join(w[1] for w in words) + f" {index}")
        year, runtime = random.randint(1970, 2026), random.randint(80, 170)
        director = f"{random.choice(NAMES)} {random.choice(SURNAMES)}"
        tmdb_id = 5_000_000 + index
        server.movies[tmdb_id] = tmdb_record(template, tmdb_id, title, year, director, runtime)
        if index % 4 == 0:  # a same-title film of another decade
            decoy = 6_000_000 + index
            other = f"{random.choice(NAMES)} {random.choice(SURNAMES)}"
            server.movies[decoy] = tmdb_record(template, decoy, title, year - 17, other, runtime + 20)
        scraped_year = None if random.random() < 0.1 else year + (1 if random.random() < 0.05 else 0)
        facts = FilmFacts(
            movie_id=f"b{index}",
            english_title=title[0].upper() if random.random() < 0.2 else title[0],
            hebrew_title=title[1],
            year=scraped_year,
            director=director if random.random() < 0.5 else "",
            runtime=None if random.random() < 0.3 else runtime + random.randint(-4, 4),
        )
        cases.append((facts, tmdb_id))
    return cases


def bench_job(ctx: JobContext) -> None:
    enrich(ctx, STATE["films"], config=STATE["config"])


def run_once(settings: Settings) -> tuple[float, dict[str, Any]]:
    spec = JobSpec("enrich", "dataflows", "bench.enrich_cache:bench_job", retry=RetryPolicy(max_attempts=1))
    started = time.perf_counter()
    result = Executor(settings).run(Plan("bench", (Stage("dataflows", False, (spec,)),)))
    elapsed = time.perf_counter() - started
    assert result.status == "ok", result.jobs[0].error
    return elapsed, result.jobs[0].metrics


def old_pipeline_requests(server: FakeTmdb, films: list[FilmFacts]) -> int:
    """Requests of the old candidate collection (ORIGINAL.md §3.9), counted at the server, no cache."""

    class NoCache:
        def get(self, key: str, max_age_s: float) -> None:
            return None

        def put(self, key: str, status: int, body: str) -> None:
            return None

    client = TmdbClient(server.url, server.api_key, cache=NoCache(), config=ClientConfig(per_second=0))
    before = server.request_count()
    for facts in films:
        ids: list[int] = []
        years = [facts.year, facts.year - 1, facts.year + 1] if facts.year else []
        for year in years:
            ids += [r["id"] for r in client.search_movie(facts.english_title, "en-US", year) if r["id"] not in ids][:8]
        if len(ids) < 20:
            ids += [r["id"] for r in client.search_movie(facts.english_title, "en-US") if r["id"] not in ids]
        for tmdb_id in ids[:24]:
            client.movie_details(tmdb_id)
    return server.request_count() - before


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--films", type=int, default=200)
    parser.add_argument("--latency-ms", type=float, default=30.0)
    parser.add_argument("--per-second", type=float, default=40.0)
    args = parser.parse_args()
    server = FakeTmdb(latency_s=args.latency_ms / 1000).start()
    cases = catalogue(server, args.films)
    films = [facts for facts, _ in cases]
    # The executor imports the job target as `bench.enrich_cache`, a module apart from this `__main__`.
    import bench.enrich_cache as target

    target.STATE.update(films=films, config=ClientConfig(per_second=args.per_second))
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(mode="regular", data_dir=Path(tmp), artifacts_dir=Path(tmp) / "artifacts")
        settings = replace(settings, tmdb_api_key=server.api_key, tmdb_api_url=server.url)
        load_models()
        open_database(settings)
        print(
            f"enrichment benchmark: {args.films} films, {len(server.movies)} TMDB films, "
            f"{args.latency_ms:.0f} ms latency, ≤{args.per_second:.0f} requests/s, SQLite"
        )
        cold_s, cold = run_once(settings)
        truth = {facts.movie_id: tmdb_id for facts, tmdb_id in cases}
        rows = list(FilmTmdb.select())
        right = sum(1 for r in rows if r.status == "matched" and r.tmdb_id == truth[r.movie_id])
        wrong = sum(1 for r in rows if r.status == "matched" and r.tmdb_id != truth[r.movie_id])
        review = sum(1 for r in rows if r.status == "review")
        print(f"  cold run: {cold_s:.2f}s, {cold['tmdb_calls']} requests = {cold['tmdb_calls'] / args.films:.2f}/film")
        print(f"  outcome:  {right} matched correctly, {wrong} matched wrongly, {review} sent to review")
        warm_s, warm = run_once(settings)
        print(
            f"  warm run: {warm_s:.2f}s, {warm['tmdb_calls']} requests, {warm['tmdb_cache_hits']} cache hits "
            f"(cold/warm time ratio {cold_s / warm_s:.1f}x)"
        )
        old = old_pipeline_requests(server, films)
        print(
            f"  old pipeline's candidate collection: {old} requests = {old / args.films:.2f}/film on every run "
            f"({old / max(1, cold['tmdb_calls']):.1f}x our cold run; our warm run makes 0)"
        )
    server.stop()


if __name__ == "__main__":
    main()
