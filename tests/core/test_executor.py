"""Executor: parallel vs sequential stages, retries with backoff, fail-fast, cancellation, dependencies."""

from __future__ import annotations

import threading
from pathlib import Path

from app.core.events import TaskFinished, TaskRetrying, TaskStarted
from app.core.executor import Executor
from app.core.jobs import JobSpec, RetryPolicy
from app.core.models import Attempt, Run
from app.core.plan import Plan, Stage
from app.core.settings import Settings

NO_WAIT = RetryPolicy(max_attempts=3, base_delay_s=0.05, max_delay_s=1.0, jitter=0.0)


def spec(name: str, fn: str, **kw) -> JobSpec:
    return JobSpec(
        name, kw.pop("group", "selfcheck"), f"tests.core.fake_jobs:{fn}", retry=kw.pop("retry", NO_WAIT), **kw
    )


def run_stage(settings: Settings, parallel: bool, *jobs: JobSpec, capacity: dict | None = None):
    executor = Executor(settings, capacity=capacity or {"cpu": 4, "browser": 2})
    result = executor.run(Plan("t", (Stage("selfcheck", parallel, jobs),)))
    return result, executor.bus.drain()


def intervals(events) -> dict[str, tuple[float, float]]:
    starts = {e.job: e.at for e in events if isinstance(e, TaskStarted)}
    ends = {e.job: e.at for e in events if isinstance(e, TaskFinished)}
    return {job: (starts[job], ends[job]) for job in starts}


def test_parallel_stage_overlaps_jobs(backend: Settings) -> None:
    result, events = run_stage(backend, True, *(spec(f"t{i}", "timed") for i in range(3)))
    assert result.status == "ok"
    spans = intervals(events)
    assert max(start for start, _ in spans.values()) < min(end for _, end in spans.values())


def test_sequential_stage_runs_one_after_another(backend: Settings) -> None:
    result, events = run_stage(backend, False, *(spec(f"t{i}", "timed") for i in range(3)))
    assert result.status == "ok"
    spans = sorted(intervals(events).values())
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))


def test_pool_size_follows_resource_capacity(backend: Settings) -> None:
    jobs = [spec(f"b{i}", "timed", resource="browser") for i in range(4)]
    _, events = run_stage(backend, True, *jobs, capacity={"cpu": 8, "browser": 2})
    spans = list(intervals(events).values())
    most_at_once = max(sum(1 for s, e in spans if s <= t < e) for t, _ in spans)
    assert most_at_once == 2


def test_transient_errors_retry_with_exponential_backoff(backend: Settings) -> None:
    result, events = run_stage(backend, True, spec("flaky", "flaky_twice"))
    job = result.jobs[0]
    assert (job.status, job.attempts, job.rows, job.error) == ("ok", 3, 1, "")
    delays = [e.delay_s for e in events if isinstance(e, TaskRetrying)]
    assert delays == [0.05, 0.1]
    rows = list(Attempt.select().where(Attempt.run_id == result.run_id).order_by(Attempt.attempt))
    assert [(a.attempt, a.status) for a in rows] == [(1, "failed"), (2, "failed"), (3, "ok")]
    assert "transient failure on attempt 1" in rows[0].error_message
    assert Path(rows[0].artifacts, "error.txt").read_text().count("call chain") == 1


def test_permanent_error_fails_fast_with_artifacts(backend: Settings) -> None:
    result, events = run_stage(backend, True, spec("broken", "permanent"))
    job = result.jobs[0]
    assert (job.status, job.attempts, job.error_type) == ("failed", 1, "PermanentError")
    assert not [e for e in events if isinstance(e, TaskRetrying)]
    assert "selector plainly missing" in Path(job.artifacts, "error.txt").read_text()
    assert Path(job.artifacts).parts[-3:] == (str(result.run_id), "broken", "attempt-1")
    assert result.exit_code == 1
    assert Run.get_by_id(result.run_id).status == "failed"


def test_cancel_one_job_while_others_finish(backend: Settings) -> None:
    executor = Executor(backend, capacity={"cpu": 4})
    executor.start(Plan("t", (Stage("selfcheck", True, (spec("sleepy", "sleepy"), spec("quick", "quick"))),)))
    worker = threading.Thread(target=executor.execute)
    worker.start()
    seen: list = []
    while not any(isinstance(e, TaskStarted) and e.job == "sleepy" for e in seen):
        event = executor.bus.wait(5)
        assert event is not None
        seen.append(event)
    executor.cancel("sleepy")
    worker.join(10)
    assert not worker.is_alive()
    result = executor.finish()
    statuses = {job.name: job.status for job in result.jobs}
    assert statuses == {"sleepy": "cancelled", "quick": "ok"}
    assert result.status == "failed"


def test_cancel_everything_marks_run_cancelled(backend: Settings) -> None:
    executor = Executor(backend, capacity={"cpu": 1})
    jobs = (spec("sleepy", "sleepy"), spec("quick", "quick"))
    executor.start(Plan("t", (Stage("selfcheck", False, jobs),)))
    worker = threading.Thread(target=executor.execute)
    worker.start()
    while not any(isinstance(e, TaskStarted) for e in [executor.bus.wait(5)]):
        pass
    executor.cancel()
    worker.join(10)
    result = executor.finish()
    assert {j.name: j.status for j in result.jobs} == {"sleepy": "cancelled", "quick": "cancelled"}
    assert (result.status, result.exit_code) == ("cancelled", 130)
    assert Run.get_by_id(result.run_id).status == "cancelled"


def test_failed_dependency_skips_dependants(backend: Settings) -> None:
    jobs = (spec("clean", "permanent"), spec("publish", "quick", depends_on=("clean",)))
    result, _ = run_stage(backend, False, *jobs)
    statuses = {j.name: (j.status, j.error) for j in result.jobs}
    assert statuses["clean"][0] == "failed"
    assert statuses["publish"] == ("skipped", "dependency clean did not succeed")


def test_rerun_continues_attempt_numbers(backend: Settings) -> None:
    executor = Executor(backend, capacity={"cpu": 2})
    executor.start(Plan("t", (Stage("selfcheck", True, (spec("broken", "permanent"),)),)))
    executor.execute()
    executor.rerun(["broken"])
    result = executor.finish()
    assert result.jobs[0].attempts == 2
    attempts = Attempt.select().where(Attempt.run_id == result.run_id).count()
    assert attempts == 2


def test_eta_learned_from_history(backend: Settings) -> None:
    from app.core.eta import learned_estimates

    before = learned_estimates(["quick"], {"quick": 42.0})["quick"]
    assert (before.seconds, before.guess) == (42.0, True)
    run_stage(backend, True, spec("quick", "quick"))
    after = learned_estimates(["quick"], {"quick": 42.0})["quick"]
    assert after.guess is False and after.seconds < 42.0


def test_every_log_line_carries_run_id_and_job(backend: Settings) -> None:
    result, _ = run_stage(backend, True, spec("flaky", "flaky_twice"), spec("quick", "quick"))
    lines = Path(result.log).read_text().splitlines()
    assert lines and all(f"run={result.run_id} job=" in line for line in lines)
    assert any("job=flaky" in line and "attempt 1 failed" in line for line in lines)
