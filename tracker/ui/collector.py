"""Keeping the cyclic garbage collector's full passes short in the long-running UI."""

from __future__ import annotations

import gc


def freeze_long_lived_objects() -> None:
    """Collect what is garbage now, then move every object still alive into the permanent generation.

    A full collection walks every object the process tracks: after Textual, Rich and the app's widgets
    are loaded, that took 15-45 ms, several times a minute while the clerk moves the cursor, and showed
    as a stalled frame. The modules, classes, styles and widgets alive after start-up stay alive until
    the app ends, so later collections need not walk them; with them frozen a full pass takes 2-9 ms.
    The collection first keeps garbage of start-up from being frozen with them.
    """
    gc.collect()
    gc.freeze()
