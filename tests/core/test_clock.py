"""A run's today: pinned, the sandbox's date in sandbox mode (a real HTTP server), else Israel's."""

from __future__ import annotations

import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from app.core.clock import TODAY_ENV, israel_today, run_today
from app.core.errors import ConfigError
from tests.conftest import make_settings


class _Today(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"2026-08-04" if self.path == "/_sandbox/today" else b""
        self.send_response(200 if body else 404)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def sandbox_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Today)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_sandbox_runs_use_the_sandbox_date(tmp_path: Path, sandbox_url: str, monkeypatch) -> None:
    monkeypatch.delenv(TODAY_ENV, raising=False)
    settings = make_settings(tmp_path).with_overrides(sites="sandbox", sandbox_url=sandbox_url)
    assert run_today(settings) == date(2026, 8, 4)
    assert run_today(settings.with_overrides(sites="live")) == israel_today()


def test_pinned_date_wins_and_bad_values_are_config_errors(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(TODAY_ENV, "2027-01-02")
    assert run_today(make_settings(tmp_path)) == date(2027, 1, 2)
    monkeypatch.setenv(TODAY_ENV, "tomorrow")
    with pytest.raises(ConfigError):
        run_today(make_settings(tmp_path))


def test_unreachable_sandbox_falls_back_to_israel(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(TODAY_ENV, raising=False)
    settings = make_settings(tmp_path).with_overrides(sites="sandbox", sandbox_url="http://127.0.0.1:9")
    assert run_today(settings) == israel_today()
