"""Ticket links: a link with a missing event id ("code=1184-None") is broken and must not be shown.

Seen in real rows: Hot Cinema "…/tickets?code=<site>-None&languageid=en_gb" (1,133 rows in the
old artifacts) when the scraper could not find the event.
"""

from __future__ import annotations

import re

BROKEN_LINK_PATTERNS = (
    r"[-=/](?:none|null|undefined|nan)(?:[&#/?]|$)",  # a missing id rendered as text
    r"\s",  # whitespace inside a URL
)
SCHEMES = ("https://", "http://")
_BROKEN = re.compile("|".join(BROKEN_LINK_PATTERNS), re.IGNORECASE)


def check_link(raw: str) -> tuple[str, bool]:
    """(link to publish, broken?). Broken links are blanked; empty links are simply absent."""
    link = (raw or "").strip()
    if not link:
        return "", False
    if not link.startswith(SCHEMES) and not link.lower().startswith(SCHEMES):
        return "", True
    lowered = link.lower()  # cheap substring tests first: the pattern runs only on suspicious links
    suspicious = "none" in lowered or "null" in lowered or "undefined" in lowered or "nan" in lowered
    if (suspicious or " " in link or "\t" in link or "\n" in link) and _BROKEN.search(link):
        return "", True
    return link, False
