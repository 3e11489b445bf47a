"""Score film identity against the old pipeline's TMDB choices (pairwise precision / recall / F1).

Usage: .venv/bin/python bench/identity_eval.py --runs DIR [DIR ...] [--worst N] [--min-f1 X] [--json FILE]

A run folder holds either the scraper CSVs of one run or the compact `variants.csv` made by
`bench/identity_fixtures.py`, plus the old `NowPlayingsTmdb-*-summary.txt` and
`CinemathequesTmdb-*-summary.txt`. Ground truth (used here only, never by the resolver):
- a variant whose English title matches a `tmdb_fix:ID` line's title (exact, lower-case or old key)
  takes that ID;
- otherwise its old group key (NFKD → ASCII, lower case, `- – — : ? ! &` → space, other
  non-alphanumerics removed, spaces collapsed, one leading "the"/"a"/"an" dropped) takes the TMDB id
  the summary of its cinema's kind chose for that key;
- a variant whose English field is Hebrew takes the film of the variants with the identical Hebrew
  title (most of them, if they disagree);
- variants with no ground truth are left out. Two variants are the same film when their ids agree.
Exit code 1 when a run scores below --min-f1.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from math import comb
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dataflows.identity import TitleVariant, resolve, variants_from_rows
from dataflows.titles import clear_cache

VARIANTS_FILE = "variants.csv"
VARIANT_COLUMNS = ("cinema", "english_title", "hebrew_title", "release_year", "directed_by", "runtime", "rows")
SUMMARY_LINE = re.compile(
    r"^- key=(?P<key>.*?) \| status=(?P<status>\w+) \| .*?rep_title=(?P<rep>.*?) \| rows=.*?"
    r"chosen_tmdb=(?P<tmdb>\d*) \|"
)
HEBREW = re.compile(r"[\u05d0-\u05ea]")
THEQUE_NAMES = ("Cinematheque", "Jaffa Cinema", "Sam Spiegel")


def old_key(title: str) -> str:
    """The old pipeline's `normalizeTitle`."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[-–—:?!&]+", " ", text)
    text = re.sub(r"[^a-z0-9 ]", "", text)
    return " ".join(text.split())


def old_group_key(title: str) -> str:
    key = old_key(title)
    for article in ("the ", "a ", "an "):
        if key.startswith(article):
            return key[len(article) :]
    return key


def is_theque(cinema: str) -> bool:
    return any(name in cinema for name in THEQUE_NAMES)


# --- reading a run folder ---------------------------------------------------------------------


def read_variants(run_dir: Path) -> list[TitleVariant]:
    """The run's now-playing and cinematheque variants (rows with a showtime)."""
    compact = run_dir / VARIANTS_FILE
    if compact.exists():
        with compact.open(encoding="utf-8", newline="") as handle:
            return [
                TitleVariant(**{**row, "rows": int(row["rows"])})  # type: ignore[arg-type]
                for row in csv.DictReader(handle)
            ]
    return variants_from_rows(_showtime_rows(sorted(run_dir.glob("*.csv"))))


def _showtime_rows(paths: Iterable[Path]) -> Iterable[dict[str, str]]:
    for path in paths:
        with path.open(encoding="utf-8", errors="replace", newline="") as handle:
            for row in csv.DictReader(handle):
                if (row.get("showtime") or "").strip():
                    yield row


