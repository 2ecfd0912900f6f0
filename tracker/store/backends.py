"""What differs between SQLite and PostgreSQL, in one place.

SQL is written once, with ``:name`` parameters, in the dialect both databases share. What cannot be
shared — how text and values reach the driver, how a list of ids is bound, planner hints, date
expressions, how a running query is stopped and which error says it was — is a method of the
:class:`Backend` of the connection, instead of a test of the dialect's name where it is used.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, unquote, urlsplit

from tracker.core.errors import SchemaError, TrackerError

if TYPE_CHECKING:
    from tracker.store.rawsql import RawSql

_PARAMETER = re.compile(r"(?<![:\w]):(\w+)")


def sqlite_path(url: str) -> str:
    """The file of a ``sqlite:///path`` URL (``sqlite:////abs`` and ``sqlite:///rel`` alike)."""
    rest = url.split(":", 1)[1]
    if not rest.startswith("///"):
        raise TrackerError(key="db.bad_sqlite_url", url=url)
    return unquote(rest[3:].split("?", 1)[0])


def sqlite_value(value: Any) -> Any:
    """``value`` as SQLite keeps it: dates and timestamps as ISO text, the way the ORM writes them."""
    kind = type(value)
    if kind is date:
        return value.isoformat()
    if kind is datetime:
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    return value


