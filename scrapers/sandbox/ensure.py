"""`--sites sandbox` with no sandbox running: start one for this run, and stop it when the run ends.

Ownership: the `kartiseret` process that started the sandbox owns it. The child runs in its own
session (a Ctrl-C in the terminal reaches only the parent), is stopped by PID at interpreter exit,
and also exits on its own when its parent dies (it watches the parent PID). A sandbox that was
already answering is someone else's and is left alone.
"""

from __future__ import annotations

import atexit
import os
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from app.core.errors import ConfigError
from app.core.plan import Plan
from app.core.settings import Settings

START_TIMEOUT_S = 30.0
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
_STARTED: list[subprocess.Popen] = []


def sandbox_answers(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url.rstrip("/") + "/_sandbox/today", timeout=timeout) as response:
            return response.status == 200
    except OSError:
        return False


def ensure_sandbox_for(settings: Settings, plan: Plan) -> None:
    """Start a sandbox at `settings.sandbox_url` when the plan scrapes and none answers there."""
    if not any(job.resource == "browser" for job in plan.jobs):
        return
    url = settings.sandbox_url
    if sandbox_answers(url):
        return
    parts = urlsplit(url)
    if parts.hostname not in LOCAL_HOSTS:
        raise ConfigError(f"no sandbox answers at {url} (and it is not on this machine, so none can be started)")
    start_sandbox(parts.port or 80, settings.data_dir / "sandbox.log")
    if not _wait_until_answering(url, START_TIMEOUT_S):
        stop_started()
        raise ConfigError(f"started a sandbox for {url} but it did not answer within {START_TIMEOUT_S:.0f}s "
                          f"(see {settings.data_dir / 'sandbox.log'})")


def start_sandbox(port: int, log_path: Path, extra: list[str] | None = None) -> subprocess.Popen:
    """`python -m scrapers.sandbox.child` on this port, in its own session, logging to `log_path`."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log = log_path.open("ab")
    command = [sys.executable, "-m", "scrapers.sandbox.child", str(os.getpid()), "--port", str(port), *(extra or [])]
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               start_new_session=True, cwd=str(Path(__file__).resolve().parents[2]))
    log.close()
    _STARTED.append(process)
    return process


def _wait_until_answering(url: str, timeout: float) -> bool:
    stop = threading.Event()
    waited = 0.0
    while waited < timeout:
        if sandbox_answers(url, timeout=1.0):
            return True
        if any(p.poll() is not None for p in _STARTED):
            return False
        stop.wait(0.1)
        waited += 0.1
    return False


@atexit.register
def stop_started() -> None:
    """Stop the sandboxes this process started (by their PID), waiting for them to go."""
    while _STARTED:
        process = _STARTED.pop()
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
