"""The driver factory: one browser per attempt, local (Debian chromedriver) or remote, always quit.

Local browsers use `Service(settings.chromedriver_path)` so Selenium Manager never runs (it needs the
internet and costs seconds). Every browser is tracked until quit; an `atexit` hook quits leftovers,
and a quit that fails kills the chromedriver process and its descendants by PID. Browsers of a process
that died without quitting them (SIGKILL) are reaped at the next browser start (`processes.py`).
"""

from __future__ import annotations

import atexit
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webdriver import WebDriver

from app.core.errors import TransientError
from app.core.settings import Settings
from scrapers.browser.options import PAGE_LOAD_TIMEOUT_S, chrome_options, chromium_binary
from scrapers.browser.processes import (
    OWNER_ENV,
    alive,
    descendants,
    descendants_of,
    kill_pids,
    owner_tag,
    reap_orphans,
    start_time,
    wait_gone,
)
from scrapers.browser.remote import RemoteUnreachable, remote_status

# driver → (driver, its processes at start as (PID, start time)): chromedriver and the Chromium it started.
_LIVE: dict[int, tuple[WebDriver, list[tuple[int, str]]]] = {}
_LOCK = threading.Lock()
_REAPED = threading.Event()  # orphans of dead owners are reaped once per process, before its first browser
# Every PID a local browser of this process ever had (chromedriver + Chromium tree), for audits/tests.
STARTED_PIDS: list[int] = []


class BrowserUnavailable(TransientError):
    """No browser could be started (driver missing, remote unreachable): a clear one-line reason."""


def live_browsers() -> int:
    """How many browsers this process has open right now."""
    with _LOCK:
        return len(_LIVE)


def _start_local(settings: Settings) -> WebDriver:
    if not _REAPED.is_set():
        _REAPED.set()
        reap_orphans()
    service = Service(executable_path=settings.chromedriver_path, env={**os.environ, OWNER_ENV: owner_tag()})
    try:
        return webdriver.Chrome(service=service, options=chrome_options(chromium_binary(settings.chromium_path)))
    except (WebDriverException, OSError) as exc:
        first = (getattr(exc, "msg", None) or str(exc)).strip().splitlines()[0] if str(exc).strip() else ""
        raise BrowserUnavailable(
            f"cannot start Chromium via {settings.chromedriver_path}: {first or type(exc).__name__}"
        ) from exc


def _start_remote(url: str) -> WebDriver:
    try:
        status = remote_status(url)
    except RemoteUnreachable as exc:
        raise BrowserUnavailable(str(exc)) from None
    if status.get("ready") is False:
        raise BrowserUnavailable(f"remote WebDriver {url} is not ready: {status.get('message', '')}")
    try:
        return webdriver.Remote(command_executor=url, options=chrome_options(None))
    except WebDriverException as exc:
        raise BrowserUnavailable(f"remote WebDriver {url} refused a session: {exc.msg}") from exc


def start_browser(settings: Settings) -> WebDriver:
    """A fresh, tracked browser; the caller must `quit_browser` it (prefer `open_browser`)."""
    url = settings.selenium_remote_url
    driver = _start_remote(url) if url else _start_local(settings)
    driver.set_page_load_timeout(PAGE_LOAD_TIMEOUT_S)
    service = getattr(driver, "service", None)
    process = getattr(service, "process", None)
    pids = [process.pid, *descendants(process.pid)] if process is not None else []
    with _LOCK:
        _LIVE[id(driver)] = (driver, [(pid, start_time(pid)) for pid in pids])
        STARTED_PIDS.extend(pids)
    return driver


def browser_pids(driver: WebDriver) -> list[int]:
    """chromedriver's PID and every process it started (local browsers only).

    Found from every process the browser had at start, not only from chromedriver: when chromedriver
    dies first (ctrl+c reaches the whole process group), Chromium is re-parented but still found.
    """
    with _LOCK:
        entry = _LIVE.get(id(driver))
    if not entry:
        return []
    roots = [pid for pid, started in entry[1] if started and start_time(pid) == started and alive(pid)]
    return sorted({*roots, *descendants_of(roots)})


def all_browser_pids() -> list[int]:
    """chromedriver and Chromium PIDs of every browser this process has open now."""
    with _LOCK:
        drivers = [entry[0] for entry in _LIVE.values()]
    return [pid for driver in drivers for pid in browser_pids(driver)]


def quit_browser(driver: WebDriver) -> None:
    """Quit, and make sure nothing is left: leftover chromedriver/chromium PIDs are killed."""
    pids = browser_pids(driver)
    try:
        driver.quit()
    except Exception:  # a dead or hung browser: fall through to killing its processes
        pass
    finally:
        with _LOCK:
            _LIVE.pop(id(driver), None)
    # quit() waits for chromedriver; whatever of its tree is still alive now would be an orphan.
    leftovers = [pid for pid in pids if alive(pid)]
    kill_pids(leftovers)
    wait_gone(leftovers)


@contextmanager
def open_browser(settings: Settings) -> Iterator[WebDriver]:
    """`with open_browser(settings) as driver:` — quit on success, failure and cancellation alike."""
    driver = start_browser(settings)
    try:
        yield driver
    finally:
        quit_browser(driver)


@atexit.register
def _quit_all() -> None:
    """Interpreter exit: no browser of ours outlives the process."""
    with _LOCK:
        drivers = [entry[0] for entry in _LIVE.values()]
    for driver in drivers:
        quit_browser(driver)
