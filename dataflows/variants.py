"""Title variants: registered once with their cleaned titles, looked up by the clean dataflow per row.

A variant is (cinema, English title, Hebrew title) exactly as scraped — the unit film identity works
on. The title cleaner runs once per variant, not once per row (~500 variants for ~15,000 rows).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

from dataflows.cleaning import VariantInfo
from dataflows.models import VariantRecord
from dataflows.store import bulk_insert, chunks

VariantKey = tuple[str, str, str]
_FIELDS = (
    "key_hash", "cinema", "english_title", "hebrew_title", "clean_english", "clean_hebrew", "is_event",
    "dub_language", "tech_marker", "language_marker", "first_run_id",
)  # fmt: skip


def variant_hash(key: VariantKey) -> str:
    return hashlib.sha1(json.dumps(key, ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()


class VariantCache:
    """Variant IDs known to this process. Entries join the cache only after their transaction commits."""

    def __init__(self) -> None:
        self.known: dict[VariantKey, VariantInfo] = {}
        self.pending: dict[VariantKey, VariantInfo] = {}

    def get(self, key: VariantKey) -> VariantInfo | None:
        return self.known.get(key) or self.pending.get(key)

    def ensure(self, first_runs: Mapping[VariantKey, int]) -> int:
        """Register unseen variants with the scrape run they first came from (inside the caller's transaction).

        Returns how many were new.
        """
        from dataflows.titles import clean_title

        missing = {variant_hash(key): key for key in first_runs if self.get(key) is None}
        if not missing:
            return 0
        self._load(missing)
        new = {h: key for h, key in missing.items() if self.get(key) is None}
        rows = []
        for digest, key in sorted(new.items()):
            cinema, english, hebrew = key
            title = clean_title(english, hebrew, cinema)
            rows.append(
                (digest, cinema, english, hebrew, title.english, title.hebrew, bool(title.is_event),
                 title.dub_language, title.tech_marker, title.language_marker, first_runs[key])
            )  # fmt: skip
        bulk_insert(VariantRecord, _FIELDS, rows, ignore_conflicts=True)
        self._load(new)
        return len(new)

    def _load(self, by_hash: dict[str, VariantKey]) -> None:
        fields = (
            VariantRecord.key_hash, VariantRecord.id, VariantRecord.is_event, VariantRecord.dub_language,
            VariantRecord.tech_marker, VariantRecord.language_marker,
        )  # fmt: skip
        for chunk in chunks(sorted(by_hash)):
            for digest, *info in VariantRecord.select(*fields).where(VariantRecord.key_hash.in_(chunk)).tuples():
                self.pending[by_hash[digest]] = VariantInfo(int(info[0]), bool(info[1]), *info[2:])

    def commit(self) -> None:
        self.known.update(self.pending)
        self.pending.clear()

    def rollback(self) -> None:
        self.pending.clear()
