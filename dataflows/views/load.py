"""Reading the published tables into the views: once per screen opening (or reload), never per keystroke.

The rows come from the export code (`dataflows.exports`), so a view shows and exports exactly what
`kartiseret export` would; only what the export lacks (where and when a film plays next, the
titles chains used) is queried here.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, time

import peewee
from peewee import fn

from dataflows.exports import comingsoon_rows, movie_rows, showtime_rows
from dataflows.models import Showtime, VariantRecord
from dataflows.views.coming_soon import ComingSoonView
from dataflows.views.days import parse_day
from dataflows.views.movies import MovieView, Playing
from dataflows.views.quality import QualityView, report_runs
from dataflows.views.showtimes import ShowtimeView


def data_now(clock_now: datetime) -> datetime:
    """The views' "now": the clock, unless every published showtime is already behind it.

    Sandbox and imported runs carry their own days (the replica sites are pinned to the data's
    first day), so when the clock is past all the data, the data's first day is "today" instead —
    like the dataflows, which read a run's day from its rows, never from the clock.
    """
    first, last = Showtime.select(fn.MIN(Showtime.date_of_showing), fn.MAX(Showtime.date_of_showing)).scalar(
        as_tuple=True
    )
    day = parse_day(first or "")
    if day is None or (last or "") >= f"{clock_now:%Y-%m-%d}":
        return clock_now
    return datetime.combine(day, time())


def load_showtimes(now: datetime) -> ShowtimeView:
    return ShowtimeView(showtime_rows(), now.date())


def playing(now: datetime) -> dict[int, Playing]:
    """Per film: distinct cinemas (chain and city) and the first screening at or after `now`, in one query."""
    stamp = Showtime.date_of_showing.concat(" ").concat(Showtime.showtime)
    venue = Showtime.cinema.concat("|").concat(Showtime.screening_city)
    upcoming = peewee.Case(None, [(stamp >= f"{now:%Y-%m-%d %H:%M}", stamp)], None)
    query = Showtime.select(Showtime.movie_id, fn.COUNT(venue.distinct()), fn.MIN(upcoming)).group_by(Showtime.movie_id)
    return {movie_id: Playing(venues, upcoming or "") for movie_id, venues, upcoming in query.tuples()}


def other_titles() -> dict[int, list[str]]:
    """Every title variant's titles (as scraped and cleaned), per film."""
    titles: dict[int, list[str]] = defaultdict(list)
    query = VariantRecord.select(
        VariantRecord.movie_id,
        VariantRecord.english_title,
        VariantRecord.hebrew_title,
        VariantRecord.clean_english,
        VariantRecord.clean_hebrew,
    ).where(VariantRecord.movie_id.is_null(False))
    for movie_id, *names in query.tuples():
        titles[movie_id].extend(name for name in names if name)
    return titles


def load_movies(now: datetime) -> MovieView:
    return MovieView(movie_rows(), playing(now), other_titles())


def load_coming_soon() -> ComingSoonView:
    return ComingSoonView(comingsoon_rows())


def load_quality() -> QualityView:
    """The runs with a report, the newest one's report read."""
    view = QualityView(report_runs())
    if view.runs:
        view.report = view.read(view.runs[0].run_id)
    return view
