"""Where an import's writes go: its own connection, inside its one transaction.

Rows go in batches (``executemany`` on SQLite, ``COPY`` on PostgreSQL); a large load defers the
assignment table's secondary indexes and the search triggers, and builds them once at the end
(:mod:`tracker.store.deferred_indexes`, :mod:`tracker.store.deferred_triggers`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tracker.store.deferred_indexes import DeferredIndexes
from tracker.store.deferred_triggers import DeferredTriggers
from tracker.store.rawsql import RawSql
from tracker.store.search import merge_pending_entries
from tracker.store.writelock import take_write_lock


class ImportWrites:
    """The writes of an assignment import, made in order on the import's connection."""

    def __init__(self, sql: RawSql) -> None:
        self.sql = sql
        self.indexes = DeferredIndexes(sql, "assignment")
        self.triggers = DeferredTriggers(sql)
        self.locked = False

    def lock(self) -> None:
        """Before the first write: the writers' lock (:mod:`tracker.store.writelock`)."""
        if not self.locked:
            take_write_lock(self.sql)
            self.locked = True

    def execute(self, text: str, params: dict[str, Any]) -> None:
        self.lock()
        self.sql.rows(text, params)

    def executemany(self, text: str, params: list[dict[str, Any]]) -> int:
        if params:
            self.lock()
        return self.sql.executemany(text, params)

    def write_rows(
        self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]], converted: bool = False
    ) -> None:
        if rows:
            self.lock()
        self.sql.write_rows(table, columns, rows, converted=converted)

    def insert_returning_id(self, table: str, values: dict[str, Any]) -> int:
        self.lock()
        return self.sql.insert_returning_id(table, values)

    def before_assignment_inserts(self, count: int) -> None:
        """``count`` assignment rows are about to be inserted: a large load defers indexes and triggers."""
        self.indexes.before_insert(count)
        self.triggers.before_insert(count)

    def finish_load(self) -> None:
        """Every row is written: build what a large load deferred."""
        self.indexes.restore()
        self.triggers.restore()
        merge_pending_entries(self.sql)
