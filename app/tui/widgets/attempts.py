"""What one attempt left behind: status, error with its call chain, and the artifact files.

Shared by the dashboard's task details and the run history's drill-down.
"""

from __future__ import annotations

from pathlib import Path

from textual.content import Content

from app.core.models import Attempt
from app.textfmt import clock
from app.tui.format import STATUS_STYLE, safe

MAX_FILES = 20


def attempts_of(run_id: int, job: str | None = None) -> list[Attempt]:
    query = Attempt.select().where(Attempt.run_id == run_id)
    if job is not None:
        query = query.where(Attempt.job == job)
    return list(query.order_by(Attempt.job, Attempt.attempt))


def artifact_files(folder: str) -> list[str]:
    """Files an attempt left (screenshot, page HTML, error.txt, partial rows), newest layout first."""
    path = Path(folder) if folder else None
    if path is None or not path.is_dir():
        return []
    files = sorted(p for p in path.rglob("*") if p.is_file())
    return [f"{p.relative_to(path)}  ({p.stat().st_size:,} bytes)" for p in files[:MAX_FILES]]


def attempt_content(attempt: Attempt, call_chain: bool = True) -> Content:
    """A readable block for one attempt; every value from the database shown literally."""
    lines: list[Content] = [
        Content.assemble(
            (f"attempt {attempt.attempt}", "bold"),
            "  ",
            Content.styled(attempt.status, STATUS_STYLE.get(attempt.status, "")),
            ("  duration ", "$foreground-muted"),
            (clock(attempt.duration_s), "$kt-elapsed"),
            ("  rows ", "$foreground-muted"),
            str(attempt.rows),
        )
    ]
    if attempt.error_message or attempt.error_type:
        lines.append(safe(f"{attempt.error_type}: {attempt.error_message}", "$kt-failed bold"))
    if call_chain and attempt.traceback:
        lines.append(Content.styled("call chain:", "$foreground-muted"))
        lines.extend(safe(line, "$foreground-muted") for line in attempt.traceback.rstrip().splitlines())
    if attempt.artifacts:
        lines.append(Content.assemble(("artifacts ", "$foreground-muted"), safe(attempt.artifacts, "underline")))
        lines.extend(Content.assemble("  ", safe(name)) for name in artifact_files(attempt.artifacts))
    return Content("\n").join(lines)
