"""A film title's version markers, read once for every chain: dubbing language, subtitles, 3D/HFR.

Chains print versions inside the Hebrew title ("מיניונים ומפלצות מדובב לעברית", "… מדובב לצרפתית",
"… כתוביות ברוסית", "… תלת מימד HFR"). The old scrapers handled these per chain with slightly
different strings (ORIGINAL §6.7); here one reader returns the bare title and the markers, and a
site decides what it keeps (e.g. skip Russian dubbing, store French dubbing as `dub_language`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrapers.base.normalise import clean_text, split_title_markers

# Hebrew language names after "מדובב ל…" / "כתוביות ב…" → the language
LANGUAGE_WORDS = {"עברית": "Hebrew", "צרפתית": "French", "רוסית": "Russian", "ערבית": "Arabic", "אנגלית": "English"}
_WORDS = "|".join(LANGUAGE_WORDS)
DUBBED_INTO = re.compile(rf"\s*[-–(]?\s*(?:מדובב|מדובבת)\s*ל({_WORDS})\s*\)?")
SUBTITLED_IN = re.compile(rf"\s*[-–(]?\s*(?:עם\s+)?כתוביות\s*(?:ב|ל)({_WORDS})\s*\)?")


@dataclass(frozen=True)
class Variant:
    """A title without its version markers, and what the markers said."""

    title: str
    dub_language: str = ""  # "Hebrew", "French", "Russian", "Arabic", or "" (original language)
    subtitles: str = ""  # language of subtitles named in the title, if any
    tech: str = ""  # "3D", "HFR", "3D HFR" or ""

    @property
    def dimension(self) -> str:
        """The projection prefix the markers give: "2D", "3D", "2D HFR" or "3D HFR"."""
        base = "3D" if "3D" in self.tech else "2D"
        return f"{base} HFR" if "HFR" in self.tech else base


def variant_of(title: str) -> Variant:
    """'ספיידרמן: יום חדש מדובב לצרפתית' → Variant('ספיידרמן: יום חדש', dub_language='French')."""
    text = title or ""
    dub = subtitles = ""
    if match := DUBBED_INTO.search(text):
        dub = LANGUAGE_WORDS[match.group(1)]
        text = DUBBED_INTO.sub(" ", text, count=1)
    if match := SUBTITLED_IN.search(text):
        subtitles = LANGUAGE_WORDS[match.group(1)]
        text = SUBTITLED_IN.sub(" ", text, count=1)
    markers = split_title_markers(clean_text(text))
    return Variant(markers.title, dub or markers.dub_language, subtitles, markers.tech)
