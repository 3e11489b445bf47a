"""The process table seen through /proc: which processes a browser left behind, and ending them by PID.

Used to make sure a quit browser leaves no chromium/chromedriver behind, and by tests to prove it.
Only PIDs we started (the chromedriver child and its descendants) are ever signalled.
"""

from __future__ import annotations

import os
import select
import signal
import time
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
    return descendants_of([pid])


def descendants_of(pids: list[int]) -> list[int]:
    """All living descendants of any of `pids` (one pass over the process table)."""
    children: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            stat = _stat(int(entry.name))
            if stat is not None:
                children.setdefault(stat[1], []).append(int(entry.name))
    found, todo = [], [child for pid in pids for child in children.get(pid, [])]
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


# ------------------------------------------------------------------------------------------ orphans
# A SIGKILLed (or OOM-killed) kartiseret cannot quit its browsers: chromedriver and Chromium do not
# watch their parent. Each local browser therefore carries its owner in its environment (chromedriver
# and the Chromium it starts inherit it), and the next browser start on the machine reaps the browsers
# whose owner is gone. Owner = "PID:start time", so a reused PID never passes for the dead owner.
OWNER_ENV = "KARTISERET_BROWSER_OWNER"


def start_time(pid: int) -> str:
    """The process's start time in clock ticks since boot ('' when gone): with the PID, a unique identity."""
    try:
        raw = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return ""
    return raw[raw.rindex(")") + 2 :].split()[19]


def owner_tag(pid: int | None = None) -> str:
    """This process as a browser owner: "PID:start time"."""
    pid = pid or os.getpid()
    return f"{pid}:{start_time(pid)}"


def _owner_of(pid: int) -> str:
    try:
        environ = (PROC / str(pid) / "environ").read_bytes()
    except OSError:
        return ""
    marker = f"{OWNER_ENV}=".encode()
    for entry in environ.split(b"\0"):
        if entry.startswith(marker):
            return entry[len(marker) :].decode("ascii", "replace")
    return ""


def _owner_gone(tag: str) -> bool:
    pid, _, started = tag.partition(":")
    return not (pid.isdigit() and alive(int(pid)) and start_time(int(pid)) == started)


def orphaned_browsers() -> list[int]:
    """PIDs of browsers (chromedriver, Chromium and their children) whose owning kartiseret is gone."""
    tagged = [pid for pid, _ in browser_processes() if (tag := _owner_of(pid)) and _owner_gone(tag)]
    return sorted({*tagged, *descendants_of(tagged)}) if tagged else []


def reap_orphans() -> list[int]:
    """Kill the browsers of dead owners; returns their PIDs."""
    pids = orphaned_browsers()
    kill_pids(pids)
    return pids


def wait_gone(pids: list[int], timeout: float = 5.0) -> None:
    """Wait (bounded) until killed processes have really exited, so "quit" means "gone".

    A pidfd becomes readable when its process exits: a real wait on the event, no polling.
    """
    deadline = time.monotonic() + timeout
    for pid in pids:
        try:
            handle = os.pidfd_open(pid)
        except OSError:  # already gone
            continue
        try:
            select.select([handle], [], [], max(0.0, deadline - time.monotonic()))
        finally:
            os.close(handle)
