// Hot Cinema branch page (replica): a dropdown datepicker in bootstrap-datepicker markup on
// `.datepicker-wrapper input` (opens on the month of the chosen day; two months; td.day old/new/disabled,
// data-date = UTC midnight ms), the day's schedule fetched behind `.schedule-loader`, and a Vue stand-in:
// every showtime button (data-v-id) is a component whose `event` holds its EventId (`el.__vue__`).
document.addEventListener("DOMContentLoaded", function () {
  const input = document.querySelector(".datepicker-wrapper input");
  const target = document.querySelector("#schedule");
  if (!input || !window.HC) return;
  const enabled = new Set(HC.enabled);
  const iso = (d) => d.toISOString().slice(0, 10);
  const today = new Date(HC.today + "T00:00:00Z");
  const min = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  const max = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 2, 0));
  let selected = new Date(HC.first + "T00:00:00Z");
  let view = null;
  let components = {};
  Object.defineProperty(Element.prototype, "__vue__", { configurable: true, get() {
    const vid = this.getAttribute && this.getAttribute("data-v-id");
    if (vid && components[vid]) return { $props: { event: components[vid] } };
    if (this.id === "schedule-app") return { $data: { events: Object.values(components) } };
    return undefined;
  } });

  function picker() {
    let el = document.querySelector(".datepicker-dropdown");
    if (!el) {
      el = document.createElement("div");
      el.className = "datepicker datepicker-dropdown dropdown-menu";
      el.style.cssText = "position:absolute;top:140px;right:40px;background:#fff;z-index:700;display:none";
      document.body.appendChild(el);
    }
    return el;
  }
  function draw() {
    const el = picker();
    const start = new Date(view); start.setUTCDate(1 - start.getUTCDay());
    let rows = "";
    for (let w = 0; w < 6; w++) {
      rows += "<tr>";
      for (let d = 0; d < 7; d++) {
        const day = new Date(start); day.setUTCDate(start.getUTCDate() + w * 7 + d);
        const cls = ["day"];
        if (day < view) cls.push("old");
        else if (day.getUTCMonth() !== view.getUTCMonth()) cls.push("new");
        if (!enabled.has(iso(day)) || day < min || day > max) cls.push("disabled");
        if (iso(day) === iso(selected)) cls.push("active");
        rows += `<td class="${cls.join(" ")}" data-date="${day.getTime()}">${day.getUTCDate()}</td>`;
      }
      rows += "</tr>";
    }
    const last = new Date(Date.UTC(view.getUTCFullYear(), view.getUTCMonth() + 1, 1)) > max;
    const title = `${HC.months[view.getUTCMonth()]} ${view.getUTCFullYear()}`;
    el.innerHTML = `<div class="datepicker-days"><table class="table-condensed"><thead><tr>` +
      `<th class="prev">«</th><th class="datepicker-switch" colspan="5">${title}</th>` +
      `<th class="next${last ? " disabled" : ""}"${last ? ' style="visibility:hidden"' : ""}>»</th></tr></thead>` +
      `<tbody>${rows}</tbody></table></div>`;
  }
  function open() {
    view = new Date(Date.UTC(selected.getUTCFullYear(), selected.getUTCMonth(), 1));
    draw();
    picker().style.display = "block";
  }
  picker().addEventListener("click", (ev) => {
    const cell = ev.target.closest("td.day, th.next, th.prev");
    if (!cell) return;
    if (cell.matches("th.next") && !cell.classList.contains("disabled")) { view.setUTCMonth(view.getUTCMonth() + 1); draw(); }
    else if (cell.matches("th.prev")) { view.setUTCMonth(view.getUTCMonth() - 1); draw(); }
    else if (cell.matches("td.day") && !cell.classList.contains("disabled")) {
      picker().style.display = "none";
      show(new Date(parseInt(cell.getAttribute("data-date"), 10)));
    }
  });
  function show(day) {
    selected = day;
    const dd = String(day.getUTCDate()).padStart(2, "0"), mm = String(day.getUTCMonth() + 1).padStart(2, "0");
    input.value = `${dd}/${mm}/${day.getUTCFullYear()}`;
    if (!target) return;
    Sandbox.load(`${HC.api}?theater=${HC.theater}&date=${iso(day)}`, target, ".schedule-loader").then(() => {
      const data = target.querySelector("script.vue-events");
      components = data ? JSON.parse(data.textContent) : {};
    });
  }
  input.addEventListener("click", open);
  input.addEventListener("focus", open);
  show(selected);
});
