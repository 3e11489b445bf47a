"""Make the small identity fixtures from real run folders (a developer tool; tests never read shared/).

Usage: .venv/bin/python bench/identity_fixtures.py --runs DIR [DIR ...] --out tests/fixtures/identity

Per run it writes `variants.csv` (the distinct now-playing and cinematheque variants with their most
common year/director/runtime and row counts) and the old Tmdb summaries cut down to the lines scoring
reads (`key`, `status`, `rep_title`, `chosen_tmdb`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from identity_eval import SUMMARY_LINE, read_variants, write_variants

SUMMARIES = ("NowPlayingsTmdb", "CinemathequesTmdb")


def trim_summary(source: Path, target: Path) -> int:
    lines = []
    for line in source.read_text(encoding="utf-8").splitlines():
        match = SUMMARY_LINE.match(line)
        if match and match["tmdb"] and match["status"] == "mapped":
            lines.append(
                f"- key={match['key']} | status=mapped | rep_title={match['rep']} | rows= | "
                f"chosen_tmdb={match['tmdb']} |"
            )
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", nargs="+", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    args = parser.parse_args(argv)
    for run_dir in args.runs:
        target = args.out / run_dir.name
        target.mkdir(parents=True, exist_ok=True)
        variants = read_variants(run_dir)
        write_variants(variants, target / "variants.csv")
        counts = []
        for name in SUMMARIES:
            for source in sorted(run_dir.glob(f"{name}-*-summary.txt")):
                counts.append(trim_summary(source, target / source.name))
        print(f"{run_dir.name}: {len(variants)} variants, summary lines {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