class Backend:
    """The methods every backend has; see :class:`SQLite` and :class:`PostgreSQL`."""

    name = ""
    searches_by_full_text = False
    """Task texts are searched in a full-text index (SQLite's FTS5); otherwise by LIKE on a trigram index."""
    search_triggers = False
    """The search index is kept by triggers that a large load may turn off and catch up."""
    connections_commit_reads = False
    """A connection opened for reads holds a transaction that must be committed after a write through it."""
    # What the planner does well, for the query builders of tracker.store.queries to choose by.
    pages_walk_open_rows = False
    """A page of the morning filters, when nothing closed after the as-of date, is best read by walking
    the open-rows index in due order (SQLite; PostgreSQL's planner would sort every open row instead)."""
    counts_search_by_ids = False
    """A search is best counted by the ids of the tasks and agencies it matches (SQLite)."""
    counts_whole_table_cheaply = False
    """``count(*)`` of a whole table reads only its smallest index (SQLite): in-progress rows are then
    what the other counts leave, instead of a count of their own."""
    sums_timed_counts_with_search = False
    """The morning filters are counted as a sum of disjoint terms even with a search (on PostgreSQL a
    search would repeat its joins in every term)."""

    def connect(self, url: str) -> Any:
        """A DB-API connection to the database at ``url``, for reads (and the few writes made on one)."""
        raise NotImplementedError

    def can_reopen(self, url: str) -> bool:
        """Another connection to ``url`` (another process's, say) sees the same database."""
        return True

    def prepare(self, text: str) -> str:
        """SQL text with ``:name`` parameters, in the driver's parameter style."""
        return text

    def bind(self, params: dict[str, Any]) -> dict[str, Any]:
        """Parameter values as the driver stores them."""
        return params

    def store(self, value: Any) -> Any:
        """One value as the driver stores it."""
        return value

    def ids_in(self, text: str, ids: list[int]) -> tuple[str, dict[str, Any]]:
        """``text`` (``... WHERE id IN ({ids})``) with the ids bound as one parameter."""
        raise NotImplementedError

    def write_rows(
        self, connection: Any, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], *, converted: bool
    ) -> int:
        """Insert many rows by the driver's fastest path; returns how many. ``converted``: the rows
        already hold what the driver stores (see :meth:`store`)."""
        raise NotImplementedError

    def page_rows(self, sql: RawSql, text: str, params: dict[str, Any] | None) -> list[tuple[Any, ...]]:
        """The rows of a query that stops after a page (a ``LIMIT``)."""
        return sql.rows(text, params)

    def rows_bound(self, sql: RawSql, table: str) -> int | None:
        """A cheap upper bound of ``table``'s row count, where the backend has one that costs no scan."""
        return None

    def sync_sequences(self, sql: RawSql, tables: Sequence[str]) -> None:
        """After rows were written with ids of their own, the next id each table hands out is past them."""

    def merge_search_entries(self, sql: RawSql) -> None:
        """After a bulk load, move what the search indexes hold aside into the indexes themselves."""

    def settle_after_load(self, engine: Any) -> None:
        """After a large load has committed: fresh planner statistics (and, where it helps, visibility)."""
        raise NotImplementedError

    def row_estimate(self, sql: RawSql, table: str) -> float | None:
        """The planner's estimate of ``table``'s rows, where it keeps one (-1: never analysed)."""
        return None

    @contextlib.contextmanager
    def large_load_cache(self, sql: RawSql) -> Iterator[None]:
        """A larger page cache while a large load runs, where the backend's default is small."""
        yield

    def write_alone(self, sql: RawSql, *, wait_seconds: float) -> None:
        """Make ``sql``'s connection write each statement as its own short transaction, waiting at most
        ``wait_seconds`` for a lock."""
        raise NotImplementedError

    def execute_once(self, sql: RawSql, text: str, params: dict[str, Any]) -> None:
        """Run one statement on a connection that writes alone (see :meth:`write_alone`)."""
        sql.rows(text, params)

    def try_advisory_lock(self, sql: RawSql, key: int) -> bool | None:
        """Take the session-wide lock ``key`` if free (held until the connection closes); None where the
        backend has no such lock (the caller then locks a file beside the database)."""
        return None

    def writer_statement(self, assignment_id: int | None = None) -> tuple[str, dict[str, Any]]:
        """The statement a writer runs first, before it reads what it will change (see
        :mod:`tracker.store.writelock`); ``assignment_id``: the one assignment it changes, if that is all."""
        raise NotImplementedError

    def lock_writers(self, sql: RawSql) -> None:
        """Make ``sql``'s transaction the one writer from now until it ends, waiting (up to the lock
        timeout) for a writer that holds the lock."""
        sql.rows(*self.writer_statement())

    def change_mark(self, sql: RawSql) -> object:
        """A value that differs once another connection has committed a write (every write is
        audited): compared before and after :meth:`lock_writers`, it tells whether what was read
        before still holds."""
        return tuple(sql.rows("SELECT (SELECT max(id) FROM audit_log), (SELECT max(id) FROM assignment)")[0])

    def index_hint(self, index: str) -> str:
        """The clause after a table's name that tells the planner to walk ``index`` (or nothing)."""
        return ""

    def no_index(self) -> str:
        """The clause after a table's name that tells the planner to scan the table (or nothing)."""
        return ""

    def iso_day(self, column: str) -> str:
        """An expression for a date column as ``YYYY-MM-DD`` text."""
        raise NotImplementedError

    def reserve_ids(self, sql: RawSql, table: str, count: int) -> Iterator[int]:
        """Ids for rows about to be inserted into ``table``. Where they come from the table's largest
        id (SQLite), they hold while the caller holds the write lock, or until another writer commits
        (which :meth:`change_mark` tells)."""
        raise NotImplementedError

    def trigger_definition(self, sql: RawSql, name: str, table: str) -> tuple[str | None, str]:
        """The SQL that creates trigger ``name`` again (None if there is none) and the SQL that drops it."""
        raise NotImplementedError

    def interrupt(self, connection: Any) -> None:
        """Stop the query running on ``connection`` in another thread."""
        raise NotImplementedError

    @staticmethod
    def was_cancelled(error: BaseException) -> bool:
        """``error`` is what a query stopped by :meth:`interrupt` raised (on either backend)."""
        if type(error).__name__ == "QueryCanceled":  # psycopg.errors.QueryCanceled
            return True
        return type(error).__name__ == "OperationalError" and str(error) == "interrupted"  # sqlite3


