"""One publisher per cinema at a time, with a lock a dead process cannot keep: a real publisher process
frozen inside a cinema's publish transaction holds that cinema; a second real `kartiseret` process
waits for it; SIGKILL the first and the second finishes, leaving exactly the tables of a clean run.
PostgreSQL: a row lock, released by the server when the dead process's connection drops. SQLite: the
database's write lock (`BEGIN IMMEDIATE`), released by the operating system when the process dies."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import psycopg2

from app.core.db import sqlite_path
from app.core.settings import Settings
from tests.conftest import PG_URL, PROJECT_ROOT
from tests.core.test_run_ids import child_env
from tests.dataflows.helpers import fixture_files, import_files, run_dataflows, snapshot_tables, wipe_database
from tests.reliability.harness import env_for, spawn
from tests.reliability.process_table import has_open, wait_until


def frozen_publisher(settings: Settings, marker: Path) -> subprocess.Popen:
    """The dataflows' crash driver: publishes, and freezes inside the second cinema's transaction."""
    return subprocess.Popen(
        [sys.executable, "-m", "tests.dataflows.crash_driver", str(settings.data_dir), settings.database_url or "",
         str(marker), "publish"],
        cwd=PROJECT_ROOT, env=child_env(), stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def waiting_on_a_lock() -> int:
    """PostgreSQL backends of this database blocked by another backend's lock right now."""
    with psycopg2.connect(PG_URL.replace("postgresql://", "postgres://")) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock' AND cardinality(pg_blocking_pids(pid)) > 0"
        )
        return cur.fetchone()[0]


def write_lock_taken(settings: Settings) -> bool:
    """SQLite: can nobody else start a write transaction right now?"""
    probe = sqlite3.connect(sqlite_path(settings), timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        assert "locked" in str(exc)
        return True
    finally:
        probe.close()


def test_a_dead_publisher_never_keeps_a_cinema_locked(backend: Settings, tmp_path: Path) -> None:
    files = fixture_files("590")
    import_files(backend, files)
    marker = tmp_path / "frozen"
    first = frozen_publisher(backend, marker)
    second = None
    try:
        wait_until(lambda: marker.exists() or first.poll() is not None, "the first publisher to hold a cinema", 120)
        assert first.poll() is None, first.stderr.read() if first.stderr else ""
        env = env_for(tmp_path, **({"DATABASE_URL": backend.database_url} if backend.database_url else {}))
        second = spawn(env, "--no-tui", "--group", "dataflows", out=tmp_path / "second.log")
        if backend.database_url:
            wait_until(waiting_on_a_lock, "the second publisher to wait for the first one's lock", 120)
        else:  # SQLite has one writer at a time: the second process cannot even record its run yet
            assert write_lock_taken(backend)
            database = sqlite_path(backend)
            wait_until(lambda: has_open(second.pid, database), "the second process to open the database", 120)
        assert second.poll() is None  # still waiting, not publishing alongside

        first.send_signal(signal.SIGKILL)
        assert first.wait(timeout=30) == -signal.SIGKILL
        assert second.wait(timeout=300) == 0, (tmp_path / "second.log").read_text()
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait(timeout=30)
    after_the_crash = snapshot_tables()
    wipe_database()  # the same import, published by one undisturbed process
    import_files(backend, files)
    run_dataflows(backend)
    assert after_the_crash == snapshot_tables()
