"""The hostile corpus served by the sandbox (`kartiseret sandbox --data tests/fixtures/hostile`) and read by a
real scraper in a real browser: every value comes back as the page shows it, the corrupt files are
reported by the sandbox and skipped, and the clean dataflow quarantines what no listing may hold."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from app.core.db import close_database
from app.core.models import RAW_VALUE_COLUMNS
from app.tui.app import open_store
from dataflows.models import QuarantinedRow
from scrapers.base.normalise import normalise_row
from tests.conftest import make_settings
from tests.reliability.harness import env_for, json_summary, kartiseret, sandbox_health, sandbox_process
from tests.reliability.hostile import CORPUS, assert_inert, listings, read_csv, read_json

pytestmark = pytest.mark.browser
GOOD_ROW_FILES = ("wrong-columns.csv", "truncated.csv", "unterminated-quote.csv")  # each holds "A Good Row"


def page_text(row: dict[str, str]) -> tuple[str, ...]:
    """A source row as the scraper stores it: its documented normalisation; a NUL never survives a page."""
    clean = normalise_row({c: row[c].replace("\x00", "") for c in RAW_VALUE_COLUMNS})
    return tuple(clean[c] for c in RAW_VALUE_COLUMNS)


def test_a_scraper_stores_the_hostile_pages_as_shown(tmp_path: Path) -> None:
    served = [*listings(), *read_csv(CORPUS / "quarantined.csv"), read_csv(CORPUS / "wrong-columns.csv")[1]]
    with sandbox_process(tmp_path, "--data", str(CORPUS)) as sandbox:
        problems = "\n".join(sandbox_health(sandbox)["problems"])
        env = env_for(tmp_path, KARTISERET_SANDBOX_URL=sandbox, KARTISERET_MODE="regular")
        done = kartiseret(env, "--no-tui", "--job", "yes_planet", "--json", str(tmp_path / "summary.json"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert_inert(done.stdout + done.stderr, "headless output")
    for name in ("bad-encoding.csv", "wrong-header.csv", "not-text.csv", *GOOD_ROW_FILES[:2]):
        assert name in problems, f"the sandbox did not report {name}: {problems}"

    run_id = json_summary(tmp_path / "summary.json")["run_id"]
    out = tmp_path / "raw.json"
    exported = kartiseret(env, "export", "raw", "--run", str(run_id), "--format", "json", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    scraped = Counter(tuple(row[c] for c in RAW_VALUE_COLUMNS) for row in read_json(out))
    assert scraped == Counter(set(map(page_text, served)))  # all of it, once ("A Good Row" is served thrice)

    published = kartiseret(env, "--no-tui", "--group", "dataflows")
    assert published.returncode == 0, published.stdout + published.stderr
    assert_inert(published.stdout, "headless output")
    settings = make_settings(tmp_path, mode="regular")
    open_store(settings)
    try:
        reasons = Counter(q.reason for q in QuarantinedRow.select().where(QuarantinedRow.run_id == run_id))
    finally:
        close_database()
    assert reasons == {"too_long": 2}  # the 10,000-character title and director
