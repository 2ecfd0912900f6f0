"""Running part of a batch job in a forked child process, beside the parent's own work.

:func:`start_worker` forks a child that makes the calls it is sent, in order, on an object of its own
(its target), for a machine with a second core. The parent sends each call and goes on, and waits only
for the calls whose answer it needs. The child inherits the parent's memory, so its target may use
anything the parent had loaded, but it opens its own connections.

- An import checks rows in the parent while the child makes the writes on its own connection.
- A digest run reads the assignment rows in the parent while the child reads and renders the tasks they
  name; then the child builds the secretariat's summary while the parent builds the agencies' digests.

When no child can run (no ``fork``, one core, other threads running) or the child fails, the caller
does that part itself.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import threading
from collections.abc import Callable
from typing import Any, Protocol


def can_fork() -> bool:
    """A child would run beside the parent: ``fork`` exists, the process may use two cores or more,
    and no other thread is running (a thread holding a lock at the fork would leave it held in the
    child)."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores >= 2


class WorkerFailed(Exception):
    """A worker's call failed, or the worker stopped: the message says which and why."""


class Target(Protocol):
    """What a worker calls: any methods, and :meth:`close` when the parent is done with it."""

    def close(self) -> None: ...


class Worker:
    """A child process that makes the calls it is sent, in order, on its own target object.

    :meth:`send` returns at once (unless the child is a whole pipe behind); :meth:`ask` waits for the
    call's result. Results are pickled without a memo, so they must hold no cycles; so are calls, unless
    ``memo`` (see :func:`start_worker`). Once a call fails, the child makes no other call and every
    later :meth:`ask` raises :class:`WorkerFailed` with the first failure. :meth:`close` ends the child
    once it has made the calls sent (it closes its target and is reaped); :meth:`cancel` kills it at
    once."""

    def __init__(self, pid: int, outgoing: Any, incoming: Any, *, memo: bool = True) -> None:
        self.pid = pid
        self._outgoing = outgoing
        self._incoming = incoming
        self._memo = memo

    def send(self, method: str, *args: Any) -> None:
        self._put(False, method, args)

    def ask(self, method: str, *args: Any) -> Any:
        self._put(True, method, args)
        try:
            ok, value = pickle.load(self._incoming)
        except (EOFError, OSError, pickle.UnpicklingError):
            raise WorkerFailed(self._ended()) from None
        if not ok:
            raise WorkerFailed(value)
        return value

    def close(self) -> None:
        """End the child (its target's ``close`` runs) and wait for it; safe to call twice."""
        if self._outgoing.closed:
            return
        for stream in (self._outgoing, self._incoming):
            with contextlib.suppress(OSError):  # the child is gone: what was left unsent does not matter
                stream.close()
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)

    def cancel(self) -> None:
        """Stop the child at once and reap it, when nothing more is wanted from it (the parent's own
        part failed): no child is left running, whatever call it was making."""
        if self._outgoing.closed:
            return
        os.kill(self.pid, signal.SIGKILL)  # (a child that has ended stays until reaped: this cannot miss)
        self.close()

    def _put(self, wants_answer: bool, method: str, args: tuple[Any, ...]) -> None:
        try:
            pickler = pickle.Pickler(self._outgoing, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.fast = not self._memo
            pickler.dump((wants_answer, method, args))
            self._outgoing.flush()
        except (BrokenPipeError, ValueError):  # ValueError: closed already
            raise WorkerFailed(self._ended()) from None

    def _ended(self) -> str:
        return f"the child process {self.pid} stopped before it answered"


def _serve(open_target: Callable[[], Target], incoming: Any, outgoing: Any) -> None:
    """The child's loop: call, answer when asked, until the parent closes the pipe."""
    failure: str | None = None
    target: Target | None = None
    try:
        target = open_target()
    except Exception as error:
        failure = _describe(error)
    try:
        while True:
            try:
                wants_answer, method, args = pickle.load(incoming)
            except EOFError:
                return
            value: Any = None
            if failure is None:
                try:
                    value = getattr(target, method)(*args)
                except Exception as error:
                    failure = _describe(error)
            if wants_answer:
                answer = (True, value) if failure is None else (False, failure)
                pickler = pickle.Pickler(outgoing, protocol=pickle.HIGHEST_PROTOCOL)
                pickler.fast = True  # no memo (an answer holds no cycles): memoising 150k parts took 0.07 s
                pickler.dump(answer)
                outgoing.flush()
    finally:
        if target is not None:
            target.close()


def _describe(error: Exception) -> str:
    return str(error) or type(error).__name__


def _widen(pipe: int) -> None:
    """Let a pipe hold as much as the system allows a user (1 MB on Linux by default, against 64 KB):
    the parent can then be a few calls ahead of the child instead of waiting for it to take each
    one. Where that cannot be set, the pipe stays as it is."""
    try:
        import fcntl

        with open("/proc/sys/fs/pipe-max-size") as limit:
            fcntl.fcntl(pipe, fcntl.F_SETPIPE_SZ, int(limit.read()))
    except (ImportError, AttributeError, OSError, ValueError):
        pass


def start_worker(open_target: Callable[[], Target], *, memo: bool = True) -> Worker | None:
    """Fork a child that calls ``open_target()`` and then serves calls on what it returns; None when
    :func:`can_fork` says no. The child must not use the parent's open connections (it makes its own),
    and it leaves with ``os._exit``, so no ``atexit`` handler, buffered output or finaliser of the
    parent's runs twice.

    ``memo``: calls are pickled with a memo, which writes an object the call repeats once (an import's
    batches repeat their names: without it the child did 5% more work at 100k). Without one, a call
    must hold no cycles and is pickled faster (a digest run's 92k overdue lines: 18 ms against 87 ms)."""
    if not can_fork():
        return None
    child_reads, parent_writes = os.pipe()
    parent_reads, child_writes = os.pipe()
    _widen(parent_writes)
    _widen(child_writes)  # (an answer may be large: a digest run's summary is 57 MB at 1M)
    pid = os.fork()
    if pid == 0:  # the child
        status = 1
        try:
            os.close(parent_writes)
            os.close(parent_reads)
            with os.fdopen(child_reads, "rb") as incoming, os.fdopen(child_writes, "wb") as outgoing:
                _serve(open_target, incoming, outgoing)
            status = 0
        finally:
            os._exit(status)
    os.close(child_reads)
    os.close(child_writes)
    return Worker(pid, os.fdopen(parent_writes, "wb"), os.fdopen(parent_reads, "rb"), memo=memo)
