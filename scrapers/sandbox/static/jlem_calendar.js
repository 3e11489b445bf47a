// Jerusalem Cinematheque calendar (replica): clicking a date in #calender-filter shows the loader
// (.load-inner.loading), fetches that day's lobby blocks, then updates the date header. Config: window.JLEM.
document.addEventListener("DOMContentLoaded", function () {
  const header = document.querySelector(".calenders-filter-date p");
  const target = document.querySelector("#calendar-results");
  function show(li) {
    document.querySelectorAll("#calender-filter li").forEach((x) => x.classList.remove("active"));
    li.classList.add("active");
    const iso = li.getAttribute("data-iso");
    Sandbox.load(`${JLEM.api}?date=${iso}&lang=${JLEM.lang}`, target, ".load-inner").then(() => {
      header.textContent = li.getAttribute("data-header");
    });
  }
  document.querySelectorAll("#calender-filter li").forEach((li) => li.querySelector("a").addEventListener("click", (e) => {
    e.preventDefault(); show(li);
  }));
  const first = document.querySelector("#calender-filter li");
  if (first) show(first);
});
