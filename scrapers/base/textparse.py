"""Reading values out of free page text, written once: scripts, two-language titles, subtitle notes,
runtimes ("1h 38m", "98 דקות"), years, and ticket links that must look real.

Sites print these in prose ("1h 38m | Wong Kar-wai, Hong Kong, 2000"); the old scrapers parsed them
per site and got them wrong (runtime always 0, a year stored as the director). Here each rule lives once.
"""

from __future__ import annotations

import re

from scrapers.base.normalise import clean_text

LATIN = re.compile(r"[A-Za-z]")
HEBREW = re.compile(r"[\u0590-\u05ff]")
YEAR = re.compile(r"\b(?:18|19|20)\d{2}\b")
# "(Hebrew subs)", " - Eng, Heb subs", "– English & Hebrew subtitles", "(כתוביות בעברית)" at the end of a title
SUBTITLE_NOTE = re.compile(
    r"\s*[-–|]?\s*\(?\s*(?:(?:eng(?:lish)?|heb(?:rew)?|arabic|french)\s*[,&/+]?\s*(?:and\s+)?)+"
    r"(?:subs|subtitles)\s*\)?\s*$"
    r"|\s*[-–|]?\s*\(?\s*כתוביות[^()]*\)?\s*$",
    re.I,
)
RUNTIME_HM = re.compile(r"\b(\d{1,2})\s*h(?:ours?|rs?)?\b(?:\s*(\d{1,2})\s*m(?:in(?:utes?)?)?\b)?", re.I)
RUNTIME_MINUTES = re.compile(r"\b(\d{2,3})\s*(?:min(?:utes?|s)?\.?|דקות|דק['׳’]?)(?=\s|$|[,.|)])", re.I)
RUNTIME_ONLY_M = re.compile(r"^\s*(\d{2,3})\s*m\b", re.I)


def has_latin(text: str) -> bool:
    return bool(LATIN.search(text or ""))


def has_hebrew(text: str) -> bool:
    return bool(HEBREW.search(text or ""))


def split_bilingual(text: str, separator: str = "|") -> tuple[str, str]:
    """'Hebrew | English' (or reversed, or 'Hebrew | note | English') → (hebrew, english).

    The first and last parts are the titles; which is which is decided by their scripts, not by
    position, so a reversed title is swapped. One part only: it goes where its script says.
    """
    parts = [clean_text(p) for p in (text or "").split(separator) if clean_text(p)]
    if not parts:
        return "", ""
    if len(parts) == 1:
        only = parts[0]
        return (only, "") if has_hebrew(only) or not has_latin(only) else ("", only)
    first, last = parts[0], parts[-1]
    if has_hebrew(last) and not has_hebrew(first):
        first, last = last, first
    return first, last


def strip_subtitle_note(title: str) -> str:
    """'La Haine (Hebrew subs)' → 'La Haine'; '… - Eng, Heb subs' → '…' (notes about subtitles, not the title)."""
    text = clean_text(title)
    while True:
        stripped = SUBTITLE_NOTE.sub("", text).strip()
        if stripped == text or not stripped:
            return text
        text = stripped


def strip_patterns(text: str, patterns: tuple[re.Pattern[str], ...]) -> str:
    """Remove every match of a site's decoration patterns (suffixes like '(ללא תשלום למנויים)')."""
    for pattern in patterns:
        text = pattern.sub("", text)
    return clean_text(text).rstrip("-–: ").strip()


def parse_runtime(text: str) -> str:
    """Minutes as digits from '1h 38m', '2h', '98 min', '98 דקות', '83 דק׳'; '' when absent or zero.

    Zero or missing is never stored as a runtime (the old Jaffa scraper stored 0 for every film).
    """
    text = clean_text(text)
    match = RUNTIME_HM.search(text)
    if match:
        minutes = int(match.group(1)) * 60 + int(match.group(2) or 0)
    else:
        match = RUNTIME_MINUTES.search(text) or RUNTIME_ONLY_M.search(text)
        minutes = int(match.group(1)) if match else 0
    return str(minutes) if 0 < minutes < 1000 else ""


def first_year(text: str) -> str:
    """The first plausible 4-digit year (1800–2099) in the text, else ''."""
    match = YEAR.search(text or "")
    return match.group(0) if match else ""


def checked_link(href: str, pattern: str | re.Pattern[str]) -> str:
    """The link when it matches the site's ticket-link pattern, else '' (never store '…-None' links)."""
    href = (href or "").strip()
    if not href or href.lower().endswith(("none", "undefined", "null")):
        return ""
    return href if re.search(pattern, href) else ""
