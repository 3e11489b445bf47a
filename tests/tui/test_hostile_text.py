"""Untrusted text (names, titles, log lines, errors) is shown literally: no markup, link, action or escape."""

from __future__ import annotations

from app.core.settings import Settings
from app.textfmt import printable
from app.tui.screens.dashboard import DashboardScreen
from app.tui.screens.history import RunDetailScreen, RunHistoryScreen
from app.tui.screens.selection import SelectionScreen
from registry.catalogue import Group
from tests.tui.conftest import catalogue_of, job, make_app, plan_of, run_over, screen_text, wait_for
from tests.tui.fake_jobs import HOSTILE_LINES

EVIL_NAME = "[bold red]evil[/]"
EVIL_TITLE = "[@click=app.quit]x[/]"
EVIL_GROUP = "[link=https://x]g[/link]"


def active_segments(app) -> list[str]:
    """Text of any segment that got a link or a click action: must stay empty."""
    found = []
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            style = segment.style
            if style is not None and (style.link or "@click" in (style.meta or {})):
                found.append(segment.text)
    return found


async def test_hostile_text_is_literal_everywhere(tui_settings: Settings, closing) -> None:
    evil = job(EVIL_NAME, "hostile", group=EVIL_GROUP, title=EVIL_TITLE)
    catalogue = catalogue_of(Group(EVIL_GROUP, "[b]Evil group[/b]", True, (evil,)))
    app = make_app(tui_settings, catalogue, plan=plan_of((EVIL_GROUP, True, (evil,))))
    closing.append(app)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_for(pilot, lambda: run_over(app), "hostile job failed")
        text = screen_text(app)
        assert EVIL_NAME in text and EVIL_GROUP[:12] in text, text
        assert "✘ PermanentError: [bold red]boom[/] [@click=app.quit]x[/] \\x1b[2J" in text
        for line in HOSTILE_LINES:  # the log panel shows the selected task's lines, escapes visible
            assert printable(line) in text
        assert "[@click=app.quit]warn[/]" in text
        assert active_segments(app) == []
        await pilot.click("#task-log")  # clicking a "[@click=app.quit]" line does nothing
        await pilot.press("enter")  # details: error and log values literal too
        await wait_for(pilot, lambda: "call chain:" in screen_text(app), "details")
        assert "[bold red]boom[/] [@click=app.quit]x[/]" in screen_text(app) and active_segments(app) == []
        await pilot.press("escape", "h")
        await wait_for(pilot, lambda: isinstance(app.screen, RunHistoryScreen), "history")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, RunDetailScreen), "attempts")
        await wait_for(pilot, lambda: EVIL_NAME in screen_text(app), "attempt rows")
        assert "[bold red]boom[/]" in screen_text(app) and active_segments(app) == []
        await pilot.press("escape", "escape", "n")  # the selection tree shows the names literally too
        await wait_for(pilot, lambda: isinstance(app.screen, SelectionScreen), "selection")
        assert EVIL_NAME in screen_text(app) and "[b]Evil group[/b]" in screen_text(app)
        assert EVIL_TITLE in screen_text(app) and active_segments(app) == []
        assert app.is_running
        await pilot.press("escape")  # back to the mode screen: nothing was triggered by the data
        assert app.is_running and not isinstance(app.screen, DashboardScreen)
    summary = app.summary_text()
    assert EVIL_NAME in summary and "\x1b" not in summary
