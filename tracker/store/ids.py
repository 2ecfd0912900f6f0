"""Ids for rows a bulk load inserts, handed out before the rows are written, so that a batch of rows
that refer to each other goes in with one statement per table instead of one per row."""

from __future__ import annotations

from collections.abc import Iterator

from tracker.store.rawsql import RawSql


class IdAllocator:
    """Call it for the next id of ``table``.

    SQLite: counts on from the table's largest id, which holds while the load holds the write lock
    or, before it takes it, as long as no other writer commits (the load checks that when it takes
    the lock, see :mod:`tracker.importing.writes`). PostgreSQL: blocks of ids drawn from the table's
    sequence, which is safe beside other writers."""

    BLOCK = 1_000

    def __init__(self, sql: RawSql, table: str) -> None:
        self.sql = sql
        self.table = table
        self.free: Iterator[int] = iter(())

    def __call__(self) -> int:
        found = next(self.free, None)
        if found is None:
            self.free = self.sql.backend.reserve_ids(self.sql, self.table, self.BLOCK)
            found = next(self.free)
        return found
