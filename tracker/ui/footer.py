"""The footer of key bindings, rebuilt only when the keys it shows change."""

from __future__ import annotations

from collections.abc import Hashable

from textual import widgets
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets._footer import FooterKey


class Footer(widgets.Footer):
    """Textual's footer, rebuilt once per burst of binding changes, and only when what it shows differs.

    Textual's footer rebuilds every key (a dozen widgets, each styled twice as it mounts) whenever the
    screen says its bindings may have changed: on every focus change and every ``refresh_bindings``. At
    start-up that happened four times in a row, about 50 ms of the UI thread each, while the first page
    and the counts waited for it; a key that moves the focus (``/``, Esc) paid it once more.
    """

    _rebuild_pending = False
    _shown: Hashable = None

    def _bindings_shown(self) -> Hashable:
        """What the footer would show now: each visible binding's key, wording and state."""
        return (
            self.show_command_palette,
            self.compact,
            tuple(
                (binding.key, binding.action, binding.description, binding.group, enabled, tooltip)
                for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
                if binding.show
            ),
        )

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._bindings_shown()
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                # Each key's ``compact`` starts True and is then bound to the footer's (False): two changes,
                # each restyling the key as it mounts (2 ms apiece here). Start it at the footer's value.
                # (The command palette's key is not bound: it stays compact.)
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        self._rebuild_pending = False
        if self._bindings_shown() != self._shown:
            await self.recompose()
