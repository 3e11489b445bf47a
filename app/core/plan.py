"""Plans: ordered stages of jobs. A stage runs its jobs in parallel or one after another."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.core.jobs import JobSpec


@dataclass(frozen=True)
class Stage:
    group: str
    parallel: bool
    jobs: tuple[JobSpec, ...]


@dataclass(frozen=True)
class Plan:
    name: str
    stages: tuple[Stage, ...] = field(default_factory=tuple)

    @property
    def jobs(self) -> list[JobSpec]:
        return [job for stage in self.stages for job in stage.jobs]

    def __bool__(self) -> bool:
        return any(stage.jobs for stage in self.stages)
