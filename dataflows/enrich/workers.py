"""A few threads working through a list, handing results back to the calling thread.

Enrichment waits on the network, so films are decided on several threads; results are stored by
the caller (one transaction per film, in order of completion). Each thread keeps one database
connection (for cache reads and writes) for the whole run and closes it when the list is done, so
a PostgreSQL run does not reconnect once per film.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable
from typing import TypeVar

from app.core.db import database

Item = TypeVar("Item")
Result = TypeVar("Result")
POLL_S = 0.2


def run_threaded(
    items: Iterable[Item],
    work: Callable[[Item], Result],
    workers: int,
    on_result: Callable[[Result], None],
    check_cancelled: Callable[[], None],
) -> None:
    """Call `on_result` here for each item's result; an error in `work` stops everything and is re-raised."""
    todo: queue.SimpleQueue[Item] = queue.SimpleQueue()
    count = 0
    for item in items:
        todo.put(item)
        count += 1
    done: queue.SimpleQueue[tuple[bool, object]] = queue.SimpleQueue()
    stop = threading.Event()

    def worker() -> None:
        try:
            while not stop.is_set():
                try:
                    item = todo.get_nowait()
                except queue.Empty:
                    return
                try:
                    done.put((True, work(item)))
                except BaseException as exc:  # handed to the caller, which decides
                    done.put((False, exc))
                    return
        finally:
            if not database.is_closed():
                database.close()

    threads = [threading.Thread(target=worker, name=f"enrich-{n}", daemon=True) for n in range(max(1, workers))]
    for thread in threads:
        thread.start()
    try:
        received = 0
        while received < count:
            check_cancelled()
            try:
                ok, value = done.get(timeout=POLL_S)
            except queue.Empty:
                continue
            received += 1
            if not ok:
                raise value  # type: ignore[misc]
            on_result(value)  # type: ignore[arg-type]
    finally:
        stop.set()
        for thread in threads:
            thread.join()
