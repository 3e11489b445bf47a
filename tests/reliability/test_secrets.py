"""A real plan — a scraper (one failed attempt, full artifacts), the dataflows, TMDB enrichment — with a TMDB
key and a PostgreSQL URL carrying a password, then the history, every export and the TUI. Neither secret
appears in anything the run writes or shows: files, logs, artifacts, `--json`, stdout/stderr, the
terminal, exports, or the text the database holds. (PostgreSQL here trusts local connections, so the
password is accepted and ignored — it still must never be shown.)"""

from __future__ import annotations

from pathlib import Path

import psycopg2
import pytest

from tests.conftest import PG_URL
from tests.fixtures.tmdb.server import FakeTmdb
from tests.reliability.harness import env_for, json_summary, kartiseret, sandbox_process
from tests.tui.test_terminal import Terminal

pytestmark = pytest.mark.browser
TMDB_KEY = "tmdb-key-NEVER-SHOWN-5e0d7a"
PASSWORD = "db-pass-NEVER-SHOWN-a41f"
SECRETS = (TMDB_KEY, PASSWORD)


def database_text(schema_base: str) -> str:
    """Every text value of every table of the run's schemas, as one string."""
    out = []
    with psycopg2.connect(PG_URL.replace("postgresql://", "postgres://")) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT table_schema, table_name, column_name FROM information_schema.columns "
            "WHERE table_schema LIKE %s AND data_type IN ('text', 'character varying')",
            (f"{schema_base}%",),
        )
        for schema, table, column in cur.fetchall():
            cur.execute(f'SELECT "{column}" FROM "{schema}"."{table}" WHERE "{column}" IS NOT NULL')
            out.extend(value for (value,) in cur.fetchall())
    assert out, "the run stored no text at all?"
    return "\n".join(out)


def test_no_secret_in_anything_a_real_run_writes_or_shows(tmp_path: Path, pg_schema: str) -> None:
    url = PG_URL.replace("postgres@", f"postgres:{PASSWORD}@")
    tmdb = FakeTmdb(api_key=TMDB_KEY).start()
    tmdb.fail("/3/search/movie", status=429, retry_after="0")
    tmdb.fail("/3/movie/", status=500, times=2)
    shown: list[str] = []
    try:
        with sandbox_process(tmp_path, "--chaos", "500@yes_planet") as sandbox:
            env = env_for(tmp_path, DATABASE_URL=url, TMDB_API_KEY=TMDB_KEY, TMDB_API_URL=tmdb.url,
                          KARTISERET_SANDBOX_URL=sandbox, TERM="xterm-256color")  # fmt: skip
            summary_path = tmp_path / "out" / "summary.json"
            run = kartiseret(env, "--no-tui", "--job", "yes_planet_soon", "--group", "dataflows",
                             "--json", str(summary_path))  # fmt: skip
            shown += [run.stdout, run.stderr]
            summary = json_summary(summary_path)
            jobs = {job["name"]: job for job in summary["jobs"]}
            assert jobs["yes_planet_soon"]["attempts"] == 2 and jobs["enrich"]["status"] == "ok", run.stdout
            assert any(TMDB_KEY in line for line in tmdb.raw_request_lines)  # the key really went out

            for args in (("runs",), ("runs", "show", str(summary["run_id"])), ("export", "movies")):
                done = kartiseret(env, *args)
                assert done.returncode == 0, done.stderr
                shown += [done.stdout, done.stderr]
            for kind in ("raw", "showtimes", "comingsoon"):
                for fmt in ("csv", "json"):
                    out = tmp_path / "out" / f"{kind}.{fmt}"
                    done = kartiseret(env, "export", kind, "--format", fmt, "--out", str(out))
                    assert done.returncode == 0, done.stderr
                    shown.append(done.stderr)

            term = Terminal(["-m", "app", "--group", "dataflows"], env)  # the TUI over the same database
            term.wait_for("finished")
            term.send("q")
            assert term.wait_exit() in (0, 1)
            shown.append(term.output())
    finally:
        tmdb.stop()

    assert "postgres:***@127.0.0.1" in summary["database"] and "postgres:***@" in term.text()
    written = [path for path in tmp_path.rglob("*") if path.is_file()]
    names = {path.name for path in written}
    assert {"run.log", "error.txt", "failure.txt", "page.html", "screenshot.png", "summary.json"} <= names
    texts = {str(path): path.read_bytes().decode("utf-8", "replace") for path in written}
    texts |= {f"output {i}": text for i, text in enumerate(shown)}
    texts["database"] = database_text(pg_schema)
    for secret in SECRETS:
        leaks = [where for where, text in texts.items() if secret in text]
        assert leaks == [], f"{secret} leaked into {leaks}"
