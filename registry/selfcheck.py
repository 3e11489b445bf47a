"""`selfcheck`: tiny jobs that exercise the engine (progress, a retry, a failure) in seconds."""

from __future__ import annotations

from app.core.errors import TransientError
from app.core.jobs import JobContext, JobSpec, RetryPolicy
from registry.catalogue import Group

STEPS = 20


def succeeds_with_progress(ctx: JobContext) -> None:
    """Reports determinate progress and rows, checking for cancellation between steps."""
    for step in range(1, STEPS + 1):
        ctx.check_cancelled()
        ctx.wait(0.05)
        ctx.progress(step, STEPS)
        ctx.add_rows(1)
    ctx.log(f"counted {STEPS} steps")


def fails_once(ctx: JobContext) -> None:
    """The first attempt hits a transient error; the retry succeeds."""
    ctx.progress(0, 2)
    ctx.wait(0.1)
    if ctx.attempt == 1:
        raise TransientError("simulated transient failure (first attempt only)")
    ctx.progress(2, 2)
    ctx.add_rows(1)
    ctx.log("succeeded on retry")


def always_fails(ctx: JobContext) -> None:
    """Fails every attempt so failure paths (red row, artifacts, exit code 1) stay exercised."""
    ctx.wait(0.05)
    raise RuntimeError("simulated permanent failure (this job always fails)")


FAST_RETRY = RetryPolicy(max_attempts=2, base_delay_s=0.2, max_delay_s=1.0)

GROUP = Group(
    name="selfcheck",
    title="Self-check",
    parallel=True,
    description="Tiny jobs that exercise the engine.",
    jobs=(
        JobSpec(
            "selfcheck_progress",
            "selfcheck",
            "registry.selfcheck:succeeds_with_progress",
            title="Progress self-check",
            retry=FAST_RETRY,
            default_eta_s=1.0,
        ),
        JobSpec(
            "selfcheck_retry",
            "selfcheck",
            "registry.selfcheck:fails_once",
            title="Retry self-check",
            retry=FAST_RETRY,
            default_eta_s=1.0,
        ),
        JobSpec(
            "selfcheck_fail",
            "selfcheck",
            "registry.selfcheck:always_fails",
            title="Failure self-check",
            retry=FAST_RETRY,
            default_eta_s=1.0,
        ),
    ),
)
