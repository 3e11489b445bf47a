"""The hostile corpus (`tests/fixtures/hostile/`) as the tests read it, and what "shown literally" means."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

from app.core.models import RAW_VALUE_COLUMNS
from app.textfmt import printable
from tests.conftest import PROJECT_ROOT

CORPUS = PROJECT_ROOT / "tests" / "fixtures" / "hostile"
# What a terminal would act on if it came through raw: escape and bell, NUL, bidi overrides/isolates.
ACTIVE = ("\x1b", "\x07", "\x00", "\u202e", "\u202c", "\u2067", "\u2069")
# What each file of the corpus must do on import: (rows, imported, quarantined by reason); None = refused.
IMPORT_OUTCOME = {
    "bad-encoding.csv": (2, 1, {"bad_encoding": 1}),
    "listings.csv": (15, 15, {}),
    "quarantined.csv": (3, 0, {"nul_bytes": 1, "too_long": 2}),
    "truncated.csv": (2, 1, {"wrong_columns": 1}),
    "unterminated-quote.csv": (2, 1, {"wrong_columns": 1}),
    "wrong-columns.csv": (3, 1, {"wrong_columns": 2}),
    "wrong-header.csv": None,
    "not-text.csv": None,
}


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_json(path: Path) -> list[dict[str, str]]:
    return json.loads(path.read_text(encoding="utf-8"))


def listings() -> list[dict[str, str]]:
    """The hostile listings, as the 17 value columns."""
    return [{c: row[c] for c in RAW_VALUE_COLUMNS} for row in read_csv(CORPUS / "listings.csv")]


def hostile_titles() -> list[str]:
    return [row["english_title"] for row in listings()]


def copy_corpus(folder: Path) -> Path:
    """The corpus's CSV files in a folder of the test's own."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in CORPUS.glob("*.csv"):
        shutil.copy(path, folder / path.name)
    return folder


def assert_inert(text: str, where: str) -> None:
    """Nothing in `text` would act on a terminal (escapes, bell, NUL, bidi controls arrive escaped)."""
    found = [repr(char) for char in ACTIVE if char in text]
    assert not found, f"{where} carries raw {', '.join(found)}"


def literal(value: str) -> str:
    """How a value shows in plain output: control and bidi characters escaped, markup as typed."""
    return printable(value)
