// Reads many fields of many elements in ONE browser round trip (scrapers/base/page.py: Page.extract).
// spec: {name: {css, attr, many, fields}} — css relative to the element ("" = the element itself),
// attr: attribute/property name or "text" (innerText, visible text) or "html"; nested `fields` make
// a list of records per match. attr "ko:<path>" / "vue:<path>": the data a JavaScript framework bound
// to the element (Knockout `ko.dataFor(el)`; Vue: the nearest `__vue__` walking up), read at the
// dotted path with observables unwrapped and `$props`/`$data` looked into — null when nothing is bound.
const [rootCss, spec, scope] = arguments;
function bound(el, attr) {
  const [framework, path] = [attr.slice(0, attr.indexOf(":")), attr.slice(attr.indexOf(":") + 1)];
  const unwrap = (v) => (typeof v === "function" && v.length === 0 ? v() : v);
  let data = null;
  if (framework === "ko") data = window.ko && window.ko.dataFor ? window.ko.dataFor(el) : null;
  else for (let n = el; n && !data; n = n.parentElement) data = n.__vue__ || (n.__vueParentComponent || {}).proxy;
  for (const part of path.split(".")) {
    if (data === null || data === undefined) return null;
    let next = unwrap(data)[part];
    if (next === undefined && data.$props) next = data.$props[part];
    if (next === undefined && data.$data) next = data.$data[part];
    data = unwrap(next);
  }
  return data === undefined ? null : data;
}
function value(el, attr) {
  if (!el) return "";
  if (/^(ko|vue):/.test(attr || "")) return bound(el, attr);
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
