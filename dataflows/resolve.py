"""The identity dataflow: every title variant gets its film (`dataflows.identity` decides which).

Variants are sent to film identity one scrape run at a time, in run order: each run's variants
together (so the same film from different chains is grouped), each with the evidence its rows in
that run hold (most common year, director, runtime, row count), plus any variant still without a
film. Identity's write, our copy of the answer (`title_variants.movie_id`, which publishing
joins on) and the watermark commit in one transaction. When a variant's film changes, the cinema's
epoch moves so publishing rewrites that cinema's rows.
"""

from __future__ import annotations

import inspect
from collections import Counter, defaultdict

import peewee
from peewee import fn

from app.core.jobs import JobContext
from dataflows.base import Reporter
from dataflows.models import LISTING_KINDS, CleanRow, RowShape, VariantRecord
from dataflows.quality import Counts, save_counts
from dataflows.store import (
    MOVIES_DIRTY,
    chunks,
    epoch_name,
    fetch,
    get_watermark,
    lock_watermark,
    set_watermark,
    tune_connection,
    write_transaction,
)

STAGE = "identity"
WATERMARK = "identity:clean_rows"
EVIDENCE = ("release_year", "directed_by", "runtime")


def most_common(values: Counter) -> str:
    """The most frequent non-empty value; ties go to the smallest, so the answer is order-free."""
    best = min(((-n, str(v)) for v, n in values.items() if v not in (None, "")), default=None)
    return best[1] if best else ""


def _evidence(source_run: int) -> dict[int, dict[str, Counter]]:
    """Per variant of one scrape run: its row count and the counts of its years, directors and runtimes."""
    out: dict[int, dict[str, Counter]] = defaultdict(lambda: {name: Counter() for name in (*EVIDENCE, "rows")})
    columns = [getattr(RowShape, name) for name in EVIDENCE]
    query = (
        CleanRow.select(RowShape.variant_id, *columns, fn.COUNT(CleanRow.raw_row_id))
        .join(RowShape, on=(RowShape.id == CleanRow.shape_id))
        .where(CleanRow.run_id == source_run, CleanRow.kind.in_(LISTING_KINDS))
        .group_by(RowShape.variant_id, *columns)
    )
    for variant_id, *values, n in fetch(query):
        facts = out[variant_id]
        for name, value in zip(EVIDENCE, values, strict=True):
            facts[name][value] += n
        facts["rows"][""] += n
    return out


def _window(mark: int, top: int) -> peewee.Expression:
    return (CleanRow.raw_row_id > mark) & (CleanRow.raw_row_id <= top) & CleanRow.kind.in_(LISTING_KINDS)


def _records(ids: set[int]) -> list[tuple]:
    fields = (
        VariantRecord.id, VariantRecord.cinema, VariantRecord.english_title, VariantRecord.hebrew_title,
        VariantRecord.movie_id,
    )  # fmt: skip
    records = []
    for chunk in chunks(sorted(ids)):
        records.extend(VariantRecord.select(*fields).where(VariantRecord.id.in_(list(chunk))).tuples())
    return sorted(records)


def _assign(variants: list, run_id: int) -> dict:
    """Call film identity (passing the run ID when its version accepts one)."""
    from dataflows.identity import assign_movie_ids

    if "run_id" in inspect.signature(assign_movie_ids).parameters:
        return assign_movie_ids(variants, run_id=run_id)
    return assign_movie_ids(variants)


def resolve_run(source_run: int, ids: set[int], known_films: set[int], counts: Counts) -> None:
    """One call to film identity with one scrape run's variants, and our copy of the answer (caller's transaction)."""
    from dataflows.identity import TitleVariant

    records = _records(ids)
    evidence = _evidence(source_run)
    variants = {}
    for variant_id, cinema, english, hebrew, _ in records:
        facts = evidence[variant_id]
        variants[variant_id] = TitleVariant(
            cinema,
            english,
            hebrew,
            release_year=most_common(facts["release_year"]),
            directed_by=most_common(facts["directed_by"]),
            runtime=most_common(facts["runtime"]),
            rows=max(1, sum(facts["rows"].values())),
        )
    mapping = _assign(list(variants.values()), source_run)
    by_film: dict[int, list[int]] = defaultdict(list)
    cinemas: set[str] = set()
    for variant_id, cinema, _, _, current in records:
        movie_id = mapping.get(variants[variant_id].key)
        if movie_id is None:
            counts.add("variants_unresolved")
            continue
        movie_id = int(movie_id)
        if current == movie_id:
            counts.add("variants_seen_again")
            continue
        counts.add("variants_changed" if current is not None else "variants_new")
        if current is None and movie_id in known_films:
            counts.add("variants_matched")
        by_film[movie_id].append(variant_id)
        cinemas.add(cinema)
    counts.add("films_created", "", len(set(by_film) - known_films))
    known_films.update(by_film)
    film_of = {variant_id: movie_id for movie_id, members in by_film.items() for variant_id in members}
    for chunk in chunks(sorted(film_of)):  # one UPDATE per chunk: CASE id WHEN … THEN film
        films = peewee.Case(VariantRecord.id, [(variant_id, film_of[variant_id]) for variant_id in chunk])
        VariantRecord.update(movie_id=films).where(VariantRecord.id.in_(list(chunk))).execute()
    for cinema in sorted(cinemas):
        set_watermark(epoch_name(cinema), get_watermark(epoch_name(cinema)) + 1)
    if by_film:
        set_watermark(MOVIES_DIRTY, 1)


