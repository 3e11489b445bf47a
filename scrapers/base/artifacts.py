"""Failure artifacts of one attempt: what the browser saw and what was gathered when it broke.

Written into `ctx.artifacts_dir` (`artifacts/<run_id>/<job>/attempt-<n>/`): `screenshot.png`,
`page.html`, `url.txt`, `failure.txt` (error type, message, failed selector, call chain) and
`rows.csv` (rows gathered so far, scraper row schema). The executor adds its own `error.txt`.
"""

from __future__ import annotations

import traceback
from pathlib import Path

from scrapers.base.errors import failed_selector
from scrapers.base.page import Page
from scrapers.base.writer import RowWriter


def call_chain(exc: BaseException) -> str:
    """`file:line > file:line …` of the innermost traceback, like the old artifacts, plus the full trace."""
    frames = traceback.extract_tb(exc.__traceback__)
    chain = " > ".join(f"{Path(f.filename).name}:{f.lineno}" for f in frames)
    return f"{chain}\n\n{''.join(traceback.format_exception(exc))}"


def save_failure(folder: Path, exc: BaseException, page: Page | None, writer: RowWriter | None,
                 redact=str) -> dict[str, str]:
    """Write every artifact it can (each one independently: a dead browser still leaves the rest)."""
    saved: dict[str, str] = {}
    folder.mkdir(parents=True, exist_ok=True)
    selector = failed_selector(exc) or (page.last_selector if page else "")
    url = page.url if page else ""
    if page is not None and page.screenshot(folder / "screenshot.png"):
        saved["screenshot"] = str(folder / "screenshot.png")
    if page is not None:
        html = page.html()
        if html:
            (folder / "page.html").write_text(html, encoding="utf-8")
            saved["html"] = str(folder / "page.html")
    (folder / "url.txt").write_text(url + "\n", encoding="utf-8")
    saved["url"] = str(folder / "url.txt")
    if writer is not None:
        saved["rows"] = str(writer.write_csv(folder / "rows.csv"))
    message = str(exc).strip() or type(exc).__name__
    text = (
        f"error type: {type(exc).__name__}\nmessage: {message}\nurl: {url}\nselector: {selector}\n"
        f"rows gathered: {len(writer.rows) if writer else 0}\n\ncall chain: {call_chain(exc)}"
    )
    (folder / "failure.txt").write_text(redact(text), encoding="utf-8")
    saved["failure"] = str(folder / "failure.txt")
    return saved
