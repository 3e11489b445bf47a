"""The Coming soon view: one line per film (not per chain) — its earliest release date and the chains announcing it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dataflows.views.movies import title_order
from dataflows.views.places import cinema_key
from dataflows.views.search import SearchableRecords, search_key

FACTS = ("english_title", "hebrew_title", "tmdb_id", "release_year", "runtime", "directed_by", "original_language",
         "rating")  # fmt: skip
SOURCE_TITLES = ("source_english_title", "source_hebrew_title")


class ComingSoonView(SearchableRecords):
    columns = ["movie_id", "english_title", "hebrew_title", "tmdb_id", "release_date", "chains", "release_year",
               "runtime", "directed_by", "original_language", "rating"]  # fmt: skip

    def __init__(self, rows: Iterable[dict[str, Any]]) -> None:
        films: dict[int, dict[str, Any]] = {}
        chains: dict[int, set[str]] = {}
        titles: dict[int, list[str]] = {}
        for row in rows:
            movie_id = row["movie_id"]
            film = films.setdefault(movie_id, {"movie_id": movie_id, "release_date": ""})
            for name in FACTS:
                if film.get(name) in (None, "") and row.get(name) not in (None, ""):
                    film[name] = row[name]
            dates = [day for day in (film["release_date"], row.get("release_date", "")) if day]
            film["release_date"] = min(dates) if dates else ""
            chains.setdefault(movie_id, set()).add(row["cinema"])
            titles.setdefault(movie_id, []).extend(row.get(name, "") for name in SOURCE_TITLES)
        records = [
            {name: film.get(name, "") for name in self.columns} | {"chains": ", ".join(sorted(chains[m]))}
            for m, film in films.items()
        ]
        records.sort(key=lambda r: (r["release_date"], title_order(r["english_title"], r["hebrew_title"])))
        keys = [
            " | ".join([search_key(r["english_title"], r["hebrew_title"], *titles[r["movie_id"]])]
                       + [cinema_key(chain) for chain in sorted(chains[r["movie_id"]])])
            for r in records
        ]  # fmt: skip
        super().__init__(records, keys)
