"""The UI keeps what lives as long as the app out of the garbage collector's full passes."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable, Iterator

import pytest

from tests.ui.steps import WIDE, settle
from tracker.ui.app import TrackerApp
from tracker.ui.collector import YOUNG_OBJECTS_PER_COLLECTION, freeze_long_lived_objects


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()


@pytest.mark.usefixtures("unfrozen")
def test_garbage_is_collected_and_what_lives_is_frozen() -> None:
    garbage, alive = _Node(), _Node()
    gone = weakref.ref(garbage)
    del garbage
    assert gc.get_freeze_count() == 0
    freeze_long_lived_objects()
    assert gone() is None  # collected, not frozen with the rest
    assert gc.get_freeze_count() > 0
    assert alive.me is alive
    tracked_before = len(gc.get_objects(generation=2))
    gc.unfreeze()
    assert len(gc.get_objects(generation=2)) > tracked_before  # the frozen objects are back


@pytest.mark.usefixtures("unfrozen", "backend")
async def test_the_app_freezes_its_start_up_once_the_first_screen_is_drawn(
    make_app: Callable[..., TrackerApp],
) -> None:
    app = make_app()
    at_start = gc.get_freeze_count()
    assert at_start > 0  # the modules loaded before the app
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert app.model.total == 35
        assert gc.get_freeze_count() > at_start  # and the widgets and styles of the first screen


@pytest.fixture
def default_thresholds() -> Iterator[None]:
    thresholds = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*thresholds)


@pytest.mark.usefixtures("default_thresholds", "backend")
def test_the_app_collects_the_youngest_objects_less_often(make_app: Callable[..., TrackerApp]) -> None:
    make_app()
    assert gc.get_threshold() == (YOUNG_OBJECTS_PER_COLLECTION, 10, 10)
