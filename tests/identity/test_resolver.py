"""Film identity on the patterns seen in real scrapes: what must join, what must stay apart."""

from __future__ import annotations

import csv
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dataflows.identity import Resolution, TitleVariant, resolve, variants_from_rows

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "identity"


def V(cinema: str, english: str, hebrew: str, year: str = "", director: str = "", runtime: str = "") -> TitleVariant:
    return TitleVariant(cinema, english, hebrew, year, director, runtime)


def films(variants: list[TitleVariant]) -> list[set[tuple[str, str, str]]]:
    """The partition as sets of keys, independent of cluster numbering."""
    groups: dict[int, set] = {}
    for key, number in resolve(variants).items():
        groups.setdefault(number, set()).add(key)
    return sorted(groups.values(), key=lambda g: sorted(g))


def together(variants: list[TitleVariant], *members: TitleVariant) -> bool:
    numbers = resolve(variants)
    return len({numbers[m.key] for m in members}) == 1


def apart(variants: list[TitleVariant], first: TitleVariant, second: TitleVariant) -> bool:
    numbers = resolve(variants)
    return numbers[first.key] != numbers[second.key]


def fixture_variants(run: str) -> list[TitleVariant]:
    with (FIXTURES / run / "variants.csv").open(encoding="utf-8", newline="") as handle:
        return [TitleVariant(**{**row, "rows": int(row["rows"])}) for row in csv.DictReader(handle)]


# --- what must join ---------------------------------------------------------------------------


def test_typos_casing_and_articles_join() -> None:
    stich = V("Hot Cinema", "STICH HEAD", "פרנקי והמפלצות", "2023", runtime="92")
    stitch = V("Yes Planet", "STITCH HEAD", "פרנקי והמפלצות", "2025", runtime="92")
    lev = V("Lev Cinema", "Stitch Head", "פרנקי והמפלצות-", "2026", runtime="92")
    tlv = V("Tel Aviv Cinematheque", "Stich Head", "", "2025", runtime="92")
    dog = V("Hot Cinema", "Dog Stars", "כוכבי הכלבים", "2026")
    the_dog = V("Tel Aviv Cinematheque", "The Dog Stars", "", "2026")
    balloons = V("Hot Cinema", "Five Baloons", "", "2026", runtime="85")
    balloons_tlv = V("Tel Aviv Cinematheque", "Five Balloons", "", "2026", runtime="85")
    coyote = [
        V("Herziliya Cinematheque", "Coyote vs. Acme", "לוניטונס מציגים: קיוטי נגד אקמי", "2026"),
        V("Hot Cinema", "Coyote Vs ACME", "קיוטי נגד אקמי", "2026"),
        V("Yes Planet", "Coyote vs. ACME", "קיוטי נגד אקמי", "2026"),
    ]
    variants = [stich, stitch, lev, tlv, dog, the_dog, balloons, balloons_tlv, *coyote]
    assert films(variants) == films(variants)  # stable
    assert together(variants, stich, stitch, lev, tlv)
    assert together(variants, dog, the_dog)
    assert together(variants, balloons, balloons_tlv)
    assert together(variants, *coyote)
    assert len(films(variants)) == 4


def test_hebrew_only_english_fields_join_through_the_hebrew_title() -> None:
    rav_hen = V("Rav Hen", "האודיסאה", "האודיסאה", "2026", runtime="172")
    yes_planet = V("Yes Planet", "The Odyssey", "האודיסאה", "2026", "Christopher Nolan", "172")
    cinema_city = V("Cinema City", "THE ODYSSEY", "האודיסאה", runtime="172")
    tlv = V("Tel Aviv Cinematheque", "The Odyssey", "", "2026")
    kupa = V("Hot Cinema", "קופה ראשית: הסרט", "קופה ראשית: הסרט", "2026")
    kupa_yp = V("Yes Planet", "KUPA RASHIT", "קופה ראשית", "2026")
    dream = V("Hot Cinema", "Dream High", "תיכון מגשימים", "2026")
    magshimim = V("Yes Planet", "Magshimim", "תיכון מגשימים", "2026")
    variants = [rav_hen, yes_planet, cinema_city, tlv, kupa, kupa_yp, dream, magshimim]
    assert together(variants, rav_hen, yes_planet, cinema_city, tlv)
    assert together(variants, kupa, kupa_yp)
    assert together(variants, dream, magshimim)
    assert len(films(variants)) == 3


def test_chain_decorations_do_not_hide_the_film() -> None:
    plain = V("Yes Planet", "Edward Scissorhands", "המספריים של אדוארד", "1990")
    nostalgia = V("Hot Cinema", "Edward Scissorhands", "סינמה נוסטלגיה - המספריים של אדוארד", "1990")
    club = V("Lev Cinema", "The Invite.", "הורים בחופשת לידה – ההזמנה.", "2026")
    invite = V("Rav Hen", "ההזמנה", "ההזמנה", "2026")
    dubbed = V("MovieLand", "Minions & Monsters (מדובב)", "מיניונים ומפלצות", "2026")
    minions = V("Yes Planet", "Minions & Monsters", "מיניונים ומפלצות", "2026")
    variants = [plain, nostalgia, club, invite, dubbed, minions]
    assert together(variants, plain, nostalgia)
    assert together(variants, club, invite)
    assert together(variants, dubbed, minions)


# --- what must stay apart ---------------------------------------------------------------------


