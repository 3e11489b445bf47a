"""The hostile corpus through `kartiseret import`, the dataflows and every export, on SQLite and PostgreSQL:
stored intact or quarantined with a reason, published, and exported byte for byte in CSV and JSON."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from app.core.models import RAW_VALUE_COLUMNS, RawRow
from app.core.settings import Settings
from dataflows.models import QuarantinedRow
from tests.reliability.harness import env_for, kartiseret
from tests.reliability.hostile import (
    IMPORT_OUTCOME,
    assert_inert,
    copy_corpus,
    listings,
    literal,
    read_csv,
    read_json,
)

EVIL_NAME = "[@click=app.quit]evil[b] \x1b[31mname\u202e.csv"  # a file name is untrusted text too (no "/")


def export(env: dict[str, str], folder: Path, kind: str, *extra: str) -> tuple[list[dict], list[dict]]:
    """`kartiseret export KIND` to a CSV and a JSON file; both parsed."""
    parsed = []
    for fmt, read in (("csv", read_csv), ("json", read_json)):
        out = folder / f"{kind}.{fmt}"
        done = kartiseret(env, "export", kind, "--format", fmt, "--out", str(out), *extra)
        assert done.returncode == 0, done.stderr
        parsed.append(read(out))
    return parsed[0], parsed[1]


def as_text(rows: list[dict]) -> list[dict[str, str]]:
    """JSON keeps numbers as numbers; CSV has only text. Compare them as text."""
    return [{key: "" if value is None else str(value) for key, value in row.items()} for row in rows]


def import_corpus(env: dict[str, str], tmp_path: Path) -> tuple[int, str]:
    folder = copy_corpus(tmp_path / "corpus")
    (folder / "wrong-columns.csv").rename(folder / EVIL_NAME)
    done = kartiseret(env, "import", str(folder))
    assert done.returncode == 1, done.stdout + done.stderr  # two files refused, the others imported
    assert_inert(done.stdout + done.stderr, "import output")
    for name, outcome in IMPORT_OUTCOME.items():
        shown = literal(EVIL_NAME) if name == "wrong-columns.csv" else name
        if outcome is None:
            assert f"kartiseret: import: cannot read {folder / shown}: " in done.stderr, name
            continue
        rows, imported, reasons = outcome
        quarantined = sum(reasons.values())
        detail = f" ({', '.join(f'{r} {n}' for r, n in sorted(reasons.items()))})" if reasons else ""
        assert f"{shown}: {rows} rows, {imported} imported, {quarantined} quarantined{detail}\n" in done.stdout
    assert len(done.stderr.strip().splitlines()) == 2
    return int(re.search(r"^run (\d+): imported", done.stdout, re.M).group(1)), done.stdout


def test_the_corpus_through_import_dataflows_and_exports(backend: Settings, tmp_path: Path) -> None:
    env = env_for(tmp_path, **({"DATABASE_URL": backend.database_url} if backend.database_url else {}))
    run_id, _ = import_corpus(env, tmp_path)

    # Stored intact: every hostile listing, every column, exactly once.
    stored = [{c: getattr(r, c) for c in RAW_VALUE_COLUMNS} for r in RawRow.select().where(RawRow.run_id == run_id)]
    expected = Counter(tuple(row.values()) for row in listings())
    assert Counter(tuple(row[c] for c in RAW_VALUE_COLUMNS) for row in stored) & expected == expected
    # Quarantined with a reason, a line number and a payload that keeps the evidence without the NUL.
    quarantined = list(QuarantinedRow.select().where(QuarantinedRow.run_id == run_id))
    reasons = sum((Counter(outcome[2]) for outcome in IMPORT_OUTCOME.values() if outcome), Counter())
    assert Counter(q.reason for q in quarantined) == reasons
    assert all(q.line and q.detail and q.source.startswith("import:") for q in quarantined)
    nul = next(q for q in quarantined if q.reason == "nul_bytes")
    assert "Null\\x00Byte" in nul.payload and "\x00" not in nul.payload + nul.detail
    assert any(q.source == f"import:{EVIL_NAME}" for q in quarantined)  # the file name, kept as it is

    # `export raw` in both formats gives the stored rows back byte for byte.
    raw_csv, raw_json = export(env, tmp_path / "out", "raw", "--run", str(run_id))
    assert raw_csv == raw_json == [{**row, "run_id": str(run_id)} for row in stored]

    # Publish: plain headless output and the run log show the hostile values escaped, never raw.
    done = kartiseret(env, "--no-tui", "--group", "dataflows")
    assert done.returncode == 0, done.stdout + done.stderr
    assert_inert(done.stdout + done.stderr, "headless output")
    assert "values with no rule yet: original_language: [bold]Klingon[/] \\x1b[5mblink (1)" in done.stdout
    log = re.search(r"^log:\s+(\S+)$", done.stdout, re.M).group(1)
    assert_inert(Path(log).read_text(encoding="utf-8"), "run.log")

    # Published and exported: each hostile title, as scraped, on its showtime; CSV and JSON agree.
    showtimes_csv, showtimes_json = export(env, tmp_path / "out", "showtimes")
    assert showtimes_csv == as_text(showtimes_json)
    sources = Counter((row["source_english_title"], row["source_hebrew_title"]) for row in showtimes_csv)
    for row in listings():
        assert sources[(row["english_title"], row["hebrew_title"])] == 1, row["english_title"]
    movies_csv, movies_json = export(env, tmp_path / "out", "movies")
    assert movies_csv == as_text(movies_json) and len(movies_csv) >= len(listings())
