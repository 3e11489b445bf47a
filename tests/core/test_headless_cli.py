"""The headless front end as a user runs it: real processes, exit codes, output, --json."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT
from tests.core.test_run_ids import child_env


def cli_env(tmp_path: Path) -> dict[str, str]:
    return child_env() | {
        "KARTISERET_DATA_DIR": str(tmp_path / "data"),
        "KARTISERET_ARTIFACTS_DIR": str(tmp_path / "artifacts"),
    }


def kartiseret(tmp_path: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        env=cli_env(tmp_path),
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_selfcheck_group_exits_1_with_summary(tmp_path: Path) -> None:
    done = kartiseret(tmp_path, "--no-tui", "--mode", "testing", "--group", "selfcheck")
    assert done.returncode == 1
    assert "\x1b" not in done.stdout and "\x1b" not in done.stderr
    run_id = 1
    assert f"Run {run_id} — FAILED" in done.stdout
    assert "TESTING" in done.stdout
    for job in ("selfcheck_progress", "selfcheck_retry", "selfcheck_fail"):
        assert f"[run {run_id}] {job}: started" in done.stdout
    assert "selfcheck_retry: attempt 1 failed" in done.stdout
    assert "log:" in done.stdout and "artifacts:" in done.stdout


def test_succeeding_jobs_exit_0_and_json_has_contract_keys(tmp_path: Path) -> None:
    out = tmp_path / "summary.json"
    done = kartiseret(
        tmp_path,
        "--no-tui",
        "--mode",
        "testing",
        "--job",
        "selfcheck_progress",
        "--job",
        "selfcheck_retry",
        "--json",
        str(out),
    )
    assert done.returncode == 0, done.stdout + done.stderr
    data = json.loads(out.read_text())
    assert {"run_id", "status", "mode", "jobs", "log", "artifacts"} <= set(data)
    assert (data["status"], data["mode"]) == ("ok", "testing")
    jobs = {job["name"]: job for job in data["jobs"]}
    assert set(jobs) == {"selfcheck_progress", "selfcheck_retry"}
    for job in jobs.values():
        assert {"name", "group", "status", "attempts", "duration_s", "rows", "error"} <= set(job)
    assert (jobs["selfcheck_retry"]["attempts"], jobs["selfcheck_progress"]["rows"]) == (2, 20)
    assert Path(data["log"]).is_file() and Path(data["log"]).parent.name == str(data["run_id"])


def test_two_runs_started_together_get_different_ids(tmp_path: Path) -> None:
    args = [sys.executable, "-m", "app", "--no-tui", "--mode", "testing", "--job", "selfcheck_progress", "--json"]
    procs = [
        subprocess.Popen(
            [*args, str(tmp_path / f"{i}.json")],
            env=cli_env(tmp_path),
            cwd=PROJECT_ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for i in range(2)
    ]
    assert [p.wait(120) for p in procs] == [0, 0]
    ids = {json.loads((tmp_path / f"{i}.json").read_text())["run_id"] for i in range(2)}
    assert len(ids) == 2
    listing = kartiseret(tmp_path, "runs", "--mode", "testing")
    assert all(f"\n{i:>5}  testing" in "\n" + listing.stdout for i in ids)
    shown = kartiseret(tmp_path, "runs", "show", str(min(ids)), "--mode", "testing")
    assert "selfcheck_progress" in shown.stdout and shown.returncode == 0


@pytest.mark.parametrize(
    ("args", "env", "needle"),
    [
        (["--no-tui", "--mode", "fast"], {}, "--mode"),
        (["--no-tui", "--job", "no_such_job"], {}, "unknown job 'no_such_job'"),
        (["--no-tui"], {"KARTISERET_WORKERS": "many"}, "KARTISERET_WORKERS"),
        (["--no-tui", "--db", "mysql://x/y"], {}, "--db"),
        (
            ["--no-tui", "--group", "selfcheck", "--db", "postgresql://postgres@127.0.0.1:1/test"],
            {},
            "database unreachable",
        ),
        (["runs", "show", "999"], {}, "no run 999"),
    ],
)
def test_usage_and_configuration_errors_exit_2_with_one_line(tmp_path: Path, args, env, needle) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "app", *args],
        env=cli_env(tmp_path) | env,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0], done.stderr
    assert "Traceback" not in done.stderr


def test_headless_path_never_imports_textual(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom app.cli import main\n"
        "rc = main(['--no-tui', '--mode', 'testing', '--job', 'selfcheck_progress'])\n"
        "assert 'textual' not in sys.modules, 'textual imported'\nraise SystemExit(rc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=cli_env(tmp_path),
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


def test_auto_headless_without_terminal_says_so(tmp_path: Path) -> None:
    done = kartiseret(tmp_path, "--mode", "testing", "--job", "selfcheck_progress")
    assert done.returncode == 0
    assert "running headless" in done.stderr


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_signal_cancels_run_with_exit_130(tmp_path: Path, sig: signal.Signals) -> None:
    env = cli_env(tmp_path) | {"KARTISERET_TEST_MARKER": str(tmp_path / "started")}
    proc = subprocess.Popen(
        [sys.executable, "-c", "from tests.core.run_plan import main; raise SystemExit(main())", "sleepy", "quick"],
        env=env,
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not (tmp_path / "started").exists():
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    proc.send_signal(sig)
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "CANCELLED" in out and "sleepy" in out
