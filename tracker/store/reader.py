"""A plain DB-API connection for read queries.

Lists and counts are the hot path of the command line (cron, scripts) and the UI. They run as
parameterised SQL text on ``sqlite3`` or ``psycopg`` directly, so a command that only reads never
imports SQLAlchemy or SQLModel (about 0.4 s of start-up). Writes go through the services and the ORM.

SQL is written once, in the dialect both databases share, with ``:name`` parameters.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from tracker.core.errors import TrackerError
from tracker.store.backends import Backend, backend_for
from tracker.store.rawsql import RawSql


class Reader:
    """Read-only use of the database at ``url`` (a SQLAlchemy-style URL)."""

    def __init__(self, url: str) -> None:
        self.url = url
        scheme = url.split(":", 1)[0].lower()
        self.backend = backend_for(scheme)
        """What differs between SQLite and PostgreSQL (:mod:`tracker.store.backends`)."""
        self.dialect = self.backend.name
        self._connection: Any = None
        if not scheme.startswith(("sqlite", "postgresql", "postgres")):
            raise TrackerError(key="db.unsupported_url", url=url)
        self._connection = self.backend.connect(url)
        self._raw = RawSql(self._connection, self.dialect)
        self.interrupted = False
        """:meth:`interrupt` was called: on PostgreSQL a cancel request may still reach the server and
        stop a later query, so such a reader is not used again."""

    @property
    def can_reopen(self) -> bool:
        """Another connection to ``url`` (another process's, say) sees the same database: true of a
        server and a file, not of SQLite's ``:memory:``."""
        return self.backend.can_reopen(self.url)

    @property
    def raw(self) -> RawSql:
        return self._raw

    def commit(self) -> None:
        """Commit a write made through :attr:`raw` (PostgreSQL connections here are autocommit)."""
        if self.backend.connections_commit_reads:
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
        return self.backend.page_rows(self._raw, sql, params)

    def to_date(self, value: Any) -> date | None:
        """A date column's value as a ``date`` (SQLite keeps dates as ISO text)."""
        return self._raw.to_date(value)

    def interrupt(self) -> None:
        """Stop the query this reader is running in another thread: that query raises an error for
        which :meth:`was_interrupted` is true. Nothing happens when no query is running."""
        if self._connection is None:
            return
        self.interrupted = True
        self.backend.interrupt(self._connection)

    @staticmethod
    def was_interrupted(error: BaseException) -> bool:
        """``error`` is what a query stopped by :meth:`interrupt` raised."""
        return Backend.was_cancelled(error)

    def revision(self) -> str | None:
        """The Alembic revision the database is at; None when it has no tracker tables."""
        try:
            value = self.scalar("SELECT version_num FROM alembic_version")
        except Exception as error:  # no such table: an empty database
            if "alembic_version" in str(error) or "does not exist" in str(error) or "no such table" in str(error):
                return None
            if "not a database" in str(error):  # SQLite opened some other file
                from tracker.core.errors import TrackerError
                from tracker.core.text import mask_secrets

                raise TrackerError(key="limits.not_a_database", url=mask_secrets(self.url), detail=error) from None
            if "unable to open database file" in str(error):  # SQLite: a folder it cannot write beside the file
                from tracker.core.errors import TrackerError
                from tracker.core.text import mask_secrets

                raise TrackerError(key="limits.database_folder_read_only", url=mask_secrets(self.url)) from None
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
