"""Group title variants into films, offline and deterministically.

1. Each variant's titles are cleaned and turned into keys (`features`).
2. Candidate links come from shared keys: the same Hebrew title (the strongest cross-chain key here:
   Rav Hen, and often Cinema City and MovieLand, only give Hebrew), the same English title, the same
   Hebrew skeleton, and English or Hebrew spellings a typo or two apart ("Stich Head"/"Stitch Head").
3. Links are taken strongest first (most agreeing facts), and a link that would put two variants with
   contradicting facts (`evidence.conflict`) into one film is refused — so one inconsistent row cannot
   chain two films together.
The result depends only on the set of variants: inputs are sorted, links are ordered by score and key.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz.distance import OSA

from dataflows.identity.evidence import conflict
from dataflows.identity.features import Features, features
from dataflows.identity.variant import TitleVariant

VariantKey = tuple[str, str, str]


@dataclass(frozen=True)
class Link:
    """A reason to believe two variants are one film."""

    kind: str
    weight: int
    max_edits: Callable[[int], int] | None = None  # fuzzy links: allowed edits for the shorter key's length


STRONG_WEIGHT = 8  # exact title links; weaker links also yield to runtime evidence
HEBREW = Link("hebrew", 8)
ENGLISH = Link("english", 8)
SKELETON = Link("hebrew_skeleton", 4)
ENGLISH_TYPO = Link("english_typo", 3, lambda n: 0 if n < 8 else 1 if n < 14 else 2 if n < 22 else 3)
HEBREW_TYPO = Link("hebrew_typo", 2, lambda n: 0 if n < 7 else 1 if n < 14 else 2)


@dataclass(frozen=True)
class Cluster:
    """One film: its variants' features, and the known film (movie_id) it continues, if any."""

    members: tuple[Features, ...]
    known_film: int | None = None


def resolve(variants: Sequence[TitleVariant]) -> dict[VariantKey, int]:
    """Cluster number (1, 2, …) per variant key; numbers follow the sorted keys, so equal input gives equal output."""
    return Resolution.of(variants).numbers()


