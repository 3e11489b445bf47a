"""`kartiseret sandbox [--port P] [--data DIR] [--today YYYY-MM-DD] [--chaos …]`: serve the replicas."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from app.core.errors import ConfigError
from scrapers.sandbox.chaos import Chaos
from scrapers.sandbox.dataset import read_csvs
from scrapers.sandbox.server import Sandbox, SandboxServer

DEFAULT_PORT = 8765


def build(data: str | Path | None = None, today: str | date | None = None, chaos: list[str] | None = None) -> Sandbox:
    """The sandbox for these options (shared by the CLI, `ensure`, tests and the benchmark)."""
    pinned: date | None
    if isinstance(today, str) and today:
        try:
            pinned = date.fromisoformat(today)
        except ValueError:
            raise ConfigError(f"--today {today!r} is not a date (YYYY-MM-DD)") from None
    else:
        pinned = today or None  # type: ignore[assignment]
    return Sandbox(read_csvs(Path(data) if data else None), pinned, Chaos.parse(chaos))


def serve(port: int | None, data: str | None, today: str | None, chaos: list[str] | None) -> int:
    sandbox = build(data, today, chaos)
    server = SandboxServer(sandbox, port or DEFAULT_PORT)
    out = sys.stdout
    out.write(f"kartiseret sandbox: serving {len(sandbox.replicas)} replicas at {server.url} "
              f"(today {sandbox.today.isoformat()}, {len(sandbox.data.rows)} rows, chaos {sandbox.chaos.describe()})\n")
    for name, count in sandbox.counts.items():
        out.write(f"  {server.url}/{name}{sandbox.replicas[name].start_path}  {count} rows\n")
    for label, count in sandbox.unrouted.items():
        out.write(f"  no replica for {label}: {count} rows not served\n")
    for problem in sandbox.data.problems[:20]:
        out.write(f"  skipped: {problem}\n")
    out.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0
