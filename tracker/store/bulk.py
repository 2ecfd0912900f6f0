"""Bulk writes: many rows into one table through the driver's fastest path, inside the caller's
transaction. SQLite uses ``executemany``; PostgreSQL uses ``COPY``. Values are converted the way
the ORM stores them (SQLite keeps dates and timestamps as ISO text)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection


def _sqlite_rows(rows: Iterable[Sequence[Any]]) -> list[tuple[Any, ...]]:
    """Rows with dates and timestamps as the ISO text SQLite keeps (repeated timestamps formatted once)."""
    stamps: dict[datetime, str] = {}

    def convert(value: Any) -> Any:
        kind = type(value)
        if kind is date:
            return value.isoformat()
        if kind is datetime:
            text = stamps.get(value)
            if text is None:
                text = stamps[value] = value.strftime("%Y-%m-%d %H:%M:%S.%f")
            return text
        return value

    return [tuple(map(convert, row)) for row in rows]


def write_rows(connection: Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Insert ``rows`` (tuples in ``columns`` order) into ``table``; returns how many."""
    raw = connection.connection.driver_connection
    assert raw is not None
    names = ", ".join(columns)
    count = 0
    if connection.dialect.name == "sqlite":
        marks = ", ".join("?" * len(columns))
        batch = _sqlite_rows(rows)
        if batch:
            raw.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", batch)
        return len(batch)
    with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count
