"""`kartiseret` without `--no-tui`: run the app in the alternate screen, then print one plain summary.

If the command line named a plan, group or job, the app opens straight on the dashboard with that
work running (the mode and selection screens sit underneath, pre-set, for going back).
"""

from __future__ import annotations

import sys
from typing import TextIO

from app.core.settings import Settings
from registry.catalogue import Catalogue

SHUTDOWN_WAIT_S = 10.0


def launch_tui(
    settings: Settings,
    catalogue: Catalogue,
    plan: str | None = None,
    groups: list[str] | None = None,
    jobs: list[str] | None = None,
    out: TextIO | None = None,
) -> int:
    """Returns the exit code by the `--no-tui` rules (0 ok, 1 a job failed, 130 cancelled)."""
    from app.tui.app import KartiseretApp

    chosen = catalogue.plan(plan, groups, jobs) if (plan or groups or jobs) else None
    app = KartiseretApp(settings, catalogue, plan=chosen)
    try:
        app.run()
    finally:
        shut_down(app)
    (out or sys.stdout).write(app.summary_text())
    return app.exit_code


def shut_down(app) -> None:
    """Whatever ended the app (a crash included), stop and close every run so it is summarised."""
    for session in app.sessions:
        if session.busy:
            session.cancel()
            session.wait(SHUTDOWN_WAIT_S)
        app.close_session(session)
