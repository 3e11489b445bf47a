"""Import scraper-schema CSV files as a new run: good rows into `raw_rows`, bad rows into quarantine.

Each file is one transaction (a file is never half-imported). A file that cannot be read at all —
missing, a folder without CSVs, not UTF-8 text, not the scraper row schema — gets one clear line
and the other files still go in. Inside a readable file every row is judged on its own: wrong
number of columns, undecodable bytes, NUL bytes, absurd lengths, unparsable dates or times go to
quarantine with the reason and line number; nothing crashes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.models import RAW_COLUMNS, RAW_VALUE_COLUMNS, RawRow, utcnow
from dataflows.models import QuarantinedRow
from dataflows.quality import Counts, save_counts
from dataflows.store import bulk_insert, write_transaction
from dataflows.validate import BAD_CSV, WRONG_COLUMNS, Problem, payload_text, validate_values

JOB = "import"
STAGE = "ingest"
csv.field_size_limit(64 * 1024 * 1024)  # absurd fields are judged (and quarantined) by us, not by the parser

_RAW_FIELDS = ("run_id", "job", *RAW_VALUE_COLUMNS, "created_at")
_QUARANTINE_FIELDS = ("run_id", "source", "line", "reason", "detail", "payload")


class UnreadableFile(Exception):
    """The file as a whole cannot be imported (the message is one line)."""


@dataclass
class FileResult:
    path: Path
    rows: int = 0
    imported: int = 0
    counts: Counts = field(default_factory=Counts)

    @property
    def quarantined(self) -> int:
        return sum(n for (metric, _), n in self.counts.items() if metric == "quarantined")


def expand(paths: list[str]) -> list[Path]:
    """Files as given; a folder stands for the CSV files in it (sorted)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        out.extend(sorted(path.glob("*.csv")) if path.is_dir() else [path])
    return out


def _open_rows(path: Path) -> tuple[io.TextIOWrapper, Iterator[list[str]]]:
    try:
        handle = io.TextIOWrapper(path.open("rb"), encoding="utf-8", errors="surrogateescape", newline="")
    except IsADirectoryError:
        raise UnreadableFile("is a folder with no .csv files") from None
    except OSError as exc:
        raise UnreadableFile(exc.strerror or type(exc).__name__) from None
    return handle, csv.reader(handle)


def check_header(path: Path) -> None:
    """Raise UnreadableFile unless the file starts with the scraper row schema header."""
    handle, reader = _open_rows(path)
    with handle:
        _read_header(path, reader)


def _read_header(path: Path, reader: Iterator[list[str]]) -> None:
    try:
        header = next(reader)
    except StopIteration:
        raise UnreadableFile("empty file (no header)") from None
    except (csv.Error, OSError) as exc:
        raise UnreadableFile(f"not a CSV file: {exc}") from None
    names = [name.strip().lstrip("\ufeff").strip() for name in header]
    if any("\udc80" <= ch <= "\udcff" for name in names for ch in name):
        raise UnreadableFile("not UTF-8 text")
    if names != list(RAW_COLUMNS):
        shown = ",".join(names)[:80]
        raise UnreadableFile(f"not the scraper row schema (expected {len(RAW_COLUMNS)} columns "
                             f"{','.join(RAW_COLUMNS[:3])},…; got {shown!r})")  # fmt: skip


def _rows(reader: Any) -> Iterator[tuple[int, list[str] | None, Problem | None]]:
    """(line number, values, problem) per data row; a parser error is a problem of that row."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield reader.line_num, None, Problem(BAD_CSV, str(exc))
            continue
        if not row:
            continue  # blank line
        if len(row) != len(RAW_COLUMNS):
            yield reader.line_num, row, Problem(WRONG_COLUMNS, f"{len(row)} columns, expected {len(RAW_COLUMNS)}")
            continue
        values = row[: len(RAW_VALUE_COLUMNS)]
        yield reader.line_num, values, validate_values(values)


def import_file(path: Path, run_id: int, batch: int) -> FileResult:
    """Import one file in one transaction."""
    result = FileResult(path)
    handle, reader = _open_rows(path)
    source = f"import:{path.name}"
    with handle, write_transaction():
        _read_header(path, reader)
        good: list[tuple] = []
        bad: list[tuple] = []

        def flush() -> None:
            bulk_insert(RawRow, _RAW_FIELDS, good)
            bulk_insert(QuarantinedRow, _QUARANTINE_FIELDS, bad)
            good.clear()
            bad.clear()

        now = utcnow()
        for line, values, problem in _rows(reader):
            result.rows += 1
            if problem is None:
                good.append((run_id, JOB, *values, now))
                result.imported += 1
            else:
                result.counts.add("quarantined", problem.reason)
                bad.append((run_id, source, line, problem.reason, problem.detail, payload_text(values or [])))
            if len(good) + len(bad) >= batch:
                flush()
        flush()
        result.counts.add("rows_in", "", result.rows)
        result.counts.add("imported", "", result.imported)
        save_counts(run_id, STAGE, result.counts)
    return result