class Resolution:
    """The clusters of one set of variants, with why links were refused (for reports and tests)."""

    def __init__(self, items: list[Features], seeds: Mapping[VariantKey, int]) -> None:
        self.items = items
        self.parent = list(range(len(items)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
        self.film: dict[int, int] = {}  # root → the known film (movie_id) its cluster already belongs to
        self.refused: list[tuple[VariantKey, VariantKey, str]] = []
        first_of: dict[int, int] = {}
        for i, item in enumerate(items):
            movie_id = seeds.get(item.key)
            if movie_id is None:
                continue
            if movie_id in first_of:
                self._merge(self._root(first_of[movie_id]), self._root(i))
            else:
                first_of[movie_id] = i
                self.film[i] = movie_id

    @classmethod
    def of(cls, variants: Sequence[TitleVariant], seeds: Mapping[VariantKey, int] | None = None) -> Resolution:
        """Resolve `variants`; `seeds` maps already-known variants to their film, which never changes and
        never merges with another known film (stable movie IDs)."""
        unique = {v.key: v for v in sorted(variants, key=canonical_order)}
        resolution = cls([features(unique[key]) for key in sorted(unique, key=_text_tuple)], seeds or {})
        for _score, i, j, weight in sorted(resolution._candidates()):
            resolution._join(i, j, weak=weight < STRONG_WEIGHT)
        return resolution

    def numbers(self) -> dict[VariantKey, int]:
        return {item.key: n for n, cluster in enumerate(self.clusters(), start=1) for item in cluster.members}

    def clusters(self) -> list[Cluster]:
        """The films found, ordered by their smallest variant key (so numbering is order-free)."""
        roots = sorted({self._root(i) for i in range(len(self.items))}, key=lambda r: min(self.members[r]))
        return [
            Cluster(tuple(self.items[i] for i in sorted(self.members[root])), self.film.get(root)) for root in roots
        ]

    # --- links -----------------------------------------------------------------------------------

    def _candidates(self) -> Iterable[tuple[int, int, int, int]]:
        """(-score, i, j, link weight) for every linked pair: sorted, strongest first, ties broken by the keys
        (items are in key order)."""
        found: dict[tuple[int, int], int] = defaultdict(int)
        self._exact(HEBREW, lambda f: f.hebrew, found)
        self._exact(ENGLISH, lambda f: {f.english_compact} if f.english_compact else set(), found)
        self._exact(SKELETON, lambda f: {s for s in f.skeletons if len(s) >= 4}, found)
        self._fuzzy(ENGLISH_TYPO, lambda f: {f.english_compact} if f.english_compact else set(), found)
        self._fuzzy(HEBREW_TYPO, lambda f: f.hebrew, found)
        for (i, j), weight in found.items():
            score = weight + _agreement(self.items[i], self.items[j])
            yield -score, i, j, weight

    def _exact(self, link: Link, keys_of: Callable[[Features], Iterable[str]], found: dict) -> None:
        for members in _index(self.items, keys_of).values():
            for i, j in combinations(sorted(members), 2):
                found[(i, j)] = max(found[(i, j)], link.weight)

    def _fuzzy(self, link: Link, keys_of: Callable[[Features], Iterable[str]], found: dict) -> None:
        index = _index(self.items, keys_of)
        words = sorted(index, key=lambda word: (len(word), word))
        for a, first in enumerate(words):
            for second in words[a + 1 :]:
                allowed = link.max_edits(len(first))  # type: ignore[misc]
                if len(second) - len(first) > allowed:
                    break
                if not allowed or not 0 < OSA.distance(first, second, score_cutoff=allowed) <= allowed:
                    continue
                for i in index[first]:
                    for j in index[second]:
                        pair = (min(i, j), max(i, j))
                        if i != j and _typo_plausible(self.items[i], self.items[j]):
                            found[pair] = max(found[pair], link.weight)

    # --- constrained union ---------------------------------------------------------------------

    def _root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def _join(self, i: int, j: int, weak: bool) -> None:
        ri, rj = self._root(i), self._root(j)
        if ri == rj:
            return
        if ri in self.film and rj in self.film:
            self.refused.append((self.items[i].key, self.items[j].key, "known_films"))
            return
        for a in self.members[ri]:
            for b in self.members[rj]:
                reason = conflict(self.items[a], self.items[b], weak_link=weak)
                if reason:
                    self.refused.append((self.items[i].key, self.items[j].key, reason))
                    return
        self._merge(ri, rj)

    def _merge(self, ri: int, rj: int) -> None:
        if ri == rj:
            return
        keep, gone = (ri, rj) if ri < rj else (rj, ri)
        self.parent[gone] = keep
        self.members[keep].extend(self.members.pop(gone))
        if gone in self.film:
            self.film[keep] = self.film.pop(gone)


def _index(items: list[Features], keys_of: Callable[[Features], Iterable[str]]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        for key in keys_of(item):
            index[key].append(i)
    return index


def _agreement(a: Features, b: Features) -> int:
    """Extra confidence from facts the two variants share."""
    score = 0
    if a.hebrew & b.hebrew and a.english_compact and a.english_compact == b.english_compact:
        score += 4
    if a.year and a.year == b.year:
        score += 1
    if a.director & b.director:
        score += 2
    if a.runtime and b.runtime and abs(a.runtime - b.runtime) <= 3:
        score += 1
    return score


def _typo_plausible(a: Features, b: Features) -> bool:
    """A spelling a typo away is the same film only with the same numbers and a fact both agree on."""
    if a.sequels != b.sequels:
        return False
    same_year = bool(a.year and b.year and abs(a.year - b.year) <= 1)
    same_runtime = bool(a.runtime and b.runtime and abs(a.runtime - b.runtime) <= 5)
    return same_year or same_runtime or bool(a.director & b.director)


def canonical_order(variant: TitleVariant) -> tuple:
    """Sort order that makes "last one wins" among duplicate keys independent of input order."""
    return _text_tuple((*variant.key, variant.release_year, variant.directed_by, variant.runtime, str(variant.rows)))


def _text_tuple(values: tuple) -> tuple[str, ...]:
    """Sortable even when a caller passed None for a missing value."""
    return tuple("" if value is None else str(value) for value in values)
