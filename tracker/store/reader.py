"""A plain DB-API connection for read queries.

Lists and counts are the hot path of the command line (cron, scripts) and the UI. They run as
parameterised SQL text on ``sqlite3`` or ``psycopg`` directly, so a command that only reads never
imports SQLAlchemy or SQLModel (about 0.4 s of start-up). Writes go through the services and the ORM.

SQL is written once, in the dialect both databases share, with ``:name`` parameters.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from tracker.core.errors import SchemaError, TrackerError
from tracker.store.rawsql import RawSql


def _sqlite_path(url: str) -> str:
    """The file of a ``sqlite:///path`` URL (``sqlite:////abs`` and ``sqlite:///rel`` alike)."""
    rest = url.split(":", 1)[1]
    if not rest.startswith("///"):
        raise TrackerError(f"database URL {url!r} is not valid; use sqlite:///FILE.")
    return unquote(rest[3:].split("?", 1)[0])


class Reader:
    """Read-only use of the database at ``url`` (a SQLAlchemy-style URL)."""

    def __init__(self, url: str) -> None:
        self.url = url
        scheme = url.split(":", 1)[0].lower()
        self.dialect = "sqlite" if scheme.startswith("sqlite") else "postgresql"
        self._connection: Any = None
        if self.dialect == "sqlite":
            path = _sqlite_path(url)
            if path != ":memory:" and not Path(path).expanduser().exists():
                raise SchemaError(f"the database {path} does not exist; run 'tracker db init' first.")
            import sqlite3

            # A reader may serve one thread after another (the UI's pool of readers), never two at once.
            self._connection = sqlite3.connect(str(Path(path).expanduser()), timeout=5, check_same_thread=False)
            self._connection.execute("PRAGMA busy_timeout=5000")
        elif scheme.startswith("postgresql") or scheme.startswith("postgres"):
            self._connection = self._connect_postgresql(url)
        else:
            raise TrackerError(f"database URL {url!r} is not supported; use sqlite:///FILE or postgresql+psycopg://...")
        self._raw = RawSql(self._connection, self.dialect)
        self.interrupted = False
        """:meth:`interrupt` was called: on PostgreSQL a cancel request may still reach the server and
        stop a later query, so such a reader is not used again."""

    @property
    def can_reopen(self) -> bool:
        """Another connection to ``url`` (another process's, say) sees the same database: true of a
        server and a file, not of SQLite's ``:memory:``."""
        return self.dialect == "postgresql" or _sqlite_path(self.url) != ":memory:"

    @staticmethod
    def _connect_postgresql(url: str) -> Any:
        import psycopg

        parts = urlsplit(url)
        options: dict[str, Any] = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        if parts.hostname:
            options["host"] = parts.hostname
        if parts.port:
            options["port"] = parts.port
        if parts.username:
            options["user"] = unquote(parts.username)
        if parts.password:
            options["password"] = unquote(parts.password)
        if parts.path.strip("/"):
            options["dbname"] = unquote(parts.path.strip("/"))
        try:
            return psycopg.connect(autocommit=True, **options)
        except psycopg.OperationalError as error:
            where = f"{parts.hostname or 'localhost'}:{parts.port or 5432}{parts.path}"
            raise TrackerError(f"cannot open the database {where}: {str(error).strip()}") from None

    @property
    def raw(self) -> RawSql:
        return self._raw

    def commit(self) -> None:
        """Commit a write made through :attr:`raw` (PostgreSQL connections here are autocommit)."""
        if self.dialect == "sqlite":
            self._connection.commit()

    def rows(self, sql: str, params: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
        return self._raw.rows(sql, params)

    def stream(self, sql: str, params: dict[str, Any] | None = None) -> Iterator[tuple[Any, ...]]:
        """See :meth:`RawSql.stream`."""
        return self._raw.stream(sql, params)

    def rows_for_ids(self, sql: str, ids: Iterable[int]) -> list[tuple[Any, ...]]:
        """See :meth:`RawSql.rows_for_ids`."""
        return self._raw.rows_for_ids(sql, ids)

    def scalar(self, sql: str, params: dict[str, Any] | None = None) -> Any:
        return self._raw.scalar(sql, params)

    def page_rows(self, sql: str, params: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
        """The rows of a query that stops after a page (a ``LIMIT``). PostgreSQL plans it without
        parallel workers: a walk of the due-date index that stops after a hundred matches gains nothing
        from them, and starting them took longer than the walk (a page of "so noi vu" at 1M: 113 ms
        with two workers, 29-43 ms without)."""
        if self.dialect != "postgresql":
            return self._raw.rows(sql, params)
        self._raw.rows("SET max_parallel_workers_per_gather = 0")
        try:
            return self._raw.rows(sql, params)
        finally:
            self._raw.rows("RESET max_parallel_workers_per_gather")

    def to_date(self, value: Any) -> date | None:
        """A date column's value as a ``date`` (SQLite keeps dates as ISO text)."""
        return self._raw.to_date(value)

    def interrupt(self) -> None:
        """Stop the query this reader is running in another thread: that query raises an error for
        which :meth:`was_interrupted` is true. Nothing happens when no query is running."""
        if self._connection is None:
            return
        self.interrupted = True
        if self.dialect == "sqlite":
            self._connection.interrupt()
        else:
            self._connection.cancel_safe()

    @staticmethod
    def was_interrupted(error: BaseException) -> bool:
        """``error`` is what a query stopped by :meth:`interrupt` raised."""
        if type(error).__name__ == "QueryCanceled":  # psycopg.errors.QueryCanceled
            return True
        return type(error).__name__ == "OperationalError" and str(error) == "interrupted"  # sqlite3

    def revision(self) -> str | None:
        """The Alembic revision the database is at; None when it has no tracker tables."""
        try:
            value = self.scalar("SELECT version_num FROM alembic_version")
        except Exception as error:  # no such table: an empty database
            if "alembic_version" in str(error) or "does not exist" in str(error) or "no such table" in str(error):
                return None
            raise
        return str(value) if value is not None else None

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
