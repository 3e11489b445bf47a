"""Runtimes as minutes, placeholders dropped: a "0" (Hot Cinema, Jaffa) or a chain's default "120"
(MovieLand soon) is not a film's length, so it is stored as unknown ("") rather than as a real value."""

from __future__ import annotations

from scrapers.base.normalise import normalise_number

PLACEHOLDER_RUNTIMES: tuple[str, ...] = ("0",)


def runtime_minutes(text: str | None, placeholders: tuple[str, ...] = PLACEHOLDER_RUNTIMES) -> str:
    """'120 דקות' → '120'; '0 דקות' → ''; no digits → ''."""
    minutes = normalise_number(text or "").lstrip("0") or ("0" if normalise_number(text or "") else "")
    return "" if not minutes or minutes in placeholders else minutes
