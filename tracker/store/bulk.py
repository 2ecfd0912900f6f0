"""Bulk writes inside an SQLAlchemy transaction, through the driver's fastest path."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection

from tracker.store.rawsql import RawSql


def raw(connection: Connection) -> RawSql:
    """The DB-API connection under an SQLAlchemy connection, in the same transaction."""
    driver = connection.connection.driver_connection
    assert driver is not None
    return RawSql(driver, connection.dialect.name)


def write_rows(connection: Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Insert ``rows`` (tuples in ``columns`` order) into ``table``; returns how many."""
    return raw(connection).write_rows(table, columns, rows)
