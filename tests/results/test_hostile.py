"""Hostile text in every published column renders literally on every result screen, and never crashes.

The rows are written straight into the published tables (not through the dataflows, which
quarantine NUL bytes and absurd lengths): the screens must hold even if bad text gets that far.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.models import Run
from app.core.runs import allocate_run, finish_run
from app.core.settings import Settings
from app.textfmt import printable
from app.tui.app import open_store
from app.tui.screens.coming_soon import ComingSoonScreen
from app.tui.screens.movies import MoviesScreen
from app.tui.screens.quality import QualityScreen
from app.tui.screens.showtimes import ShowtimesScreen
from dataflows.models import ComingSoon, Movie, QualityCount, Showtime, Snapshot, VariantRecord
from tests.conftest import make_settings
from tests.results.conftest import SIZE, open_screen, results_app
from tests.tui.conftest import screen_text, wait_for
from tests.tui.test_hostile_text import active_segments

HOSTILE = [
    "[bold]bold?[/bold]",
    "[/]",
    "[@click=app.quit]x[/]",
    "[link=https://evil.example]click[/link]",
    "\x1b[31mred\x1b[0m",
    "\x1b]8;;https://evil.example\x07osc\x1b]8;;\x07",
    "\u202eevil override",
    "NUL\x00byte",
]
HUGE = "A" * 10_000
CORPUS = [*HOSTILE, HUGE]


def seen(value: str) -> str:
    """The start of a value as a screen must show it: escapes visible, nothing interpreted."""
    return printable(value)[:10]


@pytest.fixture
def hostile_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.chdir(tmp_path)
    settings = make_settings(tmp_path, sites="live", data_dir=Path("data"), artifacts_dir=Path("artifacts"))
    open_store(settings)
    run = allocate_run(settings.mode, settings.sites, "[bold]plan[/]", ["publish"])
    for index, text in enumerate(CORPUS, start=1):
        variant = f"hostile-{index}"
        VariantRecord.create(key_hash=variant, cinema=text, english_title=text, hebrew_title=text, movie_id=index)
        Movie.create(movie_id=index, english_title=text, hebrew_title=text, rating=text[:8], showtimes=1, cinemas=1)
        fields = dict.fromkeys(("screening_city", "screening_type", "screening_tech", "dub_language"), text)
        Showtime.create(
            key=f"{index}:s", movie_id=index, variant_key=variant, cinema=text, date_of_showing="2026-08-10",
            showtime=f"{10 + index:02d}:00", english_href=text, hebrew_href=text, flags=text, run_id=run.id,
            raw_row_id=index, **fields,
        )  # fmt: skip
        ComingSoon.create(
            key=f"{index}:c", movie_id=index, variant_key=variant, cinema=text, release_date="2026-09-01",
            run_id=run.id, raw_row_id=index,
        )  # fmt: skip
        QualityCount.create(run_id=run.id, stage="clean", metric="unmapped", reason=f"city: {text}"[:200], count=index)
        Snapshot.create(run_id=run.id, cinema=text, kind="showtime", rows=1, decision="rejected", reason=text[:40])
    finish_run(run.id, "ok")
    assert Run.select().count() == 1
    return settings


async def test_hostile_text_is_literal_on_every_result_screen(hostile_settings: Settings) -> None:
    app = results_app(hostile_settings)
    async with app.run_test(size=SIZE) as pilot:
        for key, kind in (("m", MoviesScreen), ("w", ShowtimesScreen), ("u", ComingSoonScreen), ("d", QualityScreen)):
            screen = await open_screen(pilot, key, kind)
            text = screen_text(app)
            for value in HOSTILE:
                assert seen(value) in text, (kind.__name__, value, text)
            assert "AAAAAAAAAA" in text and "A" * 200 not in text  # the 10,000 characters are cut to a column
            assert "\x1b" not in text and "\x00" not in text and "\u202e" not in text
            assert active_segments(app) == [] and app.is_running
            if kind is ShowtimesScreen:
                for _ in CORPUS:  # every row's details: ticket links, titles as scraped, flags
                    assert active_segments(app) == []
                    await pilot.press("down")
                await pilot.press("f7")
                await wait_for(pilot, lambda: any(Path("data/exports").glob("showtimes-*.json")), "export")
                screen.query_one("#search").focus()
                await pilot.press(*"[@click")  # searching for markup finds it, literally
                await wait_for(pilot, lambda s=screen: len(s.table.result) == 1, "one match")
                assert screen.view.records[screen.table.result[0]][0] == HOSTILE.index("[@click=app.quit]x[/]") + 1
            await pilot.press("escape")
            await pilot.pause()
        assert app.is_running
    exported = json.loads(next(Path("data/exports").glob("showtimes-*.json")).read_text(encoding="utf-8"))
    assert sorted(row["cinema"] for row in exported) == sorted(CORPUS)  # exported exactly as stored
