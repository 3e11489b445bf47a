"""The outcome of a run, shared by both front ends, `--json`, `runs show` and the exit code."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


@dataclass
class JobResult:
    name: str
    group: str
    status: str
    attempts: int
    duration_s: float
    rows: int
    error: str = ""
    error_type: str = ""
    artifacts: str = ""
    warnings: list[str] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)


@dataclass
class RunResult:
    run_id: int
    status: str
    mode: str
    sites: str
    plan: str
    database: str
    duration_s: float
    log: str
    artifacts: str
    jobs: list[JobResult] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        if self.status == "ok":
            return EXIT_OK
        if self.status in ("cancelled", "interrupted"):
            return EXIT_INTERRUPTED
        return EXIT_FAILED

    def to_dict(self) -> dict[str, Any]:
        data = {key: value for key, value in vars(self).items() if key != "jobs"}
        data["jobs"] = [dict(vars(job)) for job in self.jobs]
        data["duration_s"] = round(self.duration_s, 3)
        data["exit_code"] = self.exit_code
        return data

    def write_json(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=2, default=str), encoding="utf-8")
