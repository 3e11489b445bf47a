"""What the resolver knows about one variant: its cleaned title keys and its year/director/runtime.

Everything is derived once per variant so that comparing two variants is cheap set and string work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dataflows.identity import keys
from dataflows.identity.variant import TitleVariant
from dataflows.titles import CleanTitle, clean_title
from dataflows.titles.script import has_hebrew, has_latin

_YEAR = re.compile(r"^\s*((?:18|19|20)\d\d)(?:\.0)?\s*$")
_INT = re.compile(r"^\s*(\d{1,4})(?:\.0)?\s*$")
RUNTIME_RANGE = (30, 400)


@dataclass(frozen=True)
class Features:
    """Comparable facts of one variant."""

    key: tuple[str, str, str]
    clean: CleanTitle
    english: tuple[str, ...]  # English words (see keys.english_tokens), no trailing year
    english_compact: str
    hebrew_key: str  # compact Hebrew key of the Hebrew title
    alias_key: str  # compact Hebrew key of a different Hebrew title found in the English column
    hebrew: frozenset[str]  # the non-empty Hebrew keys
    english_words: frozenset[str]  # significant words, to tell unrelated titles apart
    hebrew_words: frozenset[str]
    skeletons: frozenset[str]
    sequels: frozenset[str]  # numbers in the titles that are not years ("Toy Story 5")
    year: int | None
    director: frozenset[str]
    runtime: int | None
    rows: int

    @property
    def is_event(self) -> bool:
        return self.clean.is_event


def features(variant: TitleVariant) -> Features:
    clean = clean_title(variant.english_title, variant.hebrew_title, variant.cinema)
    english = keys.english_tokens(clean.english)
    hebrew_lists = [keys.hebrew_tokens(clean.hebrew), keys.hebrew_tokens(clean.hebrew_alias)]
    sequels, _years = keys.numbers(english, *hebrew_lists)
    english = _without_trailing_year(english)
    hebrew_key, alias_key = ("".join(_without_trailing_year(tokens)) for tokens in hebrew_lists)
    hebrew = frozenset(key for key in (hebrew_key, alias_key) if key)
    return Features(
        key=variant.key,
        clean=clean,
        english=english,
        english_compact=keys.compact(english),
        hebrew_key=hebrew_key,
        alias_key=alias_key,
        hebrew=hebrew,
        english_words=_significant(english),
        hebrew_words=_significant(hebrew_lists[0] + hebrew_lists[1]),
        skeletons=frozenset(keys.skeleton(key) for key in hebrew),
        sequels=sequels,
        year=_year(variant.release_year) or _year(clean.title_year) or _trailing_year(english, *hebrew_lists),
        director=_director(variant.directed_by),
        runtime=_runtime(variant.runtime),
        rows=variant.rows,
    )


def _significant(tokens: tuple[str, ...]) -> frozenset[str]:
    return frozenset(t for t in tokens if t not in keys.OPTIONAL_WORDS and (len(t) >= 3 or t.isdigit()))


def _without_trailing_year(tokens: tuple[str, ...]) -> tuple[str, ...]:
    if len(tokens) > 1 and _is_year(tokens[-1]):
        return tokens[:-1]
    return tokens


def _trailing_year(*token_lists: tuple[str, ...]) -> int | None:
    for tokens in token_lists:
        if len(tokens) > 1 and _is_year(tokens[-1]):
            return int(tokens[-1])
    return None


def _is_year(token: str) -> bool:
    return token.isdigit() and keys.YEAR_RANGE[0] <= int(token) <= keys.YEAR_RANGE[1]


def _year(value: str) -> int | None:
    match = _YEAR.match(value or "")
    return int(match.group(1)) if match else None


def _runtime(value: str) -> int | None:
    match = _INT.match(value or "")
    if not match:
        return None
    minutes = int(match.group(1))
    return minutes if RUNTIME_RANGE[0] <= minutes <= RUNTIME_RANGE[1] else None


def _director(value: str) -> frozenset[str]:
    """Name words of three letters or more, in one script (a year in this column is a scraper slip)."""
    if not value or not (has_latin(value) or has_hebrew(value)):
        return frozenset()
    words = keys.fold_latin(value).split() if has_latin(value) else list(keys.hebrew_tokens(value))
    return frozenset(word for word in words if len(word) >= 3 and not word.isdigit())
