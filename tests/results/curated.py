"""A small fixed set of published rows (real titles, cinemas and quirks from the fixture runs),
written straight into the published tables, for snapshots that must not change when the
dataflows' cleaning rules improve. Two scrape runs and two dataflows runs, the second scrape with a
Yes Planet yield drop, give the Data quality screen a comparison and a flagged cinema.
"""

from __future__ import annotations

from app.core.runs import allocate_run, finish_run
from dataflows.models import ComingSoon, Movie, QualityCount, Showtime, Snapshot, VariantRecord
from tests.results.fill import pin_run_times

# movie_id, English, Hebrew, year, runtime, as one chain scraped it (English, Hebrew)
FILMS = [
    (47, "The Odyssey", "האודיסאה", "2026", 172, ("THE ODYSSEY", "האודיסאה")),
    (75, "Spider-Man: Brand New Day", "ספיידרמן: יום חדש", "2026", 150,
     ("Spiderman: Brand New Day", "ספיידרמן: יום חדש")),
    (5, "Hill 338", "גבעה 338", "2026", 106, ("", "גבעה 338")),
    (73, "Paw Patrol: The Dino Movie", "מפרץ ההרפתקאות: אי הדינוזאורים", "2026", 88,
     ("PAW PATROL - DUBBED", "מפרץ ההרפתקאות: אי הדינוזאורים מדובב")),
    (58, "Cuz You’re Ugly", "כי את מכוערת", "2025", 83, ("Cuz You're Ugly", "כי את מכוערת")),
]  # fmt: skip
# movie_id, cinema, city, type, tech, dubbed, days (August 2026), times
SCREENINGS = [
    (47, "Yes Planet", "Ayalon", "Regular", "2D IMAX", "", (10, 11), ("10:00", "19:30")),
    (47, "Cinema City", "Glilot", "VIP", "2D", "", (10,), ("21:45",)),
    (75, "Herziliya Cinematheque", "Herziliya", "Regular", "2D", "", (10, 12), ("14:00", "20:00")),
    (75, "Hot Cinema", "Kfar Saba", "Premium", "2D Atmos", "", (11,), ("17:00",)),
    (5, "Lev Cinema", "Tel Aviv", "Regular", "2D", "", (10,), ("15:10", "21:45")),
    (5, "Rav Hen", "Givatayim", "Regular", "2D", "", (11,), ("19:30",)),
    (73, "Rav Hen", "Givatayim", "Regular", "2D", "Hebrew", (10, 11), ("10:00",)),
    (73, "MovieLand", "Haifa", "Upgrade", "2D", "Hebrew", (12,), ("11:00",)),
    (58, "Tel Aviv Cinematheque", "Tel Aviv", "Regular", "2D", "", (13,), ("18:00",)),
]  # fmt: skip
# movie_id, English, Hebrew, release date, chains
COMING = [
    (13, "Bitter Christmas", "חג מולד מר", "2026-08-11", ("Cinema City", "Hot Cinema", "Lev Cinema", "MovieLand")),
    (7, "", "קיץ של כוכבים - מני ממטרה", "2026-08-11", ("Cinema City",)),
    (14, "Mamma Mia!", "מאמה מיה!", "2026-08-14", ("Hot Cinema",)),
    (15, "Superman", "סופרמן 1978", "2026-08-13", ("Hot Cinema", "Yes Planet")),
]  # fmt: skip
# run: (metric, reason) → count, for the two dataflows runs
QUALITY = {
    2: {("rows_in", ""): 756, ("dropped", "event"): 20, ("dropped", "no_title"): 4, ("merged", ""): 6,
        ("films_created", ""): 180, ("published", "showtimes"): 640, ("published", "coming_soon"): 130,
        ("flagged", "runtime_placeholder"): 80, ("snapshots", "accepted"): 15},
    4: {("rows_in", ""): 751, ("quarantined", "bad_time"): 2, ("dropped", "event"): 16, ("dropped", "no_title"): 4,
        ("merged", ""): 4, ("films_created", ""): 23, ("variants_matched", ""): 35, ("published", "showtimes"): 590,
        ("published", "coming_soon"): 137, ("flagged", "runtime_placeholder"): 66, ("flagged", "yield_drop"): 1,
        ("snapshots", "accepted"): 14, ("snapshots", "rejected"): 1, ("unmapped", "city: HOT CINEMA"): 2},
}  # fmt: skip
# cinema, kind, rows in the first scrape, rows in the second (decision of the second)
SCRAPES = [
    ("Yes Planet", "showtime", 66, 3), ("Cinema City", "showtime", 42, 44), ("Lev Cinema", "showtime", 65, 60),
    ("Haifa Cinematheque", "showtime", 57, 46), ("Yes Planet", "comingsoon", 25, 26),
]  # fmt: skip


def write_curated(mode: str, sites: str) -> None:
    runs = [allocate_run(mode, sites, plan, ["x"]).id for plan in ("import", "dataflows", "import", "dataflows")]
    for run_id in runs:
        finish_run(run_id, "ok")
    pin_run_times()
    counts: dict[int, int] = {}
    for movie_id, cinema, city, kind, tech, dub, days, times in SCREENINGS:
        for day in days:
            for time in times:
                key = f"{movie_id}:{cinema}:{day}:{time}"
                Showtime.create(
                    key=key, movie_id=movie_id, variant_key=f"v{movie_id}", cinema=cinema, screening_city=city,
                    date_of_showing=f"2026-08-{day:02d}", showtime=time, screening_type=kind, screening_tech=tech,
                    dub_language=dub, english_href=f"https://tickets.example/{movie_id}/{day}/{time}", run_id=runs[2],
                    raw_row_id=len(counts),
                )  # fmt: skip
                counts[movie_id] = counts.get(movie_id, 0) + 1
    for movie_id, english, hebrew, year, runtime, (scraped_en, scraped_he) in FILMS:
        Movie.create(movie_id=movie_id, english_title=english, hebrew_title=hebrew, release_year=year, runtime=runtime,
                     showtimes=counts[movie_id], cinemas=1)  # fmt: skip
        VariantRecord.create(key_hash=f"v{movie_id}", cinema="Yes Planet", english_title=scraped_en,
                             hebrew_title=scraped_he, movie_id=movie_id)  # fmt: skip
    for movie_id, english, hebrew, released, chains in COMING:
        Movie.create(movie_id=movie_id, english_title=english, hebrew_title=hebrew, release_date=released)
        VariantRecord.create(key_hash=f"v{movie_id}", cinema=chains[0], english_title=english, hebrew_title=hebrew,
                             movie_id=movie_id)  # fmt: skip
        for chain in chains:
            ComingSoon.create(key=f"{movie_id}:{chain}", movie_id=movie_id, variant_key=f"v{movie_id}", cinema=chain,
                              release_date=released, run_id=runs[2], raw_row_id=0)  # fmt: skip
    for run_id, metrics in QUALITY.items():
        for (metric, reason), count in metrics.items():
            QualityCount.create(run_id=run_id, stage="publish", metric=metric, reason=reason, count=count)
    for cinema, kind, first, second in SCRAPES:
        Snapshot.create(run_id=runs[0], cinema=cinema, kind=kind, rows=first, decision="accepted")
        rejected = second < first // 4
        decision, reason = ("rejected", "yield_drop") if rejected else ("accepted", "")
        Snapshot.create(run_id=runs[2], cinema=cinema, kind=kind, rows=second, baseline=first, decision=decision,
                        reason=reason)  # fmt: skip
