"""The live dashboard: one row per task, a log panel for the selected task, retry/cancel/details.

Jobs run in the core executor on a plain thread (`RunSession`). A timer drains the core's event bus
about ten times a second, folds the events into a `RunView`, and applies the newest state of every
task inside one `batch_update()`; no message is posted per progress report.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget

from app.core.events import Event, TaskLog
from app.core.plan import Plan
from app.core.progress import RunView, TaskView
from app.textfmt import printable
from app.tui.format import IN_FLIGHT, safe
from app.tui.navigation import DASHBOARD
from app.tui.screens.base import BaseScreen
from app.tui.screens.details import TaskDetailsScreen, task_details
from app.tui.session import RunSession
from app.tui.widgets.log_tail import LogTail
from app.tui.widgets.run_header import RunHeader
from app.tui.widgets.task_list import ColumnHeader, TaskList

TICK_S = 0.1


class DashboardScreen(BaseScreen):
    SCREEN_TITLE = "Dashboard"
    PLACE = DASHBOARD
    AUTO_FOCUS = "#tasks"
    BINDINGS = [
        Binding("enter", "details", "Details", id="dashboard.details"),
        Binding("r", "retry", "Retry failed", id="dashboard.retry"),
        Binding("c", "cancel_task", "Cancel task", id="dashboard.cancel"),
        Binding("n", "new_run", "New run", id="dashboard.new-run"),
        Binding("q", "app.quit", "Quit", id="dashboard.quit"),
    ]

    def __init__(self, plan: Plan) -> None:
        super().__init__(id="dashboard")
        self.plan = plan
        self.view = RunView()
        self.session: RunSession | None = None
        self.log_job: str | None = None
        self._enabled: tuple = ()

    def compose_body(self) -> Iterable[Widget]:
        tasks = TaskList(self.plan.jobs, id="tasks")
        yield RunHeader(id="run-header")
        yield ColumnHeader(tasks.name_width, tasks.group_width)
        yield tasks
        log = LogTail(id="task-log")
        log.border_title = Content.styled("log", "bold")
        yield log

    @property
    def tasks(self) -> TaskList:
        return self.query_one(TaskList)

    @property
    def header(self) -> RunHeader:
        return self.query_one(RunHeader)

    @property
    def log_panel(self) -> LogTail:
        return self.query_one(LogTail)

    def on_mount(self) -> None:
        self.session = self.kapp.new_session(self.plan)
        self.session.start()
        self.tick()
        self.set_interval(TICK_S, self.tick)
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.repaint_all())
        if self.tasks.selected:
            self.show_log(self.tasks.selected)

    # ------------------------------------------------------------------------------ the tick
    def tick(self) -> None:
        """Drain the bus, fold into the view, apply the newest state per task in one batch."""
        session = self.session
        if session is None:
            return
        events = session.bus.drain()
        if events:
            self.view.apply(events)
        now = self.kapp.clock()
        busy = session.busy
        with self.app.batch_update():
            self.tasks.show(self.view.tasks, now)
            self.header.show(self.view, now, busy, session.cancel_requested, session.error)
            self.append_log(events)
            self.refresh_enabled(busy)

    def append_log(self, events: list[Event]) -> None:
        """Repaint the log panel when the selected task logged (or just appeared)."""
        task = self.view.tasks.get(self.log_job or "")
        if task is None:
            return
        panel = self.log_panel
        if panel.lines is not task.log:
            panel.show(task.log)
        elif any(isinstance(event, TaskLog) and event.job == task.job for event in events):
            panel.refresh()

    def show_log(self, job: str) -> None:
        """The selected task's own lines (the panel reads them from the view: never twice)."""
        self.log_job = job
        panel = self.log_panel
        panel.border_title = Content.assemble(("log · ", "bold"), safe(job, "bold $kt-pink"))
        task = self.view.tasks.get(job)
        panel.show(task.log if task else [])

    def repaint_all(self) -> None:
        self.tasks.invalidate()
        self.tick()

    def refresh_enabled(self, busy: bool) -> None:
        """Re-evaluate which keys apply (dimmed in the footer otherwise) only when that changes."""
        selected = self.selected_task
        enabled = (
            bool(self.retryable()),
            selected is not None and selected.status in IN_FLIGHT and busy,
            not busy,
        )
        if enabled != self._enabled:
            self._enabled = enabled
            self.refresh_bindings()

    # ------------------------------------------------------------------------------ selection
    @property
    def selected_task(self) -> TaskView | None:
        job = self.tasks.selected
        return self.view.tasks.get(job) if job else None

    def on_task_list_highlighted(self, event: TaskList.Highlighted) -> None:
        self.show_log(event.job)
        self.refresh_enabled(self.session.busy if self.session else False)

    def on_task_list_activated(self, _: TaskList.Activated) -> None:
        self.action_details()

    # ------------------------------------------------------------------------------ actions
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self._enabled:
            return True
        retry, cancel, idle = self._enabled
        allowed = {"retry": retry, "cancel_task": cancel, "new_run": idle}.get(action, True)
        return True if allowed else None

    def retryable(self) -> list[str]:
        """The selected task if it failed or was cancelled, else every failed task."""
        selected = self.selected_task
        if selected is not None and selected.status in ("failed", "cancelled"):
            return [selected.job]
        return [job for job, task in self.view.tasks.items() if task.status == "failed"]

    def action_retry(self) -> None:
        jobs = self.retryable()
        if not jobs or self.session is None:
            self.notify("Nothing failed: nothing to retry.", markup=False)
            return
        self.session.retry(jobs)
        self.notify(f"Retrying {', '.join(printable(job) for job in jobs)}", markup=False)

    def action_cancel_task(self) -> None:
        task = self.selected_task
        if task is None or self.session is None or task.status not in IN_FLIGHT:
            self.notify("The selected task is not running.", markup=False)
            return
        self.session.cancel(task.job)
        self.notify(f"Cancelling {printable(task.job)}", markup=False)

    def action_details(self) -> None:
        task = self.selected_task
        if task is None:
            return
        body = task_details(task, self.view.run_id, self.kapp.clock(), self.view.log_path, self.view.artifacts_path)
        self.app.push_screen(TaskDetailsScreen(body, task.job))

    def action_new_run(self) -> None:
        """Back to the runner selection once nothing runs (this run is closed and summarised)."""
        if self.session is None or self.session.busy:
            self.notify("Jobs are still running.", markup=False)
            return
        self.kapp.close_session(self.session)
        self.app.pop_screen()
