"""Holon Cinematheque replica: the paged events calendar `/screening-and-events/` (ORIGINAL §1.8).

The live scraper was disabled in the old pipeline, so there are no real rows: the bundled and
unseen data are SYNTHETIC (`*-synthetic.csv`), built from the facts in ORIGINAL §1.8.

The calendar shows one week per page (`.calendar-range` "04.08 – 10.08"); `button.calendar-next`
loads the next week by AJAX behind a loader into `#activities`, one `article.entry-activity` link
per screening (a film showing twice in a week is listed twice). Each activity page has the Hebrew
`h1.entry-title`, the English title in one of the site's layouts (one `h2.english-title`; the title
in its `strong` followed by a note; two `h2.english-title`, a heading then the title; none for
Hebrew-only films), the details list (item 1 "משך: N דקות", item 2 "שנת הפקה: YYYY | …"), the
screenings as JSON in `form.single-buy-now-form[data-dates]` ({id: "dd.mm.yyyy GMT HH:MM"}) and
the buy link `a.single-buy-btn`.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

from scrapers.sandbox.html import attrs, document, h
from scrapers.sandbox.replica import Replica, Request, Response, not_found

WEEKS = 8
CALENDAR_JS = """<script>
document.addEventListener("DOMContentLoaded", function () {
  const cfg = window.HOLON, label = document.querySelector(".calendar-range");
  const list = document.querySelector("#activities"), next = document.querySelector("button.calendar-next");
  let week = 0;
  function show() {
    next.disabled = week >= cfg.weeks - 1;
    if (!list) return;
    Sandbox.load(`${cfg.api}?week=${week}`, list, ".calendar-loader")
      .then(() => { label.textContent = cfg.labels[week]; });
  }
  next.addEventListener("click", (e) => { e.preventDefault(); if (week < cfg.weeks - 1) { week += 1; show(); } });
  show();
});
</script>"""


class HolonReplica(Replica):
    name = "holon_cinematheque"
    cinema = "Holon Cinematheque"
    kind = "showtimes"
    start_path = "/screening-and-events/"

    def load(self, rows: list[dict[str, str]], today: date) -> None:
        self.today = today
        activities: dict[tuple[str, str, str], list[dict[str, str]]] = {}
        for row in rows:
            key = (row.get("hebrew_title", ""), row.get("english_title", ""), row.get("english_href", ""))
            activities.setdefault(key, []).append(row)
        self.activities = list(activities.values())  # activity number = position

    def week(self, number: int) -> tuple[date, date]:
        start = self.today + timedelta(days=7 * number)
        return start, start + timedelta(days=6)

    def handle(self, request: Request) -> Response:
        if request.path.rstrip("/") == "/screening-and-events":
            return Response(self.calendar(request))
        if request.path == "/api/activities":
            week = request.query.get("week", "0")
            return Response(self.week_items(int(week) if week.isdigit() else 0))
        match = re.fullmatch(r"/activity/(\d+)/?", request.path)
        if match and int(match.group(1)) < len(self.activities):
            return Response(self.activity_page(request, int(match.group(1))))
        return not_found()

    def calendar(self, request: Request) -> str:
        labels = [f"{a.strftime('%d.%m')} – {b.strftime('%d.%m')}" for a, b in map(self.week, range(WEEKS))]
        config = {"api": f"/{self.name}/api/activities", "weeks": WEEKS, "labels": labels}
        listing = "" if request.has("missing") else '<div id="activities"></div>'
        body = f"""
<header><span>סינמטק חולון</span> <nav><a href="/{self.name}/screening-and-events/">הקרנות ואירועים</a></nav></header>
<h1>הקרנות ואירועים</h1>
<div class="events-calendar"><button class="calendar-prev" disabled>הקודם</button>
  <span class="calendar-range"></span><button class="calendar-next">הבא</button></div>
<div class="calendar-loader loader">טוען…</div>
{listing}
<script>window.HOLON = {json.dumps(config, ensure_ascii=False)};</script>{CALENDAR_JS}"""
        return document("הקרנות ואירועים – סינמטק חולון", body, lang="he", rtl=True, config=request.config())

    def week_items(self, number: int) -> str:
        start, end = self.week(number)
        shows = sorted((r["date_of_showing"], r.get("showtime", ""), n) for n, rows in enumerate(self.activities)
                       for r in rows if start.isoformat() <= r.get("date_of_showing", "") <= end.isoformat())
        if not shows:
            return '<p class="no-activities">אין אירועים בשבוע זה</p>'
        return "".join(
            f'<article class="entry-activity"><span class="activity-date">{h(day)} {h(time)}</span> '
            f'<a{attrs(href=f"/{self.name}/activity/{n}/")}>{h(self.activities[n][0].get("hebrew_title"))}</a>'
            f"</article>" for day, time, n in shows
        )

    def english_heading(self, number: int) -> str:
        title = self.activities[number][0].get("english_title", "")
        if not title:
            return ""
        layout = number % 3
        if layout == 1:
            return f'<h2 class="english-title"><strong>{h(title)}</strong> – Israeli premiere</h2>'
        if layout == 2:
            return ('<h2 class="english-title">Holon Cinematheque presents</h2>'
                    f'<h2 class="english-title">{h(title)}</h2>')
        return f'<h2 class="english-title">{h(title)}</h2>'

    def activity_page(self, request: Request, number: int) -> str:
        rows = self.activities[number]
        row = rows[0]
        dates = {str(9000 + 10 * number + i):
                 f"{date.fromisoformat(r['date_of_showing']).strftime('%d.%m.%Y')} GMT {r.get('showtime', '')}"
                 for i, r in enumerate(rows)}
        runtime = f"{row['runtime']} דקות" if row.get("runtime") else "—"
        body = f"""
<header><span>סינמטק חולון</span></header>
<article class="activity">
  <h1 class="entry-title">{h(row.get("hebrew_title"))}</h1>
  {self.english_heading(number)}
  <ul class="activity-details"><li>משך: {h(runtime)}</li>
    <li>שנת הפקה: {h(row.get("release_year") or "—")} | ארץ: צרפת</li><li>שפה: מקור, כתוביות בעברית</li></ul>
  <form class="single-buy-now-form"{attrs(data_dates=json.dumps(dates))}>
    <a class="single-buy-btn"{attrs(href=row.get("english_href"))}>לרכישת כרטיסים</a></form>
</article>"""
        return document(f"{row.get('hebrew_title')} – סינמטק חולון", body, lang="he", rtl=True,
                        config=request.config())


REPLICA = HolonReplica()
