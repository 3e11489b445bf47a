"""Settings from the environment and `.env`, validated once at start.

Every variable is listed in `.env.example`. A wrong value raises :class:`ConfigError` with a one-line
message; the CLI turns that into exit code 2 (never a traceback).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from app.core.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parents[2]

MODES = ("testing", "regular")
SITES = ("live", "sandbox")
DEFAULT_SANDBOX_URL = "http://127.0.0.1:8765"


def _load_dotenv(env_file: Path | None) -> None:
    """Load `.env` without overriding variables that are already set in the environment."""
    from dotenv import load_dotenv

    path = env_file or Path(os.environ.get("KARTISERET_ENV_FILE", PROJECT_ROOT / ".env"))
    if path.is_file():
        load_dotenv(path, override=False)


def _choice(name: str, value: str, choices: tuple[str, ...]) -> str:
    value = value.strip().lower()
    if value not in choices:
        raise ConfigError(f"{name}={value!r} is not valid; use one of: {', '.join(choices)}")
    return value


def _positive_int(name: str, value: str | None) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except ValueError:
        raise ConfigError(f"{name}={value!r} is not a whole number") from None
    if number < 1:
        raise ConfigError(f"{name}={value!r} must be at least 1")
    return number


def _url(name: str, value: str | None, schemes: tuple[str, ...]) -> str | None:
    if not value:
        return None
    scheme = value.split("://", 1)[0].lower() if "://" in value else ""
    if scheme not in schemes:
        raise ConfigError(f"{name} must start with one of {', '.join(s + '://' for s in schemes)}")
    return value.rstrip("/") if scheme.startswith("http") else value


DATABASE_SCHEMES = ("sqlite", "postgres", "postgresql", "postgresext", "postgresqlext")


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know about its environment, resolved once."""

    mode: str = "regular"
    sites: str = "live"
    database_url: str | None = None
    data_dir: Path = PROJECT_ROOT / "data"
    artifacts_dir: Path = PROJECT_ROOT / "artifacts"
    sandbox_url: str = DEFAULT_SANDBOX_URL
    selenium_remote_url: str | None = None
    chromedriver_path: str = "/usr/bin/chromedriver"
    chromium_path: str | None = None
    tmdb_api_key: str | None = field(default=None, repr=False)
    tmdb_api_url: str = "https://api.themoviedb.org"
    workers: int | None = None

    @property
    def testing(self) -> bool:
        return self.mode == "testing"

    def with_overrides(self, **changes: object) -> Settings:
        """Return a copy with CLI options applied (validated like the environment)."""
        clean = {k: v for k, v in changes.items() if v is not None}
        if "mode" in clean:
            clean["mode"] = _choice("--mode", str(clean["mode"]), MODES)
        if "sites" in clean:
            clean["sites"] = _choice("--sites", str(clean["sites"]), SITES)
        if "database_url" in clean:
            clean["database_url"] = _url("--db", str(clean["database_url"]), DATABASE_SCHEMES)
        return replace(self, **clean)

    def secrets(self) -> list[str]:
        """Values that must never be written to logs, artifacts, summaries or the screen."""
        values = [self.tmdb_api_key or ""]
        values.append(database_password(self.database_url))
        return [v for v in values if v and len(v) >= 4]


def database_password(url: str | None) -> str:
    """The password part of a database URL, or ''."""
    if not url or "://" not in url:
        return ""
    netloc = url.split("://", 1)[1].split("/", 1)[0]
    if "@" not in netloc:
        return ""
    userinfo = netloc.rsplit("@", 1)[0]
    return userinfo.split(":", 1)[1] if ":" in userinfo else ""


def load_settings(env_file: Path | None = None) -> Settings:
    """Read settings from the environment (after `.env`), raising ConfigError on bad values."""
    _load_dotenv(env_file)
    env = os.environ
    root = Path(env.get("KARTISERET_HOME") or PROJECT_ROOT)
    data_dir = Path(env.get("KARTISERET_DATA_DIR") or root / "data")
    artifacts_dir = Path(env.get("KARTISERET_ARTIFACTS_DIR") or root / "artifacts")
    return Settings(
        mode=_choice("KARTISERET_MODE", env.get("KARTISERET_MODE", "regular"), MODES),
        sites=_choice("KARTISERET_SITES", env.get("KARTISERET_SITES", "live"), SITES),
        database_url=_url("DATABASE_URL", env.get("DATABASE_URL"), DATABASE_SCHEMES),
        data_dir=data_dir,
        artifacts_dir=artifacts_dir,
        sandbox_url=_url("KARTISERET_SANDBOX_URL", env.get("KARTISERET_SANDBOX_URL"), ("http", "https"))
        or DEFAULT_SANDBOX_URL,
        selenium_remote_url=_url("SELENIUM_REMOTE_URL", env.get("SELENIUM_REMOTE_URL"), ("http", "https")),
        chromedriver_path=env.get("CHROMEDRIVER_PATH") or "/usr/bin/chromedriver",
        chromium_path=env.get("CHROMIUM_PATH") or None,
        tmdb_api_key=env.get("TMDB_API_KEY") or None,
        tmdb_api_url=_url("TMDB_API_URL", env.get("TMDB_API_URL"), ("http", "https")) or "https://api.themoviedb.org",
        workers=_positive_int("KARTISERET_WORKERS", env.get("KARTISERET_WORKERS")),
    )
