"""Haifa Cinematheque replica: the monthly programme `/Events/trom/תוכנית_החודש` (ORIGINAL §1.8).

The programme is a Hebrew RTL page whose `#portfoliolist` gets its first items from JavaScript after
a delay; more come by infinite scroll: when `#ajaxFetcher` scrolls into view the next chunk is
fetched and appended (tall items, so scrolling is needed); the fetcher is removed after the last
chunk. Each `#portfoliolist > div` links (`a.ethos-more`) to an event page = one screening: Hebrew
`h1.slide_title`, English `.slide_info_event .slide_content` (mostly ALL CAPS, sometimes empty),
`.event-details-date` ("יום שלישי, 04.08.26"), `.event-details-time`, the year as the first `strong`
of `.event-details-content` (absent when unknown) and `section.event-info a.ticketsPopup`
(`…/BuyTickets.php?event=N`; two events may share one ticket id, as on the live site).
"""

from __future__ import annotations

from datetime import date

from scrapers.sandbox.html import attrs, document, h
from scrapers.sandbox.replica import Replica, Request, Response, not_found

PROGRAMME = "/Events/trom/תוכנית_החודש"
CHUNK = 8
WEEKDAYS = ("יום שני", "יום שלישי", "יום רביעי", "יום חמישי", "יום שישי", "שבת", "יום ראשון")
STYLE = "<style>#portfoliolist > div { min-height: 260px; border-bottom: 1px solid #ccc; }</style>"
SCROLL_JS = """
<script>
(function () {
  const cfg = window.HAIFA, chaos = new Set((window.SANDBOX || {}).chaos || []);
  let next = 1, busy = false;
  function append(html, last) {
    const list = document.querySelector("#portfoliolist");
    if (!list) return;
    list.insertAdjacentHTML("beforeend", html);
    if (chaos.has("stale")) Sandbox.later(200, () => { list.innerHTML = list.innerHTML; });
    const fetcher = document.querySelector("#ajaxFetcher");
    if (last && fetcher) fetcher.remove();
  }
  function fetchMore() {
    if (busy || !document.querySelector("#ajaxFetcher")) return;
    busy = true;
    fetch(`${cfg.api}?page=${next}`).then((r) => r.text().then((html) => [html, r.headers.get("X-Last") === "1"]))
      .then(([html, last]) => Sandbox.later(200, () => { next += 1; append(html, last); busy = false; watch(); }));
  }
  const observer = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) fetchMore(); });
  function watch() {
    const fetcher = document.querySelector("#ajaxFetcher");
    if (fetcher) { observer.unobserve(fetcher); observer.observe(fetcher); }
  }
  document.addEventListener("DOMContentLoaded", () => Sandbox.later(300, () => { fetchMore(); }));
})();
</script>"""


class HaifaReplica(Replica):
    name = "haifa_cinematheque"
    cinema = "Haifa Cinematheque"
    kind = "showtimes"
    start_path = PROGRAMME

    def load(self, rows: list[dict[str, str]], today: date) -> None:
        self.today = today
        self.events = sorted(rows, key=lambda r: (r.get("date_of_showing", ""), r.get("showtime", "")))

    def handle(self, request: Request) -> Response:
        path = request.path.rstrip("/")
        if path == PROGRAMME:
            return Response(self.programme(request))
        if path == "/ajax/programme":
            return self.chunk(request)
        if path.startswith("/Events/Event/"):
            number = path.rsplit("/", 1)[-1]
            if number.isdigit() and int(number) < len(self.events):
                return Response(self.event_page(request, int(number)))
        return not_found()

    def programme(self, request: Request) -> str:
        listing = "" if request.has("missing") else '<div id="portfoliolist"></div>'
        body = f"""
<header><span>סינמטק חיפה</span> <nav><a href="/{self.name}{PROGRAMME}">תוכנית החודש</a></nav></header>
<h1>תוכנית החודש</h1>
{listing}
<div id="ajaxFetcher">טוען אירועים נוספים…</div>
<script>window.HAIFA = {{"api": "/{self.name}/ajax/programme"}};</script>{SCROLL_JS}"""
        return document("תוכנית החודש – סינמטק חיפה", body, lang="he", rtl=True, config=request.config(),
                        head=STYLE)

    def chunk(self, request: Request) -> Response:
        try:
            number = max(int(request.query.get("page", "1")), 1)
        except ValueError:
            number = 1
        start = (number - 1) * CHUNK
        items = "".join(self.item(index) for index in range(start, min(start + CHUNK, len(self.events))))
        if not self.events:
            items = '<p class="no-events">אין אירועים החודש</p>'
        last = start + CHUNK >= len(self.events)
        return Response(items, headers={"X-Last": "1" if last else "0"})

    def item(self, index: int) -> str:
        row = self.events[index]
        when = date.fromisoformat(row["date_of_showing"]) if row.get("date_of_showing") else None
        day = f"{WEEKDAYS[when.weekday()]}, {when.strftime('%d.%m.%y')}" if when else ""
        return (
            f'<div class="portfolio col-md-4"><div class="portfolio-date">{h(day)} {h(row.get("showtime"))}</div>'
            f'<h3 class="portfolio-title">{h(row.get("hebrew_title"))}</h3>'
            f'<a class="ethos-more"{attrs(href=f"/{self.name}/Events/Event/{index}")}>לפרטים נוספים</a></div>'
        )

    def event_page(self, request: Request, index: int) -> str:
        row = self.events[index]
        when = date.fromisoformat(row["date_of_showing"])
        year = f"<strong>{h(row['release_year'])}</strong>, " if row.get("release_year") else ""
        body = f"""
<header><span>סינמטק חיפה</span></header>
<section class="slide"><h1 class="slide_title">{h(row.get("hebrew_title"))}</h1>
  <div class="slide_info_event"><div class="slide_content">{h(row.get("english_title"))}</div></div></section>
<section class="event-info">
  <div class="event-details-date">{h(WEEKDAYS[when.weekday()])}, {when.strftime('%d.%m.%y')}</div>
  <div class="event-details-time">{h(row.get("showtime"))}</div>
  <a class="ticketsPopup"{attrs(href=row.get("english_href"))}>לרכישת כרטיסים</a>
</section>
<div class="event-details-content"><p>{year}אורך הסרט יפורסם בהמשך</p>
  <p>הקרנה בסינמטק חיפה. <strong>מומלץ</strong></p></div>"""
        return document(f"{row.get('hebrew_title')} – סינמטק חיפה", body, lang="he", rtl=True,
                        config=request.config())


REPLICA = HaifaReplica()
