"""Deferring a table's secondary indexes during a load, on a real SQLite connection."""

from __future__ import annotations

import sqlite3

from tracker.store.deferred_indexes import SMALLEST_LOAD, DeferredIndexes
from tracker.store.rawsql import RawSql


def _connection(rows: int) -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT, UNIQUE (a, b))")
    connection.execute("CREATE INDEX ix_t_b ON t (b)")
    connection.execute("CREATE UNIQUE INDEX ux_t_b_a ON t (b, a)")
    connection.execute("CREATE INDEX ix_t_a_part ON t (a) WHERE b <> ''")
    connection.executemany("INSERT INTO t (a, b) VALUES (?, ?)", ((i, str(i)) for i in range(rows)))
    connection.commit()
    return connection


def _indexes(connection: sqlite3.Connection) -> list[tuple[str, str | None]]:
    return connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").fetchall()


def test_a_load_into_a_small_table_defers_the_plain_indexes_until_restored() -> None:
    connection = _connection(100)
    every = _indexes(connection)
    connection.execute("INSERT INTO t (a, b) VALUES (-1, 'x')")  # the load's transaction is open
    deferred = DeferredIndexes(RawSql(connection, "sqlite"), "t")
    deferred.before_insert(SMALLEST_LOAD - 1)
    assert _indexes(connection) == every
    deferred.before_insert(1)
    kept = [name for name, _ in _indexes(connection)]
    assert kept == ["sqlite_autoindex_t_1", "ux_t_b_a"]  # unique ones stay: they check each row
    deferred.restore()
    assert _indexes(connection) == every
    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_a_rolled_back_load_gets_its_indexes_back() -> None:
    connection = _connection(100)
    every = _indexes(connection)
    connection.execute("INSERT INTO t (a, b) VALUES (-1, 'x')")
    DeferredIndexes(RawSql(connection, "sqlite"), "t").before_insert(SMALLEST_LOAD)
    assert _indexes(connection) != every
    connection.rollback()
    assert _indexes(connection) == every


def test_a_small_load_into_a_large_table_keeps_the_indexes() -> None:
    connection = _connection(3 * SMALLEST_LOAD)
    every = _indexes(connection)
    connection.execute("INSERT INTO t (a, b) VALUES (-1, 'x')")
    deferred = DeferredIndexes(RawSql(connection, "sqlite"), "t")
    deferred.before_insert(SMALLEST_LOAD)
    assert _indexes(connection) == every  # 5,000 rows are a third of the table: not worth rebuilding
    deferred.before_insert(3 * SMALLEST_LOAD // 2 - SMALLEST_LOAD)
    assert _indexes(connection) != every  # half the table: from here on, deferring pays


def test_nothing_is_dropped_outside_a_transaction() -> None:
    connection = _connection(10)
    every = _indexes(connection)
    DeferredIndexes(RawSql(connection, "sqlite"), "t").before_insert(SMALLEST_LOAD * 10)
    assert _indexes(connection) == every
