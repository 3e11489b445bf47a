"""The executor: runs a plan's stages with retries and cancellation, off the UI thread.

It stays thin: it allocates the run, hands each attempt a `JobContext`, records attempts, and turns
what happens into events. It knows nothing about Textual, Rich, browsers or data.
"""

from __future__ import annotations

import os
import threading
import time
import traceback as tb
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core import runs
from app.core.db import describe_database
from app.core.errors import JobCancelled, JobSkipped
from app.core.eta import learned_estimates
from app.core.events import (
    EventBus,
    RunFinished,
    RunStarted,
    TaskFinished,
    TaskQueued,
    TaskRetrying,
    TaskStarted,
)
from app.core.jobs import JobContext, JobSpec
from app.core.logs import close_run_logger, run_logger
from app.core.models import utcnow
from app.core.plan import Plan, Stage
from app.core.recorder import AttemptRecorder
from app.core.redact import Redactor
from app.core.settings import Settings
from app.core.summary import JobResult, RunResult

HEARTBEAT_EVERY_S = 15.0


def artifacts_root(settings: Settings) -> Path:
    """Testing runs count their own IDs (separate tables), so their artifacts live apart too."""
    return settings.artifacts_dir / "testing" if settings.testing else settings.artifacts_dir


def default_capacity(settings: Settings) -> dict[str, int]:
    """Worker counts per resource: browsers are heavy (about two per core), CPU jobs are cheap."""
    cores = os.cpu_count() or 2
    browsers = settings.workers or max(1, min(4, cores * 2))
    return {"browser": browsers, "cpu": settings.workers or max(2, cores)}


@dataclass
class _Task:
    spec: JobSpec
    cancel: threading.Event = field(default_factory=threading.Event)
    status: str = "pending"
    attempts: int = 0
    duration_s: float = 0.0
    rows: int = 0
    error: str = ""
    error_type: str = ""
    traceback: str = ""
    artifacts: str = ""
    warnings: list[str] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)


