"""The sent log of the daily digests, and the run lock that lets one notify run send at a time.

Each digest of a day has at most one row (``sent_digest``): the addresses the mail server accepted it
for and those it refused at the last try. The log is written on a connection of its own, one short
transaction a message, right after the server's reply: nothing else is ever pending on that connection,
so a write waits only for another process's write lock, and it waits for it (bounded by
:data:`RECORD_WAIT_SECONDS`) rather than give up after SQLite's usual five seconds. Each write is
durable against the process being killed once it returns (SQLite in WAL mode writes the log before
``COMMIT`` returns; PostgreSQL has committed it).

The run lock: on PostgreSQL a session-level advisory lock of the log's connection; on SQLite a
``flock`` on a file beside the database. Both end with the process, however it ends, so a run killed
part way never leaves a stale lock.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tracker.core.errors import TrackerError
from tracker.store.rawsql import RawSql
from tracker.store.reader import Reader

RECORD_WAIT_SECONDS = 300
"""How long a write to the sent log waits for another process's write lock before it gives up."""

_ADVISORY_KEY = 0x747261636B6E6F74
"""The PostgreSQL advisory lock of a notify run ("tracknot" in ASCII): one per database."""

_UPSERT = (
    "INSERT INTO sent_digest (digest_date, digest_key, recipients, refused, message_id, sent_at) "
    "VALUES (:d, :k, :r, :x, :m, :s) ON CONFLICT (digest_date, digest_key) DO UPDATE SET "
    "recipients = excluded.recipients, refused = excluded.refused, message_id = excluded.message_id, "
    "sent_at = excluded.sent_at"
)


class NotifyRunning(TrackerError):
    """Another notify run holds the run lock of this database."""


class RecordError(TrackerError):
    """A write to the sent log failed (after waiting for the lock, when that was the reason)."""


@dataclass
class Entry:
    """A digest's row in the sent log."""

    recipients: list[str] = field(default_factory=list)
    refused: str = ""
    message_id: str = ""
    sent_at: datetime | None = None

    def delivered(self) -> set[str]:
        """The addresses it was accepted for, compared without regard to case."""
        return {address.lower() for address in self.recipients}


def read_entries(sql: RawSql, day: date) -> dict[str, Entry]:
    """digest key -> its row in the sent log of ``day``."""
    found: dict[str, Entry] = {}
    rows = sql.rows(
        "SELECT digest_key, recipients, refused, message_id, sent_at FROM sent_digest WHERE digest_date = :d",
        {"d": day},
    )
    for key, recipients, refused, message_id, sent_at in rows:
        addresses = [a.strip() for a in str(recipients or "").split(",") if a.strip()]
        found[key] = Entry(addresses, refused or "", message_id or "", sql.to_datetime(sent_at))
    return found


def _is_busy(error: BaseException) -> bool:
    """A write that failed because another transaction holds a lock it needs: worth another try."""
    name = type(error).__name__
    if name in {"LockNotAvailable", "DeadlockDetected", "SerializationFailure"}:  # psycopg.errors
        return True
    message = str(error).lower()
    return name == "OperationalError" and ("locked" in message or "busy" in message)  # sqlite3


class SentLog:
    """The sent log on its own connection (see the module's description)."""

    def __init__(self, reader: Reader, *, own: bool) -> None:
        self.reader = reader
        self.sql = reader.raw
        self._own = own
        self._lock_file: int | None = None
        reader.backend.write_alone(self.sql, wait_seconds=1)

    @classmethod
    def open(cls, reader: Reader) -> SentLog:
        """The sent log of ``reader``'s database, on a new connection when the database can be opened
        twice (anything but SQLite's ``:memory:``)."""
        if reader.can_reopen:
            return cls(Reader(reader.url), own=True)
        return cls(reader, own=False)

    # --- the run lock ------------------------------------------------------------------------------

    def take_run_lock(self) -> None:
        """Hold the run lock until :meth:`close`, or :class:`NotifyRunning` when another run holds it."""
        taken = self.reader.backend.try_advisory_lock(self.sql, _ADVISORY_KEY)
        if taken is False:
            raise NotifyRunning(key="notify.running")
        if taken:
            return
        path = self._lock_path()
        if path is None:  # an in-memory database: no other process can reach it
            return
        import fcntl

        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            raise NotifyRunning(key="notify.running") from None
        self._lock_file = descriptor

    def _lock_path(self) -> Path | None:
        """The lock file beside the database's file (as SQLite's own ``-wal`` and ``-shm``)."""
        files = {name: file for _, name, file in self.sql.rows("PRAGMA database_list")}
        if not files.get("main"):  # an in-memory database
            return None
        database = Path(files["main"]).resolve()
        return database.with_name(database.name + "-notify.lock")

    # --- reading and writing -----------------------------------------------------------------------

    def entries(self, day: date) -> dict[str, Entry]:
        return read_entries(self.sql, day)

    def record(
        self,
        day: date,
        key: str,
        recipients: Iterable[str],
        refused: Iterable[str],
        message_id: str,
        at: datetime,
    ) -> None:
        """Write a digest's row: the addresses it has been accepted for (all of them so far) and those
        refused at this try. Waits up to :data:`RECORD_WAIT_SECONDS` for a write lock held elsewhere;
        any other failure, or a lock held longer, is a :class:`RecordError`."""
        wait = RECORD_WAIT_SECONDS
        params: dict[str, Any] = self.sql.params(
            {
                "d": day,
                "k": key,
                "r": ", ".join(recipients),
                "x": "\n".join(refused),
                "m": message_id,
                "s": at,
            }
        )
        deadline = time.monotonic() + wait
        while True:
            try:
                self._write(params)
                return
            except Exception as error:  # every driver's error is reported, none is a traceback
                if _is_busy(error) and time.monotonic() < deadline:
                    time.sleep(0.05)
                    continue
                if _is_busy(error):
                    reason: object = TrackerError(key="notify.database_busy", seconds=round(wait))
                else:
                    reason = f"{type(error).__name__}: {error}"
                raise RecordError(key="notify.record_failed", reason=reason) from None

    def _write(self, params: dict[str, Any]) -> None:
        """One statement on a connection in autocommit mode: its own transaction, as short as a write
        can be (SQLite in WAL mode appends the row's pages to the log; no fsync, as on every tracker
        connection). Its statement is compiled once, by the driver's statement cache."""
        self.reader.backend.execute_once(self.sql, _UPSERT, params)

    def close(self) -> None:
        if self._lock_file is not None:
            os.close(self._lock_file)  # releases the flock
            self._lock_file = None
        if self._own:
            self.reader.close()
