"""When two variants cannot be the same film, whatever their titles say.

Different films share titles ("Superman" 1978 and 2025, "Toy Story 4" and "5" in Hebrew word order),
so a title link is only taken when no hard fact contradicts it: release years far apart, directors with
no name in common, sequel numbers that differ, English and Hebrew titles that both share no word, and
(for weak links) runtimes far apart.
"""

from __future__ import annotations

from dataflows.identity.features import Features

MAX_YEAR_GAP = 3  # chains give production, festival or local release years: seen up to three apart
MIN_RUNTIME_GAP = 25  # minutes; chains round, add trailers, or carry a runtime over from the previous film
MIN_RUNTIME_RATIO = 1.3


def conflict(a: Features, b: Features, weak_link: bool = False) -> str:
    """Why a and b are different films ('' when nothing says so).

    Runtimes are noisy (placeholders, a runtime carried over from the previous film by some scrapers),
    so they only count against weak links such as typo matches.
    """
    if a.year and b.year and abs(a.year - b.year) > MAX_YEAR_GAP:
        return "year"
    if a.sequels and b.sequels and a.sequels != b.sequels:
        return "sequel"
    if _titles_disagree(a, b):
        return "titles"
    if a.director and b.director and not (a.director & b.director) and _same_script(a.director, b.director):
        return "director"
    if weak_link and a.runtime and b.runtime:
        low, high = sorted((a.runtime, b.runtime))
        if high - low > MIN_RUNTIME_GAP and high > low * MIN_RUNTIME_RATIO:
            return "runtime"
    return ""


def _titles_disagree(a: Features, b: Features) -> bool:
    """Both give both titles and share no word in either language: a row that links them is a slip."""
    return bool(
        a.english_words
        and b.english_words
        and a.hebrew_words
        and b.hebrew_words
        and not a.english_words & b.english_words
        and not a.hebrew_words & b.hebrew_words
    )


def _same_script(a: frozenset[str], b: frozenset[str]) -> bool:
    return next(iter(a)).isascii() == next(iter(b)).isascii()
