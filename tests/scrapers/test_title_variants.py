"""Base additions used by Cinema City / Hot Cinema: version markers in titles, placeholder runtimes,
and the forbidden-page markers (pure functions; the browser side is proven by the round trips)."""

from __future__ import annotations

import pytest

from scrapers.base.access import FORBIDDEN_MARKERS
from scrapers.base.datepicker import cell_date
from scrapers.base.runtimes import runtime_minutes
from scrapers.base.variants import variant_of


@pytest.mark.parametrize(("printed", "title", "dub", "subtitles", "dimension"), [
    ("ספיידרמן: יום חדש מדובב לצרפתית", "ספיידרמן: יום חדש", "French", "", "2D"),
    ("מיניונים ומפלצות מדובב לעברית", "מיניונים ומפלצות", "Hebrew", "", "2D"),
    ("מואנה (לייב אקשן) מדובב", "מואנה (לייב אקשן)", "Hebrew", "", "2D"),
    ("האחד והיחיד שלי כתוביות ברוסית", "האחד והיחיד שלי", "", "Russian", "2D"),
    ("אווטאר תלת מימד HFR", "אווטאר", "", "", "3D HFR"),
    ("קופה ראשית: הסרט אנגלית", "קופה ראשית: הסרט", "", "", "2D"),
    ("Toy Story 5", "Toy Story 5", "", "", "2D"),
])
def test_version_markers_become_fields(printed: str, title: str, dub: str, subtitles: str, dimension: str) -> None:
    variant = variant_of(printed)
    assert (variant.title, variant.dub_language, variant.subtitles, variant.dimension) == (
        title, dub, subtitles, dimension)


def test_foreign_dubbing_is_not_read_as_hebrew_dubbing() -> None:
    assert variant_of("הקרודים מדובב לערבית").dub_language == "Arabic"
    assert variant_of("X מדובב לרוסית").dub_language == "Russian"


@pytest.mark.parametrize(("text", "minutes"), [("120 דקות", "120"), ("0 דקות", ""), ("", ""), ("יעודכן", ""),
                                               ("090", "90")])
def test_placeholder_runtimes_are_unknown(text: str, minutes: str) -> None:
    assert runtime_minutes(text) == minutes
    assert runtime_minutes("120", placeholders=("120",)) == ""


def test_picker_cells_and_refusals() -> None:
    assert cell_date("1785801600000").isoformat() == "2026-08-04"
    assert cell_date(None) is None
    assert "http error 403" in FORBIDDEN_MARKERS
