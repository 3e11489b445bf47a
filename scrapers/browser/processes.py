"""The process table seen through /proc: which processes a browser left behind, and ending them by PID.

Used to make sure a quit browser leaves no chromium/chromedriver behind, and by tests to prove it.
Only PIDs we started (the chromedriver child and its descendants) are ever signalled.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

PROC = Path("/proc")


def _stat(pid: int) -> tuple[str, int, str] | None:
    """(name, parent pid, state) of a process, or None when it is gone."""
    try:
        raw = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    name = raw[raw.index("(") + 1 : raw.rindex(")")]
    fields = raw[raw.rindex(")") + 2 :].split()
    return name, int(fields[1]), fields[0]


def alive(pid: int) -> bool:
    """True when the process exists and is not a zombie."""
    stat = _stat(pid)
    return stat is not None and stat[2] not in ("Z", "X")


def descendants(pid: int) -> list[int]:
    """All living descendants of `pid` (children, grandchildren, …)."""
    children: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            stat = _stat(int(entry.name))
            if stat is not None:
                children.setdefault(stat[1], []).append(int(entry.name))
    found, todo = [], list(children.get(pid, []))
    while todo:
        child = todo.pop()
        found.append(child)
        todo.extend(children.get(child, []))
    return [p for p in found if alive(p)]


def browser_processes() -> list[tuple[int, str]]:
    """Every living chromium/chromedriver process on the machine (PID, name)."""
    result = []
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            stat = _stat(int(entry.name))
            if stat and stat[2] not in ("Z", "X") and ("chrom" in stat[0].lower()):
                result.append((int(entry.name), stat[0]))
    return result


def kill_pids(pids: list[int]) -> None:
    """SIGKILL the given PIDs (ours only); already-gone ones are ignored."""
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
