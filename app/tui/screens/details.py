"""Task details (Enter on the dashboard): the error with its call chain, retries, artifact paths."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from app.core.progress import TaskView
from app.textfmt import clock
from app.tui.format import STATUS_STYLE, safe
from app.tui.widgets.attempts import attempt_content, attempts_of
from app.tui.widgets.log_tail import log_content
from app.tui.widgets.task_row import attempts_allowed


def task_details(task: TaskView, run_id: int, now: float, log_path: str, artifacts_path: str) -> Content:
    lines: list[Content] = [
        Content.assemble(
            safe(task.job, "bold"),
            ("  group ", "$foreground-muted"),
            safe(task.group, "$kt-group"),
            "  ",
            Content.styled(task.status, STATUS_STYLE.get(task.status, "")),
            ("  attempt ", "$foreground-muted"),
            f"{task.attempt}/{attempts_allowed(task)}",
            ("  elapsed ", "$foreground-muted"),
            (clock(task.elapsed(now)), "$kt-elapsed"),
            ("  rows ", "$foreground-muted"),
            str(task.rows),
        ),
        safe(task.title, "$foreground-muted"),
    ]
    if task.error:
        kind = f"{task.error_type}: " if task.error_type else ""
        lines += [Content(""), safe(f"{kind}{task.error}", "$kt-failed bold")]
    for retry in task.retries:
        lines.append(safe(f"↻ {retry}", "$kt-eta"))
    for warning in task.warnings:
        lines.append(safe(f"⚠ {warning}", "$kt-eta"))
    attempts = attempts_of(run_id, task.job) if run_id else []
    for attempt in attempts:
        lines += [Content(""), attempt_content(attempt)]
    if not attempts and task.traceback:  # not yet written by the recorder: the live copy
        lines += [Content(""), Content.styled("call chain:", "$foreground-muted")]
        lines += [safe(line, "$foreground-muted") for line in task.traceback.rstrip().splitlines()]
    if task.log:
        lines += [Content(""), Content.styled(f"log ({len(task.log)} newest lines):", "$foreground-muted")]
        lines += [log_content(level, message) for level, message in task.log]
    lines += [
        Content(""),
        Content.assemble(("run log   ", "$foreground-muted"), safe(log_path)),
        Content.assemble(("artifacts ", "$foreground-muted"), safe(artifacts_path)),
    ]
    return Content("\n").join(lines)


class TaskDetailsScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,enter", "dismiss", "Close", id="details.close")]

    def __init__(self, body: Content, title: str) -> None:
        super().__init__(id="details")
        self.body, self.title_text = body, title

    def compose(self) -> ComposeResult:
        with Vertical(id="details-box"):
            yield Static(
                Content.assemble(("Task ", "bold"), safe(self.title_text, "bold $kt-pink")), id="details-title"
            )
            with VerticalScroll(id="details-scroll"):
                yield Static(self.body, id="details-body")
            yield Static("Esc or Enter closes · ↑/↓ scroll", id="details-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#details-scroll").focus()
