"""A TMDB film as matching sees it, read from search results and then from the details response.

Search results give titles and a date in the query's language; details add directors, runtime,
alternative titles and translations (the Hebrew title and overview), which scoring then uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dataflows.titles.script import has_hebrew

IMAGE_BASE = "https://image.tmdb.org/t/p/"


def year_of(date: str | None) -> int | None:
    text = (date or "")[:4]
    return int(text) if text.isdigit() and int(text) > 1800 else None


@dataclass
class Candidate:
    """Everything known about one TMDB id while a film is being matched."""

    tmdb_id: int
    title: str = ""
    original_title: str = ""
    original_language: str = ""
    title_he: str = ""
    release_date: str = ""
    popularity: float = 0.0
    poster_path: str = ""
    overview: str = ""
    other_titles: list[str] = field(default_factory=list)
    directors: list[str] = field(default_factory=list)
    runtime: int | None = None
    detailed: bool = False
    found_by: list[str] = field(default_factory=list)
    best_rank: int = 99

    @property
    def year(self) -> int | None:
        return year_of(self.release_date)

    def all_titles(self) -> list[str]:
        seen: list[str] = []
        for title in (self.title, self.original_title, self.title_he, *self.other_titles):
            if title and title not in seen:
                seen.append(title)
        return seen

    def add_search_result(self, result: dict[str, Any], label: str, rank: int, language: str) -> None:
        """Merge one search hit; a he-IL hit's title is the Hebrew title when TMDB has one."""
        title = str(result.get("title") or "")
        if language.startswith("he") and has_hebrew(title):
            self.title_he = self.title_he or title
        elif not self.title:
            self.title = title
        elif title and title not in self.other_titles:
            self.other_titles.append(title)
        self.original_title = self.original_title or str(result.get("original_title") or "")
        self.original_language = self.original_language or str(result.get("original_language") or "")
        self.release_date = self.release_date or str(result.get("release_date") or "")
        self.popularity = max(self.popularity, float(result.get("popularity") or 0.0))
        self.poster_path = self.poster_path or str(result.get("poster_path") or "")
        if not self.overview and not language.startswith("he"):
            self.overview = str(result.get("overview") or "")
        if label not in self.found_by:
            self.found_by.append(label)
        self.best_rank = min(self.best_rank, rank)

    def add_details(self, details: dict[str, Any]) -> None:
        """Take the authoritative fields from `/3/movie/{id}` (asked in en-US, with appended parts)."""
        self.title = str(details.get("title") or self.title)
        self.original_title = str(details.get("original_title") or self.original_title)
        self.original_language = str(details.get("original_language") or self.original_language)
        self.release_date = str(details.get("release_date") or self.release_date)
        self.poster_path = str(details.get("poster_path") or self.poster_path)
        self.overview = str(details.get("overview") or self.overview)
        runtime = details.get("runtime")
        self.runtime = int(runtime) if isinstance(runtime, int | float) and runtime > 0 else None
        self.directors = directors_of(details)
        self.title_he = hebrew_translation(details).get("title") or self.title_he
        for title in alternative_titles_of(details):
            if title not in self.other_titles:
                self.other_titles.append(title)
        self.detailed = True

    def summary(self) -> dict[str, Any]:
        """The short form kept in ledgers and the review queue."""
        return {
            "tmdb_id": self.tmdb_id,
            "title": self.title,
            "title_he": self.title_he,
            "original_title": self.original_title,
            "year": self.year,
            "directors": self.directors,
            "runtime": self.runtime,
            "poster_path": self.poster_path,
            "overview": self.overview[:300],
            "found_by": self.found_by,
            "detailed": self.detailed,
        }


def directors_of(details: dict[str, Any]) -> list[str]:
    crew = (details.get("credits") or {}).get("crew") or []
    return [str(person.get("name")) for person in crew if person.get("job") == "Director" and person.get("name")]


def alternative_titles_of(details: dict[str, Any]) -> list[str]:
    block = details.get("alternative_titles") or {}
    entries = block.get("titles") or block.get("results") or []
    return [str(entry.get("title")) for entry in entries if entry.get("title")]


def hebrew_translation(details: dict[str, Any]) -> dict[str, Any]:
    """The `he` entry of `translations` (title, overview), or {}."""
    for entry in (details.get("translations") or {}).get("translations") or []:
        if entry.get("iso_639_1") == "he":
            return entry.get("data") or {}
    return {}


def image_url(path: str | None, size: str = "w342") -> str:
    return f"{IMAGE_BASE}{size}{path}" if path else ""
