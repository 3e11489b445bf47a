"""Stable movie IDs in the real database (SQLite and PostgreSQL): successive runs, re-runs, conflicts."""

from __future__ import annotations

import json

from app.core.settings import Settings
from dataflows.identity import TitleVariant, assign, assign_movie_ids, resolve
from dataflows.identity.models import Film, FilmVariant
from tests.identity.test_resolver import V, fixture_variants


def snapshot() -> tuple[list, list]:
    films = [
        (
            f.movie_id,
            f.english_title,
            f.hebrew_title,
            f.alt_titles,
            f.release_year,
            f.directed_by,
            f.runtime,
            f.is_event,
            f.variant_count,
            f.updated_at,
        )
        for f in Film.select().order_by(Film.movie_id)
    ]
    variants = [
        (v.key_hash, v.movie_id, v.release_year, v.runtime, v.rows, v.last_seen_at, v.last_seen_run)
        for v in FilmVariant.select().order_by(FilmVariant.key_hash)
    ]
    return films, variants


def same_partition(ids: dict, numbers: dict) -> bool:
    pairs = {(ids[a] == ids[b], numbers[a] == numbers[b]) for a in ids for b in ids}
    return pairs <= {(True, True), (False, False)}


def test_movie_ids_stay_stable_across_runs(backend: Settings) -> None:
    first_run = fixture_variants("590")
    second_run = fixture_variants("596")
    first = assign_movie_ids(first_run, run_id=590)
    assert set(first) == {v.key for v in first_run}
    assert same_partition(first, resolve(first_run))
    films_after_first = Film.select().count()

    second = assign_movie_ids(second_run, run_id=596)
    seen_twice = set(first) & set(second)
    assert len(seen_twice) > 300
    assert all(first[key] == second[key] for key in seen_twice)
    assert same_partition(second, resolve(second_run))
    # a film new in the second run gets a new ID; one seen before keeps it, also under a new variant
    odyssey = {movie_id for key, movie_id in second.items() if key[2] == "האודיסאה"}
    assert len(odyssey) == 1 and odyssey <= set(first.values())
    new_films = set(second.values()) - set(first.values())
    assert new_films and min(new_films) > max(first.values())
    assert Film.select().count() == films_after_first + len(new_films)

    film = Film.get(Film.movie_id == next(iter(odyssey)))
    assert (film.english_title, film.hebrew_title, film.release_year, film.runtime) == (
        "The Odyssey",
        "האודיסאה",
        "2026",
        "172",
    )
    assert film.directed_by == "Christopher Nolan" and not film.is_event
    assert isinstance(json.loads(film.alt_titles), list)


def test_running_again_changes_nothing(backend: Settings) -> None:
    variants = fixture_variants("596")
    first = assign_movie_ids(variants, run_id=596)
    before = snapshot()
    again = assign_movie_ids(list(reversed(variants)), run_id=596)
    assert again == first
    assert snapshot() == before


def test_a_new_spelling_joins_the_known_film(backend: Settings) -> None:
    known = [
        V("Yes Planet", "STITCH HEAD", "פרנקי והמפלצות", "2025", runtime="92"),
        V("Hot Cinema", "Stitch Head", "פרנקי והמפלצות", "2026", runtime="92"),
        V("Yes Planet", "Toy Story 5", "צעצוע של סיפור 5", "2026"),
    ]
    ids = assign_movie_ids(known, run_id=1)
    later = [
        V("Tel Aviv Cinematheque", "Stich Head", "", "2025", runtime="92"),  # typo, English only
        V("Rav Hen", "פרנקי והמפלצות", "פרנקי והמפלצות", "2026"),  # Hebrew only
        V("Lev Cinema", "Toy Story 5", "צעצוע של סיפור 5-", "2026"),
    ]
    outcome = assign(later, run_id=2)
    later_ids = outcome.ids
    assert (outcome.films_created, outcome.films_matched, outcome.variants_new, outcome.variants_known) == (0, 2, 3, 0)
    stitch = ids[known[0].key]
    assert later_ids[later[0].key] == stitch == later_ids[later[1].key]
    assert later_ids[later[2].key] == ids[known[2].key] != stitch
    assert Film.select().count() == 2
    assert FilmVariant.get(FilmVariant.english_title == "Stich Head").first_seen_run == 2


def test_a_conflicting_row_does_not_merge_two_known_films(backend: Settings) -> None:
    toy = V("Yes Planet", "Toy Story 5", "צעצוע של סיפור 5", "2026")
    elio = V("Yes Planet", "Elio", "אליו", "2026")
    ids = assign_movie_ids([toy, elio], run_id=1)
    slip = V("Cinema City", "Toy Story 5", "אליו")  # English of one film, Hebrew of the other
    toy_rh = V("Rav Hen", "צעצוע של סיפור 5", "צעצוע של סיפור 5", "2026")
    outcome = assign([slip, toy_rh, toy, elio], run_id=2)
    later = outcome.ids
    assert outcome.links_refused.get("known_films") or outcome.links_refused.get("titles")
    assert later[toy.key] == ids[toy.key] and later[elio.key] == ids[elio.key]
    assert later[slip.key] in {ids[toy.key], ids[elio.key]}
    assert later[toy_rh.key] == ids[toy.key]
    assert Film.select().count() == 2
    film_ids = {f.movie_id for f in Film.select()}
    assert set(later.values()) == film_ids


def test_new_films_get_ids_in_a_fixed_order(backend: Settings) -> None:
    variants = [V("Yes Planet", f"Film {name}", "", "2026") for name in ("Alpha", "Beta", "Gamma")]
    ids = assign_movie_ids(list(reversed(variants)), run_id=1)
    assert [ids[v.key] for v in variants] == sorted(ids.values())
    assert assign_movie_ids([], run_id=2) == {}


def test_long_and_hostile_titles_are_stored_exactly(backend: Settings) -> None:
    long_title = "A" * 3000
    hostile = TitleVariant("Hot Cinema", "[@click=app.quit] [/]'; DROP TABLE films; --", "סרט\x00?")
    ids = assign_movie_ids([TitleVariant("Hot Cinema", long_title, ""), hostile], run_id=1)
    assert len(set(ids.values())) == 2
    stored = {(v.cinema, v.english_title, v.hebrew_title) for v in FilmVariant.select()}
    assert (hostile.cinema, hostile.english_title, "סרט\ufffd?") in stored  # PostgreSQL text cannot hold NUL
    assert ("Hot Cinema", long_title, "") in stored
