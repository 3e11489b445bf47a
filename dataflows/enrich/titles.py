"""Title and name comparison that keeps Hebrew (the old pipeline deleted every non-ASCII letter).

Normalising folds case, accents, Hebrew points and punctuation; similarity is exact, then
space-insensitive ("Spiderman" = "Spider-Man"), then rapidfuzz's normalised edit similarity.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

from dataflows.titles.script import has_hebrew

_HEBREW_POINTS = re.compile(r"[\u0591-\u05c7]")  # cantillation and vowel points (niqqud)
_JOINERS = re.compile(r"['\u2019\u05f3\u05f4\"`]")  # apostrophes, geresh, gershayim: part of the word
_NOT_WORD = re.compile(r"[^\w]+", re.UNICODE)
_LEADING_ARTICLE = re.compile(r"^(the|a|an) ")
_NAME_SEPARATORS = re.compile(r"\s*(?:,|&|/|;|\band\b)\s*")


@lru_cache(maxsize=8192)  # the same few titles are compared with every candidate
def normalise(text: str) -> str:
    """Lower-case words separated by single spaces, accents and points removed, leading article dropped."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _HEBREW_POINTS.sub("", text).casefold()
    text = _JOINERS.sub("", text)
    text = _NOT_WORD.sub(" ", text).replace("_", " ")
    text = " ".join(text.split())
    return _LEADING_ARTICLE.sub("", text)


def title_similarity(left: str, right: str) -> float:
    """1.0 for the same title, 0.97 when only spacing differs, else edit similarity (0..1, symmetric)."""
    a, b = normalise(left), normalise(right)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if a.replace(" ", "") == b.replace(" ", ""):
        return 0.97
    if has_hebrew(a) != has_hebrew(b):
        return 0.0  # different scripts say nothing about each other
    return round(fuzz.ratio(a, b) / 100, 3)


def best_pair(lefts: list[str], rights: list[str]) -> tuple[float, str, str]:
    """The most similar (left, right) titles and their similarity."""
    best = (0.0, "", "")
    for left in lefts:
        for right in rights:
            value = title_similarity(left, right)
            if value > best[0]:
                best = (value, left, right)
    return best


def split_names(text: str) -> list[str]:
    """'Andrew Stanton, McKenna Harris' -> two normalised names."""
    return [normalise(part) for part in _NAME_SEPARATORS.split(text or "") if normalise(part)]
