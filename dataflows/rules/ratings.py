"""Age ratings → one of All, 9+, 12+, 14+, 16+, 18+ (or empty when not set).

Seen in real rows (ORIGINAL §1.4, §5.4): "הגבלת גיל: הותר מגיל 9", "הגבלת גיל: הותר מגיל 18 בהצגת
תעודה מזהה", "הגבלת גיל: עד גיל 8 בליווי מבוגר", "ליווי מבוגר עד גיל 8", "Нет возрастных ограничений",
"Возраст: הותר לכל הגילאים", "Возраст: טרם נקבע", "No limit", "Allowed for all ages".
"""

from __future__ import annotations

import re
from functools import lru_cache

from dataflows.rules.text import fold, fold_table

RATINGS = ("All", "9+", "12+", "14+", "16+", "18+")
AGE_BUCKETS = (9, 12, 14, 16, 18)  # a stated minimum age rounds UP to the next bucket

# Labels in front of the value ("age limit:", "age:") that carry no information.
RATING_PREFIXES = tuple(fold(p) for p in ("הגבלת גיל:", "Возраст:", "Age limit:", "Age:", "Rating:", "גיל:"))

RATING_EXACT = fold_table(
    {
        "All": "All", "No limit": "All", "Allowed for all ages": "All", "For all ages": "All", "0+": "All",
        "מותר לכל": "All", "הותר לכל": "All", "מותר לכל הגילאים": "All", "הותר לכל הגילאים": "All",
        "לכל הגילאים": "All", "Нет возрастных ограничений": "All", "Без ограничений": "All",
        "עד גיל 8 בליווי מבוגר": "9+", "ליווי מבוגר עד גיל 8": "9+", "בליווי מבוגר עד גיל 8": "9+",
        "Other": "", "אחר": "", "טרם נקבע": "", "יעודכן בקרוב": "", "Not rated": "", "TBA": "",
    }
)  # fmt: skip

# Phrases stating a minimum age; the number picks the bucket.
RATING_PATTERNS = tuple(
    re.compile(pattern)
    for pattern in (
        r"^(\d{1,2}) ?\+?$",
        r"(?:הותר|מותר) (?:מגיל|מעל גיל|לבני) ?(\d{1,2})",
        r"(?:from|ages?|over) (\d{1,2})",
        r"(?:от|с) (\d{1,2})",
        r"(\d{1,2}) ?\+",
    )
)


def age_bucket(age: int) -> str:
    if age <= 3:
        return "All"
    for bucket in AGE_BUCKETS:
        if age <= bucket:
            return f"{bucket}+"
    return "18+"


@lru_cache(maxsize=1024)
def map_rating(raw: str) -> tuple[str, bool]:
    """(rating, recognised?). Unrecognised ratings become empty and are reported."""
    text = fold(raw)
    changed = True
    while changed:
        changed = False
        for prefix in RATING_PREFIXES:
            if text.startswith(prefix + " ") or text == prefix:
                text, changed = text[len(prefix) :].strip(), True
    if not text:
        return "", True
    if text in RATING_EXACT:
        return RATING_EXACT[text], True
    for pattern in RATING_PATTERNS:
        match = pattern.search(text)
        if match:
            return age_bucket(int(match.group(1))), True
    return "", False
