"""The one text folding every rule table is keyed by."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = re.compile(r"[\"'`´׳״‘’“”]")
_SEPARATORS = re.compile(r"[\s\-–—:;,|/\\_.]+")


def fold(text: str) -> str:
    """Lower-case, NFKC, quotes removed, dashes/colons/commas/dots as spaces, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = _QUOTES.sub("", text)
    return _SEPARATORS.sub(" ", text).strip()


def fold_table(table: dict[str, str]) -> dict[str, str]:
    """A rule table re-keyed by `fold`, so tables can be written in the sites' own spelling."""
    return {fold(key): value for key, value in table.items()}
