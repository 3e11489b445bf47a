"""Faults the sandbox can inject (`kartiseret sandbox --chaos KIND[=N][@site]`), for tests.

| kind          | what the replica does                                   | what a scraper does            |
|---------------|---------------------------------------------------------|--------------------------------|
| `slow[=MS]`   | every page/fragment answers MS ms late (default 1500)   | waits it out                   |
| `500[=N]`     | the first N (default 1) page requests of a site get 500 | retries with a fresh browser   |
| `missing`     | the site's key element is left out of its pages         | fails fast, full artifacts     |
| `stale`       | dynamic content is re-rendered once right after showing | re-reads (stale recovery)      |
| `late-banner` | the cookie banner appears late, over the content        | dismisses it when it blocks    |

`@site` limits a fault to one replica (e.g. `500@yes_planet`); without it every replica gets it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from app.core.errors import ConfigError

KINDS = ("slow", "500", "missing", "stale", "late-banner")
DEFAULTS = {"slow": 1500, "500": 1}


@dataclass(frozen=True)
class Fault:
    kind: str
    amount: int = 0
    site: str = ""

    def applies(self, site: str) -> bool:
        return not self.site or self.site == site


@dataclass
class Chaos:
    faults: tuple[Fault, ...] = ()
    _served_errors: dict[str, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def parse(cls, specs: list[str] | tuple[str, ...] | None) -> Chaos:
        faults = []
        for spec in specs or ():
            for part in spec.split(","):
                part = part.strip()
                if not part:
                    continue
                head, _, site = part.partition("@")
                kind, _, amount = head.partition("=")
                kind = kind.strip().lower()
                if kind not in KINDS:
                    raise ConfigError(f"unknown chaos {kind!r}; use one of: {', '.join(KINDS)}")
                try:
                    number = int(amount) if amount else DEFAULTS.get(kind, 0)
                except ValueError:
                    raise ConfigError(f"chaos {part!r}: {amount!r} is not a whole number") from None
                faults.append(Fault(kind, number, site.strip()))
        return cls(tuple(faults))

    def get(self, kind: str, site: str) -> Fault | None:
        return next((f for f in self.faults if f.kind == kind and f.applies(site)), None)

    def has(self, kind: str, site: str) -> bool:
        return self.get(kind, site) is not None

    def delay_ms(self, site: str) -> int:
        fault = self.get("slow", site)
        return fault.amount if fault else 0

    def take_error(self, site: str) -> bool:
        """True while this site still owes a 500 (counted across requests)."""
        fault = self.get("500", site)
        if fault is None:
            return False
        with self._lock:
            served = self._served_errors.get(site, 0)
            if served >= fault.amount:
                return False
            self._served_errors[site] = served + 1
            return True

    def client_flags(self, site: str) -> list[str]:
        """Faults the page's JavaScript acts on (`window.SANDBOX.chaos`)."""
        return [kind for kind in ("stale", "late-banner") if self.has(kind, site)]

    def describe(self) -> str:
        return ", ".join(f"{f.kind}{'=' + str(f.amount) if f.amount else ''}{'@' + f.site if f.site else ''}"
                         for f in self.faults) or "none"
