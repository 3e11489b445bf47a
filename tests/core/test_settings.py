"""Settings: environment and `.env`, one-line errors for wrong values."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import ConfigError
from app.core.settings import Settings, database_password, load_settings


def test_env_file_values_are_loaded_and_environment_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("KARTISERET_MODE=testing\nKARTISERET_SITES=sandbox\nKARTISERET_WORKERS=3\n")
    monkeypatch.delenv("KARTISERET_MODE", raising=False)
    monkeypatch.delenv("KARTISERET_WORKERS", raising=False)
    monkeypatch.setenv("KARTISERET_SITES", "live")
    settings = load_settings(env_file)
    assert settings.mode == "testing"
    assert settings.sites == "live"
    assert settings.workers == 3


@pytest.mark.parametrize(
    ("name", "value", "needle"),
    [
        ("KARTISERET_MODE", "fast", "KARTISERET_MODE"),
        ("KARTISERET_SITES", "internet", "KARTISERET_SITES"),
        ("DATABASE_URL", "mysql://x", "DATABASE_URL"),
        ("KARTISERET_WORKERS", "zero", "KARTISERET_WORKERS"),
        ("KARTISERET_WORKERS", "0", "KARTISERET_WORKERS"),
        ("SELENIUM_REMOTE_URL", "localhost:4444", "SELENIUM_REMOTE_URL"),
    ],
)
def test_wrong_values_raise_one_line_config_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, value: str, needle: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as caught:
        load_settings(tmp_path / "missing.env")
    assert needle in str(caught.value)
    assert "\n" not in str(caught.value)


def test_secrets_include_tmdb_key_and_database_password() -> None:
    settings = Settings(tmdb_api_key="tmdb-secret-123", database_url="postgresql://u:pw-secret@h/db")
    assert set(settings.secrets()) == {"tmdb-secret-123", "pw-secret"}
    assert database_password("postgresql://u@h/db") == ""
