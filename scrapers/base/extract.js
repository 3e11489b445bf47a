// Reads many fields of many elements in ONE browser round trip (scrapers/base/page.py: Page.extract).
// spec: {name: {css, attr, many, fields}} — css relative to the element ("" = the element itself),
// attr: attribute/property name or "text" (innerText, visible text) or "html"; nested `fields` make
// a list of records per match.
const [rootCss, spec, scope] = arguments;
function value(el, attr) {
  if (!el) return "";
  if (attr === "text" || !attr) return (el.innerText || el.textContent || "").replace(/\s+/g, " ").trim();
  if (attr === "html") return el.innerHTML;
  if (attr === "textContent") return (el.textContent || "").replace(/\s+/g, " ").trim();
  if (attr === "href" || attr === "src") return el[attr] || el.getAttribute(attr) || "";
  if (attr === "class") return el.className || "";
  const v = el.getAttribute(attr);
  return v === null ? "" : v;
}
function pick(el, css) { return css ? el.querySelectorAll(css) : [el]; }
function record(el, fields) {
  const out = {};
  for (const [name, f] of Object.entries(fields)) {
    const found = Array.from(pick(el, f.css));
    if (f.fields) out[name] = found.map((child) => record(child, f.fields));
    else if (f.many) out[name] = found.map((child) => value(child, f.attr));
    else out[name] = found.length ? value(found[0], f.attr) : null;
  }
  return out;
}
const base = scope || document;
return Array.from(base.querySelectorAll(rootCss)).map((el) => record(el, spec));
