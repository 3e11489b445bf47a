"""Replicas show values the way the live sites printed them: the inverse of the normalisation tables.

E.g. a row's "English" is shown as "EN" (Yes Planet) or "אנגלית" (Rav Hen), "14+" as "הותר מגיל 14";
the scraper's tables map them back. Values without an inverse are shown as they are.
"""

from __future__ import annotations

import re

from scrapers.base.normalise import LANGUAGES, normalise_language, normalise_rating


def _inverse(predicate) -> dict[str, str]:
    inverse: dict[str, str] = {}
    for raw, canonical in LANGUAGES.items():
        if predicate(raw) and canonical not in inverse:
            inverse[canonical] = raw
    return inverse


LANGUAGE_CODES = _inverse(lambda raw: raw.isascii() and len(raw) <= 3)
LANGUAGE_HEBREW = _inverse(lambda raw: bool(re.search(r"[\u0590-\u05ff]", raw)))


def _each_language(value: str, table: dict[str, str]) -> str:
    canonical = normalise_language(value)
    if not canonical:
        return ""
    return ", ".join(table.get(part, part) for part in canonical.split(", "))


def language_code(value: str) -> str:
    """'English' → 'EN', 'German, English' → 'DE, EN'."""
    return _each_language(value, LANGUAGE_CODES)


def language_hebrew(value: str) -> str:
    """'English' → 'אנגלית'."""
    return _each_language(value, LANGUAGE_HEBREW)


def rating_hebrew(value: str) -> str:
    """'All' → 'הותר לכל הגילאים', '14+' → 'הותר מגיל 14'; anything else as it is."""
    rating = normalise_rating(value)
    if rating == "All":
        return "הותר לכל הגילאים"
    match = re.fullmatch(r"(\d{1,2})\+", rating)
    return f"הותר מגיל {match.group(1)}" if match else value


def slug(text: str, fallback: str = "film") -> str:
    value = re.sub(r"[^a-z0-9]+", "-", (text or "").lower()).strip("-")
    return value or fallback
