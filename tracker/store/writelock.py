"""One lock that the writers of assignments take on PostgreSQL before they write.

An import updates thousands of rows in one transaction, and each of its statements moves the completion
tally (a trigger), so it holds tally rows while it goes on locking assignments. A clerk's change locks
its assignment and then the tally: the two could wait for each other in a circle, and PostgreSQL would
undo one of them. So both take this transaction-scoped advisory lock before they write: a change
waits for an import's writes, holding nothing, and an import waits for a change of a moment. SQLite
needs nothing of the kind: its writers already take turns on the whole database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.store.rawsql import RawSql

WRITE_LOCK_KEY = 0x7472_6B72
"""The advisory lock's key ("trkr"), the same for every writer of every tracker database."""

STATEMENT = "SELECT pg_advisory_xact_lock(:key)"


def take_write_lock(sql: RawSql) -> None:
    """Take the writers' lock on ``sql`` until its transaction ends, where the backend has one."""
    statement = sql.backend.writer_statement()
    if statement is not None:
        sql.rows(*statement)
