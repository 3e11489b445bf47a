"""Scrapers through a remote WebDriver (`SELENIUM_REMOTE_URL`): the same rows as local browsers, and as
many browsers at once as the Grid's `/status` reports free slots. Real `kartiseret` processes, a real
sandbox, real chromedriver endpoints (a standalone chromedriver speaks the remote WebDriver protocol)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.reliability.grid import grid_in_front_of
from tests.reliability.harness import chromedriver_endpoint, env_for, json_summary, kartiseret, sandbox_process

pytestmark = pytest.mark.browser
JOBS = ("--job", "rav_hen", "--job", "yes_planet_soon")


def raw_export(env: dict[str, str], run_id: int) -> list[dict[str, str]]:
    """`kartiseret export raw --run ID --format csv`, parsed (run_id column dropped: it differs by design)."""
    done = kartiseret(env, "export", "raw", "--run", str(run_id), "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert all(row.pop("run_id") == str(run_id) for row in rows)
    return rows


def run_plan(env: dict[str, str], summary: Path, *jobs: str) -> dict:
    done = kartiseret(env, "--no-tui", *jobs, "--json", str(summary))
    assert done.returncode == 0, done.stdout + done.stderr
    return json_summary(summary)


def test_a_remote_webdriver_gives_the_same_raw_rows_as_local_browsers(tmp_path: Path) -> None:
    driver_log = tmp_path / "chromedriver.log"
    with sandbox_process(tmp_path) as sandbox, chromedriver_endpoint(driver_log) as remote:
        env = env_for(tmp_path, KARTISERET_SANDBOX_URL=sandbox)
        local = run_plan(env, tmp_path / "local.json", *JOBS)
        assert "InitSession" not in driver_log.read_text(errors="replace")  # the local run did not use it
        far = run_plan(env | {"SELENIUM_REMOTE_URL": remote}, tmp_path / "remote.json", *JOBS)
    sessions = driver_log.read_text(errors="replace").count("COMMAND InitSession")
    assert sessions == 2, "each scraper should have opened exactly one session on the remote endpoint"
    local_rows, remote_rows = raw_export(env, local["run_id"]), raw_export(env, far["run_id"])
    assert {j["name"]: j["rows"] for j in far["jobs"]} == {j["name"]: j["rows"] for j in local["jobs"]}
    assert all(j["rows"] > 0 for j in far["jobs"])
    assert remote_rows == local_rows  # same rows, same order, field for field


@pytest.mark.parametrize(("free_slots", "at_once"), [(1, 1), (3, 2)])
def test_browser_concurrency_follows_the_grid_free_slots(tmp_path: Path, free_slots: int, at_once: int) -> None:
    """Two cinematheque scrapers (a parallel group); the local default would run both at once."""
    with (
        sandbox_process(tmp_path) as sandbox,
        chromedriver_endpoint(tmp_path / "chromedriver.log") as driver,
        grid_in_front_of(driver, up_slots=free_slots) as grid,
    ):
        env = env_for(tmp_path, KARTISERET_SANDBOX_URL=sandbox, SELENIUM_REMOTE_URL=grid.url)
        summary = run_plan(env, tmp_path / "grid.json", "--job", "tlv_cinematheque", "--job", "herzliya_cinematheque")
    assert [j["status"] for j in summary["jobs"]] == ["ok", "ok"]
    assert grid.sessions_started == 2 and not grid.open_sessions  # every session was closed again
    assert grid.most_at_once == at_once
