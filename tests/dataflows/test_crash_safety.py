"""A dataflow process killed with SIGKILL mid-transaction loses nothing: a re-run gives a clean run's tables."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.settings import Settings
from dataflows.models import CleanRow, PublishState, Showtime
from dataflows.store import get_watermark
from tests.conftest import PROJECT_ROOT
from tests.core.test_run_ids import child_env
from tests.dataflows.helpers import fixture_files, import_files, run_dataflows, snapshot_tables, wipe_database


def wait_for(path: Path, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert process.poll() is None, process.stderr.read() if process.stderr else "driver exited"
        assert time.monotonic() < deadline, "the driver never reached its transaction"
        time.sleep(0.05)


@pytest.mark.parametrize("stage", ["publish", "clean"])
def test_killed_mid_transaction_then_rerun_equals_a_clean_run(backend: Settings, tmp_path: Path, stage: str) -> None:
    files = fixture_files("590", "YesPlanet", "RavHen", "HotCinema", "LevCinema", "YPsoon", "HCsoon")
    import_files(backend, files)
    run_dataflows(backend)
    clean_run = snapshot_tables()
    wipe_database()

    import_files(backend, files)
    marker = tmp_path / "frozen"
    driver = subprocess.Popen(
        [sys.executable, "-m", "tests.dataflows.crash_driver", str(backend.data_dir), backend.database_url or "",
         str(marker), stage],
        cwd=PROJECT_ROOT,
        env=child_env(),
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        wait_for(marker, driver)
    finally:
        driver.send_signal(signal.SIGKILL)
        driver.wait(timeout=60)
    assert driver.returncode == -signal.SIGKILL
    if stage == "publish":  # the first unit was committed, the second one's rows rolled back
        assert PublishState.select().where(PublishState.run_id.is_null(False)).count() == 1
        assert 0 < Showtime.select().count() < len(clean_run["showtimes"])
    else:  # the first batch was committed with its watermark, the second rolled back
        assert CleanRow.select().count() == get_watermark("clean:raw_rows") > 0
    run_dataflows(backend)
    assert snapshot_tables() == clean_run
