"""The publish dataflow: per cinema and kind, the newest accepted snapshot becomes the published rows.

One unit (a cinema's showtimes, or its coming-soon list) is one transaction: lock the unit, decide
its new snapshots (yield-drop guard), and if the chosen snapshot or its films changed, replace the
unit's rows — streamed from the cleaned rows page by page, deduplicated by a content key (within a
page, then by the table's primary key) and inserted in chunks. A crash rolls back only the unit in
progress; the next run sees it unfinished and does it. Units with nothing new are not touched, so
a re-run changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import pairwise

import peewee
from peewee import fn

from app.core.jobs import JobContext
from dataflows.base import Reporter, batch_size
from dataflows.cleaning import SHAPE_COLUMNS
from dataflows.models import (
    COMINGSOON,
    SHOWTIME,
    CleanRow,
    ComingSoon,
    Movie,
    PublishState,
    RowShape,
    Showtime,
    Snapshot,
    VariantRecord,
)
from dataflows.movies import refresh_movies
from dataflows.quality import Counts, save_counts
from dataflows.snapshots import (
    await_scrape_outcomes,
    decide_pending,
    newest_accepted,
    record_empty_scrapes,
    reference_date,
)
from dataflows.store import (
    MOVIES_DIRTY,
    epoch_name,
    fetch,
    get_watermark,
    lock_unit,
    set_watermark,
    tune_connection,
    write_transaction,
)

STAGE = "publish"
SHOWTIMES_CUTOFF = "expire:showtimes"  # set by maintenance: rows dated before it are not published again
COMINGSOON_CUTOFF = "expire:comingsoon"

TABLES = {SHOWTIME: Showtime, COMINGSOON: ComingSoon}
PUBLISHED_NAMES = {SHOWTIME: "showtimes", COMINGSOON: "coming_soon"}
PAST_DATED = "past_dated"

# Published column ← cleaned-row column (both tables), then each table's own.
_COMMON = ("movie_id", "variant_key", "cinema", "release_year", "runtime", "directed_by", "original_language", "rating",
           "run_id", "raw_row_id")  # fmt: skip
_OWN = {
    SHOWTIME: ("screening_city", "date_of_showing", "showtime", "screening_type", "screening_tech", "dub_language",
               "english_href", "hebrew_href"),
    COMINGSOON: ("release_date",),
}  # fmt: skip


def _source(name: str) -> peewee.Field:
    """Where a published column comes from: the row's shape (shared values) or the cleaned row itself."""
    return getattr(RowShape, name) if name in SHAPE_COLUMNS and name != "cinema" else getattr(CleanRow, name)


