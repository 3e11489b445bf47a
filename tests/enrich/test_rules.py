"""Matching rules without the network: titles keep Hebrew, scores weigh evidence, decisions need a margin."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dataflows.enrich.cache import request_key
from dataflows.enrich.candidates import Candidate
from dataflows.enrich.client import is_bearer_token, retry_after_seconds, trim_details
from dataflows.enrich.facts import FilmFacts
from dataflows.enrich.films import facts_from_row
from dataflows.enrich.matcher import Ranked, decide, query_titles
from dataflows.enrich.scoring import MatchRules, score
from dataflows.enrich.titles import normalise, split_names, title_similarity

RULES = MatchRules()


def candidate(
    tmdb_id: int, title: str, date: str, directors: list[str], runtime: int | None, he: str = ""
) -> Candidate:
    c = Candidate(tmdb_id, title=title, original_title=title, title_he=he, release_date=date)
    c.directors, c.runtime, c.detailed = directors, runtime, True
    return c


@pytest.mark.parametrize(
    ("left", "right", "at_least"),
    [
        ("Spider-Man: Brand New Day", "SPIDERMAN: BRAND NEW DAY", 0.97),
        ("גבעה 338", "גבעה  338", 1.0),
        ("הָאוֹדִיסֵאָה", "האודיסאה", 1.0),  # vowel points do not matter
        ("The Magical Faraway Tree", "The Magic Faraway Tree", 0.9),
        ("Amélie", "Amelie", 1.0),
    ],
)
def test_similar_titles(left: str, right: str, at_least: float) -> None:
    assert title_similarity(left, right) >= at_least


def test_hebrew_is_kept_and_scripts_do_not_match_each_other() -> None:
    assert normalise("גבעה 338") == "גבעה 338"  # the old pipeline reduced this to "338"
    assert title_similarity("גבעה 338", "338") < 0.9
    assert title_similarity("Mama", "מאמא") == 0.0


@given(st.text(max_size=40), st.text(max_size=40))
def test_similarity_is_symmetric_and_bounded(left: str, right: str) -> None:
    value = title_similarity(left, right)
    assert 0.0 <= value <= 1.0
    assert value == title_similarity(right, left)


@given(st.text(max_size=60))
def test_normalising_twice_changes_nothing(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)


def test_director_names_split() -> None:
    assert split_names("Andrew Stanton, McKenna Harris") == ["andrew stanton", "mckenna harris"]
    assert split_names("Joel & Ethan Coen") == ["joel", "ethan coen"]


def test_director_contradiction_blocks_an_otherwise_perfect_title_and_year() -> None:
    facts = FilmFacts("m", "Michael", year=2026, director="Nora Ephron")
    wrong = score(facts, candidate(936075, "Michael", "2026-04-22", ["Antoine Fuqua"], 127), RULES)
    assert wrong.parts["director"].value == 0.0
    assert wrong.total < RULES.threshold


def test_year_closeness_is_graded() -> None:
    facts = FilmFacts("m", "Superman", year=1978)
    totals = [
        score(facts, candidate(i, "Superman", f"{year}-01-01", [], None), RULES).total
        for i, year in enumerate((1978, 1979, 1980, 1990))
    ]
    assert totals == sorted(totals, reverse=True) and len(set(totals)) == 4


def test_title_alone_never_reaches_the_threshold() -> None:
    facts = FilmFacts("m", "Colonia 75")
    assert score(facts, candidate(1, "Colonia 75", "2025-01-01", ["X"], 90), RULES).total < RULES.threshold


def ranked(*totals: float) -> list[Ranked]:
    """Candidates whose scores are the given totals (title part only, other parts weightless)."""
    rules = MatchRules(title_weight=1.0, year_weight=0.0, director_weight=0.0, runtime_weight=0.0)
    out = []
    for i, total in enumerate(totals):
        c = candidate(i + 1, "x" * 20, "2020-01-01", [], None)
        s = score(FilmFacts("m", "x" * 20), c, rules)
        s.parts["title"].value = total
        out.append(Ranked(c, s))
    return out


def test_decisions_need_threshold_and_margin() -> None:
    assert decide([], RULES) == ("review", "no candidates on TMDB for any title")
    assert decide(ranked(0.95), RULES)[0] == "matched"
    assert decide(ranked(0.95, 0.80), RULES)[0] == "matched"
    status, why = decide(ranked(0.95, 0.90), RULES)
    assert status == "review" and "leads" in why and "by only 0.05" in why
    status, why = decide(ranked(0.70, 0.10), RULES)
    assert status == "review" and "below the threshold" in why


def test_query_titles_are_distinct_and_capped() -> None:
    facts = FilmFacts("m", "The Odyssey", "האודיסאה", ("THE ODYSSEY", "Odyssey", "a", "b", "c"))
    assert query_titles(facts) == ["The Odyssey", "האודיסאה", "a", "b"]


def test_facts_from_rows_of_various_shapes() -> None:
    facts = facts_from_row(
        {"id": 7, "title_en": " Toy Story 5 ", "title_he": "צעצוע של סיפור 5", "release_year": "2026",
         "directed_by": ["Andrew Stanton", "McKenna Harris"], "runtime": "102.0", "alt_titles": '["TS5"]'}
    )  # fmt: skip
    assert facts == FilmFacts(
        "7", "Toy Story 5", "צעצוע של סיפור 5", ("TS5",), 2026, "Andrew Stanton, McKenna Harris", 102
    )
    assert facts_from_row({"movie_id": "x", "english_title": "A", "year": "", "runtime": "0"}).runtime is None


def test_credentials_and_retry_after() -> None:
    assert is_bearer_token("eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ4In0.abc-_")
    assert not is_bearer_token("0123456789abcdef0123456789abcdef")
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds(None) is None and retry_after_seconds("soon") is None
    assert 0 <= retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # a date in the past: go now
    key = request_key("/3/search/movie", {"query": "Mama", "api_key": "SECRET", "year": None, "language": "he-IL"})
    assert key == "GET /3/search/movie?language=he-IL&query=Mama"


def test_trimmed_details_keep_what_matching_reads() -> None:
    details = {
        "id": 1,
        "credits": {
            "cast": [{"id": i, "name": f"A{i}", "character": "c", "order": i, "profile_path": "/p"} for i in range(40)],
            "crew": [{"id": 1, "name": "D", "job": "Director"}, {"id": 2, "name": "G", "job": "Gaffer"}],
        },
        "translations": {"translations": [{"iso_639_1": "he", "data": {"title": "ה"}}, {"iso_639_1": "fr"}]},
    }
    trimmed = trim_details(details)
    assert len(trimmed["credits"]["cast"]) == 10 and [p["job"] for p in trimmed["credits"]["crew"]] == ["Director"]
    assert [t["iso_639_1"] for t in trimmed["translations"]["translations"]] == ["he"]
