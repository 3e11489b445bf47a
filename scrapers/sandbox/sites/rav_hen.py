"""Rav Hen replica (Hebrew UI, RTL, at /rav_hen/): Hebrew titles, Hebrew labels and values."""

from __future__ import annotations

from scrapers.sandbox.sites.planet_platform import PlanetReplica
from scrapers.sandbox.vocab import language_hebrew, rating_hebrew
from scrapers.sites.nowplaying.rav_hen import BRANCH_CITIES


class RavHenReplica(PlanetReplica):
    name = "rav_hen"
    cinema = "Rav Hen"
    kind = "showtimes"
    start_path = "/"
    lang = "he"
    rtl = True
    key_column = "hebrew_title"
    location_label = "החלפת קולנוע"
    heading = "לוח הקרנות ב {branch}"
    branch_prefix = "רב חן "
    branch_names = {city: branch for branch, city in BRANCH_CITIES.items()}
    film_labels = ("שם בעברית", "ז'אנר", "שחקנים", "במאי", "שנת הפקה", "שפה", "הגבלת גיל")
    runtime_text = "אורך: {minutes} דקות"
    runtime_unknown = "יעודכן בקרוב"
    presale_text = "להזמנת כרטיסים במכירה מוקדמת בחרו בתאריך ההקרנה הרצוי"
    dub_text, sub_text = "מדובב", "כתוביות"
    weekday_names = ("יום שני", "יום שלישי", "יום רביעי", "יום חמישי", "יום שישי", "שבת", "יום ראשון")

    def show_language(self, value: str) -> str:
        return language_hebrew(value)

    def show_rating(self, value: str) -> str:
        return rating_hebrew(value)


REPLICA = RavHenReplica()
