"""A sandbox started by `ensure` for one run: serves until stopped, or until its parent process dies."""

from __future__ import annotations

import argparse
import os
import threading

from scrapers.sandbox.cli import DEFAULT_PORT, build
from scrapers.sandbox.server import SandboxServer


def _parent_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return os.getppid() == pid


def main() -> int:
    parser = argparse.ArgumentParser(prog="scrapers.sandbox.child")
    parser.add_argument("parent", type=int)
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--data")
    parser.add_argument("--today")
    args = parser.parse_args()
    server = SandboxServer(build(args.data, args.today), args.port).start()
    print(f"sandbox for process {args.parent} at {server.url}", flush=True)
    stop = threading.Event()
    while _parent_alive(args.parent) and not stop.wait(1.0):
        pass
    server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
