"""The process table seen from a test: which processes a run (a whole session) left behind.

Every `kartiseret` the reliability tests start runs in its own session, and its chromedriver and
Chromium processes inherit that session even after the parent dies and they are re-parented. So
"what did this run leave behind" is "which processes of its session are still alive" — exact, and
blind to the browsers of other tests running on the same machine at the same time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

PROC = Path("/proc")


def _stat(pid: str) -> list[str] | None:
    try:
        raw = (PROC / pid / "stat").read_text()
    except OSError:
        return None
    return [raw[raw.index("(") + 1 : raw.rindex(")")], *raw[raw.rindex(")") + 2 :].split()]


def session_processes(session: int) -> list[tuple[int, str]]:
    """(PID, name) of every living (non-zombie) process of a session."""
    found = []
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            fields = _stat(entry.name)  # name, state, ppid, pgrp, session, …
            if fields and fields[1] not in ("Z", "X") and int(fields[4]) == session:
                found.append((int(entry.name), fields[0]))
    return found


def session_browsers(session: int) -> list[tuple[int, str]]:
    """The chromedriver/Chromium processes of a session."""
    return [(pid, name) for pid, name in session_processes(session) if "chrom" in name.lower()]


def sandboxes_of(owner: int) -> list[int]:
    """PIDs of the sandboxes a `kartiseret` process started for its run (`python -m scrapers.sandbox.child OWNER`).

    They run in their own session, so they are found by their command line, even after the owner died.
    """
    found = []
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            try:
                argv = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"scrapers.sandbox.child" in argv and str(owner).encode() in argv and alive(int(entry.name)):
                found.append(int(entry.name))
    return found


def has_open(pid: int, path: Path) -> bool:
    """Does the process have this file open (e.g. reached its database)?"""
    try:
        return any(Path(fd).resolve() == path.resolve() for fd in (PROC / str(pid) / "fd").iterdir())
    except OSError:
        return False


def alive(pid: int) -> bool:
    fields = _stat(str(pid))
    return fields is not None and fields[1] not in ("Z", "X")


def wait_until(condition: Callable[[], object], what: str, timeout: float = 60.0, every: float = 0.05) -> object:
    """Poll until `condition()` is truthy (returns its value); fail naming `what` after an overall bound."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for: {what}")
        time.sleep(every)