def run_identity(run_id: int, reporter: Reporter) -> Counts:
    """Resolve the variants cleaned since the watermark, one scrape run at a time in run order.

    Resolving per source run (not per execution) makes the films independent of how often the
    dataflows ran between imports or scrapes: the same runs always meet identity in the same groups.
    """
    tune_connection()
    total = Counts()
    mark = get_watermark(WATERMARK)
    top = CleanRow.select(fn.MAX(CleanRow.raw_row_id)).scalar() or 0
    runs = [
        r
        for (r,) in CleanRow.select(CleanRow.run_id)
        .distinct()
        .where(_window(mark, top))
        .order_by(CleanRow.run_id)
        .tuples()
    ]
    unresolved = {
        v
        for (v,) in VariantRecord.select(VariantRecord.id)
        .where(VariantRecord.movie_id.is_null(), VariantRecord.is_event == False)  # noqa: E712
        .tuples()
    }
    in_window = {v for (v,) in CleanRow.select(CleanRow.variant_id).distinct().where(_window(mark, top)).tuples()}
    leftovers = unresolved - in_window  # left without a film by an earlier call: they go with the first run
    if not runs and leftovers:
        runs = [CleanRow.select(fn.MAX(CleanRow.run_id)).scalar() or 0]
    if not runs:
        if top > mark:
            with write_transaction():
                set_watermark(WATERMARK, top)
        reporter.log("no title variants to resolve")
        return total
    known_films = {m for (m,) in VariantRecord.select(VariantRecord.movie_id).distinct().tuples() if m is not None}
    position = mark
    for done, source_run in enumerate(runs):
        reporter.check_cancelled()
        counts = Counts()
        in_run = (
            CleanRow.select(CleanRow.variant_id).distinct().where(_window(mark, top), CleanRow.run_id == source_run)
        )
        ids = {v for (v,) in in_run.tuples() if v is not None} | (leftovers if done == 0 else set())
        later_runs = _window(mark, top) & (CleanRow.run_id > source_run)
        later = CleanRow.select(fn.MIN(CleanRow.raw_row_id)).where(later_runs).scalar()
        with write_transaction():
            if lock_watermark(WATERMARK) != position:
                break  # another process resolved these meanwhile; the next run continues from its watermark
            resolve_run(source_run, ids, known_films, counts)
            position = max(mark, (later - 1) if later else top)
            set_watermark(WATERMARK, position)
            save_counts(run_id, STAGE, counts)
        total.update(counts)
        reporter.progress(done + 1, len(runs))
    return total


def identity_job(ctx: JobContext) -> None:
    """Job `identity`: resolve title variants to films."""
    counts = run_identity(ctx.run_id, ctx)
    ctx.metrics["identity"] = {f"{m}.{r}".rstrip("."): n for (m, r), n in sorted(counts.items())}
    new = counts[("variants_new", "")]
    ctx.add_rows(new)
    if counts:
        ctx.log(
            f"{new} new title variants: {counts[('films_created', '')]} new films, "
            f"{counts[('variants_matched', '')]} joined known films; "
            f"{counts[('variants_seen_again', '')]} seen again"
        )
    if counts[("variants_unresolved", "")]:
        ctx.warn(f"{counts[('variants_unresolved', '')]} title variants got no film (their rows are not published)")
    if counts[("variants_changed", "")]:
        ctx.warn(f"{counts[('variants_changed', '')]} title variants moved to another film (republished)")
