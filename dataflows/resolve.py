"""The identity dataflow: every title variant gets its film (`dataflows.identity` decides which).

Sent to film identity, all at once: the variants of the rows cleaned since this dataflow's
watermark (so identity sees each run's variants together, with fresh row counts) and any variant
still without a film. Each carries the evidence its cleaned rows hold: the most common year,
director and runtime. Identity's write, our copy of the answer (`title_variants.movie_id`, which
publishing joins on) and the watermark commit in one transaction. When a variant's film changes,
the cinema's epoch moves so publishing rewrites that cinema's rows.
"""

from __future__ import annotations

import inspect
from collections import Counter, defaultdict

from peewee import fn

from app.core.jobs import JobContext
from dataflows.base import Reporter
from dataflows.models import LISTING_KINDS, CleanRow, VariantRecord
from dataflows.quality import Counts, save_counts
from dataflows.store import MOVIES_DIRTY, chunks, epoch_name, get_watermark, set_watermark, write_transaction

STAGE = "identity"
WATERMARK = "identity:clean_rows"
EVIDENCE = ("release_year", "directed_by", "runtime")


def most_common(values: Counter) -> str:
    """The most frequent non-empty value; ties go to the smallest, so the answer is order-free."""
    best = min(((-n, str(v)) for v, n in values.items() if v not in (None, "")), default=None)
    return best[1] if best else ""


def _evidence(ids: list[int]) -> dict[int, dict[str, Counter]]:
    """Per variant: row count and value counts of year, director and runtime (grouped in the database)."""
    out: dict[int, dict[str, Counter]] = defaultdict(lambda: {name: Counter() for name in (*EVIDENCE, "rows")})
    for chunk in chunks(ids):
        for name in EVIDENCE:
            column = getattr(CleanRow, name)
            query = (
                CleanRow.select(CleanRow.variant_id, column, fn.COUNT(CleanRow.id))
                .where(CleanRow.variant_id.in_(list(chunk)), CleanRow.kind.in_(LISTING_KINDS))
                .group_by(CleanRow.variant_id, column)
                .tuples()
            )
            for variant_id, value, n in query:
                out[variant_id][name][value] += n
                if name == EVIDENCE[0]:
                    out[variant_id]["rows"][""] += n
    return out


def _variants_to_send(mark: int, top: int) -> list[tuple]:
    seen = CleanRow.select(CleanRow.variant_id).distinct().where(
        CleanRow.id > mark, CleanRow.id <= top, CleanRow.kind.in_(LISTING_KINDS)
    )
    ids = {v for (v,) in seen.tuples() if v is not None}
    unresolved = VariantRecord.select(VariantRecord.id).where(
        VariantRecord.movie_id.is_null(), VariantRecord.is_event == False  # noqa: E712
    )
    ids |= {v for (v,) in unresolved.tuples()}
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


def run_identity(run_id: int, reporter: Reporter) -> Counts:
    """Resolve the variants seen since the watermark. Returns the counts (also stored with `run_id`)."""
    from dataflows.identity import TitleVariant

    counts = Counts()
    mark = get_watermark(WATERMARK)
    top = CleanRow.select(fn.MAX(CleanRow.id)).scalar() or 0
    records = _variants_to_send(mark, top)
    if not records:
        if top > mark:
            with write_transaction():
                set_watermark(WATERMARK, top)
        reporter.log("no title variants to resolve")
        return counts
    reporter.progress(0, len(records))
    evidence = _evidence([record[0] for record in records])
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
    reporter.check_cancelled()
    known_films = {m for (m,) in VariantRecord.select(VariantRecord.movie_id).distinct().tuples() if m is not None}
    with write_transaction():
        mapping = _assign(list(variants.values()), run_id)
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
        for movie_id, ids in sorted(by_film.items()):
            for chunk in chunks(ids):
                VariantRecord.update(movie_id=movie_id).where(VariantRecord.id.in_(list(chunk))).execute()
        for cinema in sorted(cinemas):
            set_watermark(epoch_name(cinema), get_watermark(epoch_name(cinema)) + 1)
        if by_film:
            set_watermark(MOVIES_DIRTY, 1)
        set_watermark(WATERMARK, max(mark, top))
        save_counts(run_id, STAGE, counts)
    reporter.progress(len(records), len(records))
    return counts


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
