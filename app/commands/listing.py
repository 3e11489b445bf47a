"""`kartiseret list`: groups with their jobs, and the plans."""

from __future__ import annotations

from typing import TextIO

from registry import load_catalogue


def print_catalogue(out: TextIO) -> int:
    catalogue = load_catalogue()
    for group in catalogue.groups.values():
        how = "parallel" if group.parallel else "sequential"
        out.write(f"{group.name}  ({group.title}, {how}) — {group.description}\n")
        if not group.jobs:
            out.write("    (no jobs yet)\n")
        for job in group.jobs:
            out.write(f"    {job.name:<26} {job.label}\n")
    out.write("\nplans:\n")
    for name, groups in catalogue.plans.items():
        default = " (default)" if name == catalogue.default_plan else ""
        out.write(f"    {name:<12}{default} {' → '.join(groups)}\n")
    return 0
