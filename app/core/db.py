"""Database set-up: SQLite by default, PostgreSQL by URL, one schema per mode.

Models from every layer register here (`register_models`) so the core creates and migrates all of
them at start without knowing which layers exist. Testing and Regular never share tables: SQLite
uses a separate file per mode, PostgreSQL a separate schema per mode.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

import peewee
from playhouse import db_url
from playhouse.migrate import PostgresqlMigrator, SqliteMigrator, migrate

from app.core.errors import ConfigError
from app.core.settings import Settings

database = peewee.DatabaseProxy()
_MODELS: list[type[peewee.Model]] = []


class BaseModel(peewee.Model):
    """Base for every table of the project: bound to the proxy initialised by `open_database`."""

    class Meta:
        database = database
        legacy_table_names = False


def register_models(*models: type[peewee.Model]) -> None:
    """Add models to the set created/migrated at start (idempotent)."""
    for model in models:
        if model not in _MODELS:
            _MODELS.append(model)


def registered_models() -> list[type[peewee.Model]]:
    return list(_MODELS)


def schema_name(settings: Settings) -> str:
    """PostgreSQL schema for this mode (`KARTISERET_PG_SCHEMA` sets the base name)."""
    base = os.environ.get("KARTISERET_PG_SCHEMA", "kartiseret")
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,50}", base):
        raise ConfigError(f"KARTISERET_PG_SCHEMA={base!r} is not a valid schema name")
    return f"{base}_testing" if settings.testing else base


def sqlite_path(settings: Settings) -> Path:
    """The SQLite file for this mode: the URL's path, or the project's data folder."""
    url = settings.database_url
    if url and url.startswith("sqlite"):
        raw = url.split("://", 1)[1]  # sqlite:///rel/path or sqlite:////abs/path
        path = Path(raw[1:] if raw.startswith("/") else raw)
    else:
        path = settings.data_dir / "kartiseret.sqlite"
    if settings.testing:
        path = path.with_name(f"{path.stem}-testing{path.suffix or '.sqlite'}")
    return path


def is_postgres(settings: Settings) -> bool:
    return bool(settings.database_url) and settings.database_url.split("://", 1)[0].startswith("postgres")


def describe_database(settings: Settings) -> str:
    """Where the data lives, for headers and summaries; never includes a password."""
    if is_postgres(settings):
        url = re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", settings.database_url or "")
        return f"{url} (schema {schema_name(settings)})"
    return str(sqlite_path(settings))


# A server that accepts the connection but never answers (hung, overloaded, a proxy) would otherwise
# block the start forever; the URL's own `?connect_timeout=N` wins.
CONNECT_TIMEOUT_S = 10


def _connect_postgres(settings: Settings) -> peewee.Database:
    schema = schema_name(settings)
    timeout = {} if "connect_timeout=" in (settings.database_url or "") else {"connect_timeout": CONNECT_TIMEOUT_S}
    db = db_url.connect(settings.database_url, options=f"-c search_path={schema}", **timeout)
    try:
        db.connect(reuse_if_open=True)
    except peewee.OperationalError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ConfigError(f"database unreachable: {describe_database(settings)}: {first}") from None
    return db


def _connect_sqlite(settings: Settings) -> peewee.Database:
    path = sqlite_path(settings)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create the data folder {path.parent}: {exc.strerror}") from None
    db = peewee.SqliteDatabase(
        str(path),
        pragmas={"journal_mode": "wal", "busy_timeout": 60000, "synchronous": "normal", "foreign_keys": 1},
        timeout=60,
    )
    try:
        db.connect(reuse_if_open=True)
    except peewee.OperationalError as exc:
        raise ConfigError(f"cannot open the SQLite database {path}: {exc}") from None
    return db


def open_database(settings: Settings, models: Iterable[type[peewee.Model]] | None = None) -> peewee.Database:
    """Connect, bind the proxy, create missing tables and indexes, and add missing columns."""
    db = _connect_postgres(settings) if is_postgres(settings) else _connect_sqlite(settings)
    database.initialize(db)
    wanted = list(models) if models is not None else registered_models()
    if _schema_complete(db, wanted):
        # The usual start: nothing to create, so nothing is locked. (Schema statements lock tables even
        # when there is nothing to do: a start then waited for, or deadlocked with, processes writing.)
        return db
    # SQLite: take the write lock up front (a read-then-write transaction fails at once when another
    # process starting at the same moment wrote first).
    with db.atomic(lock_type="IMMEDIATE") if isinstance(db, peewee.SqliteDatabase) else db.atomic():
        if isinstance(db, peewee.PostgresqlDatabase):
            # Parallel starts (processes, machines) serialise schema creation on a transaction-scoped
            # advisory lock: released at commit, and by the server if the process dies.
            schema = schema_name(settings)
            db.execute_sql("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"kartiseret-schema:{schema}",))
            db.execute_sql(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
        _create_missing(db, wanted)
        _add_missing_columns(db, wanted)
    return db


def _missing_indexes(db: peewee.Database, model: type[peewee.Model]) -> list:
    have = {index.name for index in db.get_indexes(model._meta.table_name)}
    return [index for index in model._meta.fields_to_index() if index._name not in have]


def _missing_columns(db: peewee.Database, model: type[peewee.Model]) -> list[peewee.Field]:
    have = {column.name for column in db.get_columns(model._meta.table_name)}
    return [field for field in model._meta.sorted_fields if field.column_name not in have]


def _schema_complete(db: peewee.Database, models: list[type[peewee.Model]]) -> bool:
    """Every table, index and column exists (read-only: takes no lock)."""
    tables = set(db.get_tables())
    return all(
        model._meta.table_name in tables and not _missing_indexes(db, model) and not _missing_columns(db, model)
        for model in models
    )


def _create_missing(db: peewee.Database, models: list[type[peewee.Model]]) -> None:
    """Create only the tables and indexes that do not exist yet (existing ones are not touched)."""
    tables = set(db.get_tables())
    for model in peewee.sort_models(models):
        if model._meta.table_name not in tables:
            model.create_table(safe=True)
            continue
        for index in _missing_indexes(db, model):
            db.execute(model._schema._create_index(index, safe=True))


def _add_missing_columns(db: peewee.Database, models: list[type[peewee.Model]]) -> None:
    """Schema migration for additive changes: columns added to a model appear in old databases."""
    migrator = PostgresqlMigrator(db) if isinstance(db, peewee.PostgresqlDatabase) else SqliteMigrator(db)
    operations = []
    for model in models:
        for field in _missing_columns(db, model):
            if not field.null and field.default is None:
                field = field.clone() if hasattr(field, "clone") else field
                field.null = True
            operations.append(migrator.add_column(model._meta.table_name, field.column_name, field))
    if operations:
        migrate(*operations)


def close_database() -> None:
    obj = database.obj
    if obj is not None and not obj.is_closed():
        obj.close()
