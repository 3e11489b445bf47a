"""Search keys: text folded once at load time, so a keystroke is only a few substring tests.

The same folding is applied to the data and to what the user types: case, accents, Hebrew points
(niqqud), quotes and separators do not matter, and every typed word must appear somewhere.
"""

from __future__ import annotations

import unicodedata
from array import array
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from itertools import compress
from typing import Any, Generic, TypeVar

from dataflows.rules.text import fold

K = TypeVar("K", bound=Hashable)


def search_key(*parts: str) -> str:
    """The folded form of some text (several parts joined by a separator no word can span)."""
    joined = " | ".join(part for part in parts if part)
    decomposed = unicodedata.normalize("NFKD", joined)
    return fold("".join(char for char in decomposed if not unicodedata.combining(char)))


def words(query: str) -> tuple[str, ...]:
    """The distinct folded words of a query (an empty tuple matches everything)."""
    return tuple(dict.fromkeys(search_key(query).split()))


def has_all(haystack: str, wanted: Sequence[str]) -> bool:
    return all(word in haystack for word in wanted)


class Facet(Generic[K]):
    """Distinct values of one attribute, and for each row the index of its value.

    A filter tests each distinct value once (a few hundred films or cinemas) instead of each row.
    """

    def __init__(self) -> None:
        self.values: list[K] = []
        self.rows = array("I")
        self._index: dict[K, int] = {}

    def add(self, value: K) -> int:
        index = self._index.get(value)
        if index is None:
            index = self._index[value] = len(self.values)
            self.values.append(value)
        self.rows.append(index)
        return index

    def allowed(self, keep: Callable[[K], bool]) -> bytearray:
        return bytearray(1 if keep(value) else 0 for value in self.values)


def select_rows(count: int, tests: Iterable[tuple[Facet, bytearray]]) -> list[int]:
    """Row numbers (in load order) whose value is allowed in every test; the most selective test runs first."""
    ordered = sorted(tests, key=lambda test: sum(test[1]) / max(1, len(test[1])))
    if not ordered:
        return list(range(count))
    facet, ok = ordered[0]
    chosen = list(compress(range(count), map(ok.__getitem__, facet.rows)))
    for facet, ok in ordered[1:]:
        rows = facet.rows
        chosen = [i for i in chosen if ok[rows[i]]]
    return chosen


class SearchableRecords:
    """Records (dicts in display order), each with one search key: a query keeps those whose key has every word."""

    columns: list[str] = []

    def __init__(self, records: list[dict[str, Any]], keys: list[str]) -> None:
        self.records = records
        self._keys = keys

    def __len__(self) -> int:
        return len(self.records)

    def select(self, query: str) -> list[int]:
        wanted = words(query)
        return [i for i, key in enumerate(self._keys) if has_all(key, wanted)]

    def export_rows(self, rows: Iterable[int]) -> Iterator[dict[str, Any]]:
        for row in rows:
            yield {name: self.records[row].get(name, "") for name in self.columns}
