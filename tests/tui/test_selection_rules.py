"""Selection rules and the per-job history the runner selection shows (real SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.core.errors import ConfigError
from app.core.models import Attempt
from app.core.settings import Settings
from app.tui.job_stats import job_stats
from app.tui.selection_model import ALL, NONE, Selection, matches
from registry.catalogue import Group
from tests.tui.conftest import catalogue_of, job

SCRAPE = Group("scrape", "Scrapers", True, (job("yes_planet", "quick", "scrape"), job("lev", "quick", "scrape")))
DATA = Group("data", "Dataflows", False, (job("clean", "quick", "data", title="Clean titles"),))


def selection(*chosen: str) -> Selection:
    return Selection(catalogue_of(SCRAPE, DATA, daily=("scrape",)), chosen)


def test_presets_and_group_state() -> None:
    chosen = selection()
    chosen.apply_preset("daily")
    assert chosen.chosen == {"yes_planet", "lev"} and chosen.state(["yes_planet", "lev"]) == ALL
    chosen.toggle("lev")
    assert chosen.state(["yes_planet", "lev"]) == "some"
    chosen.apply_preset(ALL)
    assert chosen.ordered() == ["yes_planet", "lev", "clean"]
    chosen.apply_preset(NONE)
    assert chosen.state(["clean"]) == NONE and chosen.chosen == set()


def test_plan_is_named_when_it_matches_exactly() -> None:
    assert selection("yes_planet", "lev").plan().name == "daily"
    custom = selection("lev", "clean").plan()
    assert [j.name for j in custom.jobs] == ["lev", "clean"] and [s.group for s in custom.stages] == ["scrape", "data"]
    with pytest.raises(ConfigError):
        selection().plan()


def test_filter_matches_every_word_in_name_title_or_group() -> None:
    clean = DATA.jobs[0]
    assert matches(clean, DATA, "clean tit") and matches(clean, DATA, "datafl")
    assert not matches(clean, DATA, "clean lev")


def test_job_stats_from_attempts(backend: Settings) -> None:
    def attempt(run: int, name: str, number: int, status: str, duration: float) -> None:
        Attempt.create(
            run_id=run,
            job=name,
            attempt=number,
            status=status,
            duration_s=duration,
            started_at=datetime(2026, 1, run, 10),
        )

    attempt(1, "yes_planet", 1, "ok", 100.0)
    attempt(2, "yes_planet", 1, "ok", 300.0)
    attempt(3, "yes_planet", 1, "failed", 5.0)
    attempt(3, "lev", 1, "failed", 2.0)
    attempt(3, "lev", 2, "ok", 40.0)
    stats = job_stats([*SCRAPE.jobs, *DATA.jobs])
    assert (stats["yes_planet"].last_status, stats["yes_planet"].last_duration_s) == ("failed", 5.0)
    assert (stats["yes_planet"].typical_s, stats["yes_planet"].typical_guess) == (200.0, False)
    assert (stats["lev"].last_status, stats["lev"].typical_s) == ("ok", 40.0)
    assert stats["clean"].last_status == "" and stats["clean"].typical_guess  # never ran: the default, a guess
