"""How fast film identity is at the size of a busy run (~2,000 variants).

Usage: .venv/bin/python bench/identity_speed.py [--variants N] [--fixtures DIR]

Variants come from the identity fixtures (three real runs); to reach N, copies are added under extra
cinema names (more chains showing the same films, the realistic way a run grows). Prints the cold
`resolve` time (title caches cleared), and `assign_movie_ids` on a fresh SQLite file: first run,
no-op re-run, and a later run with a third of the variants new.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.db import close_database, open_database  # noqa: E402
from app.core.settings import Settings  # noqa: E402
from bench.identity_eval import read_variants  # noqa: E402
from dataflows.identity import TitleVariant, assign_movie_ids, resolve  # noqa: E402
from dataflows.titles import clear_cache  # noqa: E402
from registry.schema import load_models  # noqa: E402


def sample(fixtures: Path, size: int) -> list[TitleVariant]:
    unique: dict[tuple[str, str, str], TitleVariant] = {}
    for run in sorted(p for p in fixtures.iterdir() if p.is_dir()):
        for variant in read_variants(run):
            unique.setdefault(variant.key, variant)
    base = sorted(unique.values(), key=lambda v: v.key)
    variants = list(base)
    copy = 1
    while len(variants) < size:
        variants += [replace(v, cinema=f"{v.cinema} #{copy}") for v in base[: size - len(variants)]]
        copy += 1
    return variants[:size]


def timed(action) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=2000)
    parser.add_argument("--fixtures", type=Path, default=ROOT / "tests" / "fixtures" / "identity")
    args = parser.parse_args(argv)
    variants = sample(args.fixtures, args.variants)
    for size in sorted({500, 1000, len(variants)}):
        clear_cache()
        seconds, numbers = timed(lambda size=size: resolve(variants[:size]))
        print(f"resolve (cold) {size:>5} variants: {seconds * 1000:7.0f} ms  ({len(set(numbers.values()))} films)")
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(mode="testing", data_dir=Path(folder) / "data", artifacts_dir=Path(folder) / "art")
        load_models()
        open_database(settings)
        try:
            old, new = variants[: len(variants) * 2 // 3], variants[len(variants) // 3 :]
            first, _ = timed(lambda: assign_movie_ids(old, run_id=1))
            again, _ = timed(lambda: assign_movie_ids(old, run_id=1))
            later, _ = timed(lambda: assign_movie_ids(new, run_id=2))
        finally:
            close_database()
    print(
        f"assign_movie_ids on SQLite: first {len(old)} variants {first:.2f} s, no-op re-run {again:.2f} s "
        f"({first / again:.1f}x faster), next run with {len(variants) - len(old)} new of {len(new)} {later:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
