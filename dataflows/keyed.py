"""Rows known by a content hash (`key_hash`): each stored once, their IDs cached in this process.

Title variants and row shapes are both "the same thing seen again and again": the clean dataflow
looks them up per row, so the IDs live in memory; new ones are inserted (a concurrent process may
win the insert: the unique hash makes that harmless) and join the cache only after their
transaction commits, so a rolled-back batch never leaves IDs that do not exist.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

import peewee

from dataflows.store import bulk_insert, chunks


def content_hash(parts: Sequence[Any]) -> str:
    """A stable hash of a tuple of values (text and numbers)."""
    return hashlib.sha1(repr(tuple(parts)).encode("utf-8", "surrogatepass")).hexdigest()


def _parts(key: Hashable) -> Sequence[Any]:
    return key if isinstance(key, tuple) else (key,)


class KeyedRows:
    """`get(key)` → what `info` makes of the stored row's (id, *info_fields), for keys `ensure` stored."""

    def __init__(
        self,
        model: type[peewee.Model],
        fields: Sequence[str],
        info_fields: Sequence[str] = (),
        info: Callable[..., Any] = lambda row_id: row_id,
    ) -> None:
        self.model, self.fields = model, tuple(fields)
        self.selected = (model.key_hash, model.id, *(getattr(model, name) for name in info_fields))
        self.info = info
        self.known: dict[Hashable, Any] = {}
        self.pending: dict[Hashable, Any] = {}

    def get(self, key: Hashable) -> Any:
        found = self.known.get(key)
        return found if found is not None else self.pending.get(key)

    def ensure(self, keys: Iterable[Hashable], values: Callable[[Hashable], Sequence[Any]]) -> int:
        """Store the keys not stored yet (`values(key)`: the row in `fields` order). Returns how many were new."""
        missing = {content_hash(_parts(key)): key for key in keys if self.get(key) is None}
        if not missing:
            return 0
        self._load(missing)
        new = {digest: key for digest, key in missing.items() if self.get(key) is None}
        rows = [(digest, *values(key)) for digest, key in sorted(new.items(), key=lambda item: item[0])]
        bulk_insert(self.model, ("key_hash", *self.fields), rows, ignore_conflicts=True)
        self._load(new)
        return len(new)

    def _load(self, by_hash: dict[str, Hashable]) -> None:
        for chunk in chunks(sorted(by_hash)):
            query = self.model.select(*self.selected).where(self.model.key_hash.in_(list(chunk)))
            for digest, *row in query.tuples():
                self.pending[by_hash[digest]] = self.info(*row)

    def commit(self) -> None:
        self.known.update(self.pending)
        self.pending.clear()

    def rollback(self) -> None:
        self.pending.clear()
