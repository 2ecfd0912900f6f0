"""Ids for rows a bulk load inserts, handed out before the rows are written, so that a batch of rows
that refer to each other goes in with one statement per table instead of one per row."""

from __future__ import annotations

from collections.abc import Iterator

from tracker.store.rawsql import RawSql


class IdAllocator:
    """Call it for the next id of ``table``.

    SQLite: the transaction first takes the write lock (no other writer can add rows until it ends),
    then counts on from the table's largest id; ``locked`` says the load's writes already hold the lock
    (on another connection, see :mod:`tracker.importing.writes`). PostgreSQL: blocks of ids drawn from
    the table's sequence, which is safe beside other writers."""

    BLOCK = 1_000

    def __init__(self, sql: RawSql, table: str, *, locked: bool = False) -> None:
        self.sql = sql
        self.table = table
        self.locked = locked
        self.free: Iterator[int] = iter(())

    def __call__(self) -> int:
        found = next(self.free, None)
        if found is None:
            self.free = self._reserve()
            found = next(self.free)
        return found

    def _reserve(self) -> Iterator[int]:
        return self.sql.backend.reserve_ids(self.sql, self.table, self.BLOCK, locked=self.locked)
