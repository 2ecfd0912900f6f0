"""The plumbing every part of :class:`tracker.api.Tracker` stands on: settings, the actor, the
as-of date, the read connections (one per thread) and the engine and sessions for writes."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import date
from typing import TYPE_CHECKING, Self

from tracker.core.deadlines import parse_date
from tracker.core.errors import SchemaError
from tracker.core.text import clean_name
from tracker.settings import Settings, load_settings
from tracker.store.reader import Reader
from tracker.store.schema import require_revision

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

DateLike = date | str

DEFAULT_HORIZON_DAYS = 92
"""Recurring tasks get their occurrences materialised this far past the as-of date by default."""


def to_date(value: DateLike) -> date:
    return value if isinstance(value, date) else parse_date(value)


class Connection:
    """An open tracker database. Dates may be given as ``date`` objects or day-first strings."""

    def __init__(
        self,
        url: str | None = None,
        *,
        settings: Settings | None = None,
        actor: str | None = None,
        today: DateLike | None = None,
        create: bool = True,
    ) -> None:
        self.settings = settings or load_settings()
        self.url = url or self.settings.resolved_database_url()
        self.actor = clean_name(actor or self.settings.resolved_actor()) or "unknown"  # no escapes in the audit
        self.today = to_date(today) if today is not None else date.today()
        self._engine: Engine | None = None
        self._readers: dict[int, Reader] = {}
        self._sessions: sessionmaker[Session] | None = None
        self._jurisdiction: str | None = None
        revision = self._revision()
        if revision is None and create:
            from tracker.store.migrate import upgrade

            upgrade(self.engine)
            revision = self._revision()
        require_revision(revision, self._where())

    def _where(self) -> str:
        scheme, _, rest = self.url.partition("://")
        return f"{scheme}://{rest.rpartition('@')[2]}" if "@" in rest else self.url

    def _revision(self) -> str | None:
        try:
            return self.reader.revision()
        except SchemaError:  # a SQLite file that does not exist yet
            return None

    @property
    def reader(self) -> Reader:
        """The DB-API connection that lists and counts use (no SQLAlchemy import), one per thread
        (a UI reads in worker threads; SQLite connections stay in their thread)."""
        thread = threading.get_ident()
        reader = self._readers.get(thread)
        if reader is None:
            reader = self._readers[thread] = Reader(self.url)
        return reader

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made on first use (writes, migrations)."""
        if self._engine is None:
            from tracker.store.engine import make_engine

            self._engine = make_engine(self.url)
        return self._engine

    def _sessions_factory(self) -> sessionmaker[Session]:
        if self._sessions is None:
            from tracker.store.engine import session_factory

            self._sessions = session_factory(self.engine)
        return self._sessions

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed at the end, or rolled back whole on any error."""
        with self._sessions_factory()() as session, session.begin():
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A transaction that writes: it takes the writers' lock first (:mod:`tracker.store.writelock`),
        so what it reads cannot change before it writes, and it waits for an import instead of meeting
        it half-way."""
        from tracker.store.writelock import lock_writers

        with self.transaction() as session:
            lock_writers(session)
            yield session

    def close(self) -> None:
        for reader in self._readers.values():
            with suppress(Exception):
                reader.close()
        self._readers.clear()
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _as_of(self, as_of: DateLike | None) -> date:
        return to_date(as_of) if as_of is not None else self.today
