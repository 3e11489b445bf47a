"""The runner selection as plain data: which jobs are ticked, presets, filtering, and the plan.

Kept apart from the widget so the rules (group ticks, presets, plan naming) are testable without a UI.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.core.errors import ConfigError
from app.core.jobs import JobSpec
from app.core.plan import Plan
from registry.catalogue import Catalogue, Group

ALL, NONE = "all", "none"


def matches(job: JobSpec, group: Group, query: str) -> bool:
    """Every word of the filter appears in the job's name, title or group."""
    haystack = f"{job.name} {job.title} {group.name} {group.title}".lower()
    return all(word in haystack for word in query.lower().split())


class Selection:
    """Ticked job names over a catalogue, in catalogue order."""

    def __init__(self, catalogue: Catalogue, chosen: Iterable[str] = ()) -> None:
        self.catalogue = catalogue
        self.chosen: set[str] = set(chosen) & set(catalogue.jobs)

    def plan_jobs(self, plan: str) -> set[str]:
        """The jobs of a named plan ('' when it has none yet)."""
        groups = self.catalogue.plans.get(plan, ())
        return {job.name for name in groups for job in self.catalogue.groups[name].jobs}

    def apply_preset(self, preset: str) -> None:
        if preset == ALL:
            self.chosen = set(self.catalogue.jobs)
        elif preset == NONE:
            self.chosen = set()
        else:
            self.chosen = self.plan_jobs(preset)

    def toggle(self, job: str) -> None:
        self.chosen ^= {job}

    def set_many(self, jobs: Iterable[str], on: bool) -> None:
        names = set(jobs)
        self.chosen = self.chosen | names if on else self.chosen - names

    def state(self, jobs: Iterable[str]) -> str:
        """'all', 'some' or 'none' of these jobs ticked (a group's checkbox)."""
        names = set(jobs)
        ticked = len(names & self.chosen)
        if names and ticked == len(names):
            return ALL
        return "some" if ticked else NONE

    def ordered(self) -> list[str]:
        return [name for name in self.catalogue.jobs if name in self.chosen]

    def plan(self) -> Plan:
        """A named plan when the ticks equal one exactly, else a custom plan; ConfigError when empty."""
        if not self.chosen:
            raise ConfigError("nothing selected: tick at least one job (Space)")
        for name in self.catalogue.plans:
            if self.plan_jobs(name) == self.chosen:
                return self.catalogue.plan(name)
        return self.catalogue.plan(jobs=self.ordered())
