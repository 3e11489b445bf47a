"""`kartiseret --no-tui --job enrich` as a user runs it: a real process against the fake TMDB."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.core.settings import Settings
from dataflows.identity.models import Film
from tests.conftest import PROJECT_ROOT
from tests.fixtures.tmdb.server import FakeTmdb


def kartiseret(settings: Settings, server: FakeTmdb, out: Path, key: str | None) -> dict:
    env = dict(os.environ) | {
        "PYTHONPATH": str(PROJECT_ROOT),
        "KARTISERET_ENV_FILE": "/nonexistent.env",
        "KARTISERET_DATA_DIR": str(settings.data_dir),
        "KARTISERET_ARTIFACTS_DIR": str(settings.artifacts_dir),
        "TMDB_API_URL": server.url,
    }
    env.pop("TMDB_API_KEY", None)
    if key:
        env["TMDB_API_KEY"] = key
    args = ["--no-tui", "--mode", "testing", "--job", "enrich", "--json", str(out)]
    if settings.database_url:
        args += ["--db", settings.database_url]
    done = subprocess.run(
        [sys.executable, "-m", "app", *args], env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert not key or key not in done.stdout + done.stderr
    return json.loads(out.read_text(encoding="utf-8"))["jobs"][0]


def test_cli_enriches_then_serves_the_second_run_from_cache(backend: Settings, fake_tmdb: FakeTmdb) -> None:
    Film.create(english_title="The Odyssey", hebrew_title="האודיסאה", release_year="2026", runtime="172")
    Film.create(english_title="גבעה 338", hebrew_title="גבעה 338", release_year="2026", directed_by="ארז בן הרוש")
    Film.create(english_title="Michael", hebrew_title="מייקל")

    first = kartiseret(backend, fake_tmdb, backend.data_dir / "first.json", fake_tmdb.api_key)
    assert first["status"] == "ok" and first["rows"] == 2
    assert first["metrics"]["films_matched"] == 2 and first["metrics"]["films_review"] == 1
    assert first["metrics"]["tmdb_calls"] == fake_tmdb.request_count() > 0

    fake_tmdb.reset_log()
    second = kartiseret(backend, fake_tmdb, backend.data_dir / "second.json", fake_tmdb.api_key)
    assert (second["metrics"]["tmdb_calls"], fake_tmdb.request_count()) == (0, 0)
    assert second["metrics"]["tmdb_cache_hits"] == first["metrics"]["tmdb_calls"]

    skipped = kartiseret(backend, fake_tmdb, backend.data_dir / "nokey.json", None)
    assert (skipped["status"], skipped["error"]) == ("skipped", "no TMDB key")
