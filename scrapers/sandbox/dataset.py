"""Sandbox content: scraper-schema CSVs (bundled, or every CSV of `--data DIR`), routed to replicas.

Each row goes to the replica of the site named in its `cinema` column; rows without a showtime but
with a release date go to that chain's coming-soon replica. File names do not matter. Rows that do
not parse are reported and skipped (never fatal).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.core.errors import ConfigError
from app.core.models import RAW_VALUE_COLUMNS

BUNDLED = Path(__file__).with_name("data")


@dataclass
class Dataset:
    rows: list[dict[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def read_csvs(folder: Path | None) -> Dataset:
    folder = Path(folder) if folder else BUNDLED
    if not folder.is_dir():
        raise ConfigError(f"--data {folder} is not a folder")
    data = Dataset()
    for path in sorted(folder.rglob("*.csv")):
        data.files.append(path)
        try:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                reader = csv.DictReader(handle)
                missing = [c for c in ("cinema", "showtime", "english_title") if c not in (reader.fieldnames or [])]
                if missing:
                    data.problems.append(f"{path.name}: not a scraper-schema CSV (no {', '.join(missing)})")
                    continue
                for number, raw in enumerate(reader, start=2):
                    if None in raw or any(v is None for v in raw.values()):
                        data.problems.append(f"{path.name}:{number}: wrong number of cells, skipped")
                        continue
                    data.rows.append({c: (raw.get(c) or "").strip() for c in RAW_VALUE_COLUMNS})
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            data.problems.append(f"{path.name}: unreadable ({exc})")
    if not data.files:
        raise ConfigError(f"--data {folder}: no .csv files there")
    return data


def is_coming_soon(row: dict[str, str]) -> bool:
    return not row.get("showtime") and not row.get("date_of_showing") and bool(row.get("release_date"))


def default_today(rows: Iterable[dict[str, str]]) -> date:
    """The earliest screening date in the data (else the earliest release date, else today)."""
    dates = sorted(r["date_of_showing"] for r in rows if r.get("date_of_showing"))
    if not dates:
        dates = sorted(r["release_date"] for r in rows if r.get("release_date"))
    for text in dates:
        try:
            return date.fromisoformat(text)
        except ValueError:
            continue
    return date.today()
