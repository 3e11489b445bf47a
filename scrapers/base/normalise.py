"""Value normalisation as data: every chain's raw values map to one vocabulary here.

Each table maps a raw value (compared case-insensitively, spaces squeezed) to its canonical form.
Canonical values map to themselves, so normalising is idempotent: the round-trip tests compare a
scrape with `normalise_row(source row)`. Unknown values pass through unchanged (and stay visible).
Chain-specific branch→city maps live in the site modules and are passed in; only spellings shared by
every chain are here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from app.core.models import RAW_VALUE_COLUMNS

LANGUAGES: dict[str, str] = {
    # codes seen on the chains' pages
    "EN": "English", "ENG": "English", "HE": "Hebrew", "HEB": "Hebrew", "FR": "French", "FRE": "French",
    "ES": "Spanish", "SPA": "Spanish", "SV": "Swedish", "SWE": "Swedish", "NO": "Norwegian", "NOR": "Norwegian",
    "DE": "German", "GER": "German", "IT": "Italian", "ITA": "Italian", "RU": "Russian", "RUS": "Russian",
    "JA": "Japanese", "JPN": "Japanese", "KO": "Korean", "KOR": "Korean", "CHI": "Chinese", "ZH": "Chinese",
    "AR": "Arabic", "ARA": "Arabic", "DA": "Danish", "NL": "Dutch", "PL": "Polish", "PT": "Portuguese",
    "HI": "Hindi", "TR": "Turkish", "FI": "Finnish", "GR": "Greek", "EL": "Greek", "CS": "Czech",
    # Hebrew and Russian words
    "אנגלית": "English", "עברית": "Hebrew", "צרפתית": "French", "ספרדית": "Spanish", "שבדית": "Swedish",
    "נורבגית": "Norwegian", "נורווגית": "Norwegian", "גרמנית": "German", "איטלקית": "Italian", "רוסית": "Russian",
    "יפנית": "Japanese", "קוריאנית": "Korean", "סינית": "Chinese", "ערבית": "Arabic", "דנית": "Danish",
    "английский": "English", "иврит": "Hebrew", "французский": "French", "русский": "Russian",
}
# canonical names map to themselves (idempotence)
LANGUAGES.update({name.upper(): name for name in set(LANGUAGES.values())})

RATINGS: dict[str, str] = {
    "ALL": "All", "ALL AGES": "All", "הותר לכל הגילאים": "All", "לכל הגילאים": "All", "כל הגילאים": "All",
    "Нет возрастных ограничений": "All", "Возраст: הותר לכל הגילאים": "All", "G": "All", "0+": "All",
    "הגבלת גיל: הותר לכל הגילאים": "All",  # Hot Cinema prints the label with the value
}
# "הותר מגיל 12", "12", "+12", "12+", "גיל 16 ומעלה", "הגבלת גיל: הותר מגיל 9" → "12+" / "16+" / "9+"
RATING_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\+?(\d{1,2})\+?$"), r"\1+"),
    (re.compile(r"^(?:הגבלת גיל:\s*)?הותר מגיל (\d{1,2})$"), r"\1+"),
    (re.compile(r"^גיל (\d{1,2}) ומעלה$"), r"\1+"),
)

# Hall class and projection: the chains' own words → Regular/VIP/… and 2D/3D/"2D IMAX"/….
SCREENING_TYPES: dict[str, str] = {
    "": "Regular", "REGULAR": "Regular", "רגיל": "Regular", "VIP": "VIP", "VIP LIGHT": "VIP Light",
    "VIP BUSINESS": "VIP Business", "PRIME": "Prime", "LOUNGE": "Lounge", "PREMIUM": "Premium",
    "NOT JUST CINEMA": "Not Just Cinema", "לא רק קולנוע": "Not Just Cinema", "UPGRADE": "Upgrade",
}
SCREENING_TECHS: dict[str, str] = {
    "": "2D", "2D": "2D", "3D": "3D", "תלת מימד": "3D", "תלת-ממד": "3D", "HFR": "2D HFR", "3D HFR": "3D HFR",
    "2D HFR": "2D HFR", "IMAX": "2D IMAX", "IMAX 2D": "2D IMAX", "2D IMAX": "2D IMAX", "IMAX 3D": "3D IMAX",
    "3D IMAX": "3D IMAX", "4DX": "2D 4DX", "4DX 2D": "2D 4DX", "2D 4DX": "2D 4DX", "4DX 3D": "3D 4DX",
    "3D 4DX": "3D 4DX", "SCREENX": "2D ScreenX", "SCREENX 2D": "2D ScreenX", "2D SCREENX": "2D ScreenX",
    "SCREENX 3D": "3D ScreenX", "3D SCREENX": "3D ScreenX", "ATMOS": "2D Atmos", "2D ATMOS": "2D Atmos",
    "ONYX": "2D ONYX", "2D ONYX": "2D ONYX",
}
DUB_LANGUAGES: dict[str, str] = {
    "DUB": "Hebrew", "DUBBED": "Hebrew", "מדובב": "Hebrew", "דיבוב": "Hebrew", "דיבוב עברי": "Hebrew",
    "HEBREW": "Hebrew", "FRENCH": "French", "מדובב לצרפתית": "French",
}
# Spellings of one city that different chains use.
CITIES: dict[str, str] = {
    "GIVATAIM": "Givatayim", "גבעתיים": "Givatayim", "TEL-AVIV": "Tel Aviv", "TLV": "Tel Aviv", "תל אביב": "Tel Aviv",
    "ירושלים": "Jerusalem", "חיפה": "Haifa", "BEERSHEVA": "Beer Sheva", "BEER-SHEVA": "Beer Sheva",
    "באר שבע": "Beer Sheva", "RISHON LEZION": "Rishon Letzion", "RISHON LE ZION": "Rishon Letzion",
}


def _key(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip().upper()


def _lookup(table: Mapping[str, str], value: str) -> str | None:
    key = _key(value)
    if key in table:
        return table[key]
    # tables may hold mixed-case keys (Hebrew/Russian have no case; Cyrillic does)
    for raw, canonical in table.items():
        if _key(raw) == key:
            return canonical
    return None


def normalise_language(value: str) -> str:
    """'EN' → 'English', 'GER, EN' → 'German, English', 'איטלקית' → 'Italian'; unknown kept."""
    value = (value or "").strip()
    if not value:
        return ""
    parts = [p.strip() for p in re.split(r"\s*[,/]\s*", value) if p.strip()]
    return ", ".join(_lookup(LANGUAGES, part) or part for part in parts)


def normalise_rating(value: str) -> str:
    value = re.sub(r"\s+", " ", (value or "")).strip()
    if not value:
        return ""
    mapped = _lookup(RATINGS, value)
    if mapped:
        return mapped
    for pattern, template in RATING_PATTERNS:
        if pattern.match(value):
            rating = pattern.sub(template, value)
            return "All" if rating in ("0+",) else rating
    return value


def normalise_type(value: str) -> str:
    return _lookup(SCREENING_TYPES, value or "") or value.strip()


def normalise_tech(value: str) -> str:
    return _lookup(SCREENING_TECHS, value or "") or value.strip()


def normalise_dub(value: str) -> str:
    value = (value or "").strip()
    return (_lookup(DUB_LANGUAGES, value) or value) if value else ""


def normalise_city(value: str, branches: Mapping[str, str] | None = None) -> str:
    """A branch name or city spelling → the canonical city; chain branch tables come first."""
    value = re.sub(r"\s+", " ", (value or "")).strip()
    if not value:
        return ""
    return (_lookup(branches, value) if branches else None) or _lookup(CITIES, value) or value


def normalise_showtime(value: str) -> str:
    """'9:30' → '09:30' (the schema says HH:MM; TLV printed H:MM)."""
    value = (value or "").strip()
    match = re.fullmatch(r"(\d{1,2})[:.](\d{2})", value)
    return f"{int(match.group(1)):02d}:{match.group(2)}" if match else value


def normalise_number(value: str) -> str:
    """Runtime/year as plain digits ('140 min' → '140'); anything without digits → ''."""
    match = re.search(r"\d+", value or "")
    return match.group(0) if match else ""


def clean_text(value: str | None) -> str:
    """Squeeze whitespace (non-breaking spaces, newlines) and strip."""
    return re.sub(r"\s+", " ", (value or "").replace("\u200f", "").replace("\u200e", "")).strip()


@dataclass(frozen=True)
class TitleMarkers:
    """A title with its dubbing/3D/HFR markers taken out into fields."""

    title: str
    dub_language: str = ""
    tech: str = ""


# (pattern, field, value): the markers chains put into titles.
TITLE_MARKERS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"\s*[-–(]?\s*(?:מדובב(?:ת)?\s*לעברית|מדובב(?:ת)?|דיבוב(?: עברי)?)\s*\)?"), "dub_language", "Hebrew"),
    (re.compile(r"\s*[-–(]?\s*(?:dubbed|dubbded|dub)\b\s*\)?", re.I), "dub_language", "Hebrew"),
    (re.compile(r"\s*[-–(]?\s*(?:תלת[- ]מימד|תלת[- ]ממד|\b3D\b)\s*\)?", re.I), "tech", "3D"),
    (re.compile(r"\s*[-–(]?\s*\bHFR\b\s*\)?", re.I), "tech", "HFR"),
    (re.compile(r"\s*[-–]?\s*אנגלית\s*$"), "", ""),
)


def split_title_markers(title: str) -> TitleMarkers:
    """'Avatar 3D HFR (מדובב)' → TitleMarkers('Avatar', 'Hebrew', '3D HFR')."""
    found: dict[str, list[str]] = {"dub_language": [], "tech": []}
    text = title or ""
    for pattern, field_name, value in TITLE_MARKERS:
        if pattern.search(text):
            text = pattern.sub(" ", text)
            if field_name and value not in found[field_name]:
                found[field_name].append(value)
    tech = " ".join(found["tech"])
    return TitleMarkers(clean_text(text).rstrip("-– ").strip(), (found["dub_language"] or [""])[0], tech)


@dataclass(frozen=True)
class Normaliser:
    """Applies the tables to a whole row; sites add their branch→city map."""

    branches: Mapping[str, str] | None = None

    def row(self, row: Mapping[str, str]) -> dict[str, str]:
        out = {column: clean_text(str(row.get(column, "") or "")) for column in RAW_VALUE_COLUMNS}
        out["showtime"] = normalise_showtime(out["showtime"])
        out["original_language"] = normalise_language(out["original_language"])
        out["rating"] = normalise_rating(out["rating"])
        out["dub_language"] = normalise_dub(out["dub_language"])
        out["screening_city"] = normalise_city(out["screening_city"], self.branches)
        if out["showtime"] or out["date_of_showing"]:
            out["screening_type"] = normalise_type(out["screening_type"])
            out["screening_tech"] = normalise_tech(out["screening_tech"])
        return out


def normalise_row(row: Mapping[str, str], branches: Mapping[str, str] | None = None) -> dict[str, str]:
    return Normaliser(branches).row(row)
