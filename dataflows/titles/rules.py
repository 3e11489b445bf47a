"""The title rules, as data: every chain decoration, marker and event cue seen in real scrapes.

Each table row is (where it applies, pattern, what it means, note). The cleaner in `cleaner.py` only
interprets these tables, so a new quirk is a new row here plus a test case, never a new code branch.
Patterns are case-insensitive regular expressions; `SEP` is the separator chains put between a
decoration and the title (hyphen, en/em dash, colon, with or without spaces).

Sources: ORIGINAL.md §1.6–1.8 (what each scraper strips or tags) and §5.4 (quirks left in titles).
"""

from __future__ import annotations

from dataclasses import dataclass

SEP = r"\s*[-–—:]\s*"
QUOTE = r"[\"“”״„']"
HE = "hebrew"
EN = "english"
BOTH = "both"


@dataclass(frozen=True)
class Marker:
    """Text that says which version is screened: removed from the title, kept in `field`."""

    where: str
    pattern: str
    field: str  # dub_language | tech_marker | language_marker | subtitle_language
    value: str
    note: str
    requires: str = ""  # only when this field is already set (a marker paired across the two titles)


@dataclass(frozen=True)
class Decoration:
    """Chain or event wrapping around a film title: removed, the film stays."""

    where: str
    pattern: str
    note: str


@dataclass(frozen=True)
class EventCue:
    """Text that shows an entry is not a film (stand-up, kids' play, sports, opera, pseudo-titles)."""

    pattern: str
    note: str


# Versions: dubbing, subtitles, language and projection markers (longest phrasing first).
MARKERS: tuple[Marker, ...] = (
    Marker(HE, r"\(?\s*מדובב(?:ת|ים)? ל?צרפתית\s*\)?", "dub_language", "French", "dub_french"),
    Marker(HE, r"\(?\s*מדובב(?:ת|ים)? ל?רוסית\s*\)?", "dub_language", "Russian", "dub_russian"),
    Marker(HE, r"\(?\s*מדובב(?:ת|ים)? ל?ערבית\s*\)?", "dub_language", "Arabic", "dub_arabic"),
    Marker(HE, r"\(?\s*מדובב(?:ת|ים)?(?: ל?עברית)?\s*\)?", "dub_language", "Hebrew", "dub_hebrew"),
    Marker(HE, r"(?:דיבוב עברי|[-–—]\s*דיבוב\b|\(\s*דיבוב\s*\))", "dub_language", "Hebrew", "dub_hebrew"),
    Marker(BOTH, r"\(?\s*מדובב(?:ת|ים)?\s*\)?", "dub_language", "Hebrew", "dub_hebrew"),
    Marker(HE, r"(?:עם )?כתוביות (?:ב|ל)?צרפתית|תרגום (?:ל|ב)צרפתית", "subtitle_language", "French", "subs_french"),
    Marker(HE, r"(?:עם )?כתוביות (?:ב|ל)?רוסית|תרגום (?:ל|ב)רוסית", "subtitle_language", "Russian", "subs_russian"),
    Marker(HE, r"(?:^|\s|[-–—(])\s*אנגלית\s*\)?$", "language_marker", "English", "language_english"),
    Marker(HE, r"(?:^|\s|[-–—(])\s*רוסית\s*\)?$", "language_marker", "Russian", "language_russian"),
    Marker(HE, r"(?<=\S)\s+[-–—(]?\s*עברית\s*\)?$", "language_marker", "Hebrew", "language_hebrew"),
    Marker(EN, r"\s*[-–—(]?\s*(?:hebrew\s+)?dubb?(?:ed|ded|de)\b\s*\)?", "dub_language", "Hebrew", "dub_hebrew"),
    Marker(EN, r"\s*[-–—(]\s*(?:hebrew dub|heb dub)\s*\)?$", "dub_language", "Hebrew", "dub_hebrew"),
    Marker(EN, r"\s*[-–—]?\s*vos s[ée]ances en fran[çc]ais.*$", "dub_language", "French", "dub_french"),
    Marker(
        EN,
        r"\s*[-–—(]?\s*\b(?:eng(?:lish)?|heb(?:rew)?)\s*(?:[/&+]\s*(?:eng|heb)\w*\s*)?subs?\b\.?\s*\)?$",
        "subtitle_language",
        "Hebrew",
        "subs",
    ),
    Marker(
        BOTH,
        r"\s*[-–—(]\s*(?:eng|heb)(?:lish|rew)?\s*(?:subs?|subtitles)?\s*[.,]*\s*\)?$",
        "subtitle_language",
        "",
        "subtitle_suffix",
    ),
    Marker(EN, r"\s*[-–—(]\s*english(?: version)?\s*\)?$", "language_marker", "English", "language_english"),
    Marker(EN, r"\s+english$", "language_marker", "English", "language_english", requires="language_marker"),
    Marker(BOTH, r"(?:\bHFR\b)", "tech_marker", "HFR", "tech_hfr"),
    Marker(BOTH, r"\(?\s*(?:\b3D\b|תלת[- ]?מימד|תלת[- ]?ממד)\s*\)?", "tech_marker", "3D", "tech_3d"),
    Marker(BOTH, r"\(?\s*\b(?:IMAX|4DX|ScreenX)\b\s*\)?", "tech_marker", "", "tech_format"),
    Marker(BOTH, r"\(?\s*\b2D\b\s*\)?", "tech_marker", "", "tech_2d"),
)

