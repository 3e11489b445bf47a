"""Enrichment fixtures: a real fake-TMDB HTTP server on 127.0.0.1, and settings pointing at it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from app.core.db import close_database, open_database
from app.core.settings import Settings
from registry.schema import load_models
from tests.enrich.fixture_films import create_fixture_films
from tests.fixtures.tmdb.server import FakeTmdb


@pytest.fixture
def fake_tmdb() -> Iterator[FakeTmdb]:
    server = FakeTmdb().start()
    yield server
    server.stop()


@pytest.fixture
def sqlite_db(tmp_settings: Settings) -> Iterator[Settings]:
    """One real SQLite database, for HTTP behaviour that does not depend on the database kind."""
    load_models()
    open_database(tmp_settings)
    yield tmp_settings
    close_database()


@pytest.fixture
def tmdb_settings(backend: Settings, fake_tmdb: FakeTmdb) -> Settings:
    """A real database (each backend) and a v3 API key for the fake server; fixture films loaded."""
    create_fixture_films()
    return replace(backend, tmdb_api_key=fake_tmdb.api_key, tmdb_api_url=fake_tmdb.url)
