"""Errors a user can act on. Their message is one sentence: what is wrong, where, what to do."""

from __future__ import annotations

from tracker.core.catalogue import Translatable, t


class TrackerError(Translatable, Exception):
    """Base class for every error shown to a user without a traceback.

    Raise it with a catalogue key and its values, ``TrackerError(key="error.no_reason", what="…")``,
    and each face says it in its user's language with ``error.text(lang)``; ``str(error)`` is the
    English text, for logs and scripts. A plain message (``TrackerError("…")``) is said as written.
    """

    def __init__(self, message: str = "", /, *, key: str = "", **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(message or (t(key, "en", **values) if key else ""))

    def text(self, lang: str) -> str:
        """The message in ``lang`` ("vi" or "en")."""
        return t(self.key, lang, **self.values) if self.key else str(self)


class DeadlineError(TrackerError, ValueError):
    """A deadline or date that cannot be read; the message quotes the input."""


class NotFoundError(TrackerError, LookupError):
    """A directive, task, assignment or agency that does not exist."""


class AmbiguousNameError(TrackerError, LookupError):
    """A name that matches more than one agency; the message lists the candidates."""


class ConflictError(TrackerError):
    """Someone else changed the record since it was read; nothing was written."""


class SchemaError(TrackerError):
    """The database schema is missing or older than this version of the program."""
