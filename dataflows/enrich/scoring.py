"""How well a TMDB candidate fits a film: titles in both languages, year, director and runtime.

Each part scores 0..1 and is weighted. Evidence the film lacks (no director scraped, a Hebrew
director against TMDB's Latin credits) counts as neutral (half its weight), so a title alone can
never reach the acceptance threshold and a contradiction (another director) pulls a match down.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dataflows.enrich.candidates import Candidate
from dataflows.enrich.facts import FilmFacts
from dataflows.enrich.titles import best_pair, has_hebrew, split_names, title_similarity

NEUTRAL = 0.5


@dataclass(frozen=True)
class MatchRules:
    """Weights (summing to 1), the acceptance threshold and the margin required over the runner-up."""

    title_weight: float = 0.5
    year_weight: float = 0.2
    director_weight: float = 0.2
    runtime_weight: float = 0.1
    threshold: float = 0.78
    margin: float = 0.1
    max_details: int = 5


@dataclass
class Part:
    value: float
    weight: float
    note: str

    @property
    def points(self) -> float:
        return self.value * self.weight


@dataclass
class Score:
    parts: dict[str, Part] = field(default_factory=dict)

    @property
    def total(self) -> float:
        return round(sum(part.points for part in self.parts.values()), 4)

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "parts": {name: {"value": round(p.value, 3), "note": p.note} for name, p in self.parts.items()},
        }


def title_part(facts: FilmFacts, candidate: Candidate) -> tuple[float, str]:
    value, mine, theirs = best_pair(facts.titles(), candidate.all_titles())
    return value, (f"{mine!r} ~ {theirs!r}" if value else "no title in common")


def year_part(facts: FilmFacts, year: int | None) -> tuple[float, str]:
    if facts.year is None or year is None:
        return NEUTRAL, "year unknown"
    gap = abs(facts.year - year)
    value = {0: 1.0, 1: 0.6, 2: 0.2}.get(gap, 0.0)
    return value, f"{facts.year} vs {year}"


def comparable_director(names: list[str]) -> bool:
    """TMDB credits are in Latin script: a director scraped only in Hebrew cannot be compared."""
    return any(not has_hebrew(name) for name in names)


def director_part(facts: FilmFacts, candidate: Candidate) -> tuple[float, str]:
    mine = split_names(facts.director)
    if not mine:
        return NEUTRAL, "director not scraped"
    if not candidate.detailed:
        return NEUTRAL, "details not fetched"
    if not candidate.directors:
        return NEUTRAL, "TMDB lists no director"
    if not comparable_director(mine) and not any(has_hebrew(d) for d in candidate.directors):
        return NEUTRAL, "Hebrew name vs Latin credits"
    best = max(title_similarity(a, b) for a in mine for b in candidate.directors)
    names = ", ".join(candidate.directors)
    if best >= 0.9:
        return 1.0, f"director {names}"
    return 0.0, f"director differs ({facts.director} vs {names})"


def runtime_part(facts: FilmFacts, candidate: Candidate) -> tuple[float, str]:
    if not facts.runtime or facts.runtime <= 0:
        return NEUTRAL, "runtime not scraped"
    if not candidate.detailed:
        return NEUTRAL, "details not fetched"
    if candidate.runtime is None:
        return NEUTRAL, "runtime not known on TMDB"
    gap = abs(facts.runtime - candidate.runtime)
    value = 1.0 if gap <= 5 else 0.5 if gap <= 15 else 0.0
    return value, f"{facts.runtime} vs {candidate.runtime} min"


def score(facts: FilmFacts, candidate: Candidate, rules: MatchRules) -> Score:
    parts = {
        "title": (title_part(facts, candidate), rules.title_weight),
        "year": (year_part(facts, candidate.year), rules.year_weight),
        "director": (director_part(facts, candidate), rules.director_weight),
        "runtime": (runtime_part(facts, candidate), rules.runtime_weight),
    }
    return Score({name: Part(value, weight, note) for name, ((value, note), weight) in parts.items()})


def upper_bound(facts: FilmFacts, candidate: Candidate, rules: MatchRules) -> float:
    """The best score this candidate could still reach once its details are known (title assumed perfect)."""
    year_value, _ = year_part(facts, candidate.year)
    director_best = 1.0 if comparable_director(split_names(facts.director)) else NEUTRAL
    runtime_best = 1.0 if facts.runtime and facts.runtime > 0 else NEUTRAL
    return (
        rules.title_weight
        + year_value * rules.year_weight
        + director_best * rules.director_weight
        + runtime_best * rules.runtime_weight
    )
