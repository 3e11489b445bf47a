"""A minimal Selenium Grid in front of a real chromedriver: Grid's `/status` (nodes and slots), every
other WebDriver command forwarded unchanged. It counts sessions open at the same time, which is how
the tests see the concurrency the executor chose from the Grid's free slots."""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


class GridProxy(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, driver_url: str, up_slots: int) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.driver = urlsplit(driver_url)
        self.up_slots = up_slots
        self.lock = threading.Lock()
        self.open_sessions: set[str] = set()
        self.most_at_once = 0
        self.sessions_started = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def status(self) -> dict:
        """Grid 4's shape: one node UP with `up_slots` slots, one node DOWN with 4 (which must not count)."""
        return {"value": {"ready": True, "message": "Selenium Grid ready.", "nodes": [
            {"availability": "UP", "slots": [{"session": None} for _ in range(self.up_slots)]},
            {"availability": "DOWN", "slots": [{"session": None} for _ in range(4)]},
        ]}}  # fmt: skip

    def opened(self, session: str) -> None:
        with self.lock:
            self.open_sessions.add(session)
            self.sessions_started += 1
            self.most_at_once = max(self.most_at_once, len(self.open_sessions))

    def closed(self, session: str) -> None:
        with self.lock:
            self.open_sessions.discard(session)


class _Handler(BaseHTTPRequestHandler):
    server: GridProxy

    def do_GET(self) -> None:
        if self.path.rstrip("/") == "/status":
            self._reply(200, json.dumps(self.server.status()).encode())
        else:
            self._forward()

    def do_POST(self) -> None:
        self._forward()

    def do_DELETE(self) -> None:
        self._forward()

    def _forward(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        target = self.server.driver
        connection = http.client.HTTPConnection(target.hostname, target.port, timeout=120)
        try:
            connection.request(self.command, self.path, body=body, headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            payload = response.read()
        finally:
            connection.close()
        parts = self.path.strip("/").split("/")
        if self.command == "POST" and parts == ["session"] and response.status == 200:
            self.server.opened(json.loads(payload)["value"]["sessionId"])
        elif self.command == "DELETE" and len(parts) == 2 and parts[0] == "session":
            self.server.closed(parts[1])
        self._reply(response.status, payload)

    def _reply(self, status: int, payload: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        return


@contextmanager
def grid_in_front_of(driver_url: str, up_slots: int) -> Iterator[GridProxy]:
    grid = GridProxy(driver_url, up_slots)
    threading.Thread(target=grid.serve_forever, daemon=True).start()
    try:
        yield grid
    finally:
        grid.shutdown()
        grid.server_close()
