"""How many browsers to run at once when a remote WebDriver is configured (`--capacity` for the executor)."""

from __future__ import annotations

from scrapers.browser.remote import RemoteUnreachable, grid_slots, remote_status


def remote_slots(url: str, fallback: int) -> int:
    """A Grid's slot count (nodes that are UP), or `fallback` for a plain chromedriver that is ready.

    Unreachable or not ready also gives `fallback`: the scrapers then fail with a clear error of their
    own, which is better than refusing to start the run.
    """
    try:
        status = remote_status(url)
    except RemoteUnreachable:
        return max(1, fallback)
    slots = grid_slots(status)
    if slots is None:
        return max(1, fallback)
    return max(1, slots)
