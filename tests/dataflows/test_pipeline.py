"""Real runs through clean → identity → publish: one row per real showtime with its film, and re-runs change nothing."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from app.core.settings import Settings
from dataflows.models import CleanRow, ComingSoon, Movie, PublishState, Showtime, Snapshot, VariantRecord
from dataflows.quality import report
from dataflows.rules.cities import CITIES
from dataflows.store import get_watermark
from dataflows.titles import clean_title
from dataflows.validate import parse_date, parse_time
from tests.dataflows.helpers import fixture_files, import_files, read_rows, run_dataflows, snapshot_tables, write_csv


def expected_showtimes(run: str) -> Counter:
    """Distinct real screenings per cinema, worked out from the CSVs: titled, not an event, not a repeat."""
    seen: dict[str, set] = {}
    for path in fixture_files(run):
        for row in read_rows(path):
            if not row["showtime"] or not (row["english_title"].strip() or row["hebrew_title"].strip()):
                continue
            if clean_title(row["english_title"], row["hebrew_title"], row["cinema"]).is_event:
                continue
            link = "" if "None" in row["english_href"] else row["english_href"]
            same = (row["english_title"], row["hebrew_title"], row["screening_city"], row["date_of_showing"])
            same += (row["showtime"], link) if link else (row["showtime"], row["screening_type"], row["screening_tech"])
            seen.setdefault(row["cinema"], set()).add(same)
    return Counter({cinema: len(rows) for cinema, rows in seen.items()})


def test_one_row_per_real_showtime_with_its_film(backend: Settings) -> None:
    import_files(backend, fixture_files("590"))
    reporter = run_dataflows(backend, run_id=99)
    published = Counter(cinema for (cinema,) in Showtime.select(Showtime.cinema).tuples())
    assert published == expected_showtimes("590")
    orphan_rows = Showtime.select().where(Showtime.movie_id.not_in(Movie.select(Movie.movie_id))).count()
    assert orphan_rows == 0
    for row in Showtime.select():
        assert parse_time(row.showtime) == row.showtime and parse_date(row.date_of_showing) == row.date_of_showing
    variants = {v.key_hash: v for v in VariantRecord.select()}
    raw_titles = {
        (r["cinema"], r["english_title"], r["hebrew_title"]) for f in fixture_files("590") for r in read_rows(f)
    }
    for row in Showtime.select():
        variant = variants[row.variant_key]
        assert (variant.cinema, variant.english_title, variant.hebrew_title) in raw_titles  # exactly as scraped
        assert variant.movie_id == row.movie_id
    rep = report(99)
    assert rep["rows_in"] == sum(len(read_rows(f)) for f in fixture_files("590"))
    assert rep["published"]["showtimes"] == Showtime.select().count()
    assert rep["published"]["coming_soon"] == ComingSoon.select().count()
    assert rep["films_created"] == Movie.select().count() == len({v.movie_id for v in variants.values() if v.movie_id})
    assert not reporter.warnings


def test_real_quirks_are_cleaned_and_flagged(backend: Settings, tmp_path: Path) -> None:
    titled = next(r for r in read_rows(fixture_files("590", "TLVtheque")[0]) if r["english_title"])
    morning = write_csv(tmp_path / "TLVmorning.csv", [{**titled, "showtime": "9:30"}])  # as TLV writes times
    import_files(backend, [*fixture_files("590"), morning])
    run_dataflows(backend)
    tlv = Showtime.select().where(Showtime.cinema == "Tel Aviv Cinematheque", Showtime.showtime == "09:30")
    assert tlv.count() == 1
    broken = Showtime.select().where(Showtime.flags.contains("broken_link"))
    assert broken.count() > 0 and all(row.english_href == "" for row in broken)
    assert all("None" not in row.english_href for row in Showtime.select())
    dropped = Counter(
        reason for (reason,) in CleanRow.select(CleanRow.reason).where(CleanRow.kind != "showtime").tuples()
    )
    assert dropped["no_title"] > 0 and dropped["event"] > 0
    events = VariantRecord.select().where(VariantRecord.is_event == True)  # noqa: E712
    assert (
        events.count() > 0
        and not Showtime.select().where(Showtime.variant_key.in_([e.key_hash for e in events])).exists()
    )
    unknown = Showtime.select().where(Showtime.flags.contains("unknown_city"))  # kept as written, and flagged
    assert unknown.exists() and all(row.screening_city.startswith("HOT CINEMA") for row in unknown)
    assert all(row.screening_city in CITIES for row in Showtime.select() if "unknown_city" not in row.flags)
    soon = ComingSoon.select().where(ComingSoon.cinema == "MovieLand")
    assert soon.count() > 0 and all(row.runtime != 120 for row in soon)  # MovieLand's placeholder runtime


def test_the_same_film_across_chains_is_one_movie(backend: Settings) -> None:
    import_files(backend, fixture_files("590"))
    run_dataflows(backend)
    rav_hen = VariantRecord.select().where(VariantRecord.cinema == "Rav Hen", VariantRecord.movie_id.is_null(False))
    joined = 0
    for variant in rav_hen:  # Rav Hen's "English" titles are Hebrew: identity links them through the Hebrew title
        same = VariantRecord.select().where(
            VariantRecord.cinema == "Yes Planet", VariantRecord.hebrew_title == variant.hebrew_title
        )
        for other in same:
            assert other.movie_id == variant.movie_id
            joined += 1
    assert joined > 0
    movie = Movie.get(Movie.movie_id == next(iter(rav_hen)).movie_id)
    assert movie.hebrew_title


def test_rerunning_changes_nothing(backend: Settings) -> None:
    import_files(backend, fixture_files("590"))
    run_dataflows(backend, run_id=10)
    before = snapshot_tables()
    marks = {name: get_watermark(name) for name in ("clean:raw_rows", "identity:clean_rows")}
    states = sorted(PublishState.select().tuples())
    reporter = run_dataflows(backend, run_id=11)
    assert snapshot_tables() == before
    assert {name: get_watermark(name) for name in marks} == marks
    assert sorted(PublishState.select().tuples()) == states
    rep = report(11)
    assert rep["rows_in"] == 0 and rep["published"] == {} and not reporter.warnings


def test_a_newer_scrape_replaces_each_cinema_and_films_keep_their_ids(backend: Settings) -> None:
    import_files(backend, fixture_files("590"))
    run_dataflows(backend)
    first_ids = {(v.cinema, v.english_title, v.hebrew_title): v.movie_id for v in VariantRecord.select()}
    import_files(backend, fixture_files("596"))
    run_dataflows(backend)
    second_run = Snapshot.select(Snapshot.run_id).order_by(Snapshot.run_id.desc()).scalar()
    assert {row.run_id for row in Showtime.select()} == {second_run}
    assert Counter(c for (c,) in Showtime.select(Showtime.cinema).tuples()) == expected_showtimes("596")
    assert Showtime.select().where(Showtime.cinema == "Cinema City").exists()  # only scraped in 596
    for variant in VariantRecord.select():
        key = (variant.cinema, variant.english_title, variant.hebrew_title)
        if key in first_ids and first_ids[key] is not None:
            assert variant.movie_id == first_ids[key]
    assert Movie.select().count() == len(
        {m for (m,) in Showtime.select(Showtime.movie_id).tuples()}
        | {m for (m,) in ComingSoon.select(ComingSoon.movie_id).tuples()}
    )
