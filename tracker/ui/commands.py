"""The command palette (Ctrl+P): every action of the main screen by name, in the UI's language,
matched without regard to case or diacritics ("gia han" finds "Gia hạn")."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tracker.core.text import fold
from tracker.i18n import t

if TYPE_CHECKING:
    from tracker.ui.app import TrackerApp


class TrackerCommands(Provider):
    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = cast("TrackerApp", self.app)
        if self.screen is not app.screen_stack[0]:
            return []
        return [(name, help_text, callback) for name, help_text, callback in app.palette_commands()]

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, partial(callback), help=help_text)

    async def search(self, query: str) -> Hits:
        words = fold(query).split()
        found = 0
        for name, help_text, callback in self._commands():
            folded = fold(f"{name} {help_text}")
            if all(word in folded for word in words):
                found += 1
                score = 1.0 if fold(name).startswith(fold(query)) else 0.5
                yield Hit(score, name, partial(callback), text=name, help=help_text)
        if not found:
            lang = cast("TrackerApp", self.app).lang
            yield Hit(0.01, t("ui.palette_none", lang), lambda: None, text=t("ui.palette_none", lang))
