"""The writers' lock: every transaction that writes takes it before it reads what it will change.

An import updates thousands of rows in one transaction, and each of its statements moves the completion
tally (a trigger), so it holds tally rows while it goes on locking assignments. A clerk's change locks
its assignment and then the tally: the two could wait for each other in a circle, and PostgreSQL would
undo one of them. So on PostgreSQL every writer (a clerk's change, the directive form, agency edits,
an import when it writes) takes one transaction-scoped advisory lock first: it waits for the writer
before it, holding nothing. On SQLite the writers already take turns on the whole database; a write
that changes nothing makes the transaction the writer at once, so what it reads next cannot change
before it writes (see :meth:`tracker.store.backends.Backend.writer_statement`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

WRITE_LOCK_KEY = 0x7472_6B72
"""The advisory lock's key ("trkr"), the same for every writer of every tracker database."""

STATEMENT = "SELECT pg_advisory_xact_lock(:key)"


def lock_writers(session: Session) -> None:
    """Make ``session``'s transaction the one writer until it ends (waiting for the writer before it)."""
    from tracker.store.backends import backend_for

    statement, params = backend_for(session.get_bind().dialect.name).writer_statement()
    session.execute(text(statement), params)
