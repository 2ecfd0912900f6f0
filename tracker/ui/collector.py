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


YOUNG_OBJECTS_PER_COLLECTION = 10_000
"""Python's default is 700: a collection of the youngest objects for every 700 new containers."""


def collect_less_often() -> None:
    """Collect the youngest generation after :data:`YOUNG_OBJECTS_PER_COLLECTION` new objects.

    Composing a frame of the list makes some 5,000 short-lived objects (strips, segments and their
    caches), which reference counting frees; with the default threshold each frame ran 4-5 young
    collections and, every few frames, one of the middle generation (1-4 ms), and more often a full one
    (6-17 ms) than the frozen start-up (:func:`freeze_long_lived_objects`) alone allows. Typing "so noi
    vu" at 1M in six alternating runs, the median keystroke to its frame was 30-35 ms with this against
    32-38 ms without; the worst ones (34-73 against 40-65 ms) were within the noise. Cyclic garbage waits
    a little longer to be collected; there is little of it.
    """
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS_PER_COLLECTION, middle, oldest)
