"""Comparison keys for cleaned titles: what two spellings of one film have in common.

English: accents folded, case and punctuation ignored, "&" read as "and", a leading article and a
trailing "the movie" dropped, roman numerals read as numbers. The compact form also drops spaces and
the words that chains add or omit at will ("Spider-Man"/"Spiderman", "Masha & the Bear"/"Masha the
Bear"). Hebrew: niqqud, geresh, gershayim and punctuation ignored, final letters folded, the word
"הסרט" ("the movie") dropped; its skeleton also drops the vowel letters ו and י, whose use varies
between chains ("מיניונים"/"מיניונים", "גריז"/"גרייז").
"""

from __future__ import annotations

import re
import unicodedata

from dataflows.titles.script import has_hebrew, has_latin

ARTICLES = ("the", "a", "an")
OPTIONAL_WORDS = frozenset({"the", "a", "an", "and", "of"})
ROMAN = {"ii": "2", "iii": "3", "iv": "4", "vi": "6", "vii": "7", "viii": "8", "ix": "9"}
# Spellings that differ between chains for the same word (British/American, short forms).
WORD_VARIANTS = {
    "ok": "okay",
    "versus": "vs",
    "colour": "color",
    "colours": "colors",
    "grey": "gray",
    "theatre": "theater",
    "centre": "center",
    "honour": "honor",
    "favourite": "favorite",
    "neighbour": "neighbor",
    "mr": "mister",
    "mrs": "missus",
    "st": "saint",
    "vol": "volume",
    "pt": "part",
    "xmas": "christmas",
}
# "Part Two" / "Part 2" / "Part II": number words count as numbers after these words only.
PART_WORDS = frozenset({"part", "chapter", "volume", "episode", "book"})
NUMBER_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "first": "1",
    "second": "2",
    "third": "3",
    "fourth": "4",
    "fifth": "5",
}
# Hebrew "חלק ב" / "חלק שני" (part two): letter numerals and ordinals after "חלק" or "פרק".
PART_WORDS_HE = frozenset({"חלק", "פרק"})
NUMBER_WORDS_HE = {
    "א": "1",
    "ב": "2",
    "ג": "3",
    "ד": "4",
    "ה": "5",
    "ראשונ": "1",
    "שני": "2",
    "שלישי": "3",
    "רביעי": "4",
    "חמישי": "5",
    "אחד": "1",
    "שתיימ": "2",
    "שלוש": "3",
    "ארבע": "4",
}
MOVIE_WORD_HE = "הסרט"
FINAL_LETTERS = str.maketrans("ךםןףץ", "כמנפצ")
HEBREW_VOWEL_LETTERS = str.maketrans("", "", "וי")
YEAR_RANGE = (1895, 2039)

_APOSTROPHES = re.compile(r"['’‘`´]")
_NON_WORD = re.compile(r"[^0-9a-z\u05d0-\u05ea]+")
_NIQQUD = re.compile(r"[\u0591-\u05c7]")
_HEBREW_QUOTES = re.compile(r"[\"'׳״`’‘”“]")
_DIGITS = re.compile(r"\d+")


def fold_latin(text: str) -> str:
    """Lower-case ASCII letters and digits, words separated by single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text.lower()).replace("&", " and ")
    return " ".join(_NON_WORD.sub(" ", text).split())


def english_tokens(title: str) -> tuple[str, ...]:
    """Folded words of a Latin title, without a leading article or a trailing "the movie"."""
    if not has_latin(title) or has_hebrew(title):
        return ()
    words = [WORD_VARIANTS.get(word, word) for word in fold_latin(title).split()]
    words = _part_numbers([ROMAN.get(word, word) for word in words], PART_WORDS, NUMBER_WORDS)
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    if len(words) > 2 and words[-2:] == ["the", "movie"]:
        words = words[:-2]
    return tuple(words)


def compact(tokens: tuple[str, ...]) -> str:
    """Tokens without optional words or spaces; the whole title when it is nothing but optional words."""
    kept = [word for word in tokens if word not in OPTIONAL_WORDS]
    return "".join(kept or tokens)


def hebrew_tokens(title: str) -> tuple[str, ...]:
    """Folded words of a Hebrew title, without "הסרט"."""
    if not has_hebrew(title):
        return ()
    text = _HEBREW_QUOTES.sub("", _NIQQUD.sub("", title)).translate(FINAL_LETTERS).lower()
    words = _part_numbers(_NON_WORD.sub(" ", text).split(), PART_WORDS_HE, NUMBER_WORDS_HE)
    kept = [word for word in words if word != MOVIE_WORD_HE]
    return tuple(kept or words)


def _part_numbers(words: list[str], part_words: frozenset[str], number_words: dict[str, str]) -> list[str]:
    return [
        number_words.get(word, word) if index and words[index - 1] in part_words else word
        for index, word in enumerate(words)
    ]


def skeleton(hebrew_compact: str) -> str:
    return hebrew_compact.translate(HEBREW_VOWEL_LETTERS)


def numbers(*token_lists: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """(sequel numbers, years) written in the titles: "Toy Story 5" → ({5}, {}); "Superman 1978" → ({}, {1978})."""
    sequel: set[str] = set()
    years: set[str] = set()
    for tokens in token_lists:
        for token in tokens:
            for digits in _DIGITS.findall(token):
                value = str(int(digits))
                (years if YEAR_RANGE[0] <= int(digits) <= YEAR_RANGE[1] else sequel).add(value)
    return frozenset(sequel), frozenset(years)


def without_years(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The title without a year token ("superman 1978" → "superman"), unless that leaves nothing."""
    kept = tuple(t for t in tokens if not (t.isdigit() and YEAR_RANGE[0] <= int(t) <= YEAR_RANGE[1]))
    return kept or tokens
