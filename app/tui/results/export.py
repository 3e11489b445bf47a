"""Writing what a result screen shows (its filtered rows, in its order) to a CSV or JSON file.

Files go to `<data dir>/exports/<view>-<UTC time>.<csv|json>`, written with the same writer as
`kartiseret export`, so the columns and formats match the command line's.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.commands.exporting import write_rows

FORMATS = ("csv", "json")


def export_path(folder: Path, view: str, fmt: str, epoch: float) -> Path:
    """A new file name (never overwrites an earlier export)."""
    stamp = datetime.fromtimestamp(epoch, UTC).strftime("%Y%m%d-%H%M%S")
    path = folder / f"{view}-{stamp}.{fmt}"
    number = 2
    while path.exists():
        path = folder / f"{view}-{stamp}-{number}.{fmt}"
        number += 1
    return path


def write_export(rows: Iterable[dict[str, Any]], columns: list[str], fmt: str, path: Path) -> int:
    """Write the rows; returns how many. A half-written file never stays behind under the final name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    with partial.open("w", encoding="utf-8", newline="") as handle:
        count = write_rows(iter(rows), columns, fmt, handle)
    partial.replace(path)
    return count
