"""The Movies view: films now playing (with published showtimes), searchable in English and Hebrew.

A film is found by any of its titles: the canonical English and Hebrew ones and every title
variant a chain or cinematheque used for it (so "OPPENHEIMER IMAX" or a Hebrew-only listing finds it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from dataflows.exports import MOVIE_COLUMNS
from dataflows.views.search import SearchableRecords, search_key


@dataclass(frozen=True, slots=True)
class Playing:
    """Where and when a film plays: distinct cinemas (chain + city) and its next screening ("" if none ahead)."""

    venues: int = 0
    next_showing: str = ""  # "YYYY-MM-DD HH:MM"


def title_order(english: str, hebrew: str) -> str:
    """Alphabetical by English title; films known only in Hebrew after them, by Hebrew title."""
    return search_key(english) or "\uffff" + search_key(hebrew)


class MovieView(SearchableRecords):
    columns = [*MOVIE_COLUMNS, "venues", "next_showing"]

    def __init__(
        self,
        rows: Iterable[dict[str, Any]],
        playing: Mapping[int, Playing],
        other_titles: Mapping[int, Iterable[str]],
    ) -> None:
        records = []
        for row in rows:
            if not row.get("showtimes"):
                continue  # coming soon only: not playing now
            where = playing.get(row["movie_id"], Playing())
            records.append({**row, "venues": where.venues, "next_showing": where.next_showing})
        records.sort(key=lambda r: (title_order(r["english_title"], r["hebrew_title"]), r["movie_id"]))
        keys = [
            search_key(r["english_title"], r["hebrew_title"], *other_titles.get(r["movie_id"], ())) for r in records
        ]
        super().__init__(records, keys)
