"""The Python API for scripts: a small facade over the services.

>>> import tracker
>>> t = tracker.open("sqlite:///example.db")            # doctest: +SKIP

`Tracker` is put together from one class per area, each in its own module of this package.
"""

from __future__ import annotations

from tracker.api.agencies import AgencyMethods
from tracker.api.changes import ChangeMethods
from tracker.api.connection import DEFAULT_HORIZON_DAYS, DateLike, to_date
from tracker.api.directives import DirectiveHandle, DirectiveMethods, TaskSpec
from tracker.api.files import FileMethods
from tracker.api.queries import QueryMethods

__all__ = ["DEFAULT_HORIZON_DAYS", "DateLike", "DirectiveHandle", "TaskSpec", "Tracker", "open", "to_date"]


class Tracker(AgencyMethods, DirectiveMethods, QueryMethods, ChangeMethods, FileMethods):
    """An open tracker database. Dates may be given as ``date`` objects or day-first strings.

    ``with tracker.open(url) as t:`` closes it at the end.
    """


def open(
    url: str | None = None,
    *,
    actor: str | None = None,
    today: DateLike | None = None,
    create: bool = True,
) -> Tracker:
    """Open the tracker database at ``url`` (default: the configured one), creating it if empty."""
    return Tracker(url, actor=actor, today=today, create=create)
