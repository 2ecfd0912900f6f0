"""Secondary indexes built once at the end of a large load instead of row by row (SQLite).

Each row inserted into a table updates every index of the table, and the assignment table's
secondary indexes take their entries in no common order: at 100k rows keeping them up to date costs
about three times the inserts themselves. ``CREATE INDEX`` sorts the rows and writes each index
once, which is several times cheaper once a load adds a good share of the table.

Dropping and re-creating happen inside the load's transaction, so a load that fails or is rolled
back leaves the indexes as they were, and readers (WAL) keep seeing the old snapshot with its
indexes. Unique indexes are kept: they enforce identity row by row and serve the load's own
look-ups. PostgreSQL is left alone: ``DROP INDEX`` there locks the table against readers until the
transaction ends.
"""

from __future__ import annotations

from tracker.store.rawsql import RawSql

SMALLEST_LOAD = 5_000
"""Below this many rows, keeping the indexes up to date is cheap enough."""


class DeferredIndexes:
    """Tell it before each batch of inserts into ``table``; call :meth:`restore` before committing.

    The indexes are dropped once the rows loaded so far reach half the rows the table held when the
    load began (and at least ``smallest_load``): a load into an empty or small table defers them
    from its first batch, a small load into a large table never does. A load that stops short of that
    paid at most about what deferring would have cost."""

    def __init__(self, sql: RawSql, table: str, *, smallest_load: int = SMALLEST_LOAD) -> None:
        self.sql = sql
        self.table = table
        self.loaded = 0
        self.dropped: list[tuple[str, str]] = []
        self.threshold: int | None = None
        held = sql.backend.rows_bound(sql, table)
        if held is not None:  # only where the size is known without a scan (SQLite)
            self.threshold = max(smallest_load, held // 2)

    def before_insert(self, count: int) -> None:
        """``count`` rows are about to be inserted."""
        self.loaded += count
        if self.threshold is None or self.dropped or self.loaded < self.threshold:
            return
        if not self.sql.connection.in_transaction:  # a DROP outside a transaction could not be undone
            return
        self.dropped = [
            (name, definition)
            for name, definition in self.sql.rows(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = :table "
                "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name",
                {"table": self.table},
            )
        ]
        for name, _ in self.dropped:
            self.sql.rows(f'DROP INDEX "{name}"')

    def restore(self) -> None:
        """Build the dropped indexes again (from their own definitions)."""
        dropped, self.dropped = self.dropped, []
        for _, definition in dropped:
            self.sql.rows(definition)
        self.threshold = None
