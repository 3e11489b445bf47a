"""Faults that hit the process itself, with a real browser mid-scrape: SIGKILL, SIGINT, SIGTERM.

What the product guarantees (README "Scaling out"): a signalled run cancels cleanly — exit 130, run
`cancelled`, no chromium/chromedriver left; a SIGKILLed run cannot clean up after itself, so the next
`kartiseret` start marks it `interrupted`, its sandbox exits on its own, and the next browser start on
the machine reaps the browsers its dead owner left behind.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
from pathlib import Path

import pytest

from tests.reliability.harness import env_for, kartiseret, kill_session, spawn
from tests.reliability.process_table import alive, sandboxes_of, session_browsers, session_processes, wait_until
from tests.scrapers.roundtrip import free_port

pytestmark = pytest.mark.browser
LONG_SCRAPE = ("--no-tui", "--mode", "regular", "--job", "tlv_cinematheque")  # 60 dates: long enough to interrupt


def started_scraping(process: subprocess.Popen, out: Path) -> int:
    """Wait until the scraper reported progress with its browser open; returns the run ID."""

    def ready() -> bool:
        assert process.poll() is None, out.read_text()
        return "tlv_cinematheque: progress" in out.read_text() and bool(session_browsers(process.pid))

    wait_until(ready, "the scraper to be mid-scrape with its browser open", 180)
    return int(re.search(r"\[run (\d+)\] started", out.read_text()).group(1))


def run_status(env: dict[str, str], run_id: int) -> str:
    done = kartiseret(env, "runs", "show", str(run_id), "--mode", "regular")
    assert done.returncode == 0, done.stderr
    return done.stdout.split(":", 1)[1].split(",", 1)[0].strip()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """No sandbox running at this URL: each run starts (and owns) its own."""
    return env_for(tmp_path, KARTISERET_SANDBOX_URL=f"http://127.0.0.1:{free_port()}")


@pytest.mark.parametrize("how", ["SIGINT to the process group (ctrl+c)", "SIGTERM to the process"])
def test_a_signal_mid_scrape_cancels_with_130_and_leaves_no_browser(tmp_path: Path, env, how: str) -> None:
    out = tmp_path / "out.log"
    process = spawn(env, *LONG_SCRAPE, out=out)
    try:
        run_id = started_scraping(process, out)
        sandbox = sandboxes_of(process.pid)
        if how.startswith("SIGINT"):
            os.killpg(process.pid, signal.SIGINT)  # what a terminal does: every process of the foreground group
        else:
            process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=120) == 130, out.read_text()
        text = out.read_text()
        assert "CANCELLED" in text and "Traceback" not in text, text
        assert session_processes(process.pid) == []  # no chromium, no chromedriver, nothing else
        assert sandbox and sandboxes_of(process.pid) == []  # the run's own sandbox stopped too
        assert run_status(env, run_id) == "cancelled"
    finally:
        kill_session(process.pid)


def test_sigkill_mid_scrape_next_start_marks_interrupted_and_reaps_the_browsers(tmp_path: Path, env) -> None:
    out = tmp_path / "killed.log"
    victim = spawn(env, *LONG_SCRAPE, out=out)
    try:
        run_id = started_scraping(victim, out)
        sandbox = sandboxes_of(victim.pid)
        left = session_browsers(victim.pid)
        victim.send_signal(signal.SIGKILL)
        assert victim.wait(timeout=30) == -signal.SIGKILL
        # The sandbox it started watches its parent and exits on its own.
        assert sandbox, "the run started no sandbox of its own"
        wait_until(lambda: not sandboxes_of(victim.pid), "the orphaned sandbox to exit", 30)
        assert run_status(env, run_id) == "running"  # nobody has looked yet
        after = kartiseret(env, "--no-tui", "--mode", "regular", "--job", "yes_planet_soon")
        assert after.returncode == 0, after.stdout + after.stderr
        assert run_status(env, run_id) == "interrupted"
        assert [p for p, _ in left if alive(p)] == [], "browsers of the killed run survived the next start"
        assert session_processes(victim.pid) == []
    finally:
        kill_session(victim.pid)