def test_sequels_stay_apart() -> None:
    five = V("Yes Planet", "Toy Story 5", "צעצוע של סיפור 5", "2026")
    five_rh = V("Rav Hen", "צעצוע של סיפור 5", "צעצוע של סיפור 5", "2026")
    four = V("Jerusalem Cinematheque", "Toy Story 4", "צעצוע של סיפור 4", director="Josh Cooley")
    first = V("Tel Aviv Cinematheque", "Toy Story", "", "1995")
    dune2 = V("Yes Planet", "Dune: Part Two", "חולית: חלק שני", "2024")
    dune2b = V("Hot Cinema", "Dune Part 2", "חולית חלק ב", "2024")
    dune1 = V("Jerusalem Cinematheque", "Dune", "חולית", "2021")
    variants = [five, five_rh, four, first, dune2, dune2b, dune1]
    assert together(variants, five, five_rh)
    assert together(variants, dune2, dune2b)
    assert apart(variants, five, four)
    assert apart(variants, five, first)
    assert apart(variants, dune2, dune1)


def test_same_title_different_films_are_told_apart_by_year_and_director() -> None:
    classic = V("Hot Cinema", "Superman - 1978", "סינמה נוסטלגיה - סופרמן 1978", "1978", runtime="143")
    classic_jlem = V("Jerusalem Cinematheque", "Superman", "סופרמן", director="Richard Donner", runtime="143")
    new = V("Yes Planet", "Superman", "סופרמן", "2025", "James Gunn", "129")
    new_rh = V("Rav Hen", "סופרמן", "סופרמן", "2025", runtime="129")
    variants = [classic, classic_jlem, new, new_rh]
    assert together(variants, classic, classic_jlem)
    assert together(variants, new, new_rh)
    assert apart(variants, classic, new)


def test_one_inconsistent_row_does_not_merge_two_films() -> None:
    toy = [V(c, "Toy Story 5", "צעצוע של סיפור 5", "2026") for c in ("Yes Planet", "Hot Cinema", "Lev Cinema")]
    elio = [V(c, "Elio", "אליו", "2026") for c in ("Yes Planet", "Hot Cinema", "MovieLand")]
    slip = V("Cinema City", "Toy Story 5", "אליו")  # English of one film, Hebrew of the other
    variants = [*toy, *elio, slip]
    assert together(variants, *toy)
    assert together(variants, *elio)
    assert apart(variants, toy[0], elio[0])
    # a scraper that pinned one Hebrew title on several films (seen at the Jerusalem Cinematheque)
    pinned = [
        V("Jerusalem Cinematheque", "Marketa Lazarova", "פזמון חוזר", director="František Vláčil", runtime="180"),
        V("Jerusalem Cinematheque", "Sentimental Value", "פזמון חוזר", director="Joachim Trier", runtime="132"),
        V("Jerusalem Cinematheque", "Power Ballad", "פזמון חוזר", director="John Carney", runtime="99"),
    ]
    power = V("Haifa Cinematheque", "POWER BALLAD", "פזמון חוזר", "2026")
    numbers = resolve([*pinned, power])
    assert len({numbers[v.key] for v in pinned}) == 3
    assert numbers[power.key] == numbers[pinned[2].key]
    refused = Resolution.of([*pinned, power]).refused
    assert {reason for _a, _b, reason in refused} <= {"director", "titles"} and refused


def test_a_typo_alone_is_not_enough_without_a_shared_fact() -> None:
    a = V("Tel Aviv Cinematheque", "Passengers", "", "2016")
    b = V("Jerusalem Cinematheque", "Passenger", "", "1975")
    c = V("Haifa Cinematheque", "Passenger", "", "")
    assert apart([a, b, c], a, b)
    assert apart([a, c], a, c)


def test_russian_versions_and_events_keep_their_own_entries() -> None:
    odyssey = V("Yes Planet", "The Odyssey", "האודיסאה", "2026")
    russian = V("MovieLand", "ОДИССЕЯ", "ОДИССЕЯ", "2026")
    standup = V("Hot Cinema", "Muhamad Naama", "מוחמד נעמה מגיע לעשות סטנדאפ ב-HOT CINEMA")
    variants = [odyssey, russian, standup]
    assert len(films(variants)) == 3
    clusters = Resolution.of(variants).clusters()
    assert [c.members[0].is_event for c in clusters if c.members[0].key == standup.key] == [True]


# --- properties -------------------------------------------------------------------------------


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(order=st.permutations(fixture_variants("596")))
def test_same_variants_in_any_order_give_the_same_numbers(order) -> None:
    assert resolve(order) == resolve(sorted(order, key=lambda v: v.key))


def test_variants_from_rows_take_the_most_common_evidence() -> None:
    rows = [
        {
            "cinema": "Lev Cinema",
            "english_title": "Mama",
            "hebrew_title": "מאמא",
            "release_year": "2025",
            "runtime": "93",
        },
        {
            "cinema": "Lev Cinema",
            "english_title": "Mama",
            "hebrew_title": "מאמא",
            "release_year": "2025",
            "runtime": "",
        },
        {
            "cinema": "Lev Cinema",
            "english_title": "Mama",
            "hebrew_title": "מאמא",
            "release_year": "2024",
            "runtime": "90",
        },
        {"cinema": "Lev Cinema", "english_title": "Mama ", "hebrew_title": "מאמא", "release_year": None},
    ]
    variants = variants_from_rows(rows)
    assert [v.key for v in variants] == [("Lev Cinema", "Mama", "מאמא"), ("Lev Cinema", "Mama ", "מאמא")]
    assert (variants[0].release_year, variants[0].runtime, variants[0].rows) == ("2025", "90", 3)


def test_duplicate_keys_resolve_the_same_whatever_their_order() -> None:
    a = V("Hot Cinema", "Mama", "מאמא", "2025")
    b = V("Hot Cinema", "Mama", "מאמא", "2013")
    other = V("Tel Aviv Cinematheque", "Mama", "", "2013")
    assert resolve([a, b, other]) == resolve([other, b, a])
