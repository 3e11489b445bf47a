"""The Showtimes view: every published screening in memory, filtered by film, city, cinema, day,
screening type/tech and dubbing — sorted by day and time.

Rows are kept as value tuples in the export's column order (the export of a view is exact), and
each filterable attribute as a `Facet`: a filter tests each distinct film, place, day or screening
kind once, then one pass over 20,000 row numbers keeps those whose values passed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from dataflows.exports import SHOWTIME_COLUMNS
from dataflows.views.days import day_key
from dataflows.views.places import cinema_key, city_key
from dataflows.views.search import Facet, has_all, search_key, select_rows, words

ANY, DUBBED, ORIGINAL = "any", "dubbed", "original"
COLUMN = {name: index for index, name in enumerate(SHOWTIME_COLUMNS)}
TITLE_FIELDS = ("english_title", "hebrew_title", "source_english_title", "source_hebrew_title")
TIME_ORDER = ("date_of_showing", "showtime", "cinema", "screening_city", "english_title", "hebrew_title")


@dataclass(frozen=True, slots=True)
class ShowtimeFilter:
    search: str = ""  # words of the film title in English or Hebrew (city and cinema match too)
    city: str = ""
    cinema: str = ""
    day: str = ""  # 2026-08-14, 14/08, fri, שישי, today, מחר …
    screening: str = ""  # type and technology words: vip, 3d, imax
    dubbed: str = ANY
    movie_id: int | None = None


class ShowtimeView:
    """Published showtimes held compactly: one value tuple per row (strings shared), facets per attribute."""

    columns = SHOWTIME_COLUMNS

    def __init__(self, rows: Iterable[dict[str, Any]], today: date) -> None:
        self.today = today
        self.films: Facet[tuple] = Facet()  # (movie_id, the four titles)
        self.places: Facet[tuple[str, str]] = Facet()  # (cinema, city)
        self.pairs: Facet[tuple[int, int]] = Facet()  # (film, place): what free-text search tests
        self.days: Facet[str] = Facet()
        self.screenings: Facet[tuple[str, str]] = Facet()
        self.dubs: Facet[str] = Facet()
        shared: dict[str, str] = {}
        self.records = sorted(
            (tuple(self._share(shared, row.get(name, "")) for name in SHOWTIME_COLUMNS) for row in rows),
            key=lambda values: tuple(str(values[COLUMN[name]]) for name in TIME_ORDER),
        )
        for values in self.records:
            film = self.films.add((values[COLUMN["movie_id"]], *(values[COLUMN[f]] for f in TITLE_FIELDS)))
            place = self.places.add((values[COLUMN["cinema"]], values[COLUMN["screening_city"]]))
            self.pairs.add((film, place))
            self.days.add(values[COLUMN["date_of_showing"]])
            self.screenings.add((values[COLUMN["screening_type"]], values[COLUMN["screening_tech"]]))
            self.dubs.add(values[COLUMN["dub_language"]])
        self._film_keys = [search_key(*(str(v) for v in film[1:])) for film in self.films.values]
        self._city_keys = [city_key(city) for _, city in self.places.values]
        self._cinema_keys = [cinema_key(cinema) for cinema, _ in self.places.values]
        self._pair_keys = [
            f"{self._film_keys[f]} | {self._cinema_keys[p]} | {self._city_keys[p]}" for f, p in self.pairs.values
        ]

    @staticmethod
    def _share(shared: dict[str, str], value: Any) -> Any:
        """Repeated strings (cinemas, cities, titles, types) stored once."""
        if isinstance(value, str):
            return shared.setdefault(value, sys.intern(value) if len(value) < 64 else value)
        return value

    def __len__(self) -> int:
        return len(self.records)

    def select(self, wanted: ShowtimeFilter) -> list[int]:
        """Row numbers matching every filter, in time order."""
        tests: list[tuple[Facet, bytearray]] = []
        search, city, cinema = words(wanted.search), words(wanted.city), words(wanted.cinema)
        if search or city or cinema or wanted.movie_id is not None:
            places = bytearray(
                has_all(city_text, city) and has_all(cinema_text, cinema)
                for city_text, cinema_text in zip(self._city_keys, self._cinema_keys, strict=True)
            )
            films = self.films.allowed(lambda film: wanted.movie_id is None or film[0] == wanted.movie_id)
            keys = self._pair_keys
            pairs = bytearray(
                1 if films[f] and places[p] and has_all(keys[i], search) else 0
                for i, (f, p) in enumerate(self.pairs.values)
            )
            tests.append((self.pairs, pairs))
        day = words(wanted.day)
        if day:
            tests.append((self.days, self.days.allowed(lambda value: has_all(day_key(value, self.today), day))))
        screening = words(wanted.screening)
        if screening:
            tests.append((self.screenings, self.screenings.allowed(lambda kind: has_all(search_key(*kind), screening))))
        if wanted.dubbed in (DUBBED, ORIGINAL):
            tests.append((self.dubs, self.dubs.allowed(lambda dub: bool(dub) == (wanted.dubbed == DUBBED))))
        return select_rows(len(self.records), tests)

    def value(self, row: int, column: str) -> Any:
        return self.records[row][COLUMN[column]]

    def cities(self) -> list[str]:
        """Cities present (what the city box suggests)."""
        return sorted({city for _, city in self.places.values if city})

    def cinemas(self) -> list[str]:
        return sorted({cinema for cinema, _ in self.places.values if cinema})

    def export_rows(self, rows: Iterable[int]) -> Iterator[dict[str, Any]]:
        for row in rows:
            yield dict(zip(SHOWTIME_COLUMNS, self.records[row], strict=True))
