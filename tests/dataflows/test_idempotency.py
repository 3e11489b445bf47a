"""Property: however dataflow runs interleave with imports (none, partial, repeated), the final tables are the same."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.core.settings import Settings
from dataflows.base import QuietReporter
from dataflows.maintenance import dedupe_all, remove_orphans
from tests.dataflows.helpers import (
    fixture_files,
    import_files,
    read_rows,
    run_dataflows,
    snapshot_tables,
    wipe_database,
    write_csv,
)

IMPORTS = (  # three scrape runs, in the order they happen: (fixture run, files)
    ("590", ("YesPlanet", "RavHen", "YPsoon")),
    ("596", ("YesPlanet", "RavHen", "CinemaCity")),
    ("596", ("HotCinema", "HCsoon", "LevCinema")),
)
ROWS_PER_FILE = 12
STEPS = ("clean", "identity", "publish", "clean identity publish", "maintenance")


def small_imports(folder: Path) -> list[list[Path]]:
    out = []
    for number, (run, names) in enumerate(IMPORTS):
        out.append(
            [write_csv(folder / f"{number}" / f.name, read_rows(f)[:ROWS_PER_FILE]) for f in fixture_files(run, *names)]
        )
    return out


def apply(backend: Settings, step: str) -> None:
    if step == "maintenance":
        dedupe_all(False, QuietReporter())
        remove_orphans(False, QuietReporter())
    else:
        run_dataflows(backend, steps=step)


def test_any_interleaving_of_imports_and_reruns_gives_the_same_tables(backend: Settings, tmp_path: Path) -> None:
    imports = small_imports(tmp_path)
    for files in imports:
        import_files(backend, files)
    run_dataflows(backend)
    reference = snapshot_tables()
    assert reference["showtimes"] and reference["coming_soon"] and reference["movies"]

    @settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(st.lists(st.sampled_from(STEPS), max_size=3), min_size=len(imports), max_size=len(imports)))
    @example([[], ["clean"], ["identity"]])  # identity once met later runs' variants early: found by this test
    def interleaving(between: list[list[str]]) -> None:
        wipe_database()
        for files, steps in zip(imports, between, strict=True):
            import_files(backend, files)
            for step in steps:
                apply(backend, step)
        run_dataflows(backend)
        assert snapshot_tables() == reference
        run_dataflows(backend)  # and once more: nothing changes
        assert snapshot_tables() == reference

    interleaving()
