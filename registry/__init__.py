"""The job catalogue: every group, job and plan the executor can run (`kartiseret list`)."""

from __future__ import annotations

from functools import cache

from registry import cinematheques, comingsoon, dataflows, maintenance, nowplaying, selfcheck
from registry.catalogue import Catalogue, Group

GROUP_ORDER = (comingsoon, nowplaying, cinematheques, dataflows, maintenance, selfcheck)

PLANS = {
    "daily": ("comingsoon", "nowplaying", "cinematheques", "dataflows", "maintenance"),
    "scrape": ("comingsoon", "nowplaying", "cinematheques"),
    "data": ("dataflows", "maintenance"),
    "selfcheck": ("selfcheck",),
}
PLAN_DESCRIPTIONS = {
    "daily": "the default daily plan: coming soon → now playing → cinematheques → dataflows → maintenance",
    "scrape": "every scraper, no dataflows",
    "data": "dataflows and maintenance over what is already stored",
    "selfcheck": "engine self-check jobs",
}


@cache
def load_catalogue() -> Catalogue:
    groups: dict[str, Group] = {module.GROUP.name: module.GROUP for module in GROUP_ORDER}
    return Catalogue(groups=groups, plans=dict(PLANS), plan_descriptions=dict(PLAN_DESCRIPTIONS))


__all__ = ["Catalogue", "Group", "load_catalogue"]
