"""The sandbox HTTP server: every replica under its own prefix on one port (stdlib ThreadingHTTPServer).

    /                      index of replicas
    /_sandbox/today        the pinned date (YYYY-MM-DD) — scrapers' "today" in sandbox mode
    /_sandbox/health       JSON: replicas, rows per replica, today, chaos, data problems
    /_sandbox/static/…     shared sandbox.js / sandbox.css
    /<replica>/…           the replica (e.g. /yes_planet/?lang=en_gb, /tlv_cinematheque/en/shown/)
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import threading
from datetime import date
from http import cookies
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from app.core.errors import ConfigError
from scrapers.sandbox import sites as replica_package
from scrapers.sandbox.chaos import Chaos
from scrapers.sandbox.dataset import Dataset, default_today, is_coming_soon
from scrapers.sandbox.html import h
from scrapers.sandbox.replica import Replica, Request, Response, not_found

STATIC = Path(__file__).with_name("static")
STATIC_TYPES = {".js": "application/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
SERVER_ERROR = ("<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1>"
                "<p>The server encountered an unexpected condition.</p></body></html>")


def discover_replicas(problems: list[str] | None = None) -> list[Replica]:
    """Every `REPLICA` in `scrapers/sandbox/sites/*.py` (one module per site, nothing to register).

    A module that fails to import is reported in `problems` and skipped: one broken replica must not
    take the other sites' replicas down.
    """
    found = []
    for info in sorted(pkgutil.iter_modules(replica_package.__path__), key=lambda i: i.name):
        try:
            module = importlib.import_module(f"{replica_package.__name__}.{info.name}")
        except Exception as exc:
            if problems is not None:
                problems.append(f"replica {info.name} not served: {type(exc).__name__}: {exc}")
            continue
        replica = getattr(module, "REPLICA", None)
        if isinstance(replica, Replica):
            found.append(replica)
    return found


def route_rows(rows: list[dict[str, str]], replicas: list[Replica]) -> tuple[dict[str, list[dict]], dict[str, int]]:
    """Rows per replica name by (cinema, kind); plus counts of rows no replica serves, per cinema."""
    owners: dict[tuple[str, str], Replica] = {}
    for replica in replicas:
        kinds = getattr(replica, "kinds", None) or (replica.kind,)
        for kind in kinds:
            key = (replica.cinema, kind)
            if key in owners:
                raise ConfigError(f"replicas {owners[key].name} and {replica.name} both serve {key}")
            owners[key] = replica
    routed: dict[str, list[dict]] = {r.name: [] for r in replicas}
    unrouted: dict[str, int] = {}
    for row in rows:
        kind = "comingsoon" if is_coming_soon(row) else "showtimes"
        owner = owners.get((row.get("cinema", ""), kind))
        if owner is None:
            label = f"{row.get('cinema') or '(no cinema)'} [{kind}]"
            unrouted[label] = unrouted.get(label, 0) + 1
        else:
            routed[owner.name].append(row)
    return routed, unrouted


class Sandbox:
    """The replicas with their data, today and chaos; `handle(method, raw_path, cookie)` → Response."""

    def __init__(self, data: Dataset, today: date | None = None, chaos: Chaos | None = None) -> None:
        self.data = data
        self.today = today or default_today(data.rows)
        self.chaos = chaos or Chaos()
        self.replicas = {r.name: r for r in discover_replicas(data.problems)}
        routed, self.unrouted = route_rows(data.rows, list(self.replicas.values()))
        self.counts = {name: len(rows) for name, rows in routed.items()}
        for name, replica in list(self.replicas.items()):
            try:
                replica.load(routed[name], self.today)
            except Exception as exc:  # bad rows for one site: that replica is reported, the rest serve
                data.problems.append(f"replica {name} not served: {type(exc).__name__}: {exc}")
                del self.replicas[name]
                self.counts.pop(name, None)
        self.stop_event = threading.Event()

    def health(self) -> dict:
        return {
            "today": self.today.isoformat(),
            "replicas": {name: {"rows": self.counts[name], "start": f"/{name}{r.start_path}", "cinema": r.cinema,
                                "kind": r.kind} for name, r in self.replicas.items()},
            "unrouted": self.unrouted,
            "chaos": self.chaos.describe(),
            "problems": self.data.problems[:50],
        }

    def index(self) -> Response:
        items = "".join(
            f'<li><a href="/{h(name)}{h(r.start_path)}">{h(r.cinema)} ({h(r.kind)})</a> — {self.counts[name]} rows</li>'
            for name, r in self.replicas.items()
        )
        return Response(f"<html><head><title>Kartiseret sandbox</title></head><body><h1>Kartiseret sandbox</h1>"
                        f"<p>today: {self.today.isoformat()}</p><ul>{items}</ul></body></html>")

    def handle(self, raw_path: str, cookie_header: str = "") -> Response:
        parts = urlsplit(raw_path)
        path = unquote(parts.path)
        if path in ("", "/"):
            return self.index()
        if path == "/_sandbox/today":
            return Response(self.today.isoformat() + "\n", content_type="text/plain; charset=utf-8")
        if path == "/_sandbox/health":
            return Response(json.dumps(self.health(), ensure_ascii=False), content_type="application/json")
        if path.startswith("/_sandbox/static/"):
            file = STATIC / path.rsplit("/", 1)[-1]
            if file.suffix in STATIC_TYPES and file.is_file():
                return Response(file.read_text(encoding="utf-8"), content_type=STATIC_TYPES[file.suffix])
            return not_found("file")
        name, _, rest = path.lstrip("/").partition("/")
        replica = self.replicas.get(name)
        if replica is None:
            return not_found("site")
        delay = self.chaos.delay_ms(name)
        if delay:
            self.stop_event.wait(delay / 1000)
        page_request = not rest.startswith("api/")
        if page_request and self.chaos.take_error(name):
            return Response(SERVER_ERROR, 500)
        jar = cookies.SimpleCookie(cookie_header or "")
        request = Request(
            site=name,
            path="/" + rest,
            query=Request.parse_query(parts.query),
            cookies={k: m.value for k, m in jar.items()},
            today=self.today,
            chaos=self.chaos,
        )
        return replica.handle(request)


class _Handler(BaseHTTPRequestHandler):
    server_version = "KartiseretSandbox/1"
    sandbox: Sandbox

    def do_GET(self) -> None:
        try:
            response = self.sandbox.handle(self.path, self.headers.get("Cookie", ""))
        except Exception as exc:  # a replica bug must not kill the server: answer 500 and say why
            response = Response(f"<html><body><h1>Internal Server Error</h1><pre>{h(exc)}</pre></body></html>", 500)
        body = response.body.encode("utf-8")
        try:
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            for key, value in response.headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, format: str, *args: object) -> None:  # quiet: the CLI prints one line per start
        return


class SandboxServer:
    """A running sandbox on 127.0.0.1: `start()` in a thread (tests, bench) or `serve_forever()` (CLI)."""

    def __init__(self, sandbox: Sandbox, port: int = 8765, host: str = "127.0.0.1") -> None:
        handler = type("Handler", (_Handler,), {"sandbox": sandbox})
        try:
            self.httpd = ThreadingHTTPServer((host, port), handler)
        except OSError as exc:
            raise ConfigError(f"cannot serve the sandbox on {host}:{port}: {exc.strerror}") from None
        self.httpd.daemon_threads = True
        self.sandbox = sandbox
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> SandboxServer:
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="sandbox", daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        self.httpd.serve_forever()

    def stop(self) -> None:
        self.sandbox.stop_event.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
