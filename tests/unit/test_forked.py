"""A step of a batch job run in a forked child process."""

from __future__ import annotations

import os
import threading

import pytest

from tracker.core.forked import can_fork, start_in_child

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or len(os.sched_getaffinity(0)) < 2, reason="needs fork and two cores"
)


def _no_children_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_a_step_runs_in_a_child_and_its_result_comes_back_whole() -> None:
    payload = os.urandom(1 << 20)  # far more than a pipe holds: the child waits for the parent to read
    pending = start_in_child(lambda: (os.getpid(), payload, {"lines": [1, 2, 3]}))
    assert pending is not None
    child_pid, received, other = pending.result() or (0, b"", {})
    assert child_pid not in (0, os.getpid())
    assert received == payload and other == {"lines": [1, 2, 3]}
    assert _no_children_left()


def test_a_child_that_fails_gives_no_result_and_the_parent_carries_on() -> None:
    def fails() -> int:
        raise RuntimeError("the database went away")

    def leaves() -> int:
        os._exit(3)

    for step in (fails, leaves):
        pending = start_in_child(step)
        assert pending is not None and pending.result() is None
    assert _no_children_left()


def test_no_child_is_started_while_another_thread_runs() -> None:
    release = threading.Event()
    waiting = threading.Thread(target=release.wait)
    waiting.start()
    try:
        assert not can_fork()
        assert start_in_child(os.getpid) is None
    finally:
        release.set()
        waiting.join()
    assert can_fork()


def test_a_cancelled_child_is_stopped_and_reaped() -> None:
    pending = start_in_child(lambda: threading.Event().wait(60))
    assert pending is not None
    pending.cancel()
    assert _no_children_left()
