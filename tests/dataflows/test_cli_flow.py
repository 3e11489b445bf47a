"""The whole path as a user runs it: import real CSVs, run the dataflows group headless, export; again: no change."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import PROJECT_ROOT
from tests.core.test_headless_cli import kartiseret
from tests.core.test_run_ids import child_env
from tests.dataflows.helpers import fixture_files

TESTING = ("--mode", "testing")


def test_import_dataflows_export_and_again(tmp_path: Path) -> None:
    files = [str(f) for f in fixture_files("590")]
    imported = kartiseret(tmp_path, "import", *TESTING, *files)
    assert imported.returncode == 0, imported.stderr
    assert "run 1: imported" in imported.stdout
    summary_path = str(tmp_path / "run2.json")
    first = kartiseret(tmp_path, "--no-tui", *TESTING, "--group", "dataflows", "--json", summary_path, timeout=600)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "data quality of run 2" in first.stdout
    summary = json.loads((tmp_path / "run2.json").read_text())
    jobs = {job["name"]: job for job in summary["jobs"]}
    assert [jobs[name]["status"] for name in ("clean", "identity", "publish", "quality_report")] == ["ok"] * 4
    quality = jobs["quality_report"]["metrics"]["quality"]
    exported = kartiseret(tmp_path, "export", "showtimes", *TESTING, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert len(rows) == quality["published"]["showtimes"] > 0
    assert all(row["movie_id"] and (row["english_title"] or row["hebrew_title"]) for row in rows)
    again = kartiseret(tmp_path, "--no-tui", *TESTING, "--group", "dataflows", timeout=600)
    assert again.returncode == 0
    assert kartiseret(tmp_path, "export", "showtimes", *TESTING, "--format", "csv").stdout == exported.stdout
    dry = subprocess.run(
        [
            sys.executable,
            "-m",
            "dataflows.maintenance",
            "all",
            "--dry-run",
            "--today",
            "2026-08-20",
            "--mode",
            "testing",
        ],
        env=child_env() | {"KARTISERET_DATA_DIR": str(tmp_path / "data")},
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert dry.returncode == 0, dry.stderr
    assert "would expire" in dry.stdout and "would remove" in dry.stdout
    assert kartiseret(tmp_path, "export", "showtimes", *TESTING, "--format", "csv").stdout == exported.stdout
