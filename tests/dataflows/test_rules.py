"""The value rule tables, checked against the quirks seen in real scraper rows (ORIGINAL §1.4, §5.4)."""

from __future__ import annotations

import pytest

from dataflows.rules.cities import CITIES, map_city
from dataflows.rules.languages import LANGUAGES, map_language
from dataflows.rules.links import check_link
from dataflows.rules.metadata import parse_runtime, parse_year, split_director
from dataflows.rules.ratings import RATINGS, map_rating
from dataflows.rules.screenings import SCREENING_TYPES, map_tech, map_type
from dataflows.validate import parse_date, parse_time
from tests.dataflows.helpers import FIXTURES, read_rows


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("EN", "English"),
        ("HEB", "Hebrew"),
        ("GER, EN", "German, English"),
        ("ES", "Spanish"),
        ("SV", "Swedish"),
        ("NO", "Norwegian"),
        ("CHI", "Chinese"),
        ("IT", "Italian"),
        ("ספרדית", "Spanish"),
        ("איטלקית", "Italian"),
        ("שבדית", "Swedish"),
        ("נורבגית", "Norwegian"),
        ("נורווגית", "Norwegian"),
        ("רוסית", "Russian"),
        ("английский", "English"),
        ("English", "English"),
        ("french", "French"),
        ("יעודכן בקרוב", ""),
        ("", ""),
    ],
)
def test_languages_become_one_vocabulary(raw: str, expected: str) -> None:
    assert map_language(raw) == (expected, True)


def test_unknown_language_is_kept_and_reported() -> None:
    assert map_language("Klingon") == ("Klingon", False)
    assert map_language("EN, Klingon") == ("English, Klingon", False)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("All", "All"),
        ("No limit", "All"),
        ("Allowed for all ages", "All"),
        ("מותר לכל", "All"),
        ("הותר לכל הגילאים", "All"),
        ("Нет возрастных ограничений", "All"),
        ("Возраст: הותר לכל הגילאים", "All"),
        ("Возраст: טרם נקבע", ""),
        ("הגבלת גיל: הותר מגיל 9", "9+"),
        ("הגבלת גיל: הותר מגיל 18 בהצגת תעודה מזהה", "18+"),
        ("הותר מגיל 16", "16+"),
        ("הגבלת גיל: עד גיל 8 בליווי מבוגר", "9+"),
        ("ליווי מבוגר עד גיל 8", "9+"),
        ("14+", "14+"),
        ("13+", "14+"),
        ("Other", ""),
        ("אחר", ""),
        ("טרם נקבע", ""),
        ("", ""),
    ],
)
def test_ratings_become_age_limits(raw: str, expected: str) -> None:
    assert map_rating(raw) == (expected, True)


def test_unknown_rating_is_empty_and_reported() -> None:
    assert map_rating("PG-13-ish?") == ("", False)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Lev Smadar", "Jerusalem"),
        ("Lev Daniel", "Herziliya"),
        ("לוח הקרנות ב רב חן גבעתיים", "Givatayim"),
        ("לוח הקרנות ב רב חן דיזינגוף", "Tel Aviv"),
        ("לוח הקרנות ב רב חן קרית אונו", "Kiryat Ono"),
        ("SCREENINGS FOR PLANET AYALON", "Ayalon"),
        ("SCREENINGS FOR PLANET RISHON LETZIYON", "Rishon Letzion"),
        ("SCREENINGS FOR PLANET ZICHRON YAAKOV", "Zichron Yaakov"),
        ("HOT CINEMA חיפה", "Haifa"),
        ("HOT CINEMA קריון", "Kiryat Bialik"),
        ("סינמה סיטי גלילות (VIP)", "Glilot"),
        ("סינמה סיטי ראשון לציון", "Rishon Letzion"),
        ('עזריאלי ת"א- Summer Sky', "Tel Aviv"),
        ('עזריאלי ת"א Summer Sky', "Tel Aviv"),
        ('הצוק ת"א', "Glilot"),
        ("עפולה", "Afula"),
        ("Givataim", "Givatayim"),
        ("Rishon Letzion", "Rishon Letzion"),
    ],
)
def test_branches_become_cities(raw: str, expected: str) -> None:
    assert map_city(raw) == (expected, True)


@pytest.mark.parametrize("raw", ["HOT CINEMA", "HOT CINEMA DREAM STAGE", "HOT CINEMA פופ אפ"])
def test_branches_without_a_known_city_keep_their_text(raw: str) -> None:
    assert map_city(raw) == (raw, False)


