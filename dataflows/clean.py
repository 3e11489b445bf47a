"""The clean dataflow: raw rows past the watermark → validated, cleaned rows, one batch per transaction.

Each batch reads the next raw rows, quarantines the unusable ones (with the reason), drops rows
that name no film (no title, or an event), cleans the rest, counts every outcome, and moves the
watermark — all in one transaction, so a crash loses nothing and the next run continues where the
last commit left off. Raw rows are never changed.

On PostgreSQL, ID order is not commit order (two writers can commit out of order), so each run also
looks back over recent IDs for rows without a cleaned record; on SQLite writers are serialised and
the watermark alone suffices.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

import peewee
from peewee import EXCLUDED, fn

from app.core.jobs import JobContext
from app.core.models import RAW_VALUE_COLUMNS, RawRow
from dataflows.base import Reporter, batch_size
from dataflows.cleaning import CLEAN_FIELDS, SHAPE_FIELD, ShapeCache, clean_listing, row_kind, unusable_row
from dataflows.models import (
    DROPPED,
    EVENT,
    LISTING_KINDS,
    QUARANTINED,
    CleanRow,
    QuarantinedRow,
    ScrapeTarget,
    Snapshot,
)
from dataflows.quality import Counts, save_counts
from dataflows.store import (
    bulk_insert,
    fetch,
    get_watermark,
    lock_watermark,
    on_sqlite,
    set_watermark,
    tune_connection,
    write_transaction,
)
from dataflows.validate import COLUMN_INDEX, SHARED, payload_text, row_problem
from dataflows.variants import ShapeIds, VariantCache

WATERMARK = "clean:raw_rows"
POSTGRES_LOOKBACK = 50_000  # raw row IDs re-checked for late commits (PostgreSQL only)
STAGE = "clean"
NO_TITLE = "no_title"

_RAW_SELECT = (RawRow.id, RawRow.run_id, RawRow.job, *(getattr(RawRow, name) for name in RAW_VALUE_COLUMNS))
_QUARANTINE_FIELDS = ("run_id", "raw_row_id", "source", "reason", "detail", "payload")
_CINEMA, _ENGLISH, _HEBREW = COLUMN_INDEX["cinema"], COLUMN_INDEX["english_title"], COLUMN_INDEX["hebrew_title"]
_SNAPSHOT_DAY = itemgetter(*(CLEAN_FIELDS.index(f) for f in ("run_id", "cinema", "kind", "date_of_showing")))
_TARGET = itemgetter(*(CLEAN_FIELDS.index(f) for f in ("job", "cinema", "kind", "run_id")))
_FLAGS = itemgetter(CLEAN_FIELDS.index("flags"))


def _next_batch(after: int, size: int) -> list[tuple]:
    query = RawRow.select(*_RAW_SELECT).where(RawRow.id > after)
    if not on_sqlite():  # the look-back region may hold rows cleaned already
        cleaned = CleanRow.select(peewee.SQL("1")).where(CleanRow.raw_row_id == RawRow.id)
        query = query.where(~fn.EXISTS(cleaned))
    return fetch(query.order_by(RawRow.id).limit(size))


def clean_batch(
    rows: list[tuple], variants: VariantCache, shapes: ShapeCache, shape_ids: ShapeIds, counts: Counts
) -> dict[str, Any]:
    """Turn one batch of raw rows into cleaned rows, quarantine rows and snapshot counts (no commit)."""
    cleaned: list[tuple] = []
    quarantined: list[tuple] = []
    valid: list[tuple[tuple, Sequence[str], tuple[str, str, str], tuple[str, ...]]] = []
    first_runs: dict[tuple[str, str, str], int] = {}
    for raw in rows:
        values = raw[3:]  # raw columns are NOT NULL text, valid Unicode
        shared = SHARED(values)
        problem = row_problem(values, shared)
        if problem is not None:
            counts.add("quarantined", problem.reason)
            cleaned.append(unusable_row(raw[0], raw[1], raw[2], values[_CINEMA].strip(), QUARANTINED, problem.reason))
            quarantined.append((raw[1], raw[0], "raw_rows", problem.reason, problem.detail, payload_text(values)))
            continue
        key = (values[_CINEMA].strip(), values[_ENGLISH], values[_HEBREW])
        if not key[1].strip() and not key[2].strip():
            counts.add("dropped", NO_TITLE)
            cleaned.append(unusable_row(raw[0], raw[1], raw[2], key[0], DROPPED, NO_TITLE))
            continue
        valid.append((raw, values, key, shared))
        if first_runs.get(key, raw[1]) >= raw[1]:
            first_runs[key] = raw[1]
    counts.add("variants_new", "", variants.register(first_runs))
    listing: list[tuple] = []
    for raw, values, key, shared in valid:
        variant = variants.get(key)
        kind = row_kind(values, variant)
        if kind == EVENT:
            counts.add("dropped", "event")
            cleaned.append(unusable_row(raw[0], raw[1], raw[2], key[0], EVENT, "event", variant.id))
            continue
        listing.append(clean_listing(raw[0], raw[1], raw[2], values, shapes.get(kind, shared, values, variant)))
    used = shapes.take_usage()
    shape_ids.register(shape for shape, _ in used)
    ids = {id(shape): shape_ids.get(shape) for shape, _ in used}
    cleaned.extend((*row[:SHAPE_FIELD], ids[id(row[SHAPE_FIELD])], *row[SHAPE_FIELD + 1 :]) for row in listing)
    snapshots: Counter[tuple[int, str, str]] = Counter()
    first_days: dict[tuple[int, str, str], str] = {}
    for (run, cinema, kind, day), n in Counter(map(_SNAPSHOT_DAY, listing)).items():  # few distinct: C-speed count
        snapshots[(run, cinema, kind)] += n
        if day and day < first_days.get((run, cinema, kind), "9999"):
            first_days[(run, cinema, kind)] = day
    targets: dict[tuple[str, str, str], int] = {}
    for job, cinema, kind, run in Counter(map(_TARGET, listing)):
        targets[(job, cinema, kind)] = max(targets.get((job, cinema, kind), 0), run)
    for flags, n in Counter(map(_FLAGS, listing)).items():
        if "broken_link" in flags:
            counts.add("flagged", "broken_link", n)
    for shape, n in used:
        for flag in shape.flags:
            counts.add("flagged", flag, n)
        for value in shape.unmapped:
            counts.add("unmapped", value, n)
    for (_, _, kind), n in snapshots.items():
        counts.add("cleaned", kind, n)
    counts.add("rows_in", "", len(rows))
    return {
        "cleaned": cleaned,
        "quarantined": quarantined,
        "snapshots": snapshots,
        "first_days": first_days,
        "targets": targets,
    }


def _save_targets(targets: dict[tuple[str, str, str], int]) -> None:
    rows = [{"job": j, "cinema": c, "kind": k, "last_run_id": r} for (j, c, k), r in sorted(targets.items())]
    for start in range(0, len(rows), 200):
        ScrapeTarget.insert_many(rows[start : start + 200]).on_conflict(
            conflict_target=[ScrapeTarget.job, ScrapeTarget.cinema, ScrapeTarget.kind],
            update={
                ScrapeTarget.last_run_id: peewee.Case(
                    None,
                    [(EXCLUDED.last_run_id > ScrapeTarget.last_run_id, EXCLUDED.last_run_id)],
                    ScrapeTarget.last_run_id,
                )
            },
        ).execute()


def _save_snapshots(snapshots: Counter[tuple[int, str, str]], first_days: dict[tuple[int, str, str], str]) -> None:
    rows = [
        {"run_id": r, "cinema": c, "kind": k, "rows": n, "first_day": first_days.get((r, c, k), "")}
        for (r, c, k), n in sorted(snapshots.items())
    ]
    earlier = (Snapshot.first_day == "") | ((EXCLUDED.first_day != "") & (EXCLUDED.first_day < Snapshot.first_day))
    for start in range(0, len(rows), 200):
        Snapshot.insert_many(rows[start : start + 200]).on_conflict(
            conflict_target=[Snapshot.run_id, Snapshot.cinema, Snapshot.kind],
            update={
                Snapshot.rows: Snapshot.rows + EXCLUDED.rows,
                Snapshot.first_day: peewee.Case(None, [(earlier, EXCLUDED.first_day)], Snapshot.first_day),
            },
        ).execute()


def run_clean(run_id: int, size: int, reporter: Reporter) -> Counts:
    """Clean every raw row not cleaned yet. Returns this call's counts (also stored with `run_id`)."""
    tune_connection()
    total_counts = Counts()
    variants, shapes, shape_ids = VariantCache(), ShapeCache(), ShapeIds()
    mark = get_watermark(WATERMARK)
    after = max(0, mark - (0 if on_sqlite() else POSTGRES_LOOKBACK))
    pending = RawRow.select(fn.COUNT(RawRow.id)).where(RawRow.id > mark).scalar() or 0
    done = 0
    reporter.progress(0, pending or None)
    while True:
        reporter.check_cancelled()
        counts = Counts()
        try:
            with write_transaction():
                mark = lock_watermark(WATERMARK)
                if on_sqlite():  # another process may have cleaned ahead of us while we waited
                    after = max(after, mark)
                rows = _next_batch(after, size)
                if not rows:
                    break
                batch = clean_batch(rows, variants, shapes, shape_ids, counts)
                bulk_insert(CleanRow, CLEAN_FIELDS, batch["cleaned"], ignore_conflicts=True)
                bulk_insert(QuarantinedRow, _QUARANTINE_FIELDS, batch["quarantined"], ignore_conflicts=True)
                reporter.check_cancelled()  # cancelling here rolls the whole batch back
                _save_snapshots(batch["snapshots"], batch["first_days"])
                _save_targets(batch["targets"])
                save_counts(run_id, STAGE, counts)
                set_watermark(WATERMARK, max(mark, rows[-1][0]))
        except BaseException:
            variants.rollback()
            shape_ids.rollback()
            raise
        variants.commit()
        shape_ids.commit()
        total_counts.update(counts)
        after = rows[-1][0]
        done += len(rows)
        reporter.add_rows(len(rows))
        reporter.progress(done, max(done, pending))
    return total_counts


def clean_job(ctx: JobContext) -> None:
    """Job `clean`: validate and clean the raw rows stored since the last run."""
    counts = run_clean(ctx.run_id, batch_size(ctx.settings), ctx)
    listing = sum(n for (metric, reason), n in counts.items() if metric == "cleaned" and reason in LISTING_KINDS)
    quarantined = sum(n for (metric, _), n in counts.items() if metric == "quarantined")
    ctx.metrics["clean"] = {f"{m}.{r}".rstrip("."): n for (m, r), n in sorted(counts.items())}
    ctx.log(f"cleaned {counts[('rows_in', '')]} raw rows: {listing} listings, {quarantined} quarantined")
    if quarantined:
        reasons = ", ".join(f"{r} {n}" for (m, r), n in sorted(counts.items()) if m == "quarantined")
        ctx.warn(f"{quarantined} raw rows quarantined ({reasons}); see the quarantine table")