def cutoff_date(name: str) -> str:
    """A maintenance cutoff (stored as YYYYMMDD) as an ISO date; '' when never set."""
    value = get_watermark(name)
    return date(value // 10000, value // 100 % 100, value % 100).isoformat() if value else ""


def _flags(day: peewee.Field, reference: str) -> peewee.Node:
    """The cleaned row's flags, plus `past_dated` when the row is dated before its scrape's day."""
    if not reference:
        return CleanRow.flags
    past = day < reference
    return peewee.Case(
        None,
        [(past & (CleanRow.flags == ""), PAST_DATED), (past, CleanRow.flags.concat("," + PAST_DATED))],
        CleanRow.flags,
    )


def chunk_ends(unit: peewee.Expression, size: int) -> list[int]:
    """The row ID ending each full chunk of `size` rows of a unit (one query, done in the database)."""
    number = fn.ROW_NUMBER().over(order_by=[CleanRow.raw_row_id]).alias("n")
    numbered = CleanRow.select(CleanRow.raw_row_id, number).where(unit).alias("numbered")
    every_size = numbered.c.n / size * size == numbered.c.n  # integer division: n is a multiple of size
    ends = peewee.Select([numbered], [numbered.c.raw_row_id]).where(every_size)
    return [end for (end,) in fetch(ends.order_by(numbered.c.raw_row_id))]


def replace_unit(cinema: str, kind: str, run_id: int, size: int, counts: Counts, tick: Callable[[], None]) -> int:
    """Replace a unit's published rows by snapshot `run_id` (inside the unit's transaction).

    Rows go from the cleaned rows to the published table inside the database (INSERT … SELECT), in
    chunks of `size` cleaned rows taken in row order; a duplicate of a row already in (same key)
    is skipped, so the first occurrence wins.
    """
    model, name = TABLES[kind], PUBLISHED_NAMES[kind]
    day = CleanRow.date_of_showing if kind == SHOWTIME else CleanRow.release_date
    cutoff = cutoff_date(SHOWTIMES_CUTOFF if kind == SHOWTIME else COMINGSOON_CUTOFF)
    reference = reference_date(run_id) if kind == SHOWTIME else ""
    unit = (CleanRow.cinema == cinema) & (CleanRow.kind == kind) & (CleanRow.run_id == run_id)
    with_film = VariantRecord.movie_id.is_null(False)
    wanted = with_film & (day >= cutoff) if cutoff else with_film
    tallies = {"no_film": VariantRecord.movie_id.is_null()}
    if cutoff:
        tallies["expired"] = with_film & (day < cutoff)
    if reference:
        tallies[PAST_DATED] = wanted & (day < reference)
    found = fetch(
        CleanRow.select(
            fn.COUNT(CleanRow.raw_row_id),
            fn.MIN(CleanRow.raw_row_id),
            fn.MAX(CleanRow.raw_row_id),
            *(fn.SUM(peewee.Case(None, [(condition, 1)], 0)) for condition in tallies.values()),
        )
        .join(VariantRecord, on=(VariantRecord.id == CleanRow.variant_id))
        .where(unit)
    )[0]
    listed, first, last = int(found[0] or 0), int(found[1] or 0), int(found[2] or 0)
    tally = {name: int(n or 0) for name, n in zip(tallies, found[3:], strict=True)}
    counts.add("dropped", "no_film", tally["no_film"])
    counts.add("dropped", "expired", tally.get("expired", 0))
    counts.add("flagged", PAST_DATED, tally.get(PAST_DATED, 0))
    key = peewee.Cast(VariantRecord.movie_id, "TEXT").concat(":").concat(CleanRow.dedupe_hash)
    sources = (_source(name) for name in _COMMON[2:] + _OWN[kind])
    columns = [key, VariantRecord.movie_id, VariantRecord.key_hash, *sources, _flags(day, reference)]
    fields = [getattr(model, name) for name in ["key", *_COMMON, *_OWN[kind], "flags"]]
    model.delete().where(model.cinema == cinema).execute()
    bounds = [first - 1, *(end for end in chunk_ends(unit, size) if end < last), last]
    for low, high in pairwise(bounds):  # chunks of `size` rows, in row order
        query = (
            CleanRow.select(*columns)
            .join(VariantRecord, on=(VariantRecord.id == CleanRow.variant_id))
            .switch(CleanRow)
            .join(RowShape, on=(RowShape.id == CleanRow.shape_id))
            .where(unit, CleanRow.raw_row_id > low, CleanRow.raw_row_id <= high, wanted)
            .order_by(CleanRow.raw_row_id)
        )
        model.insert_from(query, fields).on_conflict_ignore().execute()
        tick()
    published = model.select().where(model.cinema == cinema).count()
    counts.add("published", name, published)
    counts.add("merged", "", listed - tally["no_film"] - tally.get("expired", 0) - published)
    return published


def publish_unit(
    cinema: str, kind: str, current_run_id: int, size: int, reporter: Reporter, tick: Callable[[], None]
) -> bool:
    """Decide and, if needed, replace one unit. Returns whether its published rows changed."""
    counts = Counts()
    warnings = []
    changed = False
    with write_transaction():
        state = lock_unit(cinema, kind)
        for decision in decide_pending(cinema, kind, current_run_id):
            counts.add("snapshots", decision.decision)
            if decision.decision == "rejected":
                counts.add("flagged", decision.reason)
                kept = f"kept run {state.run_id}'s {state.rows} published rows" if state.run_id else "nothing published"
                usual = f", usually {decision.baseline}" if decision.baseline else ""
                warnings.append(
                    f"{cinema} {PUBLISHED_NAMES[kind]}: run {decision.run_id} rejected ({decision.reason}: "
                    f"{decision.rows} rows{usual}); {kept}"
                )
        target = newest_accepted(cinema, kind)
        epoch = get_watermark(epoch_name(cinema))
        if target is not None and (state.run_id != target or state.epoch != epoch):
            rows = replace_unit(cinema, kind, target, size, counts, tick)
            PublishState.update(run_id=target, epoch=epoch, rows=rows).where(PublishState.unit == state.unit).execute()
            set_watermark(MOVIES_DIRTY, 1)
            changed = True
        save_counts(current_run_id, STAGE, counts)
    for warning in warnings:
        reporter.warn(warning)
    if changed:
        reporter.add_rows(counts[("published", PUBLISHED_NAMES[kind])])
    return changed


def units_to_visit() -> list[tuple[str, str]]:
    """Units with undecided snapshots, or whose films changed since they were published."""
    units = set(Snapshot.select(Snapshot.cinema, Snapshot.kind).distinct().where(Snapshot.decision == "").tuples())
    for state in PublishState.select(PublishState.cinema, PublishState.kind, PublishState.epoch):
        if state.epoch != get_watermark(epoch_name(state.cinema)):
            units.add((state.cinema, state.kind))
    return sorted(units, key=lambda unit: (unit[1] != SHOWTIME, unit[0]))


def run_publish(current_run_id: int, size: int, reporter: Reporter) -> Counts:
    """Publish every unit that needs it, then bring the movies table in line. Returns the counts."""
    tune_connection()
    counts = Counts()
    await_scrape_outcomes(current_run_id)
    with write_transaction():
        record_empty_scrapes(counts)
        save_counts(current_run_id, STAGE, counts)
    units = units_to_visit()
    for done, (cinema, kind) in enumerate(units, start=1):
        reporter.check_cancelled()
        publish_unit(cinema, kind, current_run_id, size, reporter, reporter.check_cancelled)
        reporter.progress(done, len(units) + 1)
    if get_watermark(MOVIES_DIRTY):
        with write_transaction():
            movie_counts = refresh_movies(size)
            set_watermark(MOVIES_DIRTY, 0)
            save_counts(current_run_id, STAGE, movie_counts)
        counts.update(movie_counts)
    reporter.progress(len(units) + 1, len(units) + 1)
    return counts


def table_sizes() -> dict[str, int]:
    tables = (("showtimes", Showtime), ("coming_soon", ComingSoon), ("movies", Movie))
    return {name: model.select().count() for name, model in tables}


def publish_job(ctx: JobContext) -> None:
    """Job `publish`: replace each cinema's published rows by its newest accepted scrape."""
    run_publish(ctx.run_id, batch_size(ctx.settings), ctx)
    sizes = table_sizes()
    ctx.metrics["tables"] = sizes
    ctx.log("published tables: " + ", ".join(f"{name} {n}" for name, n in sizes.items()))
