"""Where an import's writes go: the import's own connection, or a child process beside it.

An import spends its time in two parts of about equal length: reading and checking the file's rows,
and SQLite's work on the rows it writes (binding, the table's b-tree, its indexes, the commit). On a
machine with a second core, a large import into an SQLite file hands its writes to a forked child
(:class:`ChildWrites`), which makes them on its own connection and in its own transaction, while the
parent goes on checking rows. The child takes the database's write lock before the parent reads
anything, so what the parent reads (agencies, the largest ids, the rows an update compares with) is
what the child's transaction writes on, and no other writer comes between.

The parent never needs to read what it has written: the importer remembers every directive, task and
assignment it creates. So the two transactions never need to see each other, and the child commits
only when the parent, having checked every row, says so. Any failure on either side and nothing is
kept: the parent's errors close the child's pipe (the child rolls back), and a failed write in the
child fails the import with the database's message.

With one core, no ``fork``, other threads running, a small file, a dry run, new agencies to create,
PostgreSQL (whose server already works beside the client) or SQLite's ``:memory:``, the writes stay on
the import's connection (:class:`LoadWrites`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from tracker.core.errors import TrackerError
from tracker.core.forked import Worker, WorkerFailed, start_worker
from tracker.store.deferred_indexes import SMALLEST_LOAD, DeferredIndexes
from tracker.store.deferred_triggers import DeferredTriggers
from tracker.store.engine import SQLITE_BUSY_TIMEOUT_MS, sqlite_pragmas
from tracker.store.rawsql import RawSql
from tracker.store.search import merge_pending_entries

CHILD_FROM_BYTES = 1 << 20
"""A file this large (some 4,000 rows of a CSV file) goes to a child: below it, the fork and the
pipe cost about what they save."""

KEPT_INDEXES_UP_TO = 2_000_000
"""In the child, the assignment table's secondary indexes are kept up to date row by row for a load of
up to this many assignments (into a table no larger than twice that), instead of being dropped and
built again at the end (:mod:`tracker.store.deferred_indexes`). Keeping them costs the child more work,
but beside the parent's checking of rows, which takes longer (at 1M: 13-15 s of writes against 21 s of
checking); a build at the end is work nobody does beside it (4 s at 1M). Above this the indexes are far
larger than the page cache, and the child's writes could fall behind."""


class Writes(Protocol):
    """The writes of an assignment import, made in order."""

    holds_lock: bool
    """The write lock is taken already (SQLite): the import's id allocators need not take it."""

    def execute(self, text: str, params: dict[str, Any]) -> None: ...

    def executemany(self, text: str, params: list[dict[str, Any]]) -> None: ...

    def write_rows(
        self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]], converted: bool = False
    ) -> None: ...

    def insert_returning_id(self, table: str, values: dict[str, Any]) -> int: ...

    def before_assignment_inserts(self, count: int) -> None:
        """``count`` assignment rows are about to be inserted (see :class:`DeferredIndexes` and
        :class:`DeferredTriggers`)."""

    def finish_load(self) -> None:
        """Every row is written: build what a large load deferred (indexes, the work of insert triggers)."""

    def commit(self) -> None:
        """Keep every write: the import succeeded."""

    def discard(self) -> None:
        """Keep none of them (a failed import, a dry run); safe after :meth:`commit` and twice."""


class LoadWrites:
    """The writes on one connection, inside its transaction: the import's own (whose transaction the
    import commits or rolls back), or the child's (:class:`_ChildTarget`)."""

    holds_lock = False

    def __init__(self, sql: RawSql, *, smallest_deferred_load: int = SMALLEST_LOAD) -> None:
        self.sql = sql
        self.indexes = DeferredIndexes(sql, "assignment", smallest_load=smallest_deferred_load)
        self.triggers = DeferredTriggers(sql)

    def execute(self, text: str, params: dict[str, Any]) -> None:
        self.sql.rows(text, params)

    def executemany(self, text: str, params: list[dict[str, Any]]) -> None:
        self.sql.executemany(text, params)

    def write_rows(
        self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]], converted: bool = False
    ) -> None:
        self.sql.write_rows(table, columns, rows, converted=converted)

    def insert_returning_id(self, table: str, values: dict[str, Any]) -> int:
        return self.sql.insert_returning_id(table, values)

    def before_assignment_inserts(self, count: int) -> None:
        self.indexes.before_insert(count)
        self.triggers.before_insert(count)

    def finish_load(self) -> None:
        self.indexes.restore()
        self.triggers.restore()
        merge_pending_entries(self.sql)

    def commit(self) -> None:
        """Nothing to do: the import's transaction commits."""

    def discard(self) -> None:
        """Nothing to do: the import's transaction rolls back."""


