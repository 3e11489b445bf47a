"""Find a film on TMDB: search every title in its own language, score candidates, decide or defer.

Searches: the English title in en-US and the Hebrew one in he-IL (alternative titles only while no
candidate has a close title), each with the year when known, and again without it for the first
title (so same-title films of other years compete openly, and a wrong scraped year cannot hide the
right film) or when the year-filtered answer has no close title.
Details (credits, runtime, alternative titles, translations) are fetched best-first for at most
`max_details` candidates, and only for those that could still win or spoil the margin. A film is
matched only when the winner clears the threshold AND leads the runner-up by the margin; otherwise
it goes to review. Never "first result".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dataflows.enrich.candidates import Candidate
from dataflows.enrich.client import TmdbClient
from dataflows.enrich.facts import FilmFacts
from dataflows.enrich.scoring import MatchRules, Score, score, upper_bound
from dataflows.enrich.titles import best_pair, has_hebrew, normalise, title_similarity

MAX_QUERY_TITLES = 4
CLOSE_TITLE = 0.9


@dataclass
class QueryRecord:
    query: str
    language: str
    year: int | None
    hits: int
    ids: list[int]

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "language": self.language, "year": self.year, "hits": self.hits, "ids": self.ids}


@dataclass
class Ranked:
    candidate: Candidate
    score: Score

    @property
    def total(self) -> float:
        return self.score.total

    def label(self) -> str:
        c = self.candidate
        return f"{c.title or c.title_he or c.original_title!r} ({c.year or '?'}, tmdb {c.tmdb_id})"

    def to_dict(self) -> dict[str, Any]:
        return {**self.candidate.summary(), "score": self.total, "parts": self.score.to_dict()["parts"]}


@dataclass
class MatchResult:
    """The decision for one film and everything that led to it (the ledger)."""

    facts: FilmFacts
    status: str  # "matched" or "review"
    reason: str
    rules: MatchRules
    ranked: list[Ranked] = field(default_factory=list)
    queries: list[QueryRecord] = field(default_factory=list)
    details: dict[int, dict[str, Any]] = field(default_factory=dict)

    @property
    def winner(self) -> Ranked | None:
        return self.ranked[0] if self.ranked and self.status == "matched" else None

    @property
    def tmdb_id(self) -> int | None:
        return self.winner.candidate.tmdb_id if self.winner else None

    @property
    def best_score(self) -> float | None:
        return self.ranked[0].total if self.ranked else None

    @property
    def margin(self) -> float | None:
        if not self.ranked:
            return None
        runner_up = self.ranked[1].total if len(self.ranked) > 1 else 0.0
        return round(self.ranked[0].total - runner_up, 4)

    def ledger(self) -> dict[str, Any]:
        return {
            "movie_id": self.facts.movie_id,
            "facts": self.facts.to_dict(),
            "queries": [q.to_dict() for q in self.queries],
            "candidates": [r.to_dict() for r in self.ranked[:10]],
            "decision": {
                "status": self.status,
                "tmdb_id": self.tmdb_id,
                "score": self.best_score,
                "margin": self.margin,
                "threshold": self.rules.threshold,
                "required_margin": self.rules.margin,
                "why": self.reason,
            },
        }


class Matcher:
    """Matches films through one client (which answers from the cache when it can)."""

    def __init__(self, client: TmdbClient, rules: MatchRules | None = None) -> None:
        self.client = client
        self.rules = rules or MatchRules()

    def match(self, facts: FilmFacts) -> MatchResult:
        pool: dict[int, Candidate] = {}
        queries: list[QueryRecord] = []
        main_titles = {facts.english_title.strip(), facts.hebrew_title.strip()}
        for index, title in enumerate(query_titles(facts)):
            if title not in main_titles and any(close_title(facts, c) for c in pool.values()):
                break  # alternative titles are only a fallback
            language = "he-IL" if has_hebrew(title) else "en-US"
            found = self._search(title, language, facts.year, pool, queries)
            close = any(title_similarity(title, t) >= CLOSE_TITLE for t in found)
            if facts.year and (index == 0 or not close):
                self._search(title, language, None, pool, queries)
        details = self._fetch_details(facts, pool)
        ranked = sorted(
            (Ranked(c, score(facts, c, self.rules)) for c in pool.values()),
            key=lambda r: (-r.total, not r.candidate.detailed, r.candidate.best_rank, -r.candidate.popularity),
        )
        status, reason = decide(ranked, self.rules)
        return MatchResult(facts, status, reason, self.rules, ranked, queries, details)

    def _search(
        self, title: str, language: str, year: int | None, pool: dict[int, Candidate], queries: list[QueryRecord]
    ) -> list[str]:
        """Run one search, merge its hits into the pool, and return the titles it found."""
        results = self.client.search_movie(title, language, year)
        label = f"{language}:{title}" + (f" ({year})" if year else "")
        ids = []
        for rank, result in enumerate(results):
            tmdb_id = result.get("id")
            if not isinstance(tmdb_id, int):
                continue
            ids.append(tmdb_id)
            pool.setdefault(tmdb_id, Candidate(tmdb_id)).add_search_result(result, label, rank, language)
        queries.append(QueryRecord(title, language, year, len(results), ids))
        return [str(r.get("title") or "") for r in results] + [str(r.get("original_title") or "") for r in results]

    def _fetch_details(self, facts: FilmFacts, pool: dict[int, Candidate]) -> dict[int, dict[str, Any]]:
        """Details best-first, skipping candidates that can neither win nor come within the margin."""
        rules = self.rules
        details: dict[int, dict[str, Any]] = {}
        order = sorted(pool.values(), key=lambda c: (-score(facts, c, rules).total, c.best_rank, -c.popularity))
        best = 0.0
        for candidate in order:
            if len(details) >= rules.max_details:
                break
            reach = upper_bound(facts, candidate, rules)
            if details and reach < rules.threshold and (best < rules.threshold or reach < best - rules.margin):
                continue
            data = self.client.movie_details(candidate.tmdb_id)
            if data is None:
                continue
            candidate.add_details(data)
            details[candidate.tmdb_id] = data
            best = max(best, score(facts, candidate, rules).total)
        return details


def close_title(facts: FilmFacts, candidate: Candidate) -> bool:
    return best_pair(facts.titles(), candidate.all_titles())[0] >= CLOSE_TITLE


def query_titles(facts: FilmFacts) -> list[str]:
    """Distinct titles worth a search, at most MAX_QUERY_TITLES ("Spider-Man" and "Spiderman" are one)."""
    seen: set[str] = set()
    out: list[str] = []
    for title in facts.titles():
        key = normalise(title).replace(" ", "")
        if key and key not in seen:
            seen.add(key)
            out.append(title)
    return out[:MAX_QUERY_TITLES]


def decide(ranked: list[Ranked], rules: MatchRules) -> tuple[str, str]:
    """('matched'|'review', why): threshold and margin over the runner-up, both required."""
    if not ranked:
        return "review", "no candidates on TMDB for any title"
    best = ranked[0]
    if not best.candidate.detailed:
        return "review", f"best candidate {best.label()} has no details on TMDB"
    scored = f"{best.label()} scored {best.total:.2f} (threshold {rules.threshold:.2f})"
    if best.total < rules.threshold:
        return "review", f"{scored}: below the threshold"
    if len(ranked) == 1:
        return "matched", f"{scored}, the only candidate"
    runner = ranked[1]
    lead = best.total - runner.total
    if lead < rules.margin:
        return "review", f"{scored} but leads {runner.label()} by only {lead:.2f} (needs {rules.margin:.2f})"
    return "matched", f"{scored}, {lead:.2f} ahead of {runner.label()} (needs {rules.margin:.2f})"