class Executor:
    """One run: `start(plan)`, `execute()`, optionally `rerun(...)`, then `finish()`."""

    def __init__(
        self,
        settings: Settings,
        bus: EventBus | None = None,
        capacity: dict[str, int] | None = None,
        front_end: str = "headless",
    ) -> None:
        self.settings = settings
        self.bus = bus or EventBus()
        self.capacity = capacity or default_capacity(settings)
        self.front_end = front_end
        self.run_id = 0
        self.artifacts_path = artifacts_root(settings)
        self.plan = Plan("none")
        self.cancel_all = threading.Event()
        self._tasks: dict[str, _Task] = {}
        self._stop_heartbeat = threading.Event()
        self._recorder: AttemptRecorder | None = None
        self._started = 0.0
        self._finished: RunResult | None = None
        self.redact = Redactor(settings.secrets())

    # ----------------------------------------------------------------------------------- lifecycle
    @property
    def log_path(self) -> Path:
        return self.artifacts_path / "run.log"

    def start(self, plan: Plan) -> int:
        """Allocate the run ID, notice dead runs, announce every task. Returns the run ID."""
        self.plan = plan
        names = [job.name for job in plan.jobs]
        run = runs.allocate_run(self.settings.mode, self.settings.sites, plan.name, names, self.front_end)
        self.run_id = run.id
        self.artifacts_path = artifacts_root(self.settings) / str(self.run_id)
        self.interrupted_runs = runs.mark_interrupted_runs(current_run_id=self.run_id)
        self.logger = run_logger(self.run_id, self.log_path, self.settings.secrets())
        self._recorder = AttemptRecorder()
        self._started = time.monotonic()
        self._tasks = {job.name: _Task(job) for job in plan.jobs}
        self.bus.publish(
            RunStarted(
                run_id=self.run_id,
                mode=self.settings.mode,
                sites=self.settings.sites,
                plan=plan.name,
                database=describe_database(self.settings),
                log_path=str(self.log_path),
                artifacts_path=str(self.artifacts_path),
                max_workers=max(self.capacity.values()),
            )
        )
        self.logger.info(
            "run started: mode=%s sites=%s plan=%s jobs=%d",
            self.settings.mode,
            self.settings.sites,
            plan.name,
            len(names),
        )
        if self.interrupted_runs:
            self.logger.warning("marked interrupted (process gone): %s", self.interrupted_runs)
        estimates = learned_estimates(names, {job.name: job.default_eta_s for job in plan.jobs})
        for job in plan.jobs:
            estimate = estimates[job.name]
            self.bus.publish(
                TaskQueued(
                    job=job.name,
                    group=job.group,
                    title=job.label,
                    max_attempts=job.retry.max_attempts,
                    eta_s=estimate.seconds,
                    eta_guess=estimate.guess,
                )
            )
        threading.Thread(target=self._heartbeat_loop, name="run-heartbeat", daemon=True).start()
        return self.run_id

    def execute(self) -> None:
        """Run every stage in order (blocking). Safe to call from a worker thread."""
        for stage in self.plan.stages:
            self._run_stage(stage)

    def rerun(self, job_names: list[str]) -> None:
        """Run failed or cancelled tasks again within the same run (attempt numbers continue)."""
        chosen = [self._tasks[name] for name in job_names if name in self._tasks]
        chosen = [task for task in chosen if task.status in ("failed", "cancelled")]
        for task in chosen:
            task.status = "pending"
            task.cancel.clear()
            task.error = task.error_type = ""
        for stage in self.plan.stages:
            jobs = tuple(job for job in stage.jobs if self._tasks[job.name] in chosen)
            if jobs and not self.cancel_all.is_set():
                self._run_stage(Stage(stage.group, stage.parallel, jobs))

    def cancel(self, job: str | None = None) -> None:
        """Cancel one task, or (job=None) the whole run: running jobs see it at their next check."""
        if job is None:
            self.cancel_all.set()
            for task in self._tasks.values():
                task.cancel.set()
        elif job in self._tasks:
            self._tasks[job].cancel.set()

    def finish(self) -> RunResult:
        """Close the run: status from the tasks, summary stored, events flushed."""
        if self._finished is not None:
            return self._finished
        self._stop_heartbeat.set()
        for task in self._tasks.values():
            if task.status in ("pending", "running", "retrying"):
                task.status = "cancelled"
        statuses = [task.status for task in self._tasks.values()]
        if self.cancel_all.is_set() and "cancelled" in statuses:
            status = "cancelled"
        elif "failed" in statuses or "cancelled" in statuses:
            status = "failed"
        else:
            status = "ok"
        result = RunResult(
            run_id=self.run_id,
            status=status,
            mode=self.settings.mode,
            sites=self.settings.sites,
            plan=self.plan.name,
            database=describe_database(self.settings),
            duration_s=time.monotonic() - self._started,
            log=str(self.log_path),
            artifacts=str(self.artifacts_path),
            jobs=[self._job_result(task) for task in self._tasks.values()],
        )
        if self._recorder is not None:
            self._recorder.close()
        runs.finish_run(self.run_id, status, result.to_dict())
        self.logger.info("run finished: %s in %.1fs", status, result.duration_s)
        close_run_logger(self.logger)
        self.bus.publish(RunFinished(run_id=self.run_id, status=status))
        self._finished = result
        return result

    def run(self, plan: Plan) -> RunResult:
        self.start(plan)
        try:
            self.execute()
        finally:
            result = self.finish()
        return result

    # ----------------------------------------------------------------------------------- stages
    def _run_stage(self, stage: Stage) -> None:
        if not stage.jobs:
            return
        workers = min(len(stage.jobs), min(self.capacity.get(job.resource, 1) for job in stage.jobs))
        if not stage.parallel or workers <= 1:
            for job in stage.jobs:
                self._run_task(self._tasks[job.name])
            return
        queue = iter(stage.jobs)
        take = threading.Lock()

        def worker() -> None:  # workers pull the next job themselves: no future per job
            while True:
                with take:
                    job = next(queue, None)
                if job is None:
                    return
                self._run_task(self._tasks[job.name])

        threads = [
            threading.Thread(target=worker, name=f"stage-{stage.group}-{i}", daemon=True) for i in range(workers)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def _blocked_by(self, spec: JobSpec) -> str:
        for name in spec.depends_on:
            dep = self._tasks.get(name)
            if (dep is not None and dep.status in ("failed", "cancelled")) or (
                dep is not None and dep.status == "skipped" and dep.error.startswith("dependency")
            ):
                return name
        return ""

    def _run_task(self, task: _Task) -> None:
        spec = task.spec
        started = time.monotonic()
        blocker = self._blocked_by(spec)
        if blocker:
            task.status, task.error = "skipped", f"dependency {blocker} did not succeed"
        first = task.attempts + 1
        last = task.attempts + spec.retry.max_attempts
        attempt = first
        while task.status in ("pending", "retrying") and attempt <= last:
            if task.cancel.is_set():
                task.status, task.error = "cancelled", "cancelled before start"
                break
            retry_delay = self._attempt(task, attempt, final=attempt == last)
            if retry_delay is None:
                break
            try:
                self._wait_or_cancel(task, retry_delay)
            except JobCancelled:
                task.status, task.error = "cancelled", task.error or "cancelled during backoff"
            attempt += 1
        if task.status in ("pending", "running", "retrying"):
            task.status = "cancelled" if task.cancel.is_set() else "failed"
        task.duration_s += time.monotonic() - started
        self.logger.info("%s: %s after %d attempt(s)", spec.name, task.status, task.attempts, extra={"job": spec.name})
        self.bus.publish(
            TaskFinished(
                job=spec.name,
                status=task.status,
                attempts=task.attempts,
                duration_s=task.duration_s,
                rows=task.rows,
                error=task.error,
                error_type=task.error_type,
                artifacts=task.artifacts,
                warnings=tuple(task.warnings),
                metrics=tuple(task.metrics.items()),
                traceback=task.traceback,
            )
        )

    def _attempt(self, task: _Task, attempt: int, final: bool) -> float | None:
        """One attempt. Returns the backoff delay before the next attempt, or None when done."""
        spec = task.spec
        task.attempts, task.status = attempt, "running"
        ctx = JobContext(
            run_id=self.run_id,
            spec=spec,
            attempt=attempt,
            settings=self.settings,
            bus=self.bus,
            artifacts_root=self.artifacts_path,
            cancel_event=task.cancel,
            logger=self.logger,
            redact=self.redact,
        )
        began, began_at = time.monotonic(), utcnow()
        assert self._recorder is not None
        self._recorder.started(self.run_id, spec.name, spec.group, attempt, began_at)
        self.bus.publish(TaskStarted(job=spec.name, attempt=attempt))
        error: BaseException | None = None
        try:
            spec.load()(ctx)
            task.status, task.error, task.error_type, task.traceback = "ok", "", "", ""
        except JobSkipped as exc:
            task.status, task.error = "skipped", exc.reason
        except JobCancelled as exc:
            task.status, task.error, error = "cancelled", str(exc), exc
        except Exception as exc:
            error = exc
            task.status = "failed"
        task.rows, task.warnings, task.metrics = ctx.rows, ctx.warnings, ctx.metrics
        delay: float | None = None
        trace = ""
        if task.status == "failed" and error is not None:
            task.error_type = type(error).__name__
            task.error = self.redact(_one_line(error))
            trace = self.redact("".join(tb.format_exception(error)))
            task.traceback = trace
            task.artifacts = str(ctx.artifacts_dir)
            _write_error_artifact(
                ctx.artifacts_dir / "error.txt", spec.name, attempt, task.error_type, task.error, trace
            )
            if task.cancel.is_set():
                task.status = "cancelled"
            elif not final and spec.retry.retryable(error):
                delay = spec.retry.delay(attempt)
                task.status = "retrying"
                self.bus.publish(TaskRetrying(job=spec.name, attempt=attempt, error=task.error, delay_s=delay))
            self.logger.warning(
                "%s attempt %d failed: %s: %s",
                spec.name,
                attempt,
                task.error_type,
                task.error,
                extra={"job": spec.name},
            )
        self._recorder.finished(
            {
                "run_id": self.run_id,
                "job": spec.name,
                "group": spec.group,
                "attempt": attempt,
                "status": "failed" if task.status == "retrying" else task.status,
                "started_at": began_at,
                "finished_at": utcnow(),
                "duration_s": time.monotonic() - began,
                "rows": ctx.rows,
                "error_type": task.error_type if error else "",
                "error_message": task.error,
                "traceback": trace,
                "artifacts": task.artifacts if error else "",
            }
        )
        return delay

    def _wait_or_cancel(self, task: _Task, delay: float) -> None:
        if task.cancel.wait(delay):
            raise JobCancelled(task.spec.name)

    def _heartbeat_loop(self) -> None:
        while not self._stop_heartbeat.wait(HEARTBEAT_EVERY_S):
            try:
                runs.heartbeat(self.run_id)
            except Exception:  # a missed heartbeat only delays dead-run detection
                pass

    def _job_result(self, task: _Task) -> JobResult:
        return JobResult(
            name=task.spec.name,
            group=task.spec.group,
            status=task.status,
            attempts=task.attempts,
            duration_s=round(task.duration_s, 3),
            rows=task.rows,
            error=task.error,
            error_type=task.error_type,
            artifacts=task.artifacts,
            warnings=list(task.warnings),
            metrics=dict(task.metrics),
        )


def _one_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:500]


def _write_error_artifact(path: Path, job: str, attempt: int, error_type: str, message: str, trace: str) -> None:
    """Every failed attempt leaves at least this; jobs add screenshots, HTML and partial rows."""
    try:
        path.write_text(
            f"job: {job}\nattempt: {attempt}\nerror type: {error_type}\nmessage: {message}\n\ncall chain:\n{trace}",
            encoding="utf-8",
        )
    except OSError:
        pass
