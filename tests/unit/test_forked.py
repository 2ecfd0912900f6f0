"""A step of a batch job run in a forked child process."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pytest

from tests.processes import no_children_left
from tracker.core.forked import WorkerFailed, can_fork, start_in_child, start_worker

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or len(os.sched_getaffinity(0)) < 2, reason="needs fork and two cores"
)


def test_a_step_runs_in_a_child_and_its_result_comes_back_whole() -> None:
    payload = os.urandom(1 << 20)  # far more than a pipe holds: the child waits for the parent to read
    pending = start_in_child(lambda: (os.getpid(), payload, {"lines": [1, 2, 3]}))
    assert pending is not None
    child_pid, received, other = pending.result() or (0, b"", {})
    assert child_pid not in (0, os.getpid())
    assert received == payload and other == {"lines": [1, 2, 3]}
    assert no_children_left()


def test_a_child_that_fails_gives_no_result_and_the_parent_carries_on() -> None:
    def fails() -> int:
        raise RuntimeError("the database went away")

    def leaves() -> int:
        os._exit(3)

    for step in (fails, leaves):
        pending = start_in_child(step)
        assert pending is not None and pending.result() is None
    assert no_children_left()


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
    assert no_children_left()


class _Log:
    """A worker's target: keeps what it is told, fails when told to."""

    def __init__(self) -> None:
        self.items: list[object] = []

    def add(self, item: object) -> None:
        if item == "bad":
            raise ValueError("cannot add 'bad'")
        self.items.append(item)

    def pid_and_items(self) -> tuple[int, list[object]]:
        return os.getpid(), self.items

    def close(self) -> None:
        pass


def test_a_worker_makes_the_calls_in_order_and_answers_when_asked() -> None:
    worker = start_worker(_Log)
    assert worker is not None
    for item in range(300):
        worker.send("add", [item, os.urandom(1000)])  # more than a pipe holds before the first answer
    pid, items = worker.ask("pid_and_items")
    assert pid == worker.pid != os.getpid()
    assert [item[0] for item in items] == list(range(300))
    worker.close()
    worker.close()
    assert no_children_left()


def test_after_a_failed_call_the_worker_makes_no_other_and_every_answer_is_the_failure() -> None:
    worker = start_worker(_Log)
    assert worker is not None
    worker.send("add", 1)
    worker.send("add", "bad")
    worker.send("add", 2)
    for _ in range(2):
        with pytest.raises(WorkerFailed, match="cannot add 'bad'"):
            worker.ask("pid_and_items")
    worker.close()
    assert no_children_left()


def test_a_target_that_cannot_be_opened_or_a_worker_that_dies_is_a_failure() -> None:
    def cannot_open() -> _Log:
        raise OSError("no such database")

    worker = start_worker(cannot_open)
    assert worker is not None
    with pytest.raises(WorkerFailed, match="no such database"):
        worker.ask("pid_and_items")
    worker.close()

    worker = start_worker(_Log)
    assert worker is not None
    os.kill(worker.pid, signal.SIGKILL)
    os.waitpid(worker.pid, 0)
    with pytest.raises(WorkerFailed, match=f"the child process {worker.pid} stopped"):
        for _ in range(100):  # the first sends may still fit in the pipe
            worker.send("add", os.urandom(100_000))
        worker.ask("pid_and_items")
    worker.close()
    assert no_children_left()


@pytest.mark.skipif(not Path("/proc/sys/fs/pipe-max-size").exists(), reason="Linux pipes")
def test_the_pipe_to_a_worker_holds_as_much_as_the_system_allows() -> None:
    """So the parent can be a few calls ahead (a batch of an import is some 400 KB pickled; a pipe
    holds 64 KB unless told otherwise)."""
    import fcntl

    worker = start_worker(_Log)
    assert worker is not None
    size = fcntl.fcntl(worker._outgoing.fileno(), fcntl.F_GETPIPE_SZ)
    assert size == int(Path("/proc/sys/fs/pipe-max-size").read_text()) > 64 * 1024
    worker.close()
