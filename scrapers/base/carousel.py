"""Swiper carousels: read every real slide once, whatever the carousel shows or clones.

In loop mode Swiper clones slides at both ends (`swiper-slide-duplicate`, same
`data-swiper-slide-index` as the original), so reading the DOM naively doubles rows and a positional
walk ("start at index 0, stop at the next 0") drops slides when the clone count changes. All slides
are in the DOM, so one `extract` reads them; identity is the slide index, never the position.
"""

from __future__ import annotations

from scrapers.base.page import Field, Page

INDEX_ATTR = "data-swiper-slide-index"
DUPLICATE_CLASS = "swiper-slide-duplicate"


def read_carousel(page: Page, slides_css: str, fields: dict[str, Field]) -> list[dict]:
    """Each distinct slide of `slides_css` once (clones dropped), in slide-index order.

    Slides without an index (a carousel not in loop mode) are all kept, in page order.
    """
    spec = {**fields, "_index": Field("", INDEX_ATTR), "_class": Field("", "class")}
    seen: set[str] = set()
    slides: list[tuple[int, int, dict]] = []
    for position, slide in enumerate(page.extract(slides_css, spec)):
        index, classes = (slide.pop("_index") or "").strip(), slide.pop("_class") or ""
        if DUPLICATE_CLASS in classes.split():
            continue
        if index:
            if index in seen:
                continue
            seen.add(index)
        order = int(index) if index.isdigit() else position
        slides.append((order, position, slide))
    return [slide for _, _, slide in sorted(slides, key=lambda s: (s[0], s[1]))]
