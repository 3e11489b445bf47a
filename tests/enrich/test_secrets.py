"""The TMDB key never lands in logs, artifacts, summaries or the database — only on the wire."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from pathlib import Path

import pytest

from app.core.models import Attempt, Run
from app.core.settings import Settings
from dataflows.enrich.models import FilmTmdb, TmdbCacheEntry, TmdbMovie, TmdbPin, TmdbReview
from tests.enrich.helpers import job, run_job
from tests.fixtures.tmdb.server import FakeTmdb


def stored_text() -> str:
    """Every text the run and the enrichment stored in the database."""
    parts = []
    for model in (Run, Attempt, FilmTmdb, TmdbCacheEntry, TmdbMovie, TmdbPin, TmdbReview):
        parts += [json.dumps(row, default=str, ensure_ascii=False) for row in model.select().dicts()]
    return "\n".join(parts)


def written_files(root: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in root.rglob("*") if path.is_file()}


def test_a_run_writes_the_key_nowhere(
    tmdb_settings: Settings, fake_tmdb: FakeTmdb, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="urllib3")
    fake_tmdb.fail("/3/search/movie", status=429, retry_after="0")
    fake_tmdb.fail("/3/movie/", status=500)
    ok = run_job(tmdb_settings)
    TmdbCacheEntry.delete().execute()
    fake_tmdb.fail("/3/", status=503, times=1000)
    broken = run_job(tmdb_settings)  # a failed attempt: error.txt and a traceback are written
    fake_tmdb.faults.clear()
    refused = run_job(replace(tmdb_settings, tmdb_api_key="refused-key-5555555"))

    assert (ok.status, job(ok).metrics["tmdb_rate_limited"]) == ("ok", 1)
    assert broken.status == "failed" and refused.status == "failed"
    assert any(fake_tmdb.api_key in line for line in fake_tmdb.raw_request_lines)  # the key was really used

    files = written_files(tmdb_settings.artifacts_dir)
    names = {path.name for path in files}
    assert {"run.log", "ledger.jsonl", "summary.txt", "error.txt"} <= names
    for secret in (fake_tmdb.api_key, "refused-key-5555555"):
        for path, data in files.items():
            assert secret.encode() not in data, path
        for result in (ok, broken, refused):
            assert secret not in json.dumps(result.to_dict(), ensure_ascii=False)
        assert secret not in stored_text()
        assert secret not in caplog.text
    assert "api_key=***" in caplog.text  # urllib3's own debug lines were masked, not silent