class SQLite(Backend):
    name = "sqlite"
    searches_by_full_text = True
    search_triggers = True
    connections_commit_reads = True
    pages_walk_open_rows = True
    counts_search_by_ids = True
    counts_whole_table_cheaply = True
    sums_timed_counts_with_search = True

    def connect(self, url: str) -> Any:
        import sqlite3

        path = sqlite_path(url)
        if path != ":memory:" and not Path(path).expanduser().exists():
            raise SchemaError(key="db.no_file", path=path)
        # A reader may serve one thread after another (the UI's pool of readers), never two at once.
        connection = sqlite3.connect(str(Path(path).expanduser()), timeout=5, check_same_thread=False)
        connection.execute("PRAGMA busy_timeout=5000")
        return connection

    def can_reopen(self, url: str) -> bool:
        return sqlite_path(url) != ":memory:"

    def bind(self, params: dict[str, Any]) -> dict[str, Any]:
        return {k: sqlite_value(v) for k, v in params.items()}

    def store(self, value: Any) -> Any:
        return sqlite_value(value)

    def ids_in(self, text: str, ids: list[int]) -> tuple[str, dict[str, Any]]:
        # One JSON parameter: SQLite takes about a thousand parameters a statement, and binding
        # named ones costs time that grows with their number.
        return text.format(ids="SELECT value FROM json_each(:ids)"), {"ids": json.dumps(ids)}

    def write_rows(
        self, connection: Any, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], *, converted: bool
    ) -> int:
        if converted:
            batch = rows if isinstance(rows, list) else list(rows)
        else:
            stamps: dict[datetime, str] = {}

            def convert(value: Any) -> Any:
                if type(value) is datetime:  # the same timestamp on every row of a load: format it once
                    if value not in stamps:
                        stamps[value] = sqlite_value(value)
                    return stamps[value]
                return sqlite_value(value)

            batch = [tuple(map(convert, row)) for row in rows]
        if batch:
            marks = ", ".join("?" * len(columns))
            connection.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", batch)
        return len(batch)

    def settle_after_load(self, engine: Any) -> None:
        from sqlalchemy import text

        with engine.connect() as connection:
            connection.execute(text("ANALYZE"))
            connection.commit()

    @contextlib.contextmanager
    def large_load_cache(self, sql: RawSql) -> Iterator[None]:
        # 64 MB instead of 2: the secondary indexes of the assignment table take a load's inserts in no
        # common order, and with the default their pages keep being evicted and read back.
        before = sql.scalar("PRAGMA cache_size")
        sql.rows("PRAGMA cache_size = -65536")
        try:
            yield
        finally:
            sql.rows(f"PRAGMA cache_size = {int(before)}")

    def write_alone(self, sql: RawSql, *, wait_seconds: float) -> None:
        sql.connection.isolation_level = None  # autocommit: each write is one statement, its own transaction
        sql.rows(f"PRAGMA busy_timeout={int(wait_seconds * 1000)}")
        sql.rows("PRAGMA synchronous=NORMAL")  # as every tracker connection: no fsync a commit

    def writer_statement(self, assignment_id: int | None = None) -> tuple[str, dict[str, Any]]:
        # A write that changes nothing makes the transaction a writer at once (waiting for another writer
        # up to the busy timeout), so what it reads next cannot change before it writes.
        if assignment_id is None:
            return "UPDATE audit_log SET id = id WHERE 0", {}
        return "UPDATE assignment SET version = version WHERE id = :id", {"id": assignment_id}

    def execute_once(self, sql: RawSql, text: str, params: dict[str, Any]) -> None:
        sql.connection.execute(text, params)  # the driver's statement cache compiles it once

    def rows_bound(self, sql: RawSql, table: str) -> int | None:
        # The largest rowid, read from the end of the table's b-tree: at least the row count.
        return int(sql.scalar(f"SELECT max(rowid) FROM {table}") or 0)

    def index_hint(self, index: str) -> str:
        return f" INDEXED BY {index}"

    def no_index(self) -> str:
        return " NOT INDEXED"

    def iso_day(self, column: str) -> str:
        return f"substr({column}, 1, 10)"

    def change_mark(self, sql: RawSql) -> object:
        return sql.scalar("PRAGMA data_version")  # moves when another connection commits

    def reserve_ids(self, sql: RawSql, table: str, count: int) -> Iterator[int]:
        start = int(sql.scalar(f"SELECT coalesce(max(id), 0) FROM {table}")) + 1
        return itertools.count(start)

    def trigger_definition(self, sql: RawSql, name: str, table: str) -> tuple[str | None, str]:
        found = sql.scalar("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :name", {"name": name})
        return (None if found is None else str(found)), f"DROP TRIGGER {name}"

    def interrupt(self, connection: Any) -> None:
        connection.interrupt()


