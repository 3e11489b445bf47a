"""Ticket links: a link with a missing event id ("code=1184-None") is broken and must not be shown.

Seen in real rows: Hot Cinema "…/tickets?code=<site>-None&languageid=en_gb" (1,133 rows in the
old artifacts) when the scraper could not find the event.
"""

from __future__ import annotations

import re

BROKEN_LINK_PATTERNS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"[-=/](?:none|null|undefined|nan)(?:[&#/?]|$)",  # a missing id rendered as text
        r"\s",  # whitespace inside a URL
    )
)
SCHEMES = ("https://", "http://")


def check_link(raw: str) -> tuple[str, bool]:
    """(link to publish, broken?). Broken links are blanked; empty links are simply absent."""
    link = (raw or "").strip()
    if not link:
        return "", False
    if not link.startswith(SCHEMES) and not link.lower().startswith(SCHEMES):
        return "", True
    if any(p.search(link) for p in BROKEN_LINK_PATTERNS):
        return "", True
    return link, False
