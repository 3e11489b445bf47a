"""Which writing system a piece of text is in: chains put Hebrew, Latin and Cyrillic in any column."""

from __future__ import annotations

import re
import unicodedata

HEBREW_LETTER = re.compile(r"[\u05d0-\u05ea]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def has_hebrew(text: str) -> bool:
    return bool(HEBREW_LETTER.search(text))


def has_latin(text: str) -> bool:
    return bool(LATIN_LETTER.search(text))


def has_cyrillic(text: str) -> bool:
    return bool(CYRILLIC_LETTER.search(text))


def mostly_hebrew(text: str) -> bool:
    """More Hebrew letters than Latin ones ("AI וביי" is a Hebrew title; "ה־Cancel Culture" is not)."""
    return len(HEBREW_LETTER.findall(text)) >= max(1, len(LATIN_LETTER.findall(text)))


def tidy(text: str | None) -> str:
    """NFC, no direction marks or odd spaces, single spaces, trimmed."""
    if not text:
        return ""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", str(text)))
    return " ".join(text.replace("\u00a0", " ").split())
