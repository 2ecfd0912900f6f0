"""Ids for rows a bulk load inserts, handed out before the rows are written, so that a batch of rows
that refer to each other goes in with one statement per table instead of one per row."""

from __future__ import annotations

import itertools
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
        if self.sql.dialect == "sqlite":
            if not self.locked:
                self.sql.rows(f"UPDATE {self.table} SET id = id WHERE 0")  # a write: takes the lock
            start = int(self.sql.scalar(f"SELECT coalesce(max(id), 0) FROM {self.table}")) + 1
            return itertools.count(start)
        found = self.sql.rows(
            "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)",
            {"table": self.table, "count": self.BLOCK},
        )
        return iter([int(row[0]) for row in found])
