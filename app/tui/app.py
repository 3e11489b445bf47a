"""The Kartiseret Textual app: screen flow, the store per chosen mode, runs, and quitting cleanly.

Flow: mode → runner selection → dashboard (or straight to the dashboard when the command line named
a plan, group or job). Every run is a `RunSession` over the core executor; the app remembers each
run's result so `launch_tui` can print one plain summary after the alternate screen is gone.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from app.core.errors import ConfigError
from app.core.executor import Executor
from app.core.plan import Plan
from app.core.settings import Settings
from app.core.summary import EXIT_FAILED, EXIT_OK, EXIT_USAGE, RunResult
from app.textfmt import plain_summary, printable
from app.tui.commands import ScreenCommands
from app.tui.format import first_line
from app.tui.navigation import LOAD_ERRORS, entry, load_screens
from app.tui.screens.confirm import ConfirmScreen
from app.tui.session import RunSession
from app.tui.theme import THEMES, preferred_theme, variable_defaults
from registry.catalogue import Catalogue

STYLES_DIR = Path(__file__).resolve().parents[2] / "styles"
STYLESHEETS = ("base.tcss", "mode.tcss", "selection.tcss", "dashboard.tcss", "history.tcss")

ExecutorFactory = Callable[[Settings], Executor]
Preparer = Callable[[Settings, Plan], Callable[[], None] | None]


def default_executor(settings: Settings) -> Executor:
    """The same capacity rules as the headless front end (remote Grid slots when configured)."""
    from app.cli import _capacity

    return Executor(settings, capacity=_capacity(settings), front_end="tui")


def sandbox_preparer(settings: Settings, plan: Plan) -> Callable[[], None] | None:
    """Like `--no-tui`: make sure the replica sites answer before a sandbox run (on the run's thread)."""
    if settings.sites != "sandbox":
        return None

    def prepare() -> None:
        from scrapers.sandbox.ensure import ensure_sandbox_for

        ensure_sandbox_for(settings, plan)

    return prepare


def open_store(settings: Settings) -> None:
    from app.cli import open_store as cli_open_store

    cli_open_store(settings)


def keymap_from_env(value: str) -> dict[str, str]:
    """`KARTISERET_KEYMAP="dashboard.retry=R;dashboard.cancel=x"` remaps bindings by id."""
    pairs = (part.split("=", 1) for part in value.split(";") if "=" in part)
    return {binding_id.strip(): keys.strip() for binding_id, keys in pairs if binding_id.strip() and keys.strip()}


class KartiseretApp(App[None]):
    TITLE = "Kartiseret"
    CSS_PATH = [STYLES_DIR / name for name in STYLESHEETS]
    COMMANDS = App.COMMANDS | {ScreenCommands}
    BINDINGS = [
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True, id="app.quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit-alt"),
    ]

    def __init__(
        self,
        settings: Settings,
        catalogue: Catalogue,
        *,
        plan: Plan | None = None,
        executor_factory: ExecutorFactory = default_executor,
        prepare: Preparer = sandbox_preparer,
        clock: Callable[[], float] = time.time,
        theme: str | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.catalogue = catalogue
        self.start_plan = plan
        self.executor_factory = executor_factory
        self.preparer = prepare
        self.clock = clock
        self.sessions: list[RunSession] = []
        self.results: list[RunResult] = []
        self.errors: list[BaseException] = []
        self._store_for: Settings | None = None
        self.store_error: ConfigError | None = None
        self._quitting = False
        for item in THEMES:
            self.register_theme(item)
        self.theme = theme or preferred_theme()
        keymap = keymap_from_env(os.environ.get("KARTISERET_KEYMAP", ""))
        if keymap:
            self.set_keymap(keymap)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return variable_defaults()

    def on_mount(self) -> None:
        from app.tui.screens.dashboard import DashboardScreen
        from app.tui.screens.mode import ModeScreen
        from app.tui.screens.selection import SelectionScreen

        load_screens()
        for module, why in LOAD_ERRORS.items():
            self.notify(f"{module} is unavailable: {printable(first_line(why))}", severity="warning", markup=False)
        self.push_screen(ModeScreen())
        if self.start_plan is None:
            return
        # The command line named the work: straight to the dashboard, with the mode and selection
        # screens underneath (pre-ticked) so going back behaves as if they had been chosen there.
        if not self.ensure_store():
            self.errors.append(self.store_error or ConfigError("cannot open the database"))
            self.exit()
            return
        self.push_screen(SelectionScreen(job.name for job in self.start_plan.jobs))
        self.push_screen(DashboardScreen(self.start_plan))

    # ------------------------------------------------------------------------------- store, screens
    def ensure_store(self) -> bool:
        """Open the chosen mode's database (Testing and Regular use different tables)."""
        if self._store_for == self.settings:
            return True
        if any(session.busy for session in self.sessions):
            self.notify("A run is still in progress on the open database.", severity="error", markup=False)
            return False
        try:
            open_store(self.settings)
        except ConfigError as exc:
            self.store_error = exc
            self.notify(printable(str(exc)), title="Database", severity="error", markup=False, timeout=10)
            return False
        self._store_for = self.settings
        return True

    def action_open_screen(self, name: str) -> None:
        target = entry(name)
        if getattr(self.screen, "nav_name", None) == name:
            return
        if target.needs_store and not self.ensure_store():
            return
        try:
            screen = target.factory(self)
        except Exception as exc:  # a screen that cannot be built must not take the run down with it
            self.notify(
                f"{target.title}: {printable(first_line(str(exc)) or type(exc).__name__)}",
                title="Cannot open",
                severity="error",
                markup=False,
            )
            return
        screen.nav_name = name  # type: ignore[attr-defined]
        self.push_screen(screen)

    # ------------------------------------------------------------------------------------ runs
    def new_session(self, plan: Plan) -> RunSession:
        session = RunSession(self.executor_factory(self.settings), plan, self.preparer(self.settings, plan))
        self.sessions.append(session)
        return session

    def close_session(self, session: RunSession) -> RunResult | None:
        """Finish the run (idempotent) and keep its result for the final summary."""
        result = session.finish()
        if result is not None and result not in self.results:
            self.results.append(result)
        if session.error is not None and session.error not in self.errors:
            self.errors.append(session.error)
        return result

    # ------------------------------------------------------------------------------------ quitting
    async def action_quit(self) -> None:
        """Quit; while jobs run, ask first, then cancel them and wait for them to stop."""
        if isinstance(self.screen, ConfirmScreen) and self.screen.id == "confirm-quit":
            self.screen.dismiss(True)  # ctrl+c twice: yes
            return
        busy = [session for session in self.sessions if session.busy]
        if self._quitting or not busy:
            self.exit_now()
            return
        detail = "Running jobs are cancelled cleanly; the run ends as cancelled (exit code 130)."
        question = ConfirmScreen(
            "Quit while jobs are running?", detail, yes="Cancel jobs and quit", no="Keep running", id="confirm-quit"
        )
        await self.push_screen(question, self._quit_confirmed)

    def _quit_confirmed(self, yes: bool | None) -> None:
        if not yes:
            return
        self._quitting = True
        for session in self.sessions:
            session.cancel()
        self.notify("Cancelling running jobs… (ctrl+c again to leave at once)", markup=False)
        self.set_interval(0.1, self._exit_when_idle)

    def _exit_when_idle(self) -> None:
        if not any(session.busy for session in self.sessions):
            self.exit_now()

    def exit_now(self) -> None:
        for session in self.sessions:
            if session.busy:
                session.cancel()
            self.close_session(session)
        self.exit()

    # ------------------------------------------------------------------------------------ outcome
    @property
    def exit_code(self) -> int:
        """Like `--no-tui`: the last run's outcome (0 ok, 1 failed, 130 cancelled); 2 for set-up errors."""
        if self.results:
            return self.results[-1].exit_code
        if any(isinstance(error, ConfigError) for error in self.errors):
            return EXIT_USAGE
        return EXIT_FAILED if self.errors else EXIT_OK

    def summary_text(self) -> str:
        """What is printed on the normal screen after the app exits."""
        parts = [plain_summary(result) for result in self.results]
        for error in self.errors:
            parts.append(f"kartiseret: error: {printable(first_line(str(error)) or type(error).__name__)}\n")
        if not parts:
            parts.append("kartiseret: no run started\n")
        return "".join(parts)