class _ChildTarget(LoadWrites):
    """In the child: its own connection to the database file, with the write lock from the start."""

    def __init__(self, path: str) -> None:
        connection = sqlite3.connect(path)
        sqlite_pragmas(connection)
        connection.execute("PRAGMA cache_size = -65536")  # see assignments._large_page_cache
        connection.execute("BEGIN IMMEDIATE")  # the write lock, before the parent reads anything
        self.connection = connection
        self.path = path
        self.committed = False
        super().__init__(RawSql(connection, "sqlite"), smallest_deferred_load=KEPT_INDEXES_UP_TO)

    def commit(self) -> None:
        # The commit appends the load's pages to the write-ahead log; copying them into the database
        # file (the checkpoint, most of a large commit's time) is left to another process.
        self.connection.execute("PRAGMA wal_autocheckpoint = 0")
        self.connection.commit()
        self.committed = True

    def close(self) -> None:
        if self.connection.in_transaction:
            self.connection.rollback()
        self.connection.close()
        if self.committed:
            _checkpoint_in_background(self.path)


def _checkpoint_in_background(path: str) -> None:
    """Copy the write-ahead log into the database file in a process nobody waits for.

    SQLite's documentation suggests this for a large write: "turn off automatic checkpoints and run
    checkpoints from a separate thread or process". The import is committed, durable and visible
    before it (readers find the new pages in the log), so the import returns at once; until the copy
    is done, or if it is stopped, the next commit of any connection checkpoints as usual. The process
    is a grandchild of the import: its parent (the child that wrote) ends at once and it is left to
    the system, so nobody has to reap it."""
    try:
        if os.fork() != 0:
            return
    except OSError:  # no process to spare: the next commit checkpoints
        return
    try:
        # Let go of the terminal and of any pipe the caller reads to its end (``tracker import | less``).
        quiet = os.open(os.devnull, os.O_RDWR)
        for stream in (0, 1, 2):
            os.dup2(quiet, stream)
        connection = sqlite3.connect(path)
        connection.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
        connection.close()
    finally:
        os._exit(0)


class ChildWrites:
    """The writes made by a child process (see the module's docstring): each call is sent and the
    parent goes on; it waits only for an answer it needs (the commit's)."""

    holds_lock = True

    def __init__(self, worker: Worker, path: str) -> None:
        self.worker = worker
        self.path = path

    def execute(self, text: str, params: dict[str, Any]) -> None:
        self._send("execute", text, params)

    def executemany(self, text: str, params: list[dict[str, Any]]) -> None:
        if params:
            self._send("executemany", text, params)

    def write_rows(
        self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]], converted: bool = False
    ) -> None:
        if rows:
            self._send("write_rows", table, tuple(columns), rows, converted)

    def insert_returning_id(self, table: str, values: dict[str, Any]) -> int:
        return int(self._ask("insert_returning_id", table, values))

    def before_assignment_inserts(self, count: int) -> None:
        self._send("before_assignment_inserts", count)

    def finish_load(self) -> None:
        self._send("finish_load")

    def commit(self) -> None:
        self._ask("commit")
        self.worker.close()

    def discard(self) -> None:
        self.worker.close()

    def _send(self, method: str, *args: Any) -> None:
        try:
            self.worker.send(method, *args)
        except WorkerFailed as error:
            raise self._failed(error) from None

    def _ask(self, method: str, *args: Any) -> Any:
        try:
            return self.worker.ask(method, *args)
        except WorkerFailed as error:
            raise self._failed(error) from None

    def _failed(self, error: WorkerFailed) -> TrackerError:
        self.worker.close()
        return TrackerError(f"{self.path}: writing the import failed ({error}); nothing was written.")


def open_writes(sql: RawSql, database: str | None, source: Path, *, on_this_connection: bool) -> Writes:
    """The writes for an import of ``source`` into the database file ``database`` (None: not a file)
    through ``sql``, the import's connection: in a child for a file of :data:`CHILD_FROM_BYTES` or more,
    where one can run. ``on_this_connection``: the writes must be made there (a dry run; an import
    that creates agencies, since it may look one up again under another spelling, which the child's
    uncommitted rows would not answer)."""
    wanted = _size(source) >= CHILD_FROM_BYTES
    if wanted and not on_this_connection and sql.dialect == "sqlite" and database not in (None, "", ":memory:"):
        assert database is not None
        worker = start_worker(lambda: _ChildTarget(database))
        if worker is not None:
            writes = ChildWrites(worker, str(source))
            writes._ask("execute", "SELECT 1", {})  # the child holds the write lock before any read here
            return writes
    return LoadWrites(sql)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
