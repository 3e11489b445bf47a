"""Shared fixtures: isolated settings, and a real database on SQLite and on PostgreSQL.

PostgreSQL tests use the server at 127.0.0.1:5432 (trust auth, database `test`), each in its own
schema dropped afterwards. When the server is unreachable they skip with a loud reason, unless
KARTISERET_REQUIRE_POSTGRES is set (as `.ci/run` does), in which case they fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from app.core.db import close_database, open_database
from app.core.settings import Settings
from registry.schema import load_models

PG_URL = os.environ.get("KARTISERET_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
PROJECT_ROOT = Path(__file__).resolve().parents[1]


@cache
def postgres_reachable() -> str:
    """'' when reachable, else the reason."""
    try:
        import psycopg2

        psycopg2.connect(PG_URL.replace("postgresql://", "postgres://"), connect_timeout=3).close()
        return ""
    except Exception as exc:  # any failure means: not usable here
        return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def require_postgres() -> None:
    reason = postgres_reachable()
    if not reason:
        return
    message = f"PostgreSQL UNREACHABLE at {PG_URL}: {reason} — PostgreSQL tests NOT RUN"
    if os.environ.get("KARTISERET_REQUIRE_POSTGRES"):
        pytest.fail(message)
    pytest.skip(message)


def drop_schemas(base: str) -> None:
    import psycopg2

    with psycopg2.connect(PG_URL.replace("postgresql://", "postgres://")) as conn, conn.cursor() as cur:
        cur.execute(f'DROP SCHEMA IF EXISTS "{base}" CASCADE')
        cur.execute(f'DROP SCHEMA IF EXISTS "{base}_testing" CASCADE')


def make_settings(tmp_path: Path, **changes: object) -> Settings:
    base = Settings(
        mode="testing",
        sites="sandbox",
        data_dir=tmp_path / "data",
        artifacts_dir=tmp_path / "artifacts",
    )
    return base.with_overrides(**changes) if changes else base


@pytest.fixture
def tmp_settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


@pytest.fixture
def pg_schema(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh PostgreSQL schema base name for this test (dropped afterwards)."""
    require_postgres()
    base = f"kt_{uuid.uuid4().hex[:10]}"
    monkeypatch.setenv("KARTISERET_PG_SCHEMA", base)
    yield base
    close_database()
    drop_schemas(base)


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """Settings for a real database of each kind (schema created); the test runs once per backend."""
    if request.param == "postgres":
        request.getfixturevalue("pg_schema")
        settings = make_settings(tmp_path, database_url=PG_URL)
    else:
        settings = make_settings(tmp_path)
    load_models()
    open_database(settings)
    yield settings
    close_database()