def write_variants(variants: Sequence[TitleVariant], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(VARIANT_COLUMNS)
        for v in variants:
            writer.writerow([getattr(v, name) for name in VARIANT_COLUMNS])


def read_summary(path: Path | None) -> tuple[dict[str, str], dict[str, str]]:
    """(group key → TMDB id, fix title → TMDB id) from one old Tmdb summary."""
    keys: dict[str, str] = {}
    fixes: dict[str, str] = {}
    if path is None:
        return keys, fixes
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        match = SUMMARY_LINE.match(line)
        if not match or not match["tmdb"] or match["status"] not in ("mapped", "merged"):
            continue
        if match["key"].startswith("tmdb_fix:"):
            if match["rep"]:
                fixes.setdefault(match["rep"], match["tmdb"])
        else:
            keys.setdefault(match["key"], match["tmdb"])
    return keys, fixes


def _summary(run_dir: Path, name: str) -> Path | None:
    found = sorted(run_dir.glob(f"{name}-*-summary.txt"))
    return found[-1] if found else None


# --- ground truth -------------------------------------------------------------------------------


def ground_truth(run_dir: Path, variants: Sequence[TitleVariant]) -> dict[tuple[str, str, str], str]:
    chain_keys, chain_fixes = read_summary(_summary(run_dir, "NowPlayingsTmdb"))
    theque_keys, theque_fixes = read_summary(_summary(run_dir, "CinemathequesTmdb"))
    fixes = {**theque_fixes, **chain_fixes}
    truth: dict[tuple[str, str, str], str] = {}
    for v in variants:
        tmdb = _fix_id(v.english_title, fixes)
        if not tmdb and not HEBREW.search(v.english_title):
            key = old_group_key(v.english_title)
            tmdb = (theque_keys if is_theque(v.cinema) else chain_keys).get(key, "") if key else ""
        if tmdb:
            truth[v.key] = tmdb
    by_hebrew: dict[str, Counter[str]] = defaultdict(Counter)
    for v in variants:
        if v.key in truth and v.hebrew_title:
            by_hebrew[v.hebrew_title][truth[v.key]] += 1
    for v in variants:
        if v.key not in truth and HEBREW.search(v.english_title) and by_hebrew.get(v.hebrew_title):
            truth[v.key] = min(by_hebrew[v.hebrew_title].items(), key=lambda item: (-item[1], item[0]))[0]
    return truth


def _fix_id(title: str, fixes: dict[str, str]) -> str:
    if not title:
        return ""
    for rep in sorted(fixes):
        if title == rep or title.lower() == rep.lower() or (old_key(title) and old_key(title) == old_key(rep)):
            return fixes[rep]
    return ""


# --- scoring --------------------------------------------------------------------------------------


def pairwise(predicted: dict[tuple[str, str, str], int], truth: dict[tuple[str, str, str], str]) -> dict[str, float]:
    scored = [key for key in truth if key in predicted]
    cells = Counter((predicted[key], truth[key]) for key in scored)
    clusters = Counter(predicted[key] for key in scored)
    films = Counter(truth[key] for key in scored)
    together = sum(comb(n, 2) for n in cells.values())
    claimed = sum(comb(n, 2) for n in clusters.values())
    actual = sum(comb(n, 2) for n in films.values())
    precision = together / claimed if claimed else 1.0
    recall = together / actual if actual else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"variants": len(scored), "precision": precision, "recall": recall, "f1": f1}


def worst_groups(group: dict, label: dict, limit: int, title: str) -> list[tuple[int, list[str]]]:
    """Groups (by `group`) whose members carry several `label`s, by pairs in the wrong place.

    With group=predicted, label=truth these are false merges; swapped, false splits.
    """
    members: dict[object, list[tuple[str, str, str]]] = defaultdict(list)
    for key in label:
        if key in group:
            members[group[key]].append(key)
    found = []
    for name, keys in members.items():
        labels = Counter(label[key] for key in keys)
        wrong = comb(len(keys), 2) - sum(comb(n, 2) for n in labels.values())
        if wrong:
            lines = [f"{label[k]}: {k}" for k in sorted(keys, key=lambda k: (str(label[k]), k))]
            found.append((wrong, [f"{title} {name}", *lines]))
    return sorted(found, key=lambda item: (-item[0], item[1]))[:limit]


def evaluate(run_dir: Path, worst: int) -> dict[str, object]:
    variants = read_variants(run_dir)
    truth = ground_truth(run_dir, variants)
    clear_cache()  # time a cold start, as in a fresh process
    started = time.perf_counter()
    predicted = resolve(variants)
    elapsed = time.perf_counter() - started
    return {
        "run": run_dir.name,
        "total_variants": len(variants),
        "resolve_seconds": elapsed,
        **pairwise(predicted, truth),
        "worst_merges": worst_groups(predicted, truth, worst, "cluster #"),
        "worst_splits": worst_groups(truth, predicted, worst, "tmdb"),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", nargs="+", required=True, type=Path, help="run folders")
    parser.add_argument("--worst", type=int, default=5, help="how many false merges / splits to print")
    parser.add_argument("--min-f1", type=float, default=0.0, help="exit 1 if a run scores below this")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    results = [evaluate(run_dir, args.worst) for run_dir in args.runs]
    for result in results:
        print(
            f"run {result['run']}: variants {result['total_variants']} (scored {result['variants']})  "
            f"precision {result['precision']:.4f}  recall {result['recall']:.4f}  F1 {result['f1']:.4f}  "
            f"resolve {result['resolve_seconds'] * 1000:.0f} ms"
        )
        for title, items in (("false merges", result["worst_merges"]), ("false splits", result["worst_splits"])):
            for pairs, lines in items:
                print(f"  {title[:-1]} ({pairs} pairs):")
                for line in lines:
                    print(f"      {line}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    failing = [r["run"] for r in results if r["f1"] < args.min_f1]
    if failing:
        print(f"below F1 {args.min_f1}: {', '.join(map(str, failing))}")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
