"""Secrets never leave the process; hostile text never styles, acts or garbles (core and headless)."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from app.core.executor import Executor
from app.core.jobs import JobSpec, RetryPolicy
from app.core.plan import Plan, Stage
from app.core.settings import Settings
from app.headless import run_headless
from tests.conftest import PROJECT_ROOT
from tests.core.test_headless_cli import cli_env

SECRET = "tmdb-SECRET-4f9a1c"
DB_PASSWORD = "pg-PASSWORD-77e2"


def test_secrets_are_redacted_everywhere_a_run_writes(tmp_path: Path) -> None:
    json_path = tmp_path / "out" / "summary.json"
    code = (
        "import sys\nfrom tests.core.test_secrets_and_hostile_text import run_leaky\n"
        f"raise SystemExit(run_leaky({str(json_path)!r}))\n"
    )
    env = cli_env(tmp_path) | {"TMDB_API_KEY": SECRET, "KARTISERET_TEST_DB_PASSWORD": DB_PASSWORD}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1, done.stderr
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix != ".sqlite-wal"]
    assert any(p.name == "run.log" for p in written) and any(p.name == "error.txt" for p in written)
    for text in [done.stdout, done.stderr, *(p.read_bytes().decode("utf-8", "replace") for p in written)]:
        assert SECRET not in text
        assert DB_PASSWORD not in text
    assert "api_key=***" in (tmp_path / "out" / "summary.json").read_text()


def run_leaky(json_path: str) -> int:
    """Runs the leaky job headless with a TMDB key and a database URL carrying a password."""
    import os

    from app.core.db import open_database
    from app.core.settings import load_settings
    from registry.schema import load_models

    settings = load_settings().with_overrides(mode="testing")
    load_models()
    open_database(settings)
    url_with_password = f"postgresql://kartiseret:{os.environ['KARTISERET_TEST_DB_PASSWORD']}@db.example/x"
    settings_with_url = Settings(**{**vars(settings), "database_url": url_with_password})
    executor = Executor(settings_with_url)
    job = JobSpec("leaky", "selfcheck", "tests.core.fake_jobs:leaky", retry=RetryPolicy(max_attempts=1))
    result = run_headless(executor, Plan("t", (Stage("selfcheck", True, (job,)),)), live=False)
    result.write_json(Path(json_path))
    return result.exit_code


def hostile_run(settings: Settings, live: bool) -> str:
    out = io.StringIO()
    job = JobSpec(
        "hostile[bold]",
        "selfcheck",
        "tests.core.fake_jobs:hostile",
        title="[@click=app.quit]title[/]",
        retry=RetryPolicy(max_attempts=1),
    )
    run_headless(Executor(settings), Plan("t", (Stage("selfcheck", True, (job,)),)), out=out, live=live)
    return out.getvalue()


def test_plain_output_shows_hostile_text_literally_without_escape_codes(backend: Settings) -> None:
    text = hostile_run(backend, live=False)
    assert "\x1b" not in text and "\u202e" not in text
    assert "[bold red]not bold[/] [@click=app.quit]x[/]" in text
    assert "\\x1b[31mred?" in text
    assert "[/] \\x1b[2J cleared?" in text


def test_rich_summary_renders_markup_literally(backend: Settings) -> None:
    from rich.console import Console

    from app.headless_render import render_summary

    out = io.StringIO()
    hostile_run(backend, live=False)
    from app.core.summary import JobResult, RunResult

    result = RunResult(
        1,
        "failed",
        "testing",
        "sandbox",
        "t",
        "db",
        1.0,
        "log",
        "art",
        [JobResult("[bold]x[/]", "g", "failed", 1, 1.0, 0, error="[@click=app.quit]boom[/] \x1b[2J")],
    )
    Console(file=out, width=200, color_system=None).print(render_summary(result))
    printed = out.getvalue()
    assert "[bold]x[/]" in printed and "[@click=app.quit]boom[/]" in printed
    assert "\x1b" not in printed
