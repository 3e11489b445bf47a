"""Title variants and row shapes: stored once each, looked up by the clean dataflow per row.

A variant is (cinema, English title, Hebrew title) exactly as scraped — the unit film identity works
on; the title cleaner runs once per variant, not once per row (~500 variants for ~15,000 rows).
A shape is what rows of one variant, hall and version share once cleaned (`cleaning.Shape`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from dataflows.cleaning import SHAPE_COLUMNS, Shape, VariantInfo
from dataflows.keyed import KeyedRows
from dataflows.models import RowShape, VariantRecord

VariantKey = tuple[str, str, str]
_VARIANT_FIELDS = (
    "cinema", "english_title", "hebrew_title", "clean_english", "clean_hebrew", "is_event", "dub_language",
    "tech_marker", "language_marker", "first_run_id",
)  # fmt: skip


class VariantCache(KeyedRows):
    """Variant key → VariantInfo, for variants registered with their cleaned titles."""

    def __init__(self) -> None:
        super().__init__(
            VariantRecord,
            _VARIANT_FIELDS,
            ("is_event", "dub_language", "tech_marker", "language_marker"),
            lambda row_id, is_event, *markers: VariantInfo(int(row_id), bool(is_event), *markers),
        )

    def register(self, first_runs: Mapping[VariantKey, int]) -> int:
        """Register unseen variants with the scrape run they first came from; returns how many were new."""
        from dataflows.titles import clean_title

        def values(key: VariantKey) -> tuple:
            cinema, english, hebrew = key
            title = clean_title(english, hebrew, cinema)
            return (cinema, english, hebrew, title.english, title.hebrew, bool(title.is_event), title.dub_language,
                    title.tech_marker, title.language_marker, first_runs[key])  # fmt: skip

        return self.ensure(first_runs, values)


class ShapeIds(KeyedRows):
    """Shape → its `row_shapes` ID."""

    def __init__(self) -> None:
        super().__init__(RowShape, SHAPE_COLUMNS)

    def register(self, shapes: Iterable[Shape]) -> int:
        return self.ensure(shapes, Shape.stored)
