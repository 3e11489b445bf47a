"""Sam Spiegel Cinema replica (cinema.jsfs.co.il): the Hebrew programme `/לוח-הקרנות/` (ORIGINAL §1.8).

The live scraper was disabled in the old pipeline ("Empty gathering_info table"; the screenshot shows
an empty programme box), so there are no real rows: the bundled and unseen data are SYNTHETIC
(`*-synthetic.csv`), built from the facts in ORIGINAL §1.8.

An Elementor loop grid (`.elementor-loop-container`, items `.e-loop-item`) filled by JavaScript
after a delay, six items at a time with a "load more" button (`.e-loop__load-more a`). Each item
is one screening: the heading "Hebrew | English" (some reversed "English | Hebrew", some with a
series name in the middle), the date "dd/mm" (no year), the time, and an info line such as
"דרמה | 2023 | 105 דקות | צרפת"; the heading links to the screening's page. A newsletter popup
(`.elementor-popup-modal`) opens over the page after a moment; an empty programme shows the dark
empty box of the screenshot.
"""

from __future__ import annotations

from datetime import date

from scrapers.sandbox.html import attrs, document, h
from scrapers.sandbox.replica import Replica, Request, Response, not_found

PROGRAMME = "/לוח-הקרנות"
CHUNK = 6
GENRES = ("דרמה", "קלאסיקה", "תיעודי")
LOAD_MORE_JS = """<script>
document.addEventListener("DOMContentLoaded", function () {
  const cfg = window.SSC, button = document.querySelector(".e-loop__load-more a");
  let page = 1;
  if (!button) return;
  button.addEventListener("click", (e) => {
    e.preventDefault();
    page += 1;
    fetch(`${cfg.api}?page=${page}`).then((r) => r.text().then((html) => [html, r.headers.get("X-Last") === "1"]))
      .then(([html, last]) => Sandbox.later(150, () => {
        const grid = document.querySelector(".elementor-loop-container");
        if (grid) grid.insertAdjacentHTML("beforeend", html);
        if (last) button.parentElement.style.display = "none";
      }));
  });
  if (cfg.single) button.parentElement.style.display = "none";
});
</script>"""


class SamSpiegelReplica(Replica):
    name = "sam_spiegel"
    cinema = "Sam Spiegel Cinema"
    kind = "showtimes"
    start_path = PROGRAMME + "/"

    def load(self, rows: list[dict[str, str]], today: date) -> None:
        self.today = today
        self.items = sorted(rows, key=lambda r: (r.get("date_of_showing", ""), r.get("showtime", "")))
        self.numbers = {title: n for n, title in enumerate(dict.fromkeys(r.get("english_title", "") for r in rows))}

    def handle(self, request: Request) -> Response:
        path = request.path.rstrip("/")
        if path == PROGRAMME:
            return Response(self.programme(request))
        if path == "/api/loop":
            page = request.query.get("page", "1")
            number = int(page) if page.isdigit() and int(page) > 0 else 1
            last = number * CHUNK >= len(self.items)
            return Response(self.chunk(number), headers={"X-Last": "1" if last else "0"})
        return not_found()

    def heading(self, row: dict[str, str]) -> str:
        hebrew, english = row.get("hebrew_title", ""), row.get("english_title", "")
        layout = self.numbers.get(english, 0) % 3
        if not english:
            return hebrew
        if layout == 1:
            return f"{english} | {hebrew}"
        if layout == 2:
            return f"{hebrew} | סינמטק קלאסיקות | {english}"
        return f"{hebrew} | {english}"

    def item(self, row: dict[str, str]) -> str:
        day = date.fromisoformat(row["date_of_showing"])
        number = self.numbers.get(row.get("english_title", ""), 0)
        info = " | ".join(p for p in (GENRES[number % len(GENRES)], row.get("release_year", ""),
                                      f"{row['runtime']} דקות" if row.get("runtime") else "") if p)
        link = f'<a{attrs(href=row.get("english_href"))}>{h(self.heading(row))}</a>'
        return (
            f'<div class="e-loop-item elementor-element"><h2 class="elementor-heading-title">{link}</h2>'
            f'<div class="elementor-widget-text-editor screening-date">{day.strftime("%d/%m")}</div>'
            f'<div class="elementor-widget-text-editor screening-time">{h(row.get("showtime"))}</div>'
            f'<div class="elementor-widget-text-editor screening-info"><p>{h(info)}</p></div></div>'
        )

    def chunk(self, number: int) -> str:
        return "".join(self.item(row) for row in self.items[(number - 1) * CHUNK:number * CHUNK])

    def programme(self, request: Request) -> str:
        month = self.today.strftime("%B")
        first = self.chunk(1)
        grid = "" if request.has("missing") else '<div class="elementor-loop-container elementor-grid"></div>'
        empty = "" if self.items else '<div class="e-loop-nothing-found-message"></div>'
        single = "true" if len(self.items) <= CHUNK else "false"
        body = f"""
<header><span>CINEMA by Sam Spiegel</span> <nav><a href="#">לוח הקרנות</a> <a href="#">CINEMA bar</a>
  <a href="#">Rooftop Cinema</a></nav></header>
<h1>לוח הקרנות — {h(month)}</h1>
{grid}{empty}
<template data-render-into=".elementor-loop-container" data-delay="250">{first}</template>
<div class="e-loop__load-more elementor-button-wrapper"><a class="elementor-button" href="#">טען עוד</a></div>
<div class="elementor-popup-modal sandbox-overlay"><div class="dialog-message">הירשמו לניוזלטר!
  <a class="dialog-close-button" href="#">×</a></div></div>
<script>window.SSC = {{"api": "/{self.name}/api/loop", "single": {single}}};
Sandbox.popup(".elementor-popup-modal", 500);</script>{LOAD_MORE_JS}"""
        return document("לוח הקרנות – CINEMA by Sam Spiegel", body, lang="he", rtl=True, config=request.config())


REPLICA = SamSpiegelReplica()
