"""Composing a frame at once, rather than at the screen's next update tick.

Textual composes a screen's changes on a timer that ticks at most 60 times a second
(``TEXTUAL_FPS``), on a grid fixed when the screen starts. The frame that echoes a keystroke in the
search box starts that timer's wait; rows read 5-15 ms later then wait up to 17 ms more for the next
tick of the grid, a third of a search keystroke's budget at 1M. Textual has no public call for "draw
now", so this module reaches into the screen's update machinery, pinned with the Textual version in
``pyproject.toml``; ``tests/ui/test_app.py`` fails if the frame stops coming at once.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.screen import Screen
from textual.widget import Widget


def compose_now(screen: Screen[object], widgets: Iterable[Widget]) -> bool:
    """Compose ``screen``'s next frame now, with ``widgets`` repainted (those refreshed since the last
    frame; a widget with nothing to repaint adds nothing). Returns False, and leaves the frame to the
    update timer, when that frame needs a layout first or the screen is not the one shown."""
    if not screen.is_current or screen.app._batch_count or screen._layout_required:
        return False
    if any(widget._layout_required for widget in widgets):
        return False
    screen._dirty_widgets.update(widget for widget in widgets if widget.screen is screen)
    screen._on_timer_update()  # what the timer calls: the repaint, then the callbacks waiting for it
    return True
