"""What we know about a film before asking TMDB: the input of matching, independent of any table."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class FilmFacts:
    """One resolved film (a `movie_id` from film identity) with the evidence scraped for it."""

    movie_id: str
    english_title: str = ""
    hebrew_title: str = ""
    alt_titles: tuple[str, ...] = ()
    year: int | None = None
    director: str = ""
    runtime: int | None = None

    def titles(self) -> list[str]:
        """Every non-empty title, the English one first, without repeats."""
        seen: list[str] = []
        for title in (self.english_title, self.hebrew_title, *self.alt_titles):
            title = (title or "").strip()
            if title and title not in seen:
                seen.append(title)
        return seen

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["alt_titles"] = list(self.alt_titles)
        return data

    def fingerprint(self) -> str:
        """Changes whenever the evidence changes, so a stored decision can tell it is stale."""
        raw = json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]
