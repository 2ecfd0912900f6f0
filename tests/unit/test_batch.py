"""The collector pause used by batch jobs."""

from __future__ import annotations

import gc

import pytest

from tracker.core.batch import without_cycle_collection


def test_the_collector_is_paused_inside_and_back_on_after_even_on_error() -> None:
    assert gc.isenabled()
    with without_cycle_collection():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), without_cycle_collection():
        raise RuntimeError("the job failed")
    assert gc.isenabled()


def test_a_collector_turned_off_before_stays_off() -> None:
    gc.disable()
    try:
        with without_cycle_collection():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
