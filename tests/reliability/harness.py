"""Real processes for the reliability tests: `kartiseret` runs, a `kartiseret sandbox`, a remote WebDriver.

Each `kartiseret` starts in its own session (see `process_table.py`) with the environment a user
would give it; nothing is imported into the test process except what the assertions read.
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import PROJECT_ROOT
from tests.core.test_headless_cli import cli_env
from tests.reliability.process_table import session_processes, wait_until
from tests.scrapers.roundtrip import free_port

KARTISERET = [sys.executable, "-m", "app"]


def env_for(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A user's environment for one test: its own data and artifacts folders, no `.env`, no CI flag."""
    env = cli_env(tmp_path) | {"KARTISERET_MODE": "testing", "KARTISERET_SITES": "sandbox"} | extra
    env.pop("CI", None)
    for name in ("DATABASE_URL", "SELENIUM_REMOTE_URL", "TMDB_API_KEY", "KARTISERET_WORKERS"):
        if name not in extra:
            env.pop(name, None)
    return env


def kartiseret(env: dict[str, str], *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run `kartiseret ARGS` to the end (its own session); stdout/stderr captured as text."""
    return subprocess.run(
        [*KARTISERET, *args], env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=timeout,
        start_new_session=True,
    )  # fmt: skip


def spawn(env: dict[str, str], *args: str, out: Path) -> subprocess.Popen:
    """Start `kartiseret ARGS` in its own session, stdout and stderr to `out` (read it while it runs)."""
    handle = out.open("w", encoding="utf-8")
    try:
        return subprocess.Popen(
            [*KARTISERET, *args], env=env, cwd=PROJECT_ROOT, stdout=handle, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
    finally:
        handle.close()


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def stop(process: subprocess.Popen) -> None:
    """End a process this test started (by its PID) and whatever of its session is left."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)
    kill_session(process.pid)


def kill_session(session: int) -> None:
    """SIGKILL what is left of a session this test started (cleanup after a deliberate crash)."""
    import os
    import signal

    for pid, _ in session_processes(session):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    wait_until(lambda: not session_processes(session), "the session to be gone", 30)


@contextmanager
def sandbox_process(tmp_path: Path, *options: str) -> Iterator[str]:
    """`kartiseret sandbox --port P OPTIONS…` as a real process; yields its URL."""
    port = free_port()
    env = env_for(tmp_path)
    log = tmp_path / f"sandbox-{port}.log"
    process = spawn(env, "sandbox", "--port", str(port), *options, out=log)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: answers(url + "/_sandbox/health") or process.poll() is not None, "the sandbox", 60)
        assert process.poll() is None, log.read_text()
        yield url
    finally:
        stop(process)


def sandbox_health(url: str) -> dict:
    with urllib.request.urlopen(url + "/_sandbox/health", timeout=5) as response:
        return json.loads(response.read().decode("utf-8"))


@contextmanager
def chromedriver_endpoint(log: Path) -> Iterator[str]:
    """A standalone chromedriver on a port: a remote WebDriver as far as Selenium is concerned."""
    port = free_port()
    process = subprocess.Popen(
        ["/usr/bin/chromedriver", f"--port={port}", "--allowed-ips=127.0.0.1", f"--log-path={log}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: answers(url + "/status"), "chromedriver /status", 30)
        yield url
    finally:
        stop(process)


def json_summary(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
