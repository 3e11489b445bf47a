"""A film's display facts, chosen from all its variants: what most screenings (rows) call it.

Deterministic: weights are row counts, ties go to the smallest value, so the same variants always
give the same film row (re-running changes nothing).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from dataflows.identity.features import Features
from dataflows.titles.script import has_cyrillic, has_latin

MAX_ALT_TITLES = 20


@dataclass(frozen=True)
class CanonicalFacts:
    """What the `films` row says about one film."""

    english_title: str
    hebrew_title: str
    alt_titles: str  # JSON list
    release_year: str
    directed_by: str
    runtime: str
    is_event: bool
    variant_count: int


def film_facts(members: Iterable[tuple[Features, str]]) -> CanonicalFacts:
    """Facts from (features, raw directed_by) of every variant of one film."""
    english: Counter[str] = Counter()
    foreign: Counter[str] = Counter()  # Cyrillic "English" titles: only when nothing better exists
    hebrew: Counter[str] = Counter()
    years: Counter[str] = Counter()
    directors: Counter[str] = Counter()
    runtimes: Counter[str] = Counter()
    count = 0
    members = list(members)
    film_is_event = 2 * sum(max(i.rows, 1) for i, _ in members if i.is_event) > sum(max(i.rows, 1) for i, _ in members)
    for item, director in members:
        if item.is_event and not film_is_event:
            count += 1  # an event screening of this film ("… - ההקרנה של נעמה"): counted, its titles not used
            continue
        weight = max(item.rows, 1)
        count += 1
        title = item.clean.english
        if title and has_latin(title) and not has_cyrillic(title):
            english[title] += weight
        elif title:
            foreign[title] += weight
        if item.clean.hebrew:
            hebrew[item.clean.hebrew] += weight
        if item.year:
            years[str(item.year)] += weight
        if director.strip() and not director.strip().isdigit():
            directors[director.strip()] += weight
        if item.runtime:
            runtimes[str(item.runtime)] += weight
    english_title = _top(english) or _top(foreign)
    hebrew_title = _top(hebrew)
    others = sorted((set(english) | set(foreign) | set(hebrew)) - {english_title, hebrew_title})
    return CanonicalFacts(
        english_title=english_title,
        hebrew_title=hebrew_title,
        alt_titles=json.dumps(others[:MAX_ALT_TITLES], ensure_ascii=False),
        release_year=_top(years),
        directed_by=_top(Counter({name: n for name, n in directors.items() if has_latin(name)})) or _top(directors),
        runtime=_top(runtimes),
        is_event=film_is_event,
        variant_count=count,
    )


def _top(counts: Counter[str]) -> str:
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0] if counts else ""
