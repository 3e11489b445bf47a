"""Talking to a remote WebDriver's `/status` (Selenium Grid or a plain chromedriver) before use."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

STATUS_TIMEOUT_S = 5.0


class RemoteUnreachable(Exception):
    """The remote WebDriver did not answer `/status` (or answered nonsense)."""


def remote_status(url: str, timeout: float = STATUS_TIMEOUT_S) -> dict[str, Any]:
    """The `value` object of `<url>/status`; raises RemoteUnreachable with a one-line reason."""
    status_url = url.rstrip("/") + "/status"
    try:
        with urllib.request.urlopen(status_url, timeout=timeout) as response:
            payload = json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise RemoteUnreachable(f"remote WebDriver {status_url} unreachable: {reason}") from None
    value = payload.get("value", payload) if isinstance(payload, dict) else None
    if not isinstance(value, dict):
        raise RemoteUnreachable(f"remote WebDriver {status_url} gave an unexpected answer")
    return value


def grid_slots(status: dict[str, Any]) -> int | None:
    """Total slots of the Grid's available nodes, or None when this is not a Grid (no `nodes`)."""
    nodes = status.get("nodes")
    if not isinstance(nodes, list):
        return None
    total = 0
    for node in nodes:
        if isinstance(node, dict) and str(node.get("availability", "UP")).upper() == "UP":
            total += len(node.get("slots") or [])
    return total
