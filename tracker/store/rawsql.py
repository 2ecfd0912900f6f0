"""Parameterised SQL on a DB-API connection (sqlite3 or psycopg), written once with ``:name``
parameters. Values are converted the way the ORM stores them (SQLite keeps dates and timestamps as
ISO text), so rows written here and rows written by the ORM read back alike."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any

from tracker.store.backends import Backend, backend_for, sqlite_value

__all__ = ["RawSql", "sqlite_value"]


class RawSql:
    def __init__(self, connection: Any, dialect: str) -> None:
        self.connection = connection
        self.backend: Backend = backend_for(dialect)
        """What differs between SQLite and PostgreSQL (:mod:`tracker.store.backends`)."""
        self.dialect = self.backend.name

    def sql(self, text: str) -> str:
        return self.backend.prepare(text)

    def params(self, params: dict[str, Any]) -> dict[str, Any]:
        return self.backend.bind(params)

    def rows(self, text: str, params: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
        cursor = self.connection.cursor()
        try:
            cursor.execute(self.sql(text), self.params(params or {}))
            return list(cursor.fetchall()) if cursor.description else []
        finally:
            cursor.close()

    def stream(self, text: str, params: dict[str, Any] | None = None) -> Iterator[tuple[Any, ...]]:
        """The rows of a query one at a time, for a result too large to hold: each row's memory is
        reused for the next (a list of the 220k rows a digest run reads held about 30 MB more, and fresh
        memory is slow to hand out)."""
        cursor = self.connection.cursor()
        try:
            cursor.execute(self.sql(text), self.params(params or {}))
            yield from cursor
        finally:
            cursor.close()

    def scalar(self, text: str, params: dict[str, Any] | None = None) -> Any:
        found = self.rows(text, params)
        return found[0][0] if found else None

    def rows_for_ids(self, text: str, ids: Iterable[int]) -> list[tuple[Any, ...]]:
        """Rows of ``text`` (``... WHERE id IN ({ids})``) for every id of ``ids``, in one query with one
        parameter (see :meth:`Backend.ids_in`)."""
        wanted = sorted(set(ids))
        if not wanted:
            return []
        return self.rows(*self.backend.ids_in(text, wanted))

    def executemany(self, text: str, params: Iterable[dict[str, Any]]) -> int:
        """Run ``text`` once per parameter set; returns how many rows it changed in all."""
        batch = [self.params(p) for p in params]
        if not batch:
            return 0
        cursor = self.connection.cursor()
        try:
            cursor.executemany(self.sql(text), batch)
            return int(cursor.rowcount)
        finally:
            cursor.close()

    def insert_returning_id(self, table: str, values: dict[str, Any]) -> int:
        columns = list(values)
        marks = ", ".join(f":{c}" for c in columns)
        found = self.rows(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) RETURNING id", values)
        return int(found[0][0])

    def write_rows(
        self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], *, converted: bool = False
    ) -> int:
        """Insert many rows fast: executemany on SQLite, COPY on PostgreSQL; returns how many.
        ``converted`` says the rows already hold what the driver stores (see :meth:`db_value`)."""
        return self.backend.write_rows(self.connection, table, columns, rows, converted=converted)

    def db_value(self, value: Any) -> Any:
        """``value`` as this driver stores it: ISO text for SQLite dates and timestamps, as is otherwise."""
        return self.backend.store(value)

    def to_datetime(self, value: Any) -> datetime:
        """A timestamp column's value as a ``datetime`` (SQLite keeps timestamps as ISO text)."""
        return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))

    def to_date(self, value: Any) -> date | None:
        """A date column's value as a ``date`` (SQLite keeps dates as ISO text)."""
        if value is None or isinstance(value, date):
            return value
        return date.fromisoformat(str(value)[:10])
