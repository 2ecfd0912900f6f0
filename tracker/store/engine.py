"""Engine and session factory: SQLite (embedded default) or PostgreSQL, chosen by URL."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

from tracker.core.errors import TrackerError
from tracker.store.schema import require_revision

WRITE_WAIT_SECONDS = 60
"""How long a write waits for another writer (an import holds the write lock while it writes)."""
SQLITE_BUSY_TIMEOUT_MS = WRITE_WAIT_SECONDS * 1000


def sqlite_pragmas(dbapi_connection: Any, _record: Any = None) -> None:
    """What every connection to an SQLite database of the tracker sets (WAL, foreign keys, ...)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; for SQLite, the file's directory is created and the pragmas set."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise TrackerError(key="db.bad_url", url=url) from None
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed)
        event.listen(engine, "connect", sqlite_pragmas)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    # A row lock held by another writer is waited for as long as SQLite waits, not for ever.
    return create_engine(
        parsed, pool_pre_ping=True, connect_args={"options": f"-c lock_timeout={WRITE_WAIT_SECONDS * 1000}"}
    )


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions for editing records (the ORM is imported here, not by read-only commands)."""
    from sqlalchemy.orm import sessionmaker

    return sessionmaker(engine, expire_on_commit=False)


def current_revision(engine: Engine) -> str | None:
    """The Alembic revision the database is at; None for an empty database."""
    try:
        with engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except OperationalError as error:
        where = engine.url.render_as_string(hide_password=True)
        raise TrackerError(key="db.cannot_open", where=where, detail=error.orig) from None
    except DatabaseError as error:  # e.g. SQLite's "file is not a database": some other file
        where = engine.url.render_as_string(hide_password=True)
        raise TrackerError(key="limits.not_a_database", url=where, detail=error.orig) from None


def check_schema(engine: Engine) -> None:
    """Raise :class:`SchemaError` unless the database is at the schema this code expects."""
    require_revision(current_revision(engine), engine.url.render_as_string(hide_password=True))
