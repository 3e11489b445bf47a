"""ctrl+c in the full-screen app, in a real pseudo-terminal, while a real browser scrapes.

The app asks first; a second ctrl+c confirms. Then the run is cancelled, every browser is gone, the
terminal is handed back as it was (alternate screen left, cursor shown, mouse and paste modes off),
and the plain summary is printed on the normal screen. Exit code 130, as headless.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.reliability.harness import env_for, kill_session
from tests.reliability.process_table import sandboxes_of, session_browsers, session_processes, wait_until
from tests.scrapers.roundtrip import free_port
from tests.tui.test_terminal import ESCAPES, LEAVE_ALT_SCREEN, Terminal

pytestmark = pytest.mark.browser
PRIVATE_MODE = re.compile(r"\x1b\[\?([\d;]+)([hl])")
RESTORED = {"1049": "l", "25": "h", "1000": "l", "1003": "l", "1006": "l", "2004": "l"}


def final_modes(output: str) -> dict[str, str]:
    """The last set (h) or reset (l) of every private terminal mode the app touched."""
    modes: dict[str, str] = {}
    for numbers, action in PRIVATE_MODE.findall(output):
        for number in numbers.split(";"):
            modes[number] = action
    return modes


def test_ctrl_c_twice_cancels_the_scrape_restores_the_terminal_and_leaves_no_browser(tmp_path: Path) -> None:
    env = env_for(tmp_path, KARTISERET_SANDBOX_URL=f"http://127.0.0.1:{free_port()}", TERM="xterm-256color")
    term = Terminal(["-m", "app", "--mode", "regular", "--job", "tlv_cinematheque"], env)
    try:
        wait_until(lambda: session_browsers(term.pid), "the scraper's browser", 180)
        sandbox = sandboxes_of(term.pid)
        term.wait_for("tlv_cinematheque")
        term.send("\x03")
        term.wait_for("Quit while jobs are running?")
        term.send("\x03")  # ctrl+c twice: yes
        assert term.wait_exit(timeout=120) == 130
        output = term.output()
        modes = final_modes(output)
        assert modes.get("1049") == "l" and {m: a for m, a in modes.items() if RESTORED.get(m, a) != a} == {}
        summary = ESCAPES.sub("", output.rsplit(LEAVE_ALT_SCREEN, 1)[1])
        assert re.search(r"Run \d+ — CANCELLED — mode regular", summary), summary
        assert "tlv_cinematheque" in summary and "cancelled" in summary
        assert session_processes(term.pid) == []  # no chromium, no chromedriver, nothing else
        assert sandbox and sandboxes_of(term.pid) == []  # the sandbox it started for the run stopped too
    finally:
        kill_session(term.pid)