@pytest.mark.parametrize(
    ("raw_type", "raw_tech", "hall", "tech"),
    [
        ("IMAX2D", "IMAX2D", "Regular", "2D IMAX"),
        ("VIP LIGHT3D", "VIP LIGHT3D", "VIP Light", "3D"),
        ("4DX3D", "", "Regular", "3D 4DX"),
        ("2DSCREENX", "", "Regular", "2D ScreenX"),
        ("3DDOLBY ATMOS", "", "Regular", "3D Atmos"),
        ("VIP2D", "", "VIP", "2D"),
        ("רגיל", "2D רגיל", "Regular", "2D"),
        ("Lounge", "2D Lounge", "Lounge", "2D"),
        ("לא רק קולנוע", "2D", "Not Just Cinema", "2D"),
        ("Upgrade", "2D", "Upgrade", "2D"),
        ("Regular", "2D Atmos", "Regular", "2D Atmos"),
        ("", "", "Regular", "2D"),
    ],
)
def test_hall_class_and_projection_are_separated(raw_type: str, raw_tech: str, hall: str, tech: str) -> None:
    assert map_type(raw_type, raw_tech) == (hall, True)
    assert map_tech(raw_type, raw_tech) == tech


def test_title_tech_markers_reach_the_projection() -> None:
    assert map_tech("Regular", "2D", "3D HFR") == "3D HFR"


@pytest.mark.parametrize(
    ("raw", "cinema", "kind", "expected"),
    [
        ("0", "Hot Cinema", "showtime", (None, "placeholder")),
        ("0", "Jaffa Cinema", "showtime", (None, "placeholder")),
        ("120", "MovieLand", "comingsoon", (None, "placeholder")),
        ("120", "Yes Planet", "showtime", (120, "")),
        ("106", "Cinema City", "showtime", (106, "")),
        ("95 דק׳", "Herziliya Cinematheque", "showtime", (95, "")),
        ("9999", "Hot Cinema", "showtime", (None, "invalid")),
        ("", "MovieLand", "showtime", (None, "")),
    ],
)
def test_runtime_placeholders_are_unknown(raw: str, cinema: str, kind: str, expected: tuple) -> None:
    assert parse_runtime(raw, cinema, kind) == expected


def test_a_year_in_the_director_column_is_a_year() -> None:
    assert split_director("1969", "") == ("", "1969", True)
    assert split_director("2025", "2024") == ("", "2024", True)
    assert split_director("Christopher Nolan", "2026") == ("Christopher Nolan", "2026", False)
    assert parse_year("20261") == ""


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://tickets.hotcinema.co.il/site/1184/tickets?code=1184-None&languageid=en_gb", ("", True)),
        ("https://tickets.hotcinema.co.il/site/1195/tickets?code=1195-168759&languageid=he_IL", None),
        ("https://tickets5.planetcinema.co.il/order/294148?lang=en", None),
        ("javascript:alert(1)", ("", True)),
        ("", ("", False)),
    ],
)
def test_broken_ticket_links_are_blanked(raw: str, expected: tuple | None) -> None:
    assert check_link(raw) == (expected or (raw, False))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("2026-08-04", "2026-08-04"), ("2026-8-4", "2026-08-04"), ("4/8/2026", "2026-08-04"), ("04.08.26", "2026-08-04"),
     ("2026-02-30", ""), ("tomorrow", ""), ("", "")],
)  # fmt: skip
def test_dates_are_zero_padded_iso(raw: str, expected: str) -> None:
    assert parse_date(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("9:30", "09:30"), ("21:05", "21:05"), ("00:00", "00:00"), ("19:00:00", "19:00"), ("25:00", ""), ("8pm", "")],
)
def test_times_are_zero_padded(raw: str, expected: str) -> None:
    assert parse_time(raw) == expected


def test_every_real_value_lands_in_the_vocabularies() -> None:
    """Over every fixture row: languages, ratings, halls and cities map — except the known unmapped branches."""
    unmapped_cities = set()
    for path in sorted(FIXTURES.glob("*/*.csv")):
        for row in read_rows(path):
            for column in ("original_language", "dub_language"):
                name, known = map_language(row[column])
                assert known and (not name or all(part in LANGUAGES for part in name.split(", "))), row[column]
            rating, known = map_rating(row["rating"])
            assert known and (rating in RATINGS or rating == ""), row["rating"]
            if row["showtime"]:
                hall, known = map_type(row["screening_type"], row["screening_tech"])
                assert known and hall in SCREENING_TYPES, row["screening_type"]
                city, known = map_city(row["screening_city"])
                if known:
                    assert city in CITIES
                else:
                    unmapped_cities.add(city)
    assert unmapped_cities <= {"HOT CINEMA", "HOT CINEMA DREAM STAGE", "HOT CINEMA פופ אפ"}
