"""The dashboard's run line: run ID, plan, state, elapsed, overall remaining, threads and counts."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from app.core.progress import RunView
from app.textfmt import clock
from app.tui.format import STATUS_GLYPH, STATUS_STYLE, first_line, guess_mark, safe

COUNT_ORDER = ("ok", "failed", "cancelled", "skipped", "retrying", "running", "pending")


def run_state(view: RunView, busy: bool, cancelling: bool, error: BaseException | None) -> Content:
    if error is not None:
        return safe(f"error: {first_line(str(error)) or type(error).__name__}", "$kt-failed bold")
    if cancelling and busy:
        return Content.styled("cancelling…", "$kt-eta bold")
    if busy or not view.tasks:
        return Content.styled("running" if view.run_id else "starting…", "$kt-pink bold")
    counts = view.counts()
    bad = counts.get("failed", 0) + counts.get("cancelled", 0)
    if bad:
        return Content.styled(f"finished with {bad} not ok · r retry · q quit", "$kt-failed bold")
    return Content.styled("finished ok · q quit", "$kt-done bold")


class RunHeader(Static):
    _shown: tuple = ()

    def show(self, view: RunView, now: float, busy: bool, cancelling: bool, error: BaseException | None) -> None:
        run = f"run {view.run_id}" if view.run_id else "run …"
        finished = not busy and bool(view.tasks)
        ends = [task.finished_at for task in view.tasks.values() if task.finished_at is not None]
        elapsed = view.elapsed(max(ends) if finished and ends else now) if view.run_id else 0.0
        remaining = 0.0 if finished else view.remaining(now)
        counts = view.counts()
        parts: list = [
            (run, "bold $kt-group"),
            ("  plan ", "$foreground-muted"),
            safe(view.plan or "…", "bold"),
            "  ",
            run_state(view, busy, cancelling, error),
            "\n",
            ("elapsed ", "$foreground-muted"),
            (clock(elapsed), "bold $kt-elapsed"),
            ("  remaining ", "$foreground-muted"),
            (guess_mark(view.any_guess and not finished) + clock(remaining), "bold $kt-eta"),
            ("  threads ", "$foreground-muted"),
            (f"{view.busy}/{view.max_workers}", "bold"),
            " ",
        ]
        for status in COUNT_ORDER:
            if counts.get(status):
                mark = STATUS_GLYPH.get(status, "●" if status != "pending" else "○")
                parts += ["  ", (f"{mark} {counts[status]} {status}", STATUS_STYLE[status])]
        content = Content.assemble(*parts)
        key = (content.plain, tuple(content.spans))
        if key != self._shown:  # most ticks change nothing here: skip the repaint
            self._shown = key
            self.update(content, layout=False)
