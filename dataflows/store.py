"""Database mechanics every dataflow shares: write transactions, bulk inserts, watermarks, locks.

Kept in one place so each dataflow reads like its rules. Works the same on SQLite and PostgreSQL:
SQLite write transactions start IMMEDIATE (no lock-upgrade deadlocks between processes); on
PostgreSQL a unit's lock is a row lock, released by the server when a killed process's connection
drops, so a dead publisher can never leave a cinema locked.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import peewee

from app.core.db import database
from dataflows.models import PublishState, Watermark

INSERT_CHUNK = 500  # rows per INSERT statement (well under every backend's parameter limit)


def db() -> peewee.Database:
    return database.obj


def on_sqlite() -> bool:
    return isinstance(db(), peewee.SqliteDatabase)


SQLITE_CACHE_KIB = 65_536  # page cache for bulk work: the indexes being written stay in memory
SQLITE_CHECKPOINT_PAGES = 16_384  # WAL checkpoints (each a disk sync) every 64 MiB instead of every 4 MiB


def tune_connection() -> None:
    """Bulk-work settings for this connection (SQLite: a larger page cache, fewer checkpoints); harmless to repeat.

    Neither changes what is durable: commits stay as safe as before (WAL), only fewer syncs happen.
    """
    if on_sqlite():
        db().execute_sql(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
        db().execute_sql(f"PRAGMA wal_autocheckpoint={SQLITE_CHECKPOINT_PAGES}")


def write_transaction() -> Any:
    """One unit of work: all or nothing. Nested use becomes a savepoint."""
    handle = db()
    if on_sqlite() and handle.transaction_depth() == 0:
        return handle.atomic(lock_type="IMMEDIATE")
    return handle.atomic()


def _columns(model: type[peewee.Model], fields: Sequence[str]) -> str:
    return ", ".join(f'"{model._meta.fields[name].column_name}"' for name in fields)


def _defaults(model: type[peewee.Model], fields: Sequence[str]) -> tuple[list[str], tuple]:
    """Columns the caller left out that have a Python-side default (e.g. `created_at`), with their values."""
    names, values = [], []
    for field in model._meta.sorted_fields:
        if field.name in fields or field.default is None or isinstance(field, peewee.AutoField):
            continue
        names.append(field.name)
        values.append(field.default() if callable(field.default) else field.default)
    return names, tuple(values)


def bulk_insert(
    model: type[peewee.Model], fields: Sequence[str], rows: Iterable[Sequence[Any]], ignore_conflicts: bool = False
) -> None:
    """Insert tuples (values in `fields` order) in chunks; duplicates of a unique key are skipped if asked."""
    rows = list(rows)
    if not rows:
        return
    extra_names, extra_values = _defaults(model, fields)
    if extra_names:
        fields = [*fields, *extra_names]
        rows = [(*row, *extra_values) for row in rows]
    table = model._meta.table_name
    conflict = " ON CONFLICT DO NOTHING" if ignore_conflicts else ""
    if on_sqlite():
        marks = ", ".join("?" for _ in fields)
        sql = f'INSERT INTO "{table}" ({_columns(model, fields)}) VALUES ({marks}){conflict}'
        db().cursor().executemany(sql, rows)
        return
    from psycopg2.extras import execute_values

    sql = f'INSERT INTO "{table}" ({_columns(model, fields)}) VALUES %s{conflict}'
    execute_values(db().cursor(), sql, rows, page_size=INSERT_CHUNK)


def chunks(items: Sequence[Any], size: int = INSERT_CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def fetch(query: peewee.Select) -> list[tuple]:
    """Rows as plain tuples straight from the driver (no per-value conversion: the columns are text/ints)."""
    return db().execute(query).fetchall()


# ------------------------------------------------------------------------------------------ watermarks
MOVIES_DIRTY = "movies:dirty"  # 1 while the movies table lags behind the published rows or the films


def epoch_name(cinema: str) -> str:
    """Watermark counting how often a cinema's variants got (or changed) films: publish re-checks that cinema."""
    return "epoch:" + hashlib.sha1(cinema.encode("utf-8")).hexdigest()[:24]


def get_watermark(name: str) -> int:
    row = Watermark.get_or_none(Watermark.name == name)
    return int(row.position) if row else 0


def lock_watermark(name: str) -> int:
    """Read a watermark and hold it until the transaction ends: one process at a time moves it.

    PostgreSQL: a row lock (released by the server if the process dies); SQLite: the IMMEDIATE
    transaction already holds the database's write lock.
    """
    Watermark.insert(name=name, position=0).on_conflict_ignore().execute()
    query = Watermark.select(Watermark.position).where(Watermark.name == name)
    if not on_sqlite():
        query = query.for_update()
    return int(query.scalar() or 0)


def set_watermark(name: str, position: int) -> None:
    """Move a watermark (call inside the transaction that did the work)."""
    Watermark.insert(name=name, position=position).on_conflict(
        conflict_target=[Watermark.name], update={Watermark.position: position}
    ).execute()


# ------------------------------------------------------------------------------------------ unit locks
def lock_unit(cinema: str, kind: str) -> PublishState:
    """The unit's state row, locked until the transaction ends (call inside `write_transaction`)."""
    unit = f"{kind}:{cinema}"
    PublishState.insert(unit=unit, cinema=cinema, kind=kind).on_conflict_ignore().execute()
    query = PublishState.select().where(PublishState.unit == unit)
    if not on_sqlite():  # SQLite: the IMMEDIATE transaction already holds the database's write lock
        query = query.for_update()
    return query.get()
