"""A database that cannot be used at start: one clear line on stderr, exit code 2, no password shown,
nothing left running — whether the URL comes from `DATABASE_URL` or `--db`, for runs and sub-commands."""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import require_postgres
from tests.reliability.harness import KARTISERET, env_for
from tests.reliability.process_table import sandboxes_of
from tests.scrapers.roundtrip import free_port

PASSWORD = "pw-NEVER-SHOWN-93c1"
REFUSED = f"postgresql://kartiseret:{PASSWORD}@127.0.0.1:1/test"


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A TCP port that accepts connections and never answers: a hung database server or proxy."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        yield f"postgresql://kartiseret:{PASSWORD}@127.0.0.1:{server.getsockname()[1]}/test"


def start(env: dict[str, str], *args: str) -> tuple[subprocess.CompletedProcess[str], int]:
    process = subprocess.Popen(
        [*KARTISERET, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True, cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    out, err = process.communicate(timeout=120)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err), process.pid


def assert_one_clear_line(done: subprocess.CompletedProcess[str], needle: str) -> None:
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and lines[0].startswith("kartiseret: error: "), done.stderr
    assert PASSWORD not in done.stdout + done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("--no-tui", "--group", "selfcheck"),
        ("runs",),
        ("export", "showtimes", "--format", "json"),
        ("import", "tests/fixtures/runs/590/TLVtheque-1.csv"),
    ],
    ids=["run", "runs", "export", "import"],
)
def test_refused_database_from_the_environment(tmp_path: Path, args: tuple[str, ...]) -> None:
    done, _ = start(env_for(tmp_path, DATABASE_URL=REFUSED), *args)
    assert_one_clear_line(done, "database unreachable: postgresql://kartiseret:***@127.0.0.1:1/test")


def test_a_server_that_never_answers_times_out_instead_of_hanging(tmp_path: Path, silent_server: str) -> None:
    done, _ = start(env_for(tmp_path, DATABASE_URL=silent_server), "--no-tui", "--group", "selfcheck")
    assert_one_clear_line(done, "timeout expired")


def test_a_missing_database_on_a_live_server(tmp_path: Path) -> None:
    require_postgres()
    done, _ = start(env_for(tmp_path), "--no-tui", "--db", "postgresql://postgres@127.0.0.1:5432/kt_no_such_db")
    assert_one_clear_line(done, 'database "kt_no_such_db" does not exist')


def test_an_unusable_sqlite_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    env = env_for(tmp_path, DATABASE_URL=f"sqlite:///{blocker}/db/k.sqlite")
    done, _ = start(env, "--no-tui", "--group", "selfcheck")
    assert_one_clear_line(done, f"cannot create the data folder {blocker}/db")


def test_a_scraper_plan_stops_before_any_browser_and_its_sandbox_is_stopped(tmp_path: Path) -> None:
    env = env_for(tmp_path, DATABASE_URL=REFUSED, KARTISERET_SANDBOX_URL=f"http://127.0.0.1:{free_port()}")
    done, pid = start(env, "--no-tui", "--job", "rav_hen")
    assert_one_clear_line(done, "database unreachable")
    assert sandboxes_of(pid) == []
