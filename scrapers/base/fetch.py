"""Reading a second page without leaving the current one: fetch its HTML from inside the browser and
run `Page.extract` on the parsed document.

For values a site serves in the page's HTML itself (not rendered later by JavaScript), e.g. the
Hebrew title of Lev's Hebrew page next to the English one: one request instead of a full page load
(no scripts, images or rendering), same cookies and origin as the browser. An HTTP error answer
raises `SiteErrorPage` (transient), like opening the page would.
"""

from __future__ import annotations

import json

from scrapers.base.errors import SiteErrorPage
from scrapers.base.page import EXTRACT_JS, Field, Page

FETCH_JS = """
const [url, rootCss, spec] = arguments;
const done = arguments[arguments.length - 1];
const extract = new Function(%s);
fetch(url, {credentials: "same-origin"})
  .then((response) => response.text().then((html) => ({status: response.status, html})))
  .then(({status, html}) => {
    if (status >= 400) { done({error: "HTTP " + status}); return; }
    const doc = new DOMParser().parseFromString(html, "text/html");
    done({rows: extract(rootCss, spec, doc)});
  })
  .catch((error) => done({error: String(error)}));
"""


def fetch_extract(page: Page, url: str, root_css: str, fields: dict[str, Field]) -> list[dict]:
    """`page.extract(root_css, fields)` on the HTML served at `url` (the browser stays where it is)."""
    spec = {name: f.spec() for name, f in fields.items()}
    page.last_selector = root_css
    answer = page.driver.execute_async_script(FETCH_JS % json.dumps(EXTRACT_JS), url, root_css, spec) or {}
    if "error" in answer:
        raise SiteErrorPage(f"error fetching {url}: {answer['error']}")
    return answer.get("rows") or []