class PostgreSQL(Backend):
    name = "postgresql"

    def connect(self, url: str) -> Any:
        import psycopg

        from tracker.core.text import mask_secrets

        parts = urlsplit(url)
        options: dict[str, Any] = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        if parts.hostname:
            options["host"] = parts.hostname
        try:
            port = parts.port  # "Port out of range", "Port could not be cast to integer value"
        except ValueError:
            raise TrackerError(key="db.bad_url", url=mask_secrets(url)) from None
        if port:
            options["port"] = port
        if parts.username:
            options["user"] = unquote(parts.username)
        if parts.password:
            options["password"] = unquote(parts.password)
        if parts.path.strip("/"):
            options["dbname"] = unquote(parts.path.strip("/"))
        try:
            return psycopg.connect(autocommit=True, **options)
        except psycopg.OperationalError as error:
            where = f"{parts.hostname or 'localhost'}:{port or 5432}{parts.path}"
            raise TrackerError(key="db.cannot_open", where=where, detail=str(error).strip()) from None

    def prepare(self, text: str) -> str:
        return _PARAMETER.sub(r"%(\1)s", text.replace("%", "%%"))

    def ids_in(self, text: str, ids: list[int]) -> tuple[str, dict[str, Any]]:
        # An array: ``= ANY`` probes the index for each id.
        return text.replace("IN ({ids})", "= ANY(CAST(:ids AS bigint[]))"), {"ids": ids}

    def write_rows(
        self, connection: Any, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], *, converted: bool
    ) -> int:
        count = 0
        copy_in = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        with connection.cursor() as cursor, cursor.copy(copy_in) as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
        return count

    def page_rows(self, sql: RawSql, text: str, params: dict[str, Any] | None) -> list[tuple[Any, ...]]:
        # Without parallel workers: a walk of the due-date index that stops after a page of matches
        # gains nothing from them, and starting them takes longer than the walk.
        sql.rows("SET max_parallel_workers_per_gather = 0")
        try:
            return sql.rows(text, params)
        finally:
            sql.rows("RESET max_parallel_workers_per_gather")

    def merge_search_entries(self, sql: RawSql) -> None:
        # A GIN index takes new entries into a pending list, which every search then reads through and
        # which only a vacuum or a full list (4 MB) merges.
        sql.rows(
            "SELECT gin_clean_pending_list(c.oid) FROM pg_class c "
            "WHERE c.relname IN ('ix_task_search', 'ix_directive_search') AND pg_table_is_visible(c.oid)"
        )

    def row_estimate(self, sql: RawSql, table: str) -> float | None:
        found = sql.scalar("SELECT reltuples FROM pg_class WHERE oid = CAST(:table AS regclass)", {"table": table})
        return None if found is None else float(found)

    def write_alone(self, sql: RawSql, *, wait_seconds: float) -> None:
        sql.rows(f"SET lock_timeout = '{int(wait_seconds * 1000)}ms'")  # reader connections are autocommit

    def writer_statement(self, assignment_id: int | None = None) -> tuple[str, dict[str, Any]]:
        from tracker.store.writelock import STATEMENT, WRITE_LOCK_KEY

        return STATEMENT, {"key": WRITE_LOCK_KEY}

    def try_advisory_lock(self, sql: RawSql, key: int) -> bool | None:
        return bool(sql.scalar("SELECT pg_try_advisory_lock(:k)", {"k": key}))

    def sync_sequences(self, sql: RawSql, tables: Sequence[str]) -> None:
        for name in tables:
            sql.rows(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), COALESCE(MAX(id), 1)) FROM {name}")

    def settle_after_load(self, engine: Any) -> None:
        from sqlalchemy import text

        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("ANALYZE"))
            # What autovacuum does a minute after a bulk load: mark the pages all-visible for index-only scans.
            connection.execute(text("VACUUM assignment"))

    def iso_day(self, column: str) -> str:
        return f"to_char({column}, 'YYYY-MM-DD')"

    def reserve_ids(self, sql: RawSql, table: str, count: int) -> Iterator[int]:
        # Blocks of ids drawn from the table's sequence: safe beside other writers.
        found = sql.rows(
            "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)",
            {"table": table, "count": count},
        )
        return iter([int(row[0]) for row in found])

    def trigger_definition(self, sql: RawSql, name: str, table: str) -> tuple[str | None, str]:
        found = sql.scalar(
            "SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = :name AND tgrelid = CAST(:table AS regclass)",
            {"name": name, "table": table},
        )
        return (None if found is None else str(found)), f"DROP TRIGGER {name} ON {table}"

    def interrupt(self, connection: Any) -> None:
        connection.cancel_safe()


BACKENDS: dict[str, Backend] = {"sqlite": SQLite(), "postgresql": PostgreSQL()}


def backend_for(dialect: str) -> Backend:
    """The backend of an SQLAlchemy dialect name (``sqlite``, ``postgresql``)."""
    return BACKENDS["sqlite" if dialect.startswith("sqlite") else "postgresql"]
