"""Where an import's writes go: its own connection, inside its one transaction.

An import checks every row before it takes the write lock: while it reads the file and compares it
with the database, its writes are only held here (``checking``), and other writers go on. Once every
row is checked, :meth:`ImportWrites.write` takes the lock and makes sure that no one has written
since the import began reading (:meth:`~tracker.store.backends.Backend.change_mark`); then the held
writes run, in order, and the lock is held only for them. If someone has written meanwhile, what the
import read may be out of date: :class:`ChangedMeanwhile` says so, and the import runs again with the
lock taken first. An import that must write before it can go on (it creates an agency, or it holds
more rows than :data:`HELD_ROWS`) takes the lock there, after the same check.

Rows go in batches (``executemany`` on SQLite, ``COPY`` on PostgreSQL); a large load defers the
assignment table's secondary indexes and the search triggers, and builds them once at the end
(:mod:`tracker.store.deferred_indexes`, :mod:`tracker.store.deferred_triggers`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from tracker.store.deferred_indexes import DeferredIndexes
from tracker.store.deferred_triggers import DeferredTriggers
from tracker.store.rawsql import RawSql
from tracker.store.search import merge_pending_entries

HELD_ROWS = 600_000
"""Rows an import holds in memory while it checks (100k assignments held some 50 MB more than writing as
it went); past them it writes as it goes."""


class ChangedMeanwhile(Exception):
    """Another writer committed while the import checked its rows without the lock."""


class ImportWrites:
    """The writes of an assignment import, made in order on the import's connection.

    ``checking``: hold the writes until :meth:`write` (or until one cannot wait); otherwise the lock
    is taken at once, before the import reads anything."""

    def __init__(self, sql: RawSql, *, checking: bool = True, held_rows: int | None = None) -> None:
        self.sql = sql
        self.checking = checking
        if checking:
            self.mark = sql.backend.change_mark(sql)  # before the import reads anything
        else:
            sql.backend.lock_writers(sql)
        self.held: list[Callable[[], object]] = []
        self.held_rows = 0
        self.limit = HELD_ROWS if held_rows is None else held_rows
        self.indexes = DeferredIndexes(sql, "assignment")
        self.triggers = DeferredTriggers(sql)

    def write(self) -> None:
        """Take the write lock, check no one wrote since the import began, and run the held writes.
        Raises :class:`ChangedMeanwhile` (nothing written) when someone did."""
        if not self.checking:
            return
        self.checking = False
        self.sql.backend.lock_writers(self.sql)
        if self.sql.backend.change_mark(self.sql) != self.mark:
            raise ChangedMeanwhile
        held, self.held = self.held, []
        for run in held:
            run()

    def _do(self, run: Callable[[], object], rows: int = 1) -> None:
        if not self.checking:
            run()
            return
        self.held.append(run)
        self.held_rows += rows
        if self.held_rows > self.limit:
            self.write()

    def execute(self, text: str, params: dict[str, Any]) -> None:
        self._do(lambda: self.sql.rows(text, params))

    def executemany(self, text: str, params: list[dict[str, Any]], expected: Callable[[int], None]) -> None:
        """Run ``text`` for each of ``params``; ``expected`` is told how many rows it changed."""
        if params:
            self._do(lambda: expected(self.sql.executemany(text, params)), len(params))

    def write_rows(
        self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]], converted: bool = False
    ) -> None:
        if rows:
            self._do(lambda: self.sql.write_rows(table, columns, rows, converted=converted), len(rows))

    def insert_returning_id(self, table: str, values: dict[str, Any]) -> int:
        """Insert one row now and return its id: the import needs it to go on, so it writes from here."""
        self.write()
        return self.sql.insert_returning_id(table, values)

    def before_assignment_inserts(self, count: int) -> None:
        """``count`` assignment rows are about to be inserted: a large load defers indexes and triggers."""

        def defer() -> None:
            self.indexes.before_insert(count)
            self.triggers.before_insert(count)

        self._do(defer, 0)

    def finish_load(self) -> None:
        """Every row is written (or held): build what a large load deferred."""

        def finish() -> None:
            self.indexes.restore()
            self.triggers.restore()
            merge_pending_entries(self.sql)

        self._do(finish, 0)
