"""Another process holding SQLite's write lock for longer than the busy timeout (several processes writing
big batches to one file): the attempt rows of a run wait and go in once the lock is free — none is lost,
and the run is not ended by its own bookkeeping (found by `bench/scaleout_concurrent_runs.py`)."""

from __future__ import annotations

import sqlite3

from app.core.db import database, sqlite_path
from app.core.models import Attempt, utcnow
from app.core.recorder import AttemptRecorder
from app.core.runs import allocate_run
from app.core.settings import Settings
from tests.reliability.process_table import wait_until


def test_attempts_survive_a_write_lock_held_past_the_busy_timeout(tmp_settings: Settings) -> None:
    from app.tui.app import open_store

    open_store(tmp_settings)
    run = allocate_run("testing", "sandbox", "p", ["a", "b"])
    db = database.obj  # every connection (the recorder's thread has its own) waits 50 ms, not 60 s
    db._pragmas = [(name, 50 if name == "busy_timeout" else value) for name, value in db._pragmas]
    other = sqlite3.connect(sqlite_path(tmp_settings), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process writing a long batch
    recorder = AttemptRecorder(flush_every_s=0.01)
    try:
        began = utcnow()
        for job in ("a", "b"):
            recorder.started(run.id, job, "g", 1, began)
        wait_until(lambda: recorder._error is not None, "a write to fail on the lock", 30)
        done = {"run_id": run.id, "job": "a", "group": "g", "attempt": 1, "status": "ok", "started_at": began}
        recorder.finished(done | {"finished_at": utcnow()})  # as the executor sends it
    finally:
        other.execute("COMMIT")
        other.close()
    recorder.close()  # no error left to raise: the kept rows went in once the lock was free
    rows = {a.job: a.status for a in Attempt.select().where(Attempt.run_id == run.id)}
    assert rows == {"a": "ok", "b": "running"}
