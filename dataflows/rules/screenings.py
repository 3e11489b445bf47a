"""Screening type (the hall class) and screening tech (projection) → one vocabulary each.

Sources mix both in one code ("IMAX2D", "VIP LIGHT3D", "4DX3D", "2DSCREENX", "3DDOLBY ATMOS",
Cinema City "2D רגיל", "3D VIP", "2D Lounge"), so both lookups read the type AND the tech text:
technical words decide the tech ("2D IMAX"), what is left decides the type ("VIP Light").
"""

from __future__ import annotations

import re
from functools import lru_cache

from dataflows.rules.text import fold, fold_table

SCREENING_TYPES = (
    "Regular",
    "VIP",
    "VIP Light",
    "VIP Business",
    "Prime",
    "Lounge",
    "Premium",
    "Not Just Cinema",
    "Upgrade",
)

TYPE_ALIASES = fold_table(
    {
        **{name: name for name in SCREENING_TYPES},
        "": "Regular", "רגיל": "Regular", "Standard": "Regular", "VIP LIGHT": "VIP Light",
        "VIP BUSINESS": "VIP Business", "פריים": "Prime", "לאונג'": "Lounge", "לאונג": "Lounge", "פרימיום": "Premium",
        "לא רק קולנוע": "Not Just Cinema", "אפגרייד": "Upgrade", "Upgraded": "Upgrade",
    }
)  # fmt: skip

# Projection features in the order they are written after the dimension ("3D HFR IMAX").
TECH_FEATURES = (
    ("HFR", r"hfr"),
    ("IMAX", r"imax"),
    ("4DX", r"4 ?dx"),
    ("ScreenX", r"screen ?x"),
    ("Atmos", r"(?:dolby )?atmos"),
    ("ONYX", r"onyx"),
)
THREE_D = re.compile(r"3 ?d|תלת ?(?:מימד|ממד)")
TWO_D = re.compile(r"2 ?d|דו ?(?:מימד|ממד)")
_FEATURES = tuple((name, re.compile(pattern)) for name, pattern in TECH_FEATURES)
_TECH_WORDS = re.compile("|".join([THREE_D.pattern, TWO_D.pattern, *(p for _, p in TECH_FEATURES)]))


@lru_cache(maxsize=1024)
def map_tech(*texts: str) -> str:
    """ "2D"/"3D" plus any features, read from every text given (type, tech, title marker)."""
    joined = " ".join(fold(text) for text in texts if text)
    joined = re.sub(r"([23])d(?=[a-z])", r"\1d ", joined)  # "2dscreenx" → "2d screenx"
    dimension = "3D" if THREE_D.search(joined) else "2D"
    features = [name for name, pattern in _FEATURES if pattern.search(joined)]
    return " ".join([dimension, *features])


@lru_cache(maxsize=1024)
def map_type(raw_type: str, raw_tech: str = "") -> tuple[str, bool]:
    """(hall class, recognised?). Technical words are not a hall class ("IMAX2D" → Regular)."""

    def hall(text: str) -> str:
        text = re.sub(r"([23])d(?=[a-z])", r"\1d ", fold(text))
        return " ".join(_TECH_WORDS.sub(" ", text).split())

    for text in (raw_type, raw_tech):
        remainder = hall(text)
        if remainder and remainder in TYPE_ALIASES:
            return TYPE_ALIASES[remainder], True
    remainder = hall(raw_type)
    if not remainder:
        return "Regular", True
    return (raw_type or "").strip(), False
