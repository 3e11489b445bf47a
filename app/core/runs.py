"""Run IDs: allocated by the database's own counter, never read-max-then-insert, never a lock.

A run whose process died is noticed at the next start (same host: its PID is gone; any host: its
heartbeat is stale) and marked `interrupted`, so it never blocks later runs.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterable
from datetime import timedelta

from app.core.models import Run, utcnow

HEARTBEAT_STALE_AFTER = timedelta(minutes=10)


def this_host() -> str:
    return socket.gethostname()


def allocate_run(mode: str, sites: str, plan: str, jobs: Iterable[str], front_end: str = "headless") -> Run:
    """Insert the run row; the database assigns the next ID atomically."""
    now = utcnow()
    return Run.create(
        mode=mode,
        sites=sites,
        plan=plan,
        jobs=json.dumps(list(jobs)),
        host=this_host(),
        pid=os.getpid(),
        front_end=front_end,
        started_at=now,
        heartbeat_at=now,
        status="running",
    )


def heartbeat(run_id: int) -> None:
    Run.update(heartbeat_at=utcnow()).where(Run.id == run_id, Run.status == "running").execute()


def finish_run(run_id: int, status: str, summary: dict | None = None) -> None:
    Run.update(status=status, finished_at=utcnow(), summary=json.dumps(summary or {}, default=str)).where(
        Run.id == run_id
    ).execute()


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie (killed, not yet reaped) is as good as dead
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def mark_interrupted_runs(current_run_id: int | None = None) -> list[int]:
    """Mark runs whose process is gone as interrupted; returns their IDs."""
    host = this_host()
    stale_before = utcnow() - HEARTBEAT_STALE_AFTER
    dead: list[int] = []
    for run in Run.select(Run.id, Run.host, Run.pid, Run.heartbeat_at).where(Run.status == "running"):
        if run.id == current_run_id:
            continue
        same_host_dead = run.host == host and not _pid_alive(run.pid)
        if same_host_dead or run.heartbeat_at < stale_before:
            dead.append(run.id)
    if dead:
        Run.update(status="interrupted", finished_at=utcnow()).where(
            Run.id.in_(dead), Run.status == "running"
        ).execute()
    return dead
