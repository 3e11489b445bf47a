"""Tiny HTML helpers for replicas: escaping, attributes, and the page shell with the shared script."""

from __future__ import annotations

import json
from html import escape


def h(text: object) -> str:
    """Escape text for HTML (scraped titles may contain anything)."""
    return escape("" if text is None else str(text), quote=True)


def attrs(**values: object) -> str:
    """` key="value"` pairs; None/False skipped, True → bare attribute; `class_` → class."""
    parts = []
    for key, value in values.items():
        if value is None or value is False:
            continue
        name = key.rstrip("_").replace("_", "-")
        parts.append(f" {name}" if value is True else f' {name}="{h(value)}"')
    return "".join(parts)


def document(title: str, body: str, *, lang: str = "en", rtl: bool = False, config: dict | None = None,
             head: str = "") -> str:
    """A whole page: RTL when Hebrew, the shared sandbox.js with this page's config (`window.SANDBOX`)."""
    settings = json.dumps(config or {}, ensure_ascii=False).replace("</", "<\\/")
    return (
        f'<!DOCTYPE html>\n<html lang="{h(lang)}" dir="{"rtl" if rtl else "ltr"}">\n<head><meta charset="utf-8">'
        f"<title>{h(title)}</title>"
        '<link rel="stylesheet" href="/_sandbox/static/sandbox.css">'
        f"<script>window.SANDBOX = {settings};</script>"
        f'<script src="/_sandbox/static/sandbox.js"></script>{head}</head>\n'
        f"<body>\n{body}\n</body></html>\n"
    )
