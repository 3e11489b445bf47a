"""`kartiseret export`: a run's raw rows (scraper row schema) or the published tables."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from app.core.errors import ConfigError
from app.core.models import RAW_COLUMNS, RAW_VALUE_COLUMNS, RawRow, Run
from app.core.settings import Settings


def raw_rows(run_id: int) -> Iterator[dict[str, str]]:
    """The rows a run stored, in insertion order, exactly in the scraper row schema."""
    fields = [getattr(RawRow, name) for name in RAW_VALUE_COLUMNS]
    query = RawRow.select(*fields).where(RawRow.run_id == run_id).order_by(RawRow.id).tuples()
    for values in query.iterator():
        yield {**dict(zip(RAW_VALUE_COLUMNS, values, strict=True)), "run_id": str(run_id)}


def write_rows(rows: Iterator[dict], columns: list[str], fmt: str, out: TextIO) -> int:
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
    else:
        out.write("[")
        for row in rows:
            out.write(("," if count else "") + "\n" + json.dumps(row, ensure_ascii=False, default=str))
            count += 1
        out.write("\n]\n")
    return count


def export(settings: Settings, kind: str, fmt: str, out_path: str | None, run_id: int | None, stdout: TextIO) -> int:
    if kind == "raw":
        if run_id is None:
            newest = RawRow.select(RawRow.run_id).order_by(RawRow.run_id.desc()).first()
            if newest is None:
                raise ConfigError("no raw rows stored yet")
            run_id = newest.run_id
        elif Run.get_or_none(Run.id == run_id) is None:
            raise ConfigError(f"no run {run_id} in this database")
        rows, columns = raw_rows(run_id), list(RAW_COLUMNS)
    else:
        from dataflows.exports import export_rows

        rows, columns = export_rows(kind)
    if out_path:
        path = Path(out_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as handle:
            count = write_rows(rows, columns, fmt, handle)
        print(f"wrote {count} {kind} rows to {path}", file=sys.stderr)
    else:
        write_rows(rows, columns, fmt, stdout)
    return 0
