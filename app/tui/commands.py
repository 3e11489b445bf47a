"""Command palette: the current screen's key actions and every registered screen, searchable.

The palette offers exactly what the keys do (same actions, same enabled state), so nothing is
reachable only by mouse or only by key.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from app.tui.navigation import entries

Command = tuple[str, str, Callable[[], object]]


class ScreenCommands(Provider):
    def commands(self) -> list[Command]:
        app, screen = self.app, self.screen
        found: list[Command] = []
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not (binding.show and binding.description) or not active.enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            key = app.get_key_display(binding)
            found.append((binding.description, f"key {key}", partial(app.run_action, binding.action, active.node)))
        for entry in entries():
            action = f"app.open_screen('{entry.name}')"
            if action not in seen:
                found.append((f"Open {entry.title}", entry.description, partial(app.run_action, action)))
        extra = getattr(screen, "palette_commands", None)
        if callable(extra):
            found.extend(extra())
        return found

    async def discover(self) -> Hits:
        for name, help_text, callback in self.commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
