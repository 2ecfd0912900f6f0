"""Parameterised SQL on a DB-API connection (sqlite3 or psycopg), written once with ``:name``
parameters. Values are converted the way the ORM stores them (SQLite keeps dates and timestamps as
ISO text), so rows written here and rows written by the ORM read back alike."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any

_PARAMETER = re.compile(r"(?<![:\w]):(\w+)")


def sqlite_value(value: Any) -> Any:
    kind = type(value)
    if kind is date:
        return value.isoformat()
    if kind is datetime:
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    return value


class RawSql:
    def __init__(self, connection: Any, dialect: str) -> None:
        self.connection = connection
        self.dialect = dialect

    def sql(self, text: str) -> str:
        if self.dialect == "sqlite":
            return text
        return _PARAMETER.sub(r"%(\1)s", text.replace("%", "%%"))

    def params(self, params: dict[str, Any]) -> dict[str, Any]:
        if self.dialect == "sqlite":
            return {k: sqlite_value(v) for k, v in params.items()}
        return params

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
        parameter: the ids as a JSON array on SQLite (``json_each``), as an array on PostgreSQL (``= ANY``,
        which probes the index for each id). SQLite takes about a thousand parameters a statement, and
        binding named ones costs time that grows with their number."""
        wanted = sorted(set(ids))
        if not wanted:
            return []
        if self.dialect == "sqlite":
            return self.rows(text.format(ids="SELECT value FROM json_each(:ids)"), {"ids": json.dumps(wanted)})
        return self.rows(text.replace("IN ({ids})", "= ANY(CAST(:ids AS bigint[]))"), {"ids": wanted})

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
        names = ", ".join(columns)
        if self.dialect == "sqlite" and converted:
            batch = rows if isinstance(rows, list) else list(rows)
            if batch:
                marks = ", ".join("?" * len(columns))
                self.connection.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", batch)
            return len(batch)
        if self.dialect == "sqlite":
            stamps: dict[datetime, str] = {}

            def convert(value: Any) -> Any:
                if type(value) is datetime:  # the same timestamp on every row of a load: format it once
                    if value not in stamps:
                        stamps[value] = sqlite_value(value)
                    return stamps[value]
                return sqlite_value(value)

            batch = [tuple(map(convert, row)) for row in rows]
            if batch:
                self.connection.executemany(
                    f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})", batch
                )
            return len(batch)
        count = 0
        with self.connection.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
        return count

    def db_value(self, value: Any) -> Any:
        """``value`` as this driver stores it: ISO text for SQLite dates and timestamps, as is otherwise."""
        return sqlite_value(value) if self.dialect == "sqlite" else value

    def to_datetime(self, value: Any) -> datetime:
        """A timestamp column's value as a ``datetime`` (SQLite keeps timestamps as ISO text)."""
        return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))

    def to_date(self, value: Any) -> date | None:
        """A date column's value as a ``date`` (SQLite keeps dates as ISO text)."""
        if value is None or isinstance(value, date):
            return value
        return date.fromisoformat(str(value)[:10])
