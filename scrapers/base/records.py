"""Per-film and per-screening records: a fresh `Film` per film, so nothing leaks between films.

The old scrapers kept "current value" attributes that were not reset (runtime, year, language carried
to the next film). Here a site builds one immutable `Film` per film page/block and turns it into
rows with `film.screening(...)`; a field nobody set is simply empty.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

from app.core.models import RAW_VALUE_COLUMNS


@dataclass(frozen=True)
class Film:
    """What a site says about one film (film-level fields of the row schema)."""

    english_title: str = ""
    hebrew_title: str = ""
    original_language: str = ""
    release_year: str = ""
    release_date: str = ""
    directed_by: str = ""
    runtime: str = ""
    rating: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    def but(self, **changes: str) -> Film:
        """A copy with some fields changed (e.g. the Hebrew title found on a second page)."""
        return replace(self, **changes)

    def screening(
        self,
        *,
        showtime: str,
        date_of_showing: str,
        screening_city: str = "",
        screening_type: str = "",
        screening_tech: str = "",
        dub_language: str = "",
        english_href: str = "",
        hebrew_href: str = "",
    ) -> dict[str, str]:
        """One showtime row of this film."""
        return self.row(
            showtime=showtime,
            date_of_showing=date_of_showing,
            screening_city=screening_city,
            screening_type=screening_type,
            screening_tech=screening_tech,
            dub_language=dub_language,
            english_href=english_href,
            hebrew_href=hebrew_href,
        )

    def row(self, **values: str) -> dict[str, str]:
        """A row in the scraper schema: film fields plus the given per-row values; the rest empty."""
        base = {k: v for k, v in asdict(self).items() if k != "extra"}
        row = {column: "" for column in RAW_VALUE_COLUMNS}
        row.update({k: str(v or "") for k, v in base.items()})
        row.update({k: str(v or "") for k, v in values.items()})
        unknown = set(row) - set(RAW_VALUE_COLUMNS)
        if unknown:
            raise ValueError(f"not row-schema columns: {sorted(unknown)}")
        return row
