"""`kartiseret` in a real pseudo-terminal, as a user runs it: keys in, screen out, summary after exit."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import sys
import termios
import threading
import time
from pathlib import Path

from tests.conftest import PROJECT_ROOT
from tests.core.test_run_ids import child_env

ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|[@-Z\\-_])")
LEAVE_ALT_SCREEN = "\x1b[?1049l"


class Terminal:
    """A child process on a pty of a fixed size; its output collected in the background."""

    def __init__(self, args: list[str], env: dict[str, str], size: tuple[int, int] = (140, 45)) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: a 140x45 terminal, then kartiseret
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
            os.chdir(PROJECT_ROOT)
            os.execve(sys.executable, [sys.executable, *args], env)
        self.raw = bytearray()
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            with self.lock:
                self.raw += chunk

    def output(self) -> str:
        with self.lock:
            return self.raw.decode("utf-8", "replace")

    def text(self) -> str:
        return ESCAPES.sub("", self.output())

    def wait_for(self, needle: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while needle not in self.text():
            if time.monotonic() > deadline:
                raise AssertionError(f"never saw {needle!r}; screen text ends: {self.text()[-2000:]!r}")
            time.sleep(0.05)

    def send(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def wait_exit(self, timeout: float = 60.0) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
            time.sleep(0.05)
        os.kill(self.pid, 9)
        raise AssertionError("kartiseret did not exit")


def test_selfcheck_in_a_real_terminal_prints_the_summary_after_exit(tmp_path: Path) -> None:
    env = child_env() | {
        "KARTISERET_DATA_DIR": str(tmp_path / "data"),
        "KARTISERET_ARTIFACTS_DIR": str(tmp_path / "artifacts"),
        "KARTISERET_SITES": "live",
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
    }
    env.pop("CI", None)  # with CI set the command line runs headless on purpose
    term = Terminal(["-m", "app"], env)
    term.wait_for("Israeli cinema data")  # the mode screen
    term.send("t")
    term.wait_for("small batches, separate tables")
    term.send("\r")
    term.wait_for("Choose what to run")
    term.send("\x0e")  # ctrl+n: none ticked
    term.send("selfcheck")
    term.wait_for("filter selfcheck")
    term.send(" \r")
    term.wait_for("selfcheck_fail")
    term.wait_for("finished with 1 not ok")
    term.send("q")
    assert term.wait_exit() == 1
    output = term.output()
    assert LEAVE_ALT_SCREEN in output
    after = output.rsplit(LEAVE_ALT_SCREEN, 1)[1]
    summary = ESCAPES.sub("", after)
    assert re.search(r"Run \d+ — FAILED — mode testing \(TESTING", summary), summary
    assert "selfcheck_fail" in summary and "selfcheck_retry" in summary and "artifacts:" in summary
    assert "\x1b[" not in after.replace("\x1b[?", "")  # plain text, no colours or cursor moves
