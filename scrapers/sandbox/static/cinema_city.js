// Cinema City replica: the catalogue's "load more" link, and the quick-booking bar — five cascading
// <dl> dropdowns (dt > a opens, dd ul li a options) filled from window.CC_TREE, each level loaded a
// moment after the choice above it. A tiny Knockout stand-in: ko.dataFor(el) returns the data bound to
// the nearest element with data-ko (an option's item; the bar's view model with selected.hour()).
(function () {
  const registry = {};
  let next = 1;
  const bind = (obj) => { const id = String(next++); registry[id] = obj; return id; };
  function observable(value) {
    const f = function () { if (arguments.length) { f.value = arguments[0]; return undefined; } return f.value; };
    f.value = value;
    return f;
  }
  window.ko = { dataFor(el) {
    for (let node = el; node && node.getAttribute; node = node.parentElement) {
      const id = node.getAttribute("data-ko");
      if (id) return registry[id];
    }
    return undefined;
  } };
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));

  function loadMore() {
    const link = document.querySelector(".movie-more-wrapper a.more-movies");
    if (!link) return;
    let page = 1;
    const pages = parseInt(link.dataset.pages || "1", 10);
    link.addEventListener("click", (ev) => {
      ev.preventDefault();
      page += 1;
      fetch(`${link.dataset.api}page=${page}`).then((r) => r.text()).then((html) => Sandbox.later(200, () => {
        document.querySelector("#moviesContainer").insertAdjacentHTML("beforeend", html);
        if (page >= pages) link.style.display = "none";
      }));
    });
  }

  function quickBooking() {
    const bar = document.querySelector("#quickBooking");
    if (!bar || !window.CC_TREE) return;
    const ids = ["ddlCinema", "ddlType", "ddlMovie", "ddlDate", "ddlHour"];
    const children = ["types", "films", "days", "hours"];
    const names = ["cinema", "type", "movie", "date", "hour"];
    const vm = { selected: {} };
    names.forEach((n) => { vm.selected[n] = observable(null); });
    vm.selected.hour2 = observable(null);
    bar.setAttribute("data-ko", bind(vm));
    const placeholders = ids.map((id) => document.querySelector(`#${id} dt span`).textContent);
    const lists = ids.map((id) => document.querySelector(`#${id} dd ul`));
    const label = (item) => item.name || item.Time;
    function render(level, items) {
      const html = items.map((it) => `<li><a href="#" data-ko="${bind(it)}">${esc(label(it))}</a></li>`).join("");
      Sandbox.fill(lists[level], html);
    }
    function reset(from) {
      for (let l = from; l < ids.length; l++) {
        lists[l].innerHTML = "";
        lists[l].style.display = "none";
        document.querySelector(`#${ids[l]} dt span`).textContent = placeholders[l];
        vm.selected[names[l]](null);
      }
    }
    ids.forEach((id, level) => {
      document.querySelector(`#${id} dt a`).addEventListener("click", (ev) => {
        ev.preventDefault();
        lists[level].style.display = lists[level].style.display === "none" ? "block" : "none";
      });
      lists[level].addEventListener("click", (ev) => {
        const link = ev.target.closest("a");
        if (!link) return;
        ev.preventDefault();
        const item = ko.dataFor(link);
        vm.selected[names[level]](item);
        if (level === ids.length - 1) vm.selected.hour2(item);
        document.querySelector(`#${id} dt span`).textContent = label(item);
        lists[level].style.display = "none";
        reset(level + 1);
        if (level < ids.length - 1) Sandbox.later(60, () => render(level + 1, item[children[level]]));
      });
    });
    Sandbox.later(250, () => render(0, window.CC_TREE));
  }

  document.addEventListener("DOMContentLoaded", () => { loadMore(); quickBooking(); });
})();
