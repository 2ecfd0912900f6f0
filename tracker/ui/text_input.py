"""A text field that takes its editing keys in the order they were typed.

Textual's ``Input`` inserts a typed character the moment its key arrives, but an editing key bound to
an action (Backspace, Ctrl+U, the arrows) first travels up to the app, which then runs the field's
action: in a burst of keys ("abcd", Backspace, "e" pasted or typed fast over SSH) the characters after
it are inserted first, and "abce" comes out "abcd" (Textual issue #6605). This field runs its own
bindings as their keys arrive, so every key acts in turn.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import Input


def _own_bindings(widget_class: type[Input]) -> dict[str, str]:
    """Key -> action of the field's own (not priority) bindings, from the class and its bases."""
    found: dict[str, str] = {}
    for cls in reversed(widget_class.__mro__):
        for binding in getattr(cls, "BINDINGS", ()):
            if isinstance(binding, Binding):
                key, action, priority = binding.key, binding.action, binding.priority
            else:
                key, action, priority = binding[0], binding[1], False
            if not priority:
                for one in key.split(","):
                    found[one.strip()] = action
    return found


class TextInput(Input):
    """An ``Input`` whose editing keys keep their place among the typed characters."""

    _ORDERED: dict[type[Input], dict[str, str]] = {}

    async def on_key(self, event: events.Key) -> None:
        bindings = self._ORDERED.get(type(self))
        if bindings is None:
            bindings = self._ORDERED[type(self)] = _own_bindings(type(self))
        action = bindings.get(event.key)
        if action is None:
            return
        event.stop()  # handled here, in turn: it does not go on to the app, which would run it later
        event.prevent_default()
        await self.run_action(action)
