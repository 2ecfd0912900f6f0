"""Errors a user can act on. Their message is one sentence: what is wrong, where, what to do."""

from __future__ import annotations


class TrackerError(Exception):
    """Base class for every error shown to a user without a traceback."""


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
