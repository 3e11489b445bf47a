"""The job catalogue: groups of jobs, named plans, and turning a selection into a `Plan`."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from app.core.errors import ConfigError
from app.core.jobs import JobSpec
from app.core.plan import Plan, Stage


@dataclass(frozen=True)
class Group:
    name: str
    title: str
    parallel: bool
    jobs: tuple[JobSpec, ...] = ()
    description: str = ""


@dataclass
class Catalogue:
    groups: dict[str, Group]
    plans: dict[str, tuple[str, ...]]
    default_plan: str = "daily"
    plan_descriptions: dict[str, str] = field(default_factory=dict)

    @property
    def jobs(self) -> dict[str, JobSpec]:
        return {job.name: job for group in self.groups.values() for job in group.jobs}

    def group_of(self, job: str) -> Group:
        return next(g for g in self.groups.values() if any(j.name == job for j in g.jobs))

    def plan(self, name: str | None = None, groups: list[str] | None = None, jobs: list[str] | None = None) -> Plan:
        """A plan by name, or built from chosen groups and/or jobs, stages in canonical order."""
        groups, jobs = list(groups or []), list(jobs or [])
        for name_ in groups:
            _known("group", name_, self.groups)
        known_jobs = self.jobs
        for name_ in jobs:
            _known("job", name_, known_jobs)
        if groups or jobs:
            label = "+".join(groups + jobs) if len(groups) + len(jobs) <= 4 else "custom"
            wanted_jobs, wanted_groups = set(jobs), set(groups)
            stages = [
                self._stage(group, [j for j in group.jobs if group.name in wanted_groups or j.name in wanted_jobs])
                for group in self.groups.values()
            ]
        else:
            label = name or self.default_plan
            _known("plan", label, self.plans)
            stages = [self._stage(self.groups[g], list(self.groups[g].jobs)) for g in self.plans[label]]
        plan = Plan(label, tuple(stage for stage in stages if stage.jobs))
        if not plan:
            raise ConfigError(f"plan {label!r} has no jobs yet")
        return plan

    @staticmethod
    def _stage(group: Group, jobs: list[JobSpec]) -> Stage:
        return Stage(group.name, group.parallel, tuple(jobs))


def _known(kind: str, name: str, options: dict) -> None:
    if name not in options:
        close = difflib.get_close_matches(name, list(options), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ConfigError(f"unknown {kind} {name!r}{hint}; `kartiseret list` shows them all")
