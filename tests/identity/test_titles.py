"""Title cleaning on the quirks seen in real scrapes (ORIGINAL.md §5.4 and the shared runs)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dataflows.titles import CleanTitle, clean_title
from dataflows.titles.casing import display_case

# (cinema, english raw, hebrew raw) -> (english, hebrew, note that must fire)
DECORATIONS = [
    (
        "Hot Cinema",
        "Edward Scissorhands",
        "סינמה נוסטלגיה - המספריים של אדוארד",
        "Edward Scissorhands",
        "המספריים של אדוארד",
        "nostalgia_prefix",
    ),
    (
        "Hot Cinema",
        "One night only",
        'טרום בכורה בט"ו באב - לגמור את הלילה',
        "One night only",
        "לגמור את הלילה",
        "premiere_prefix",
    ),
    (
        "Lev Cinema",
        "A Brief Affair",
        "מועדון שבת בבוקר – שנת הבגידה שלי",
        "A Brief Affair",
        "שנת הבגידה שלי",
        "club_prefix",
    ),
    ("Lev Cinema", "The Invite.", "הורים בחופשת לידה – ההזמנה.", "The Invite", "ההזמנה", "parents_club_prefix"),
    ("Lev Cinema", "Frankie", "פרנקי והמפלצות-", "Frankie", "פרנקי והמפלצות", "punctuation"),
    (
        "Herziliya Cinematheque",
        "The Odyssey",
        "הקרנה מיוחדת: האודיסאה",
        "The Odyssey",
        "האודיסאה",
        "special_screening_prefix",
    ),
    ("Herziliya Cinematheque", "Frantz", "שבוע הקולנוע הצ'כי – סרט הפתיחה: פרנץ", "Frantz", "פרנץ", "festival_prefix"),
    (
        "Herziliya Cinematheque",
        "Hairspray",
        "אירוע מיוחד: היירספריי בליווי הופעה חיה על הבמה של עינת אזולאי וכפיר לוי",
        "Hairspray",
        "היירספריי",
        "live_show_suffix",
    ),
    ("Herziliya Cinematheque", "Trolls", "אירוע מיוחד: טרולים – סינג אלונג", "Trolls", "טרולים", "singalong"),
    (
        "Herziliya Cinematheque",
        "Drix's Brother",
        'סינמה שבת – אורח: הבמאי דורון צברי + הקרנת "האח של דריקס"',
        "Drix's Brother",
        "האח של דריקס",
        "film_in_event",
    ),
    ("Jaffa Cinema", "Dirty Dancing", "ט״ו באב – ריקוד מושחת", "Dirty Dancing", "ריקוד מושחת", "holiday_prefix"),
    (
        "Jaffa Cinema",
        "Searching for Haifa",
        "מחפש את חיפה – הסיפור של שמעון הולי | דוקאביב 2026",
        "Searching for Haifa",
        "מחפש את חיפה – הסיפור של שמעון הולי",
        "pipe_suffix",
    ),
    (
        "MovieLand",
        "MovieRetro- The Wolf of Wall Street",
        "הזאב מוול סטריט",
        "The Wolf of Wall Street",
        "הזאב מוול סטריט",
        "retro_prefix",
    ),
    (
        "Hot Cinema",
        "Minions & Monsters",
        "מיניונים ומפלצות עברית - הקרנה רגישה",
        "Minions & Monsters",
        "מיניונים ומפלצות",
        "sensory_screening",
    ),
    ("Tel Aviv Cinematheque", "?Where Are You, Dear General", "", "Where Are You, Dear General?", "", "punctuation"),
    ("Tel Aviv Cinematheque", "Eternal Afternoon,", "", "Eternal Afternoon", "", "punctuation"),
    ("Tel Aviv Cinematheque", "DODO | לגילאי 10-14 | פסטיבל אנימיקס 2026", "", "Dodo", "", "pipe_suffix"),
]

# (english raw, hebrew raw) -> (field, value, english, hebrew)
MARKERS = [
    (
        "Minions & Monsters (מדובב)",
        "מיניונים ומפלצות",
        "dub_language",
        "Hebrew",
        "Minions & Monsters",
        "מיניונים ומפלצות",
    ),
    ("Toy Story 5", "צעצוע של סיפור 5 מדובב לעברית", "dub_language", "Hebrew", "Toy Story 5", "צעצוע של סיפור 5"),
    ("The Croods", "הקרודים מדובב לערבית عائلة كرود مدبلج للعربية", "dub_language", "Arabic", "The Croods", "הקרודים"),
    ("Minions Dubbed", "מיניונים ומפלצות", "dub_language", "Hebrew", "Minions", "מיניונים ומפלצות"),
    (
        "Spider-Man: Brand New Day- Vos séances en français du film",
        "",
        "dub_language",
        "French",
        "Spider-Man: Brand New Day",
        "",
    ),
    ("Avatar 3D", "אווטאר תלת מימד", "tech_marker", "3D", "Avatar", "אווטאר"),
    ("The Odyssey HFR", "האודיסאה HFR תלת-ממד", "tech_marker", "3D HFR", "The Odyssey", "האודיסאה"),
    (
        "Minions & Monsters English",
        "מיניונים ומפלצות אנגלית",
        "language_marker",
        "English",
        "Minions & Monsters",
        "מיניונים ומפלצות",
    ),
    ("Superman - 1978", "סינמה נוסטלגיה - סופרמן 1978", "title_year", "1978", "Superman", "סופרמן 1978"),
]

EVENTS = [
    ("Muhamad Naama", "מוחמד נעמה מגיע לעשות סטנדאפ ב-HOT CINEMA", "event_standup"),
    ("חנן הגנן", "הצגה - חנן הגנן", "event_play"),
    ("הכל אני יכול בחופש הגדול - ההצגה", "הכל אני יכול בחופש הגדול - ההצגה", "event_play"),
    ("La Boheme", "האופרה: לה בוהם – מבית האופרה המלכותית", "event_opera"),
    ("PLANET FINAL", "", "event_sports"),
    ("Pirate Water Park", "Pirate Water Park", "event_water_park"),
    ("HOT CINEMA", "", "event_pseudo_title"),
    ("ערב אישי עם אליאור בילוקס", "ערב אישי עם אליאור בילוקס", "event_talk"),
]


@pytest.mark.parametrize(("cinema", "english", "hebrew", "want_english", "want_hebrew", "note"), DECORATIONS)
def test_decorations_are_peeled(cinema, english, hebrew, want_english, want_hebrew, note) -> None:
    clean = clean_title(english, hebrew, cinema)
    assert (clean.english, clean.hebrew) == (want_english, want_hebrew)
    assert note in clean.notes
    assert not clean.is_event


@pytest.mark.parametrize(("english", "hebrew", "field", "value", "want_english", "want_hebrew"), MARKERS)
def test_markers_move_into_fields(english, hebrew, field, value, want_english, want_hebrew) -> None:
    clean = clean_title(english, hebrew, "Hot Cinema")
    assert getattr(clean, field) == value
    assert (clean.english, clean.hebrew) == (want_english, want_hebrew)


@pytest.mark.parametrize(("english", "hebrew", "note"), EVENTS)
def test_non_film_events_are_recognised(english, hebrew, note) -> None:
    clean = clean_title(english, hebrew, "Hot Cinema")
    assert clean.is_event
    assert note in clean.notes


@pytest.mark.parametrize(
    ("english", "hebrew"),
    [
        ("Final Destination Bloodlines", "יעד סופי: קשרי דם"),
        ("Apocalypse Now: Final Cut", "אפוקליפסה עכשיו: הגרסה הסופית"),
        ("Hot Milk", "חלב חם"),
        ("The Operative", "הסוכנת"),
        ("Moss & Freud", 'אירוע מיוחד: הרצאה + הקרנת הסרט "מוס ופרויד"'),
    ],
)
def test_films_with_event_like_words_stay_films(english, hebrew) -> None:
    assert not clean_title(english, hebrew, "Hot Cinema").is_event


def test_hebrew_in_the_english_column_moves_to_hebrew() -> None:
    rav_hen = clean_title("ספיידרמן: יום חדש", "ספיידרמן: יום חדש", "Rav Hen")
    assert (rav_hen.english, rav_hen.hebrew) == ("", "ספיידרמן: יום חדש")
    assert "hebrew_in_english" in rav_hen.notes
    cinema_city = clean_title("סולטיז הסרט", "סולטיז הסרט-וולוג ה-100", "Cinema City")
    assert (cinema_city.english, cinema_city.hebrew, cinema_city.hebrew_alias) == (
        "",
        "סולטיז הסרט-וולוג ה-100",
        "סולטיז הסרט",
    )


def test_latin_in_the_hebrew_column_moves_to_english() -> None:
    clean = clean_title("", "Wham! 10 Days in China", "Yes Planet")
    assert (clean.english, clean.hebrew) == ("Wham! 10 Days in China", "")


def test_cyrillic_titles_mark_a_russian_version() -> None:
    movieland = clean_title("ОДИССЕЯ", "ОДИССЕЯ", "MovieLand")
    assert (movieland.english, movieland.hebrew, movieland.language_marker) == ("ОДИССЕЯ", "", "Russian")
    yes_planet = clean_title("", "ОЧЕНЬ СТРАШНОЕ КИНО 6 - Scary Movie 6", "Yes Planet")
    assert (yes_planet.english, yes_planet.hebrew, yes_planet.language_marker) == ("Scary Movie 6", "", "Russian")


@pytest.mark.parametrize(
    ("shouted", "cased"),
    [
        ("THE WOMAN WHO DIDN'T KNOW HOW TO LOVE", "The Woman Who Didn't Know How to Love"),
        ("SEARCHING FOR HAIFA - THE STORY OF SHIMON HOLLY", "Searching for Haifa - The Story of Shimon Holly"),
        ("SPIDERMAN: BRAND NEW DAY", "Spiderman: Brand New Day"),
        ("MASHA and THE BEAR – WONDER PARK", "Masha and the Bear – Wonder Park"),
        ("WALL·E", "Wall·E"),
        ("ROCKY II", "Rocky II"),
        ("E.T. THE EXTRA-TERRESTRIAL", "E.T. the Extra-Terrestrial"),
        ("AI", "AI"),
        ("Coyote Vs ACME", "Coyote Vs ACME"),
    ],
)
def test_all_caps_titles_get_display_casing(shouted, cased) -> None:
    assert display_case(shouted) == cased


def test_cleaning_a_clean_title_changes_nothing() -> None:
    for case in DECORATIONS:
        once = clean_title(case[1], case[2], case[0])
        twice = clean_title(once.english, once.hebrew, case[0])
        assert (twice.english, twice.hebrew) == (once.english, once.hebrew)


FRAGMENTS = st.sampled_from(
    [
        *"abcXYZ 0123-–:.,!?()|&'\"",
        *"אבגדהוזחטיכלמנסעפצקרשת",
        "מדובב",
        "3D",
        "HFR",
        "אנגלית",
        "סינמה נוסטלגיה - ",
        "ОДИССЕЯ",
        "\u200f",
        "[/]",
        "[@click=app.quit]",
        "\x00",
        "THE ",
        " The",
    ]
)
TEXT = st.lists(FRAGMENTS, max_size=20).map("".join)


@settings(max_examples=300, deadline=None)
@given(english=TEXT, hebrew=TEXT, cinema=st.sampled_from(["Hot Cinema", "Rav Hen", ""]))
def test_any_text_gives_a_clean_title(english, hebrew, cinema) -> None:
    clean = clean_title(english, hebrew, cinema)
    assert isinstance(clean, CleanTitle)
    for text in (clean.english, clean.hebrew):
        assert text == text.strip() and "  " not in text
    visible = "".join(c for c in english + hebrew if unicodedata.category(c) not in ("Cf", "Cc"))
    if visible.strip(" -–:.,|"):  # invisible marks (RLM, bidi overrides, NUL) alone are no title
        assert clean.english or clean.hebrew or clean.is_event
