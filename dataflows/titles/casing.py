"""Display casing for titles a chain wrote in ALL CAPS ("THE WOMAN WHO DIDN'T KNOW HOW TO LOVE")."""

from __future__ import annotations

import re

SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "the",
        "to",
        "vs",
        "via",
        "with",
        "de",
        "du",
        "des",
        "et",
    ]
)
_BOUNDARY_WORDS = frozenset({"-", "–", "—", "|", "/"})
_ELISION = re.compile(r"^[LDld]'")
_ROMAN = re.compile(r"^(?=[MDCLXVI]{2,}$)M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$")
_WORD = re.compile(r"\S+")
_LETTERS = re.compile(r"[^\W\d_]")


def is_shouting(text: str) -> bool:
    """Most words with two or more Latin letters are upper case ("MASHA and THE BEAR" counts)."""
    words = [w for w in _WORD.findall(text) if len(re.findall(r"[A-Za-z\u00c0-\u024f]", w)) >= 2]
    if not words or sum(len(_LETTERS.findall(w)) for w in words) < 4:
        return False
    loud = sum(1 for w in words if w.upper() == w)
    return loud * 4 >= len(words) * 3


def title_case(text: str) -> str:
    """Title-case an ALL CAPS title; roman numerals, codes with digits and short lone acronyms stay."""
    words = _WORD.findall(text)
    out = []
    for index, word in enumerate(words):
        first = index == 0 or out[-1].endswith(":") or out[-1] in _BOUNDARY_WORDS
        out.append(_word_case(word, small_ok=not first))
    return " ".join(out)


def _word_case(word: str, small_ok: bool) -> str:
    core = word.strip("()[]\"'“”‘’!?.,:;")
    if _ROMAN.match(core) or any(ch.isdigit() for ch in core):
        return word
    if small_ok and core.lower() in SMALL_WORDS:
        return word.lower()
    result = []
    capital_next = True
    if _ELISION.match(word) and len(word) > 2:
        return word[0].upper() + "'" + _word_case(word[2:], small_ok=False)
    for ch in word:
        result.append(ch.upper() if capital_next else ch.lower())
        if ch.isalpha():
            capital_next = False
        elif ch in '-./("“·':
            capital_next = True
    return "".join(result)


def display_case(text: str) -> str:
    return title_case(text) if is_shouting(text) else text
