"""The publish dataflow: per cinema and kind, the newest accepted snapshot becomes the published rows.

One unit (a cinema's showtimes, or its coming-soon list) is one transaction: lock the unit, decide
its new snapshots (yield-drop guard), and if the chosen snapshot or its films changed, replace the
unit's rows — streamed from the cleaned rows page by page, deduplicated by a content key (within a
page, then by the table's primary key) and inserted in chunks. A crash rolls back only the unit in
progress; the next run sees it unfinished and does it. Units with nothing new are not touched, so
a re-run changes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date

from app.core.jobs import JobContext
from dataflows.base import Reporter, batch_size
from dataflows.models import (
    COMINGSOON,
    SHOWTIME,
    CleanRow,
    ComingSoon,
    Movie,
    PublishState,
    Showtime,
    Snapshot,
    VariantRecord,
)
from dataflows.movies import refresh_movies
from dataflows.quality import Counts, save_counts
from dataflows.snapshots import decide_pending, newest_accepted, record_empty_scrapes, reference_date
from dataflows.store import (
    MOVIES_DIRTY,
    bulk_insert,
    epoch_name,
    get_watermark,
    lock_unit,
    pages,
    set_watermark,
    write_transaction,
)

STAGE = "publish"
SHOWTIMES_CUTOFF = "expire:showtimes"  # set by maintenance: rows dated before it are not published again
COMINGSOON_CUTOFF = "expire:comingsoon"

SHOWTIME_FIELDS = (
    "key", "movie_id", "variant_id", "cinema", "screening_city", "date_of_showing", "showtime", "screening_type",
    "screening_tech", "dub_language", "original_language", "english_href", "hebrew_href", "release_year", "runtime",
    "directed_by", "rating", "flags", "run_id", "raw_row_id",
)  # fmt: skip
COMINGSOON_FIELDS = (
    "key", "movie_id", "variant_id", "cinema", "release_date", "release_year", "runtime", "directed_by",
    "original_language", "rating", "flags", "run_id", "raw_row_id",
)  # fmt: skip
_SOURCE = (
    CleanRow.id, VariantRecord.movie_id, CleanRow.variant_id, CleanRow.screening_city, CleanRow.date_of_showing,
    CleanRow.showtime, CleanRow.screening_type, CleanRow.screening_tech, CleanRow.dub_language,
    CleanRow.original_language, CleanRow.english_href, CleanRow.hebrew_href, CleanRow.release_year, CleanRow.runtime,
    CleanRow.directed_by, CleanRow.rating, CleanRow.flags, CleanRow.run_id, CleanRow.raw_row_id, CleanRow.dedupe_key,
    CleanRow.release_date,
)  # fmt: skip
TABLES = {SHOWTIME: Showtime, COMINGSOON: ComingSoon}
PUBLISHED_NAMES = {SHOWTIME: "showtimes", COMINGSOON: "coming_soon"}


def content_key(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()


def cutoff_date(name: str) -> str:
    """A maintenance cutoff (stored as YYYYMMDD) as an ISO date; '' when never set."""
    value = get_watermark(name)
    return date(value // 10000, value // 100 % 100, value % 100).isoformat() if value else ""


def _with_flag(flags: str, name: str) -> str:
    return ",".join(sorted({*filter(None, flags.split(",")), name}))


def _showtime_row(cinema: str, row: tuple, reference: str) -> tuple[str, tuple]:
    (_, movie_id, variant_id, city, day, time, stype, tech, dub, language, en_href, he_href, year, runtime,
     director, rating, flags, run_id, raw_id, dedupe_key, _) = row  # fmt: skip
    if reference and day < reference:
        flags = _with_flag(flags, "past_dated")
    key = content_key(cinema, movie_id, dedupe_key)
    return key, (key, movie_id, variant_id, cinema, city, day, time, stype, tech, dub, language, en_href, he_href,
                 year, runtime, director, rating, flags, run_id, raw_id)  # fmt: skip


def _comingsoon_row(cinema: str, row: tuple, reference: str) -> tuple[str, tuple]:
    movie_id, variant_id, year, runtime, director, rating, flags, run_id, raw_id = (
        row[1], row[2], row[12], row[13], row[14], row[15], row[16], row[17], row[18]
    )  # fmt: skip
    key = content_key(cinema, movie_id)
    return key, (key, movie_id, variant_id, cinema, row[20], year, runtime, director, row[9], rating, flags,
                 run_id, raw_id)  # fmt: skip


def replace_unit(cinema: str, kind: str, run_id: int, size: int, counts: Counts, tick: Callable[[], None]) -> int:
    """Replace a unit's published rows by snapshot `run_id` (inside the unit's transaction)."""
    model, name = TABLES[kind], PUBLISHED_NAMES[kind]
    build = _showtime_row if kind == SHOWTIME else _comingsoon_row
    fields = SHOWTIME_FIELDS if kind == SHOWTIME else COMINGSOON_FIELDS
    cutoff = cutoff_date(SHOWTIMES_CUTOFF if kind == SHOWTIME else COMINGSOON_CUTOFF)
    day_index = 4 if kind == SHOWTIME else 20
    reference = reference_date(run_id) if kind == SHOWTIME else ""
    model.delete().where(model.cinema == cinema).execute()
    query = (
        CleanRow.select(*_SOURCE)
        .join(VariantRecord, on=(VariantRecord.id == CleanRow.variant_id))
        .where(CleanRow.cinema == cinema, CleanRow.kind == kind, CleanRow.run_id == run_id)
    )
    listed = 0
    for page in pages(query, CleanRow.id, size):
        listed += len(page)
        seen: dict[str, tuple] = {}
        for row in page:
            if row[1] is None:
                counts.add("dropped", "no_film")
            elif cutoff and row[day_index] < cutoff:
                counts.add("dropped", "expired")
            else:
                key, values = build(cinema, row, reference)
                if key in seen:
                    continue
                seen[key] = values
                if "past_dated" in values[-3]:
                    counts.add("flagged", "past_dated")
        bulk_insert(model, fields, list(seen.values()), ignore_conflicts=True)
        tick()
    published = model.select().where(model.cinema == cinema).count()
    dropped = counts[("dropped", "no_film")] + counts[("dropped", "expired")]
    counts.add("published", name, published)
    counts.add("merged", "", listed - dropped - published)
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
    counts = Counts()
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
    return {name: model.select().count() for name, model in (("showtimes", Showtime), ("coming_soon", ComingSoon), ("movies", Movie))}


def publish_job(ctx: JobContext) -> None:
    """Job `publish`: replace each cinema's published rows by its newest accepted scrape."""
    run_publish(ctx.run_id, batch_size(ctx.settings), ctx)
    sizes = table_sizes()
    ctx.metrics["tables"] = sizes
    ctx.log("published tables: " + ", ".join(f"{name} {n}" for name, n in sizes.items()))
