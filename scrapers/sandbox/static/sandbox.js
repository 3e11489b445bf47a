// Shared behaviour of the replica sites: content that JavaScript renders after a delay, fragments
// loaded behind a loader, cookie banners that remember consent, and the chaos faults the page acts on
// (window.SANDBOX.chaos: "stale" re-renders content once more; "late-banner" shows banners late).
(function () {
  const cfg = window.SANDBOX || {};
  const chaos = new Set(cfg.chaos || []);
  const S = {};
  S.later = (ms, fn) => window.setTimeout(fn, ms);
  S.consented = () => document.cookie.indexOf("sandbox_consent=1") >= 0;

  // Put HTML into a container; with the "stale" fault, replace it once more shortly after, so any
  // element reference a scraper took in between goes stale.
  S.fill = function (target, html) {
    const el = typeof target === "string" ? document.querySelector(target) : target;
    if (!el) return;
    el.innerHTML = html;
    el.setAttribute("data-rendered", String(Date.now()));
    // re-render what is shown THEN (a newer fill may have happened meanwhile): same content, new nodes
    if (chaos.has("stale")) S.later(cfg.staleMs || 250, () => { el.innerHTML = el.innerHTML; });
  };

  // <template data-render-into="#id" data-delay="ms"> → rendered into #id after the delay.
  S.renderTemplates = function () {
    document.querySelectorAll("template[data-render-into]").forEach((tpl) => {
      const delay = parseInt(tpl.getAttribute("data-delay") || cfg.renderDelay || "300", 10);
      S.later(delay, () => S.fill(tpl.getAttribute("data-render-into"), tpl.innerHTML));
    });
  };

  // Fetch an HTML fragment behind a loader (the loader shows until the content is in).
  S.load = function (url, target, loader) {
    const spinner = loader ? document.querySelector(loader) : null;
    if (spinner) { spinner.classList.add("loading"); spinner.style.display = "block"; }
    return fetch(url, { credentials: "same-origin" })
      .then((r) => r.text())
      .then((html) => new Promise((resolve) => S.later(cfg.fragmentDelay || 80, () => {
        S.fill(target, html);
        if (spinner) { spinner.classList.remove("loading"); spinner.style.display = "none"; }
        resolve();
      })));
  };

  // A cookie banner (hidden in the HTML) shown after a delay unless consent was given; its accept
  // button hides it and remembers consent.
  S.banner = function (bannerSel, acceptSel, overlaySel) {
    if (S.consented()) return;
    const delay = chaos.has("late-banner") ? (cfg.lateBannerMs || 2500) : (cfg.bannerDelay || 200);
    S.later(delay, () => {
      const banner = document.querySelector(bannerSel);
      const overlay = overlaySel ? document.querySelector(overlaySel) : null;
      if (!banner) return;
      banner.style.display = "block";
      if (overlay) overlay.style.display = "block";
      const accept = document.querySelector(acceptSel);
      if (accept) accept.addEventListener("click", (ev) => {
        ev.preventDefault();
        document.cookie = "sandbox_consent=1; path=/";
        banner.style.display = "none";
        if (overlay) overlay.style.display = "none";
      });
    });
  };

  // Popups and chat widgets that pop up on their own a moment after load.
  S.popup = function (sel, delay) { S.later(delay || 400, () => { const p = document.querySelector(sel); if (p) p.style.display = "block"; }); };

  window.Sandbox = S;
  document.addEventListener("DOMContentLoaded", S.renderTemplates);
})();
