"""The sandbox server, data routing, CLI and `ensure` with real files, real HTTP and real processes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import urllib.request
from dataclasses import replace
from pathlib import Path

import pytest

from app.core.errors import ConfigError
from app.core.settings import Settings
from registry import load_catalogue
from scrapers.browser.processes import alive
from scrapers.sandbox import ensure
from scrapers.sandbox.chaos import Chaos
from scrapers.sandbox.cli import build
from tests.scrapers.roundtrip import BUNDLED, UNSEEN, free_port, running_sandbox


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def test_rows_are_routed_by_cinema_column_whatever_the_file_name(tmp_path: Path) -> None:
    shutil.copy(UNSEEN / "YesPlanet.csv", tmp_path / "anything.csv")
    shutil.copy(UNSEEN / "YPsoon.csv", tmp_path / "zz-other-name.csv")
    (tmp_path / "broken.csv").write_text("showtime,english_title,cinema\n10:00,x,Nowhere Cinema\n1,2\n",
                                         encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    sandbox = build(tmp_path)
    assert sandbox.counts["yes_planet"] == 295 + 26  # showtimes and the coming-soon carousel on one replica
    assert sandbox.counts["rav_hen"] == 0
    assert sandbox.unrouted == {"Nowhere Cinema [showtimes]": 1}
    assert any("wrong number of cells" in p for p in sandbox.data.problems)
    assert any("notes.csv" in p for p in sandbox.data.problems)
    assert sandbox.today.isoformat() == "2026-08-10"  # earliest screening date in the data


def test_today_and_health_and_pages_are_served() -> None:
    with running_sandbox(BUNDLED, today="2026-08-05") as server:
        assert get(server.url + "/_sandbox/today") == (200, "2026-08-05\n")
        status, body = get(server.url + "/_sandbox/health")
        health = json.loads(body)
        assert {"yes_planet", "rav_hen", "tlv_cinematheque", "jerusalem_cinematheque"} <= set(health["replicas"])
        status, page = get(server.url + "/rav_hen/")
        assert status == 200 and 'dir="rtl"' in page and "onetrust-accept-btn-handler" in page
        assert get(server.url + "/nope/")[0] == 404
        title = "<script>alert(1)</script>"
        assert title not in page


def test_chaos_500_answers_errors_then_recovers() -> None:
    with running_sandbox(BUNDLED, chaos=["500=2@tlv_cinematheque"]) as server:
        codes = [get(server.url + "/tlv_cinematheque/en/shown/")[0] for _ in range(3)]
        assert codes == [500, 500, 200]
        assert get(server.url + "/rav_hen/")[0] == 200


def test_bad_options_are_one_line_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown chaos"):
        Chaos.parse(["earthquake"])
    with pytest.raises(ConfigError, match="not a date"):
        build(None, "2026-13-01")
    with pytest.raises(ConfigError, match=r"no \.csv files"):
        build(tmp_path)


def test_cli_serves_until_interrupted(tmp_path: Path) -> None:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "app", "sandbox", "--port", str(port), "--today", "2026-08-04"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = process.stdout.readline()
        assert f"http://127.0.0.1:{port}" in line and "today 2026-08-04" in line
        assert get(f"http://127.0.0.1:{port}/_sandbox/today") == (200, "2026-08-04\n")
    finally:
        process.send_signal(2)
        assert process.wait(timeout=10) == 0


def test_ensure_starts_a_sandbox_it_owns_and_stops_it(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    settings = replace(Settings(), sites="sandbox", sandbox_url=url, data_dir=tmp_path)
    plan = load_catalogue().plan(None, [], ["rav_hen"])
    ensure.ensure_sandbox_for(settings, plan)
    assert ensure.sandbox_answers(url)
    child = ensure._STARTED[-1]
    ensure.ensure_sandbox_for(settings, plan)  # already answering: nothing new started
    assert [child] == ensure._STARTED
    ensure.stop_started()
    assert not alive(child.pid) and not ensure.sandbox_answers(url)
