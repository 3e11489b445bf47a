"""Maintenance: expire what is past, remove orphan films, dedupe the published tables — each with a dry run.

A dry run prints what would change and changes nothing: set `KARTISERET_DRY_RUN=1` for the
maintenance jobs (`kartiseret --no-tui --group maintenance`), or run one task directly:

    python -m dataflows.maintenance expire|orphans|dedupe|all [--dry-run] [--today YYYY-MM-DD] [--mode M] [--db URL]

"Today" is Israel's date (`KARTISERET_TODAY=YYYY-MM-DD` or `--today` pins it, e.g. for a sandbox).
Expiry also records its cutoff, so publishing never brings expired rows back.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date, timedelta

import peewee
from peewee import fn

from app.core.clock import TODAY_ENV as TODAY_ENV  # re-exported: the variable that pins today
from app.core.clock import israel_today, pinned_today, run_today
from app.core.errors import ConfigError
from app.core.jobs import JobContext
from dataflows.base import QuietReporter, Reporter
from dataflows.models import ComingSoon, Movie, Showtime
from dataflows.movies import orphans, refresh_movies
from dataflows.publish import COMINGSOON_CUTOFF, SHOWTIMES_CUTOFF
from dataflows.store import MOVIES_DIRTY, get_watermark, set_watermark, write_transaction

DRY_RUN_ENV = "KARTISERET_DRY_RUN"
DELETE_CHUNK = 1000
SHOWTIME_CONTENT = (
    "cinema", "screening_city", "date_of_showing", "showtime", "movie_id", "screening_type", "screening_tech",
    "dub_language", "original_language", "english_href", "hebrew_href",
)  # fmt: skip


def dry_run_from_env() -> bool:
    return os.environ.get(DRY_RUN_ENV, "").strip().lower() in ("1", "true", "yes", "on")


def today() -> date:
    """The command line's today: `KARTISERET_TODAY` when pinned, else Israel's date."""
    return pinned_today() or israel_today()


def _as_number(day: date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def _by_cinema(model: type[peewee.Model], condition: peewee.Expression) -> dict[str, int]:
    query = model.select(model.cinema, fn.COUNT(model.key)).where(condition).group_by(model.cinema).tuples()
    return dict(sorted(query))


def _delete_where(model: type[peewee.Model], condition: peewee.Expression) -> int:
    """Delete in chunks of keys (inside the caller's transaction)."""
    deleted = 0
    while True:
        keys = [k for (k,) in model.select(model.key).where(condition).order_by(model.key).limit(DELETE_CHUNK).tuples()]
        if not keys:
            return deleted
        deleted += model.delete().where(model.key.in_(keys)).execute()


def _describe(counts: dict[str, int]) -> str:
    return ", ".join(f"{cinema} {n}" for cinema, n in counts.items()) or "none"


def expire(day: date, dry_run: bool, reporter: Reporter) -> int:
    """Showtimes before `day`, and coming-soon entries released on or before it (they have opened)."""
    past = Showtime.date_of_showing < day.isoformat()
    opened = ComingSoon.release_date <= day.isoformat()
    showtimes, soon = _by_cinema(Showtime, past), _by_cinema(ComingSoon, opened)
    verb = "would expire" if dry_run else "expired"
    total = sum(showtimes.values()) + sum(soon.values())
    if not dry_run:
        with write_transaction():
            _delete_where(Showtime, past)
            _delete_where(ComingSoon, opened)
            set_watermark(SHOWTIMES_CUTOFF, max(get_watermark(SHOWTIMES_CUTOFF), _as_number(day)))
            next_day = _as_number(day + timedelta(days=1))
            set_watermark(COMINGSOON_CUTOFF, max(get_watermark(COMINGSOON_CUTOFF), next_day))
            if total:
                set_watermark(MOVIES_DIRTY, 1)
    reporter.log(f"{verb} {sum(showtimes.values())} showtimes dated before {day} ({_describe(showtimes)})")
    reporter.log(f"{verb} {sum(soon.values())} coming-soon entries released by {day} ({_describe(soon)})")
    return total


def remove_orphans(dry_run: bool, reporter: Reporter) -> int:
    """Films no published row refers to any more; the others' counts and dates brought up to date."""
    found = list(
        Movie.select(Movie.movie_id, Movie.english_title, Movie.hebrew_title)
        .where(Movie.movie_id.in_(orphans()))
        .order_by(Movie.movie_id)
        .limit(20)
        .tuples()
    )
    count = Movie.select().where(Movie.movie_id.in_(orphans())).count()
    if not dry_run:
        with write_transaction():
            refresh_movies()
            set_watermark(MOVIES_DIRTY, 0)
    shown = "; ".join(f"{m} {en or he}" for m, en, he in found) + (" …" if count > len(found) else "")
    reporter.log(f"{'would remove' if dry_run else 'removed'} {count} orphan movies{': ' + shown if shown else ''}")
    return count


def _duplicates(model: type[peewee.Model], content: Sequence[str]) -> list[tuple]:
    fields = [getattr(model, name) for name in content]
    query = (
        model.select(*fields, fn.MIN(model.key), fn.COUNT(model.key))
        .group_by(*fields)
        .having(fn.COUNT(model.key) > 1)
        .tuples()
    )
    return list(query)


def dedupe_all(dry_run: bool, reporter: Reporter) -> int:
    """Rows that say exactly the same thing under different keys (older rules, hand edits): keep one."""
    total = 0
    for model, content in ((Showtime, SHOWTIME_CONTENT), (ComingSoon, ("cinema", "movie_id"))):
        groups = _duplicates(model, content)
        extra = sum(group[-1] - 1 for group in groups)
        total += extra
        reporter.log(f"{'would remove' if dry_run else 'removed'} {extra} duplicate {model._meta.table_name} rows")
        if dry_run or not groups:
            continue
        with write_transaction():
            for *values, keep, _ in groups:
                same = [getattr(model, name) == value for name, value in zip(content, values, strict=True)]
                model.delete().where(*same, model.key != keep).execute()
            set_watermark(MOVIES_DIRTY, 1)
    return total


def _job(task: Callable[[bool, Reporter], int], what: str) -> Callable[[JobContext], None]:
    def run(ctx: JobContext) -> None:
        dry_run = dry_run_from_env()
        changed = task(dry_run, ctx)
        ctx.metrics[what] = {"dry_run": dry_run, "rows": changed}
        if dry_run:
            ctx.warn(f"dry run ({DRY_RUN_ENV}=1): {what} would change {changed} rows; nothing was changed")
        else:
            ctx.add_rows(changed)

    run.__doc__ = f"Job: {what} (dry run with {DRY_RUN_ENV}=1)."
    return run


def expire_job(ctx: JobContext) -> None:
    """Expire by the run's own today: the sandbox's pinned date in sandbox mode, else Israel's date."""
    _job(lambda dry_run, reporter: expire(run_today(ctx.settings), dry_run, reporter), "expire")(ctx)


orphans_job = _job(remove_orphans, "remove orphans")
dedupe_job = _job(dedupe_all, "dedupe")


def main(argv: Sequence[str] | None = None) -> int:
    """Command line for one maintenance task (prints what changes, or would change with --dry-run)."""
    parser = argparse.ArgumentParser(prog="python -m dataflows.maintenance", description=__doc__.splitlines()[0])
    parser.add_argument("task", choices=("expire", "orphans", "dedupe", "all"))
    parser.add_argument("--dry-run", action="store_true", help="print what would change; change nothing")
    parser.add_argument("--today", help="the date to expire before (default: today in Israel)")
    parser.add_argument("--mode", choices=("testing", "regular"))
    parser.add_argument("--db", dest="database_url", metavar="URL")
    args = parser.parse_args(argv)
    from app.cli import open_store
    from app.core.settings import load_settings

    try:
        open_store(load_settings().with_overrides(mode=args.mode, database_url=args.database_url))
        day = date.fromisoformat(args.today) if args.today else today()
    except (ConfigError, ValueError) as exc:
        print(f"maintenance: error: {exc}", file=sys.stderr)
        return 2
    reporter = QuietReporter(echo=True)
    if args.task in ("expire", "all"):
        expire(day, args.dry_run, reporter)
    if args.task in ("dedupe", "all"):
        dedupe_all(args.dry_run, reporter)
    if args.task in ("orphans", "all"):
        remove_orphans(args.dry_run, reporter)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