# Chain and event wrappings (prefix patterns start with ^, suffix patterns end with $).
DECORATIONS: tuple[Decoration, ...] = (
    Decoration(BOTH, r"^סינמה נוסטלגי(?:ה)?" + SEP, "nostalgia_prefix"),
    Decoration(BOTH, r"^טרום[- ]בכורה(?:\s+[^-–—:]{1,25}?)?" + SEP, "premiere_prefix"),
    Decoration(BOTH, r"^הקרנ(?:ה|ת) (?:מיוחדת|בכורה|חגיגית|חוזרת)" + SEP, "special_screening_prefix"),
    Decoration(BOTH, r"^אירוע מיוחד" + SEP, "special_event_prefix"),
    Decoration(BOTH, r"^מועדון [^-–—:]{1,30}?" + SEP, "club_prefix"),
    Decoration(BOTH, r"^הורים (?:ב|ו)[^-–—:]{1,25}?" + SEP, "parents_club_prefix"),
    Decoration(
        BOTH, r"^(?:שבוע|פסטיבל) [^-–—:]{1,40}?" + SEP + r"(?:סרט ה(?:פתיחה|נעילה)" + SEP + ")?", "festival_prefix"
    ),
    Decoration(BOTH, r"^ט" + QUOTE + r"?ו ב?אב" + SEP, "holiday_prefix"),
    Decoration(HE, r"^[^:|]{2,40}? מציג(?:ה|ים|ות)?\s*:\s*", "presenter_prefix"),
    Decoration(HE, r"^(?:פעולה|אימה|קומדיה|קלאסיקה|אנימציה|דוקו|מדע בדיוני|נואר)\s*:\s*", "series_prefix"),
    Decoration(BOTH, r"^(?:הצגה|מופע)" + SEP, "show_prefix"),
    Decoration(BOTH, r"^(?:האופרה|אופרה|הבלט|בלט)" + SEP, "opera_prefix"),
    Decoration(BOTH, r"^movie\s*retro" + SEP, "retro_prefix"),
    Decoration(EN, r"^(?:cinema nostalgia|special screening|premiere|preview|sneak peek)" + SEP, "event_prefix"),
    Decoration(BOTH, r"\s*[-–—]?\s*הקרנה (?:רגישה|מונגשת)$", "sensory_screening"),
    Decoration(BOTH, r"\s*[-–—]?\s*(?:סינג[- ]?אלונג|sing[- ]?along)$", "singalong"),
    Decoration(BOTH, r"\s*[-–—]\s*ההקרנה של .*$", "private_screening"),
    Decoration(BOTH, r"\s*\((?:שלישי זהב|ללא תשלום למנויים|ללא תוספת למנויים|למנויים)\)", "member_note"),
    Decoration(BOTH, r"\s*\+\s*(?:הרצאה|שיחה|מפגש|דיון|פאנל|הופעה)\b.*$", "talk_suffix"),
    Decoration(HE, r"\s+בליווי (?:הופעה|הרצאה|שיחה|נגינה|מוזיקה).*$", "live_show_suffix"),
    Decoration(BOTH, r"\s+\|\s+.*$", "pipe_suffix"),
    Decoration(BOTH, r"\s*[-–—]\s*ההצגה$", "show_suffix"),
    Decoration(HE, r"\s*[-–—]\s*(?:אופרה|בלט) בקולנוע$", "opera_suffix"),
    Decoration(HE, r"\s+[-–—]\s+מבית (?:האופרה|הבלט|התיאטרון) .*$", "opera_house_suffix"),
)

# A film screened inside an event ("... + הקרנת הסרט "X"") is that film, not an event.
FILM_IN_EVENT = r"הקרנת (?:הסרט )?" + QUOTE + r"([^\"“”״„]+)" + QUOTE

# Cues that an entry is an event, not a film (matched on both raw titles).
EVENT_CUES: tuple[EventCue, ...] = (
    EventCue(r"סטנד[- ]?אפ|\bstand[- ]?up\b|מגיע(?:ה)? לעשות", "event_standup"),
    EventCue(r"^(?:הצגה|מופע)\s*[-–—:]|[-–—]\s*ההצגה$|הצגת ילדים", "event_play"),
    EventCue(r"^(?:האופרה|אופרה|הבלט|בלט)\s*[-–—:]|(?:אופרה|בלט) בקולנוע|\b(?:opera|ballet|bolshoi)\b", "event_opera"),
    EventCue(
        r"\bplanet\s*(?:semi\s*)?final\b|\bplanet\s*semi\b|\bsemi[- ]final\b|\bworld cup\b"
        r"|(?:^|\s)(?:גמר|חצי גמר|מונדיאל)(?:$|\s)",
        "event_sports",
    ),
    EventCue(r"^hot cinema$|^planet\s*sho[ew]+time", "event_pseudo_title"),
    EventCue(r"pirate water (?:park|fest)", "event_water_park"),
    EventCue(r"^ערב (?:אישי|תרבות|שירה|סטנדאפ)|^הרצאה\b|^פאנל\b|^panel\b", "event_talk"),
    EventCue(r"^שעת סיפור|חגיגות \d+ שנים|^מסיבת|חפלה", "event_kids_party"),
    EventCue(r"^(?:נתי הגעתי|חנן הגנן)", "event_kids_show"),
)

# A year a chain appended to tell two films apart ("Superman - 1978", "Jaws (1975)"): kept as evidence.
TITLE_YEAR: tuple[str, ...] = (r"\s*[-–—]\s*((?:19|20)\d\d)$", r"\s*\(((?:19|20)\d\d)\)$")
# Trailing characters a chain left after its own cut ("The Invite.", "פרנקי והמפלצות-"); an ellipsis stays.
TRAILING_JUNK: tuple[str, ...] = (r"[\s,;:\-–—_/\\]+$", r"(?<![.\s])\.$")
# Leading characters that RTL pages move to the front of a Latin title ("?Where Are You, Dear General").
LEADING_RTL_PUNCTUATION = r"^([?!.]+)\s*(?=[A-Za-z])"
