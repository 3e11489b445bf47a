"""A title variant: one (cinema, English title, Hebrew title) exactly as scraped, with its evidence.

Identity works on variants, not rows: a run has ~15,000 rows but only ~500 variants, and every row of
a variant belongs to the same film. Year, director and runtime are summarised per variant (most common
non-empty value) so that one odd row cannot decide anything on its own.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

EVIDENCE_FIELDS = ("release_year", "directed_by", "runtime")


@dataclass(frozen=True)
class TitleVariant:
    """One title variant of one cinema, with the evidence its rows carried."""

    cinema: str
    english_title: str
    hebrew_title: str
    release_year: str = ""
    directed_by: str = ""
    runtime: str = ""
    rows: int = 1

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.cinema, self.english_title, self.hebrew_title)


def most_common(values: Counter[str]) -> str:
    """The most frequent non-empty value; ties go to the smallest string so the result is order-free."""
    best = min(((-count, value) for value, count in values.items() if value), default=None)
    return best[1] if best else ""


def variants_from_rows(rows: Iterable[Mapping[str, object]]) -> list[TitleVariant]:
    """Fold raw rows (scraper row schema) into variants, sorted by key."""
    counts: Counter[tuple[str, str, str]] = Counter()
    evidence: dict[tuple[str, str, str], dict[str, Counter[str]]] = defaultdict(
        lambda: {name: Counter() for name in EVIDENCE_FIELDS}
    )
    for row in rows:
        key = (_raw(row.get("cinema")), _raw(row.get("english_title")), _raw(row.get("hebrew_title")))
        counts[key] += 1
        for name in EVIDENCE_FIELDS:
            evidence[key][name][_text(row.get(name))] += 1
    return [
        TitleVariant(*key, **{name: most_common(evidence[key][name]) for name in EVIDENCE_FIELDS}, rows=counts[key])
        for key in sorted(counts)
    ]


def _raw(value: object) -> str:
    """Titles stay exactly as scraped: callers map rows back to films by this exact key."""
    return "" if value is None else str(value)


def _text(value: object) -> str:
    return _raw(value).strip()
