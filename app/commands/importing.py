"""`kartiseret import PATH…`: scraper-schema CSV files in as a new run (the dataflows publish them later).

Exit code 0 when every file was read (rows may still have been quarantined: they are listed), 1 when
some file could not be read at all (the others are imported), 2 when no file could be read.
"""

from __future__ import annotations

import sys
from typing import TextIO

from app.core.errors import ConfigError
from app.core.runs import allocate_run, finish_run
from app.core.settings import Settings
from app.textfmt import printable
from dataflows.base import batch_size
from dataflows.csvimport import JOB, FileResult, UnreadableFile, check_header, expand, import_file
from dataflows.quality import report


def _reasons(result_counts: dict) -> str:
    parts = [f"{reason} {n}" for (metric, reason), n in sorted(result_counts.items()) if metric == "quarantined"]
    return f" ({', '.join(parts)})" if parts else ""


def import_paths(settings: Settings, paths: list[str], out: TextIO) -> int:
    """Import the files as one new run; prints one line per file and a total."""
    files = expand(paths)
    if not files:
        raise ConfigError("import needs at least one CSV file or folder")
    errors = 0
    readable = []
    for path in files:
        try:
            check_header(path)
            readable.append(path)
        except UnreadableFile as exc:
            errors += 1
            print(f"kartiseret: import: cannot read {printable(str(path))}: {exc}", file=sys.stderr)
    if not readable:
        return 2
    run = allocate_run(settings.mode, settings.sites, plan="import", jobs=[JOB], front_end="import")
    results: list[FileResult] = []
    status = "failed"
    try:
        for path in readable:
            try:
                result = import_file(path, run.id, batch_size(settings) * 10)
            except UnreadableFile as exc:
                errors += 1
                print(f"kartiseret: import: cannot read {printable(str(path))}: {exc}", file=sys.stderr)
                continue
            results.append(result)
            out.write(
                f"{printable(path.name)}: {result.rows} rows, {result.imported} imported, "
                f"{result.quarantined} quarantined{_reasons(result.counts)}\n"
            )
        status = "ok" if not errors else "failed"
    except KeyboardInterrupt:
        status = "cancelled"
        raise
    finally:
        quality = report(run.id)
        finish_run(run.id, status, {"kind": "import", "files": [str(r.path) for r in results], "quality": quality})
    imported = sum(r.imported for r in results)
    quarantined = sum(r.quarantined for r in results)
    out.write(
        f"run {run.id}: imported {imported} rows from {len(results)} file(s), quarantined {quarantined}"
        f"{_reasons(_merge(results))}; publish with: kartiseret --no-tui --group dataflows\n"
    )
    return 1 if errors else 0


def _merge(results: list[FileResult]) -> dict:
    total: dict = {}
    for result in results:
        for key, n in result.counts.items():
            total[key] = total.get(key, 0) + n
    return total
