"""Benchmark: the dashboard in a real pseudo-terminal with 60 tasks reporting progress at 20 Hz for 10 s.

Measures what a user feels: CPU of the UI thread (the app's main thread, plus its output writer
thread, read from /proc) and the time from a key press written to the terminal until the changed
screen comes back out of it (the log panel's title switching to the newly selected task).
Targets: key-to-paint ≤ 100 ms (median and p95), UI thread ≤ 30 % of one core.

Usage: .venv/bin/python bench/tui_dashboard.py [--tasks 60] [--hz 20] [--seconds 10]
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import re
import signal
import statistics
import struct
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|[@-Z\\-_])")
SIZE = (160, 50)
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
KEY_EVERY_S = 0.25


# ------------------------------------------------------------------------------------ the child
def ticker(ctx) -> None:
    """A job reporting determinate progress at BENCH_HZ for BENCH_SECONDS, a log line each second."""
    hz, seconds = float(os.environ["BENCH_HZ"]), float(os.environ["BENCH_SECONDS"])
    steps = int(hz * seconds)
    for step in range(1, steps + 1):
        ctx.check_cancelled()
        ctx.progress(step, steps)
        if step % int(hz) == 0:
            ctx.log(f"{ctx.job}: step {step} of {steps}")
        ctx.wait(1 / hz)


def child(folder: Path, tasks: int) -> None:
    from app.core.executor import Executor
    from app.core.jobs import JobSpec, RetryPolicy
    from app.core.plan import Plan, Stage
    from app.core.settings import Settings
    from app.tui.app import KartiseretApp
    from registry.catalogue import Catalogue

    settings = Settings(mode="testing", sites="live", data_dir=folder / "data", artifacts_dir=folder / "artifacts")
    jobs = tuple(
        JobSpec(f"bench_{i:02d}", "bench", "bench.tui_dashboard:ticker", retry=RetryPolicy(max_attempts=1))
        for i in range(tasks)
    )
    plan = Plan("bench", (Stage("bench", True, jobs),))
    app = KartiseretApp(
        settings,
        Catalogue(groups={}, plans={}),
        plan=plan,
        executor_factory=lambda s: Executor(s, capacity={"cpu": tasks, "browser": 1}, front_end="tui"),
        prepare=lambda s, p: None,
    )

    def report_threads() -> None:
        while True:
            named = {t.name: t.native_id for t in threading.enumerate()}
            if "textual-output" in named:
                ids = {"main": threading.main_thread().native_id, "writer": named["textual-output"]}
                (folder / "threads.json").write_text(json.dumps(ids))
                return
            time.sleep(0.05)

    threading.Thread(target=report_threads, daemon=True).start()
    if os.environ.get("BENCH_PROFILE"):  # BENCH_PROFILE=out.prof: the UI thread during the window only
        import cProfile
        import signal

        profiler = cProfile.Profile()
        signal.signal(signal.SIGUSR1, lambda *_: profiler.enable())
        signal.signal(signal.SIGUSR2, lambda *_: (profiler.disable(), profiler.dump_stats(os.environ["BENCH_PROFILE"])))
    app.run()
    sys.stdout.write(app.summary_text())


# ------------------------------------------------------------------------------------ the parent
class Pty:
    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
            os.execve(sys.executable, [sys.executable, *args], env)
        self.chunks: list[tuple[float, bytes]] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.fd, 1 << 16)
            except OSError:
                return
            if not data:
                return
            with self.lock:
                self.chunks.append((time.perf_counter(), data))

    def mark(self) -> int:
        with self.lock:
            return len(self.chunks)

    def seen_at(self, since: int, needle: str) -> float | None:
        """Arrival time of the chunk that completed `needle` in the output after chunk `since`."""
        with self.lock:
            chunks = self.chunks[since:]
        buffer = b""
        for at, data in chunks:
            buffer += data
            if needle in ESCAPES.sub("", buffer.decode("utf-8", "replace")):
                return at
        return None

    def wait_for(self, needle: str, since: int = 0, timeout: float = 60.0) -> float:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            at = self.seen_at(since, needle)
            if at is not None:
                return at
            time.sleep(0.001)
        raise SystemExit(f"benchmark: never saw {needle!r} on the screen")

    def send(self, keys: str) -> int:
        mark = self.mark()
        os.write(self.fd, keys.encode())
        return mark

    def text(self) -> str:
        with self.lock:
            return ESCAPES.sub("", b"".join(d for _, d in self.chunks).decode("utf-8", "replace"))


def cpu_seconds(pid: int, tid: int | None = None) -> float:
    path = f"/proc/{pid}/task/{tid}/stat" if tid else f"/proc/{pid}/stat"
    fields = Path(path).read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def parent(tasks: int, hz: float, seconds: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = dict(
            os.environ,
            TERM="xterm-256color",
            COLORTERM="truecolor",
            PYTHONPATH=str(ROOT),
            BENCH_HZ=str(hz),
            BENCH_SECONDS=str(seconds),
            KARTISERET_ENV_FILE="/nonexistent.env",
        )
        term = Pty([str(Path(__file__).resolve()), "--child", tmp, "--tasks", str(tasks)], env)
        term.wait_for("log · bench_00")
        term.wait_for(f"{tasks} running", since=max(0, term.mark() - 50))
        threads = json.loads((folder / "threads.json").read_text())
        pid = term.pid
        profiling = bool(os.environ.get("BENCH_PROFILE"))
        if profiling:
            os.kill(pid, signal.SIGUSR1)
        wall0 = time.perf_counter()
        cpu0 = {
            "main": cpu_seconds(pid, threads["main"]),
            "writer": cpu_seconds(pid, threads["writer"]),
            "process": cpu_seconds(pid),
        }
        latencies: list[float] = []
        selected = 0
        while time.perf_counter() - wall0 < seconds * 0.9:
            key, selected = ("\x1b[B", selected + 1) if selected % 2 == 0 else ("\x1b[A", selected - 1)
            pressed = time.perf_counter()
            mark = term.send(key)
            painted = term.wait_for(f"log · bench_{selected:02d}", since=mark, timeout=30)
            latencies.append((painted - pressed) * 1000)
            time.sleep(max(0.0, KEY_EVERY_S - (time.perf_counter() - pressed)))
        wall = time.perf_counter() - wall0
        if profiling:
            os.kill(pid, signal.SIGUSR2)
        cpu = {
            "main": cpu_seconds(pid, threads["main"]) - cpu0["main"],
            "writer": cpu_seconds(pid, threads["writer"]) - cpu0["writer"],
            "process": cpu_seconds(pid) - cpu0["process"],
        }
        term.wait_for("finished ok", since=max(0, term.mark() - 50), timeout=120)
        term.send("q")
        os.waitpid(pid, 0)
        summary_ok = "Run 1 — OK" in term.text()

    ui = cpu["main"] / wall * 100
    print(
        f"TUI dashboard benchmark: {tasks} tasks × {hz:g} Hz progress for {seconds:g} s, "
        f"{SIZE[0]}x{SIZE[1]} pty, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}"
    )
    print(
        f"  UI thread CPU:      {ui:5.1f} % of one core over {wall:.1f} s "
        f"(target ≤ 30 %: {'met' if ui <= 30 else 'NOT met'})"
    )
    print(f"  output writer:      {cpu['writer'] / wall * 100:5.1f} % of one core")
    print(f"  whole process:      {cpu['process'] / wall * 100:5.1f} % (incl. {tasks} job threads and the executor)")
    median, p95 = statistics.median(latencies), percentile(latencies, 0.95)
    print(
        f"  key-to-paint:       median {median:.1f} ms, p95 {p95:.1f} ms, max {max(latencies):.1f} ms "
        f"over {len(latencies)} presses "
        f"(target ≤ 100 ms: {'met' if p95 <= 100 else 'NOT met'})"
    )
    print(f"  summary printed after exit: {'yes' if summary_ok else 'NO'}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=60)
    parser.add_argument("--hz", type=float, default=20.0)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--child", metavar="DIR")
    args = parser.parse_args()
    if args.child:
        child(Path(args.child), args.tasks)
    else:
        parent(args.tasks, args.hz, args.seconds)


if __name__ == "__main__":
    main()
