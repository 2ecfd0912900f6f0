"""Running one step of a batch job in a forked child process, beside the parent's own work.

The daily digests spend much of their time in two independent reads (the assignment rows, and the
tasks those rows name, which are then rendered): on a machine with a second core, the child does one
while the parent does the other. The child inherits the parent's memory, so the step needs no
arguments passed; its result comes back pickled through a pipe.

Nothing here is needed for correctness: when the step cannot run in a child (no ``fork``, one core,
other threads running) :func:`start_in_child` returns None, and when the child fails its result is
None; the caller then does the step itself.
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """A child would run beside the parent: ``fork`` exists, the process may use two cores or more,
    and no other thread is running (a thread holding a lock at the fork would leave it held in the
    child)."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores >= 2


class Pending(Generic[T]):
    """A step running in a child process."""

    def __init__(self, pid: int, read_end: int) -> None:
        self.pid = pid
        self._read_end = read_end

    def result(self) -> T | None:
        """Wait for the child and return its result, or None when it failed (it raised, was killed, or
        sent something that is not a whole pickle)."""
        value: T | None = None
        try:
            with os.fdopen(self._read_end, "rb") as incoming:
                value = pickle.load(incoming)
        except (EOFError, pickle.UnpicklingError):
            value = None
        finally:
            _, status = os.waitpid(self.pid, 0)
        return value if os.waitstatus_to_exitcode(status) == 0 else None

    def cancel(self) -> None:
        """Stop the child and wait for it, when its result is no longer wanted (the parent's own part
        failed): no child is left running or unreaped."""
        os.close(self._read_end)
        os.kill(self.pid, signal.SIGKILL)  # (a child that has ended stays until reaped: this cannot miss)
        os.waitpid(self.pid, 0)


def start_in_child(step: Callable[[], T]) -> Pending[T] | None:
    """Start ``step`` in a forked child; None when :func:`can_fork` says no.

    The child only computes and sends: it must not use the parent's open connections (it makes its
    own), and it leaves with ``os._exit``, so no ``atexit`` handler, buffered output or finaliser of
    the parent's runs twice."""
    if not can_fork():
        return None
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        status = 1
        try:
            os.close(read_end)
            with os.fdopen(write_end, "wb") as outgoing:
                pickler = pickle.Pickler(outgoing, protocol=pickle.HIGHEST_PROTOCOL)
                pickler.fast = True  # no memo: a result holds no cycles, and memoising 150k parts took 0.07 s
                pickler.dump(step())
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    return Pending(pid, read_end)
