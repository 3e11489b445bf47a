"""A whole Testing-mode plan against `kartiseret sandbox --chaos …`: the faulty jobs retry or fail fast
with complete artifacts for every failed attempt, and the jobs whose sites behave are not affected."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.harness import env_for, json_summary, kartiseret, sandbox_process

pytestmark = pytest.mark.browser
ARTIFACTS = ("screenshot.png", "page.html", "url.txt", "failure.txt", "rows.csv", "error.txt")
CHAOS = ("--chaos", "500@yes_planet", "--chaos", "missing@tlv_cinematheque")
JOBS = ("yes_planet_soon", "tlv_cinematheque", "jerusalem_cinematheque", "herzliya_cinematheque")


def assert_complete_artifacts(folder: Path, error_type: str) -> None:
    for name in ARTIFACTS:
        assert (folder / name).is_file() and (folder / name).stat().st_size > 0, folder / name
    assert (folder / "screenshot.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (folder / "page.html").read_text(encoding="utf-8").lstrip().lower().startswith("<html")
    assert (folder / "url.txt").read_text().startswith("http://127.0.0.1:")
    assert f"error type: {error_type}" in (folder / "failure.txt").read_text()
    assert (folder / "rows.csv").read_text(encoding="utf-8").startswith("showtime,english_title,hebrew_title,")


def test_chaos_for_a_whole_plan(tmp_path: Path) -> None:
    with sandbox_process(tmp_path, *CHAOS) as sandbox:
        env = env_for(tmp_path, KARTISERET_SANDBOX_URL=sandbox)
        jobs = (arg for job in JOBS for arg in ("--job", job))
        done = kartiseret(env, "--no-tui", *jobs, "--json", str(tmp_path / "summary.json"))
    assert done.returncode == 1, done.stdout + done.stderr  # one job failed (on purpose)
    summary = json_summary(tmp_path / "summary.json")
    jobs = {job["name"]: job for job in summary["jobs"]}
    artifacts = Path(summary["artifacts"])

    retried = jobs["yes_planet_soon"]  # a 500 page: transient, retried with a fresh browser
    assert (retried["status"], retried["attempts"]) == ("ok", 2) and retried["rows"] > 0
    assert_complete_artifacts(artifacts / "yes_planet_soon" / "attempt-1", "SiteErrorPage")
    assert not (artifacts / "yes_planet_soon" / "attempt-2").exists()

    broken = jobs["tlv_cinematheque"]  # the key element is missing: permanent, fails fast
    assert (broken["status"], broken["attempts"], broken["error_type"]) == ("failed", 1, "SelectorMissing")
    assert_complete_artifacts(artifacts / "tlv_cinematheque" / "attempt-1", "SelectorMissing")

    for name in ("jerusalem_cinematheque", "herzliya_cinematheque"):  # sites that behave: one attempt, no artifacts
        assert (jobs[name]["status"], jobs[name]["attempts"], jobs[name]["error"]) == ("ok", 1, ""), jobs[name]
        assert jobs[name]["rows"] > 0 and not (artifacts / name).exists()
    assert "yes_planet_soon: attempt 1 failed" in done.stdout and "retrying in" in done.stdout
