"""`kartiseret import`: real CSVs become a new run; bad rows are quarantined with a reason; bad files get one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.models import RAW_COLUMNS, RawRow, Run
from app.core.settings import Settings
from dataflows.models import CleanRow, QuarantinedRow
from dataflows.quality import report
from tests.core.test_headless_cli import kartiseret
from tests.dataflows.helpers import fixture_files, import_files, read_rows, run_dataflows, write_csv


def test_real_files_are_imported_as_one_new_run(backend: Settings) -> None:
    files = fixture_files("590")
    expected = sum(len(read_rows(f)) for f in files)
    code, out = import_files(backend, files)
    assert code == 0
    run = Run.get()
    assert run.status == "ok" and run.plan == "import"
    assert RawRow.select().where(RawRow.run_id == run.id, RawRow.job == "import").count() == expected
    assert QuarantinedRow.select().count() == 0
    assert f"run {run.id}: imported {expected} rows from {len(files)} file(s), quarantined 0" in out
    yes_planet = read_rows(fixture_files("590", "YesPlanet")[0])[0]
    stored = RawRow.select().where(RawRow.cinema == "Yes Planet", RawRow.showtime != "").order_by(RawRow.id).first()
    assert [getattr(stored, c) for c in RAW_COLUMNS[:-1]] == [yes_planet[c] for c in RAW_COLUMNS[:-1]]
    assert report(run.id)["rows_in"] == expected


def _bad_file(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    """Real rows, each broken in one way the issue names, between good rows."""
    good = read_rows(fixture_files("590", "HAIFtheque")[0])[:3]
    base = dict(good[0])
    lines: list = [good[0]]
    expected = {}

    def add(reason: str, **changes: str) -> None:
        lines.append({**base, **changes})
        expected[reason] = expected.get(reason, 0) + 1

    add("nul_bytes", english_title="Yvan\x00s")
    add("too_long", english_title="A" * 10_000)
    add("bad_date", date_of_showing="2026-13-45")
    add("bad_date", date_of_showing="")
    add("bad_time", showtime="25:99")
    add("bad_release_date", showtime="", date_of_showing="", release_date="next week")
    add("not_a_listing", showtime="", date_of_showing="", release_date="")
    add("no_cinema", cinema="")
    add("empty_row", **dict.fromkeys(RAW_COLUMNS, ""))
    add("bad_encoding", english_title="ENCODING-MARK")
    lines.append(list(base.values())[:10])  # wrong number of columns
    expected["wrong_columns"] = 1
    lines.extend(good[1:])
    path = write_csv(tmp_path / "bad.csv", lines)
    path.write_bytes(path.read_bytes().replace(b"ENCODING-MARK", b"ENC\xff\xfeMARK"))  # not UTF-8
    return path, expected


def test_every_bad_row_is_quarantined_with_its_reason(backend: Settings, tmp_path: Path) -> None:
    path, expected = _bad_file(tmp_path)
    code, out = import_files(backend, [path])
    assert code == 0
    reasons: dict[str, int] = {}
    for row in QuarantinedRow.select():
        reasons[row.reason] = reasons.get(row.reason, 0) + 1
        assert row.source == "import:bad.csv" and row.line and row.detail and "\x00" not in row.payload
    assert reasons == expected
    good = RawRow.select().count()
    assert good == 3
    rep = report(Run.get().id)
    assert rep["quarantined"] == expected and rep["rows_in"] == good + sum(expected.values())
    assert f"{sum(expected.values())} quarantined" in out
    run_dataflows(backend)
    assert CleanRow.select().where(CleanRow.kind == "showtime").count() == good


def test_rows_stored_by_scrapers_are_validated_too(backend: Settings) -> None:
    run = Run.create(mode="testing", status="ok")
    good = {k: v for k, v in read_rows(fixture_files("590", "HotCinema")[0])[0].items() if k != "run_id"}
    RawRow.create(run_id=run.id, job="hot_cinema", **{**good, "showtime": "9 pm"})
    RawRow.create(run_id=run.id, job="hot_cinema", **good)
    run_dataflows(backend, run_id=run.id)
    assert [(q.reason, q.source) for q in QuarantinedRow.select()] == [("bad_time", "raw_rows")]
    assert CleanRow.select().where(CleanRow.kind == "quarantined").count() == 1
    assert report(run.id)["quarantined"] == {"bad_time": 1}


def test_unreadable_files_get_one_line_and_the_rest_goes_in(backend: Settings, tmp_path: Path) -> None:
    good = fixture_files("590", "JAFCtheque")[0]
    wrong_header = tmp_path / "wrong.csv"
    wrong_header.write_text("title,time\nX,10:00\n", encoding="utf-8")
    utf16 = tmp_path / "utf16.csv"
    utf16.write_text(good.read_text(encoding="utf-8"), encoding="utf-16")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    folder = tmp_path / "no-csv-here"
    folder.mkdir()
    missing = tmp_path / "missing.csv"
    code, _ = import_files(backend, [good, wrong_header, utf16, empty, folder, missing])
    assert code == 1
    assert RawRow.select().count() == len(read_rows(good))
    assert Run.get().status == "failed"
    paths = [wrong_header, utf16, empty, folder, missing]
    nothing = import_files(backend, paths)[0]
    assert nothing == 2 and Run.select().count() == 1  # no readable file: no run


def test_cli_prints_one_clear_line_per_unreadable_file(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("a,b\n1,2\n", encoding="utf-8")
    done = kartiseret(tmp_path, "import", "--mode", "testing", str(wrong), str(tmp_path / "nope.csv"))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in done.stderr
    assert lines[0].startswith(f"kartiseret: import: cannot read {wrong}: not the scraper row schema")
    assert "No such file or directory" in lines[1]


@pytest.mark.parametrize("hostile", ["[bold]x[/]", "[@click=app.quit]q", "\x1b]8;;http://x\x07x", "\u202eabc"])
def test_hostile_text_is_stored_intact(backend: Settings, tmp_path: Path, hostile: str) -> None:
    row = read_rows(fixture_files("590", "HAIFtheque")[0])[0]
    import_files(backend, [write_csv(tmp_path / "h.csv", [{**row, "english_title": hostile}])])
    assert RawRow.get().english_title == hostile
