"""What a replica is: a site prefix, the rows it serves, and a request handler.

A replica module in `scrapers/sandbox/sites/` defines `REPLICA = SomeReplica()`; the server finds it
by itself (no shared list to edit). `cinema` and `kind` decide which CSV rows it receives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import parse_qs

from scrapers.sandbox.chaos import Chaos


@dataclass(frozen=True)
class Request:
    site: str
    path: str  # after the site prefix, always starting with "/"
    query: dict[str, str]
    cookies: dict[str, str]
    today: date
    chaos: Chaos

    @classmethod
    def parse_query(cls, raw: str) -> dict[str, str]:
        return {k: v[-1] for k, v in parse_qs(raw, keep_blank_values=True).items()}

    def has(self, fault: str) -> bool:
        return self.chaos.has(fault, self.site)

    def config(self, **extra: object) -> dict[str, object]:
        """The page's `window.SANDBOX`: today, the client-side chaos flags, and replica extras."""
        return {"today": self.today.isoformat(), "chaos": self.chaos.client_flags(self.site), **extra}


@dataclass
class Response:
    body: str
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


def not_found(what: str = "page") -> Response:
    return Response(f"<html><head><title>Not found</title></head><body><h1>404 {what} not found</h1></body></html>",
                    404)


class Replica:
    """Base class: set `name`, `cinema`, `kind`; implement `load(rows, today)` and `handle(request)`."""

    name: str = ""  # URL prefix and usually the scraper job name, e.g. "yes_planet"
    cinema: str = ""  # the `cinema` column value it serves, e.g. "Yes Planet"
    kind: str = "showtimes"  # "showtimes" (now playing and cinematheques) or "comingsoon"
    start_path: str = "/"  # shown on the sandbox index page

    def load(self, rows: list[dict[str, str]], today: date) -> None:
        raise NotImplementedError

    def handle(self, request: Request) -> Response:
        raise NotImplementedError
