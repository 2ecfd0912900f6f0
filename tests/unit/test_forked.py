"""Calls of a batch job made by a forked child process."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pytest

from tests.processes import no_children_left
from tracker.core.forked import WorkerFailed, can_fork, start_worker

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or len(os.sched_getaffinity(0)) < 2, reason="needs fork and two cores"
)


def test_no_child_is_started_while_another_thread_runs() -> None:
    release = threading.Event()
    waiting = threading.Thread(target=release.wait)
    waiting.start()
    try:
        assert not can_fork()
        assert start_worker(_Log) is None
    finally:
        release.set()
        waiting.join()
    assert can_fork()


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


@pytest.mark.parametrize("memo", [True, False])
def test_a_worker_makes_the_calls_in_order_and_answers_when_asked(memo: bool) -> None:
    worker = start_worker(_Log, memo=memo)
    assert worker is not None
    shared = os.urandom(10_000)  # with a memo, pickled once a call
    sent = [[item, os.urandom(10_000), shared, shared] for item in range(300)]
    for item in sent:
        worker.send("add", item)  # more than a pipe holds before the first answer
    pid, items = worker.ask("pid_and_items")  # and an answer of 3 MB, more than a pipe holds too
    assert pid == worker.pid != os.getpid()
    assert items == sent
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
def test_the_pipes_to_and_from_a_worker_hold_as_much_as_the_system_allows() -> None:
    """So the parent can be a few calls ahead (a batch of an import is some 400 KB pickled; a pipe
    holds 64 KB unless told otherwise), and a large answer (a digest run's summary) flows in big steps."""
    import fcntl

    worker = start_worker(_Log)
    assert worker is not None
    limit = int(Path("/proc/sys/fs/pipe-max-size").read_text())
    for pipe in (worker._outgoing, worker._incoming):
        assert fcntl.fcntl(pipe.fileno(), fcntl.F_GETPIPE_SZ) == limit > 64 * 1024
    worker.close()


class _Sleeper:
    def sleep(self) -> None:
        threading.Event().wait(60)

    def close(self) -> None:
        pass


def test_a_cancelled_worker_is_stopped_in_the_middle_of_a_call_and_reaped() -> None:
    worker = start_worker(_Sleeper)
    assert worker is not None
    worker.send("sleep")
    worker.cancel()
    worker.cancel()
    assert no_children_left()
    with pytest.raises(WorkerFailed):
        worker.ask("sleep")
