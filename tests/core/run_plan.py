"""Runs one fake job through the real headless front end in this process (for process-level tests).

Usage: python -c "from tests.core.run_plan import main; raise SystemExit(main())" JOB [JOB…]
Settings come from the environment (KARTISERET_DATA_DIR etc.), Testing mode.
"""

from __future__ import annotations

import sys

from app.core.db import open_database
from app.core.executor import Executor
from app.core.jobs import JobSpec, RetryPolicy
from app.core.plan import Plan, Stage
from app.core.settings import load_settings
from app.headless import run_headless
from registry.schema import load_models


def main(argv: list[str] | None = None) -> int:
    names = argv if argv is not None else sys.argv[1:]
    settings = load_settings().with_overrides(mode="testing")
    load_models()
    open_database(settings)
    jobs = tuple(
        JobSpec(name, "selfcheck", f"tests.core.fake_jobs:{name}", retry=RetryPolicy(max_attempts=1)) for name in names
    )
    result = run_headless(Executor(settings), Plan("test", (Stage("selfcheck", True, jobs),)))
    return result.exit_code
