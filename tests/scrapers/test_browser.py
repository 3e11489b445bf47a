"""The driver factory and capacity against real processes: local Chromium, a real chromedriver used as
a remote WebDriver, a small real HTTP server speaking Selenium Grid's /status."""

from __future__ import annotations

import json
import subprocess
import threading
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from app.core.settings import Settings
from scrapers.browser import BrowserUnavailable, live_browsers, open_browser
from scrapers.browser.capacity import remote_slots
from scrapers.browser.factory import browser_pids
from scrapers.browser.processes import alive
from tests.scrapers.roundtrip import free_port

pytestmark = pytest.mark.browser


def test_local_browser_quits_and_leaves_no_process() -> None:
    with open_browser(Settings()) as driver:
        driver.get("data:text/html,<h1 id='x'>hello</h1>")
        assert driver.find_element("id", "x").text == "hello"
        pids = browser_pids(driver)
        assert len(pids) >= 2 and all(alive(p) for p in pids)  # chromedriver + chromium tree
    assert [p for p in pids if alive(p)] == []
    assert live_browsers() == 0


def test_browser_quits_when_the_scrape_fails() -> None:
    with pytest.raises(RuntimeError, match="boom"), open_browser(Settings()) as driver:
        pids = browser_pids(driver)
        raise RuntimeError("boom")
    assert [p for p in pids if alive(p)] == []


def test_missing_chromedriver_is_a_clear_error(tmp_path) -> None:
    settings = replace(Settings(), chromedriver_path=str(tmp_path / "no-such-chromedriver"))
    with pytest.raises(BrowserUnavailable, match="no-such-chromedriver"), open_browser(settings):
        pass


@pytest.fixture
def chromedriver_server():
    """A real chromedriver listening on a port: a remote WebDriver as far as Selenium is concerned."""
    port = free_port()
    process = subprocess.Popen(["/usr/bin/chromedriver", f"--port={port}"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    ready = threading.Event()
    for _ in range(100):
        if _status_ok(url):
            break
        ready.wait(0.05)
    yield url
    process.terminate()
    process.wait(timeout=10)


def _status_ok(url: str) -> bool:
    import urllib.request

    try:
        with urllib.request.urlopen(url + "/status", timeout=1) as response:
            return response.status == 200
    except OSError:
        return False


def test_remote_webdriver_is_checked_and_used(chromedriver_server: str) -> None:
    settings = replace(Settings(), selenium_remote_url=chromedriver_server)
    with open_browser(settings) as driver:
        driver.get("data:text/html,<p id='r'>remote</p>")
        assert driver.find_element("id", "r").text == "remote"
    assert live_browsers() == 0
    # a plain chromedriver reports `ready`, no Grid nodes: the fallback count is used
    assert remote_slots(chromedriver_server, fallback=3) == 3


def test_unreachable_remote_is_a_clear_error() -> None:
    url = f"http://127.0.0.1:{free_port()}"
    settings = replace(Settings(), selenium_remote_url=url)
    with pytest.raises(BrowserUnavailable, match="unreachable"), open_browser(settings):
        pass
    assert remote_slots(url, fallback=2) == 2


def test_grid_status_gives_the_slots_of_nodes_that_are_up() -> None:
    status = {"value": {"ready": True, "message": "Selenium Grid ready.", "nodes": [
        {"availability": "UP", "slots": [{"session": None}, {"session": None}, {"session": {"id": 1}}]},
        {"availability": "DOWN", "slots": [{"session": None}] * 4},
        {"availability": "UP", "slots": [{"session": None}]},
    ]}}

    class Grid(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = json.dumps(status).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Grid)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        assert remote_slots(url, fallback=1) == 4
    finally:
        server.shutdown()
        server.server_close()
