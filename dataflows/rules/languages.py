"""Languages: codes, English, Hebrew and Russian words → one English vocabulary.

Seen in real rows (ORIGINAL §1.4, §5.4): "EN", "HEB", "GER, EN", "ES", "SV", "NO", "CHI", "IT",
Hebrew "ספרדית", "איטלקית", "שבדית", "נורבגית"/"נורווגית", "רוסית", Russian "английский",
and "יעודכן בקרוב" ("to be updated soon") meaning unknown.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dataflows.rules.text import fold, fold_table

LANGUAGES = (
    "Arabic", "Chinese", "Czech", "Danish", "Dutch", "English", "Finnish", "French", "German", "Greek",
    "Hebrew", "Hindi", "Hungarian", "Icelandic", "Italian", "Japanese", "Korean", "Norwegian", "Persian",
    "Polish", "Portuguese", "Romanian", "Russian", "Spanish", "Swedish", "Thai", "Turkish", "Ukrainian",
    "Yiddish",
)  # fmt: skip

LANGUAGE_ALIASES = fold_table(
    {
        # codes: ISO 639-1, ISO 639-2 and the sites' own
        "EN": "English", "ENG": "English", "HE": "Hebrew", "HEB": "Hebrew", "IW": "Hebrew",
        "FR": "French", "FRE": "French", "FRA": "French", "DE": "German", "GER": "German", "DEU": "German",
        "ES": "Spanish", "SPA": "Spanish", "IT": "Italian", "ITA": "Italian", "RU": "Russian", "RUS": "Russian",
        "JA": "Japanese", "JAP": "Japanese", "JPN": "Japanese", "KO": "Korean", "KOR": "Korean",
        "CZ": "Czech", "CS": "Czech", "CZE": "Czech", "CES": "Czech", "DA": "Danish", "DAN": "Danish",
        "SV": "Swedish", "SWE": "Swedish", "NO": "Norwegian", "NOR": "Norwegian", "NB": "Norwegian",
        "ZH": "Chinese", "CHI": "Chinese", "ZHO": "Chinese", "HI": "Hindi", "HIN": "Hindi",
        "AR": "Arabic", "ARA": "Arabic", "PL": "Polish", "POL": "Polish", "PT": "Portuguese", "POR": "Portuguese",
        "NL": "Dutch", "DUT": "Dutch", "NLD": "Dutch", "TR": "Turkish", "TUR": "Turkish",
        "FA": "Persian", "PER": "Persian", "FAS": "Persian", "EL": "Greek", "GRE": "Greek", "ELL": "Greek",
        "HU": "Hungarian", "HUN": "Hungarian", "RO": "Romanian", "RUM": "Romanian", "RON": "Romanian",
        "FI": "Finnish", "FIN": "Finnish", "IS": "Icelandic", "ICE": "Icelandic", "ISL": "Icelandic",
        "UK": "Ukrainian", "UKR": "Ukrainian", "TH": "Thai", "THA": "Thai", "YI": "Yiddish", "YID": "Yiddish",
        # Hebrew words
        "אנגלית": "English", "עברית": "Hebrew", "צרפתית": "French", "גרמנית": "German", "ספרדית": "Spanish",
        "איטלקית": "Italian", "רוסית": "Russian", "יפנית": "Japanese", "קוריאנית": "Korean", "צ'כית": "Czech",
        "דנית": "Danish", "שבדית": "Swedish", "שוודית": "Swedish", "נורבגית": "Norwegian", "נורווגית": "Norwegian",
        "סינית": "Chinese", "מנדרינית": "Chinese", "הינדי": "Hindi", "הינדית": "Hindi", "ערבית": "Arabic",
        "פולנית": "Polish", "פורטוגזית": "Portuguese", "הולנדית": "Dutch", "טורקית": "Turkish", "פרסית": "Persian",
        "יוונית": "Greek", "הונגרית": "Hungarian", "רומנית": "Romanian", "פינית": "Finnish",
        "איסלנדית": "Icelandic", "אוקראינית": "Ukrainian", "תאית": "Thai", "יידיש": "Yiddish",
        # Russian words
        "английский": "English", "иврит": "Hebrew", "французский": "French", "немецкий": "German",
        "испанский": "Spanish", "итальянский": "Italian", "русский": "Russian", "японский": "Japanese",
        "корейский": "Korean", "китайский": "Chinese", "арабский": "Arabic", "польский": "Polish",
        # the vocabulary itself, any case
        **{name: name for name in LANGUAGES},
        "Mandarin": "Chinese", "Cantonese": "Chinese", "Farsi": "Persian",
    }
)  # fmt: skip

# Values that mean "not known yet": they become empty, never an "unknown language" flag.
LANGUAGE_UNKNOWN = frozenset(fold(v) for v in ("יעודכן בקרוב", "to be updated", "unknown", "other", "אחר", "-", "n/a"))

_SPLIT = re.compile(r"\s*(?:[,/+&]|\band\b|\bи\b)\s*")


@lru_cache(maxsize=4096)
def map_language(raw: str) -> tuple[str, bool]:
    """(canonical name(s) joined by ", ", recognised?). Unknown parts are kept as written."""
    text = (raw or "").strip()
    if not text or fold(text) in LANGUAGE_UNKNOWN:
        return "", True
    names: list[str] = []
    known = True
    for part in _SPLIT.split(text):
        if not part.strip():
            continue
        name = LANGUAGE_ALIASES.get(fold(part))
        if name is None:
            known = False
            name = part.strip()
        if name not in names:
            names.append(name)
    return ", ".join(names), known
