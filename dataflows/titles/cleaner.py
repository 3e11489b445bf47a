"""Turn one scraped (English, Hebrew) title pair into display titles plus the facts hidden in them.

The steps only interpret the tables in `rules.py`: put each script in its column (Hebrew found in the
English column, Latin in the Hebrew one, Cyrillic anywhere), recognise events, take version markers
out into fields, peel decorations, tidy punctuation and casing. Nothing here knows a film title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from dataflows.titles import rules
from dataflows.titles.casing import display_case
from dataflows.titles.script import has_cyrillic, has_hebrew, has_latin, mostly_hebrew, tidy

_FLAGS = re.IGNORECASE
_SEGMENT_SPLIT = re.compile(r"\s+[-–—|]\s+")
_PUNCTUATION = " -–—:.,;|()[]!?'\"״׳"
_ARABIC_RUN = re.compile(r"[\u0600-\u06ff][\u0600-\u06ff\s\d]*")
TECH_ORDER = ("3D", "HFR")


@dataclass(frozen=True)
class CleanTitle:
    """Display-ready titles of one scraped pair, and what the cleaning took out of them."""

    english: str
    hebrew: str
    dub_language: str = ""
    tech_marker: str = ""
    language_marker: str = ""
    is_event: bool = False
    notes: tuple[str, ...] = ()
    subtitle_language: str = ""
    title_year: str = ""
    hebrew_alias: str = ""  # a different Hebrew title the chain put in its English column


@dataclass
class _Work:
    """Mutable state of one cleaning pass."""

    english: str
    hebrew: str
    fields: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    techs: set[str] = field(default_factory=set)

    def note(self, name: str) -> None:
        if name not in self.notes:
            self.notes.append(name)

    def text(self, where: str) -> tuple[str, ...]:
        return _FIELDS[where]


_FIELDS = {rules.HE: ("hebrew",), rules.EN: ("english",), rules.BOTH: ("english", "hebrew")}


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


def clean_title(english_raw: str, hebrew_raw: str, cinema: str = "") -> CleanTitle:
    """Clean one title pair. `cinema` is accepted for chain-specific tables; the rules are generic
    today, so results are shared between cinemas (one film's pair recurs at every chain)."""
    return _clean(english_raw or "", hebrew_raw or "")


@lru_cache(maxsize=65536)
def _clean(english_raw: str, hebrew_raw: str) -> CleanTitle:
    work = _Work(tidy(english_raw), tidy(hebrew_raw))
    is_event = _detect_event(work)
    _apply_decorations(work)
    _apply_markers(work)
    _sort_scripts(work)
    _apply_markers(work)
    _apply_decorations(work)
    _finish(work)
    tech = " ".join(name for name in TECH_ORDER if name in work.techs)
    return CleanTitle(
        english=work.english,
        hebrew=work.hebrew,
        dub_language=work.fields.get("dub_language", ""),
        tech_marker=tech,
        language_marker=work.fields.get("language_marker", ""),
        is_event=is_event,
        notes=tuple(work.notes),
        subtitle_language=work.fields.get("subtitle_language", ""),
        title_year=work.fields.get("title_year", ""),
        hebrew_alias=work.fields.get("hebrew_alias", ""),
    )


def clear_cache() -> None:
    """Forget cached results (benchmarks time a cold start)."""
    _clean.cache_clear()


def _sort_scripts(work: _Work) -> None:
    """Hebrew belongs in `hebrew`, Latin in `english`; Cyrillic or Arabic marks another language's version."""
    for name in ("hebrew", "english"):
        text = getattr(work, name)
        arabic = _ARABIC_RUN.sub(" ", text)
        if arabic != text:
            setattr(work, name, tidy(arabic) or text)
            work.note("arabic_text")
    if has_cyrillic(work.hebrew):
        parts = _SEGMENT_SPLIT.split(work.hebrew)
        kept = [part for part in parts if not has_cyrillic(part)]
        if not kept and not work.english:
            work.english = work.hebrew  # a Russian version's only title
        work.hebrew = " - ".join(kept)
        work.fields.setdefault("language_marker", "Russian")
        work.note("cyrillic_in_hebrew")
    if has_cyrillic(work.english):
        work.fields.setdefault("language_marker", "Russian")
        work.note("cyrillic_title")
    if has_hebrew(work.english):
        parts = _SEGMENT_SPLIT.split(work.english)
        latin = [p for p in parts if has_latin(p) and not has_hebrew(p)]
        hebrew = [p for p in parts if has_hebrew(p)]
        if latin and hebrew and not mostly_hebrew(latin[0] + " " + hebrew[0]) and len(latin[0]) > 2:
            work.english = latin[0]
            work.hebrew = work.hebrew or hebrew[0]
            work.note("split_mixed_english")
        elif mostly_hebrew(work.english):
            if work.hebrew and work.hebrew != work.english:
                work.fields.setdefault("hebrew_alias", work.english)
            work.hebrew = work.hebrew or work.english
            work.english = ""
            work.note("hebrew_in_english")
    if work.hebrew and not has_hebrew(work.hebrew) and has_latin(work.hebrew):
        work.english = work.english or work.hebrew
        work.hebrew = ""
        work.note("latin_in_hebrew")


def _detect_event(work: _Work) -> bool:
    """An event unless it screens a named film ("… + הקרנת הסרט "X"" is film X)."""
    for name in ("hebrew", "english"):
        match = _compiled(rules.FILM_IN_EVENT).search(getattr(work, name))
        if match:
            setattr(work, name, tidy(match.group(1)))
            work.note("film_in_event")
            return False
    found = False
    for cue in rules.EVENT_CUES:
        if any(_compiled(cue.pattern).search(text) for text in (work.english, work.hebrew) if text):
            work.note(cue.note)
            found = True
    return found


@cache
def _any_of(kind: str, name: str) -> re.Pattern[str]:
    """One alternation of every marker or decoration pattern that applies to a field: a fast first check."""
    table = rules.MARKERS if kind == "marker" else rules.DECORATIONS
    return _compiled("|".join(f"(?:{rule.pattern})" for rule in table if name in _FIELDS[rule.where]))


def _apply_markers(work: _Work) -> None:
    if not any(_any_of("marker", name).search(getattr(work, name)) for name in ("english", "hebrew")):
        return
    for marker in rules.MARKERS:
        if marker.requires and not work.fields.get(marker.requires):
            continue
        for name in work.text(marker.where):
            text = getattr(work, name)
            if not text:
                continue
            cleaned, count = _compiled(marker.pattern).subn(" ", text)
            if not count or not tidy(cleaned).strip(_PUNCTUATION):
                continue  # a title that is nothing but a marker stays as it is
            setattr(work, name, tidy(cleaned))
            work.note(marker.note)
            if marker.field == "tech_marker":
                if marker.value:
                    work.techs.add(marker.value)
            elif marker.value:
                work.fields.setdefault(marker.field, marker.value)


def _apply_decorations(work: _Work) -> None:
    """Peel decorations until none applies (a title can carry a prefix and a suffix)."""
    for _ in range(4):
        if not any(_any_of("decoration", name).search(getattr(work, name)) for name in ("english", "hebrew")):
            return
        changed = False
        for decoration in rules.DECORATIONS:
            for name in work.text(decoration.where):
                text = getattr(work, name)
                if not text:
                    continue
                cleaned, count = _compiled(decoration.pattern).subn("", text)
                cleaned = tidy(cleaned) if count else text
                if cleaned != text and cleaned:
                    setattr(work, name, cleaned)
                    work.note(decoration.note)
                    changed = True
        if not changed:
            return


def _finish(work: _Work) -> None:
    for name in ("english", "hebrew"):
        text = getattr(work, name)
        for pattern in rules.TITLE_YEAR:
            match = _compiled(pattern).search(text)
            if match and match.start() > 0:
                work.fields.setdefault("title_year", match.group(1))
                text = text[: match.start()]
                work.note("title_year")
        text = _tidy_edges(text, work)
        setattr(work, name, text)
    if work.english:
        cased = display_case(work.english)
        if cased != work.english:
            work.note("all_caps")
            work.english = cased


def _tidy_edges(text: str, work: _Work) -> str:
    """Trailing cut marks, RTL-moved leading punctuation, a title wholly in parentheses."""
    before = text
    rtl = _compiled(rules.LEADING_RTL_PUNCTUATION).match(text)
    if rtl:
        text = text[rtl.end() :] + rtl.group(1)
    if len(text) > 2 and text[0] == "(" and text[-1] == ")" and "(" not in text[1:-1]:
        text = text[1:-1]
    for pattern in rules.TRAILING_JUNK:
        text = _compiled(pattern).sub("", text)
    text = tidy(text)
    if text != before:
        work.note("punctuation")
    return text or before
