"""Fixtures for browser tests: a real database (SQLite) opened for the executor and the writer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.db import close_database, open_database
from app.core.settings import Settings
from registry.schema import load_models
from tests.conftest import make_settings


@pytest.fixture
def scrape_settings(tmp_path: Path) -> Iterator[Settings]:
    """Regular mode (no caps), sandbox sites, a fresh SQLite database; sandbox_url set by the test."""
    settings = make_settings(tmp_path, mode="regular")
    load_models()
    open_database(settings)
    yield settings
    close_database()
