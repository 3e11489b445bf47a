"""Run IDs: atomic allocation under parallel processes (SQLite and PostgreSQL), dead runs noticed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.models import Run
from app.core.runs import allocate_run, finish_run, mark_interrupted_runs
from app.core.settings import Settings
from tests.conftest import PROJECT_ROOT

ALLOCATE = """
import json, sys
from pathlib import Path
from app.core.db import open_database
from app.core.runs import allocate_run
from app.core.settings import Settings
from registry.schema import load_models
settings = Settings(mode="testing", data_dir=Path(sys.argv[1]), artifacts_dir=Path(sys.argv[1]),
                    database_url=sys.argv[2] or None)
load_models()
open_database(settings)
sys.stdout.write("ready\\n"); sys.stdout.flush()
sys.stdin.readline()  # start together
print(json.dumps([allocate_run("testing", "sandbox", "p", []).id for _ in range(50)]))
"""


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    env["KARTISERET_ENV_FILE"] = "/nonexistent.env"
    return env


def allocate_in_parallel(settings: Settings, processes: int = 4) -> list[int]:
    children = [
        subprocess.Popen(
            [sys.executable, "-c", ALLOCATE, str(settings.data_dir), settings.database_url or ""],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=child_env(),
            cwd=PROJECT_ROOT,
        )
        for _ in range(processes)
    ]
    for child in children:  # every process connected and created the schema
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    ids: list[int] = []
    for child in children:
        out, _ = child.communicate(timeout=120)
        assert child.returncode == 0
        ids.extend(json.loads(out.strip().splitlines()[-1]))
    return ids


def test_four_processes_allocate_two_hundred_distinct_ids(backend: Settings) -> None:
    ids = allocate_in_parallel(backend)
    assert len(ids) == 200
    assert len(set(ids)) == 200
    assert Run.select().count() == 200


def test_ids_increase_within_one_process(backend: Settings) -> None:
    first = allocate_run("testing", "sandbox", "p", []).id
    second = allocate_run("testing", "sandbox", "p", []).id
    assert second > first


def test_run_of_dead_process_is_marked_interrupted(backend: Settings) -> None:
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    run = allocate_run("testing", "sandbox", "p", [])
    Run.update(pid=sleeper.pid).where(Run.id == run.id).execute()
    assert mark_interrupted_runs() == []  # still alive: untouched
    sleeper.send_signal(signal.SIGKILL)
    sleeper.wait()
    assert mark_interrupted_runs() == [run.id]
    assert Run.get_by_id(run.id).status == "interrupted"
    finished = allocate_run("testing", "sandbox", "p", [])
    finish_run(finished.id, "ok")
    assert mark_interrupted_runs() == []  # finished runs are never touched


def test_stale_heartbeat_from_another_host_is_interrupted(backend: Settings) -> None:
    from datetime import timedelta

    from app.core.models import utcnow

    run = allocate_run("testing", "sandbox", "p", [])
    Run.update(host="elsewhere", heartbeat_at=utcnow() - timedelta(hours=1)).where(Run.id == run.id).execute()
    fresh = allocate_run("testing", "sandbox", "p", [])
    Run.update(host="elsewhere").where(Run.id == fresh.id).execute()
    assert mark_interrupted_runs() == [run.id]


def test_killed_headless_run_is_interrupted_at_next_start(tmp_path: Path) -> None:
    """A real run killed with SIGKILL mid-job; the next real run marks it interrupted."""
    env = child_env() | {
        "KARTISERET_DATA_DIR": str(tmp_path / "data"),
        "KARTISERET_ARTIFACTS_DIR": str(tmp_path / "artifacts"),
        "KARTISERET_TEST_MARKER": str(tmp_path / "started"),
    }
    script = "from tests.core.run_plan import main; raise SystemExit(main())"
    victim = subprocess.Popen(
        [sys.executable, "-c", script, "sleepy"],
        env=env,
        cwd=PROJECT_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    marker = tmp_path / "started"
    while not marker.exists():
        assert victim.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    victim_run = int(marker.read_text())
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    follower = subprocess.run(
        [sys.executable, "-c", script, "quick"], env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120
    )
    assert follower.returncode == 0, follower.stderr
    from app.core.db import open_database

    open_database(Settings(mode="testing", data_dir=tmp_path / "data", artifacts_dir=tmp_path / "artifacts"))
    assert Run.get_by_id(victim_run).status == "interrupted"
    assert Run.select().where(Run.id > victim_run, Run.status == "ok").count() == 1


@pytest.fixture(autouse=True)
def _close_db():
    yield
    from app.core.db import close_database

    close_database()
