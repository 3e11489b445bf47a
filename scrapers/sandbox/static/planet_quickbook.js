// Planet quick-book page (replica): an inline datepicker (bootstrap classes day/old/new/disabled, th.next,
// data-date = UTC midnight ms) and the day's films loaded behind a loader. Config: window.QB.
document.addEventListener("DOMContentLoaded", function () {
  const picker = document.querySelector(".datepicker-inline");
  const enabled = new Set(QB.enabled);
  const iso = (d) => d.toISOString().slice(0, 10);
  let month = new Date(QB.first + "T00:00:00Z"); month.setUTCDate(1);
  function draw() {
    const start = new Date(month); start.setUTCDate(1 - start.getUTCDay());
    let rows = "";
    for (let w = 0; w < 6; w++) {
      rows += "<tr>";
      for (let d = 0; d < 7; d++) {
        const day = new Date(start); day.setUTCDate(start.getUTCDate() + w * 7 + d);
        const cls = ["day"];
        if (day.getUTCMonth() < month.getUTCMonth() || day.getUTCFullYear() < month.getUTCFullYear()) cls.push("old");
        else if (day.getUTCMonth() > month.getUTCMonth() || day.getUTCFullYear() > month.getUTCFullYear()) cls.push("new");
        if (!enabled.has(iso(day))) cls.push("disabled");
        rows += `<td class="${cls.join(" ")}" data-date="${day.getTime()}">${day.getUTCDate()}</td>`;
      }
      rows += "</tr>";
    }
    const title = month.toLocaleString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
    picker.innerHTML = `<div class="datepicker-days"><table class="table-condensed"><thead><tr>` +
      `<th class="prev">«</th><th class="datepicker-switch" colspan="5">${title}</th><th class="next">»</th>` +
      `</tr></thead><tbody>${rows}</tbody></table></div>`;
    picker.querySelector("th.next").addEventListener("click", () => { month.setUTCMonth(month.getUTCMonth() + 1); draw(); });
    picker.querySelector("th.prev").addEventListener("click", () => { month.setUTCMonth(month.getUTCMonth() - 1); draw(); });
    picker.querySelectorAll("td.day").forEach((td) => td.addEventListener("click", () => {
      if (td.classList.contains("disabled")) return;
      show(new Date(parseInt(td.getAttribute("data-date"), 10)));
    }));
  }
  function show(day) {
    const header = document.querySelector(".quickbook-section h5");
    const target = document.querySelector(".qb-movies");
    Sandbox.load(`${QB.api}?branch=${encodeURIComponent(QB.branch)}&date=${iso(day)}`, target, ".qb-loader").then(() => {
      const dd = String(day.getUTCDate()).padStart(2, "0"), mm = String(day.getUTCMonth() + 1).padStart(2, "0");
      header.textContent = `${QB.weekdays[(day.getUTCDay() + 6) % 7]} ${dd}/${mm}/${day.getUTCFullYear()}`;
    });
  }
  document.cookie = "planet_location=" + QB.branch + "; path=/";
  document.querySelector(".other-dates").addEventListener("click", () => { picker.style.display = "block"; draw(); });
  document.querySelectorAll(".day-btn").forEach((b) => b.addEventListener("click", () => show(new Date(b.dataset.date + "T00:00:00Z"))));
  show(new Date(QB.first + "T00:00:00Z"));
});
