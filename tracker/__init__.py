"""Track the tasks and deadlines that provincial directives assign to government agencies.

The public API for scripts::

    import tracker
    t = tracker.open("sqlite:///path/to.db")
    d = t.directive("34/KH-UBND", issued_on="05/02/2020", title="...", kind="Kế hoạch")
    d.assign("3.1.b.(1)", "Tổng kết chuyên đề cải cách thể chế", lead="Sở Tư pháp", due="20/5/2020")
    for a in t.overdue(as_of="1/6/2020"):
        print(a.agency, a.due_on, a.days_overdue)

The API is imported lazily so that ``import tracker`` stays cheap for the command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["AssignmentFilter", "Status", "Tracker", "TrackerError", "open"]

if TYPE_CHECKING:
    from tracker.api import Tracker, open
    from tracker.core.errors import TrackerError
    from tracker.core.status import Status
    from tracker.store.queries import AssignmentFilter


def __getattr__(name: str) -> Any:
    if name in {"Tracker", "open"}:
        from tracker import api

        return getattr(api, name)
    if name == "TrackerError":
        from tracker.core.errors import TrackerError

        return TrackerError
    if name == "Status":
        from tracker.core.status import Status

        return Status
    if name == "AssignmentFilter":
        from tracker.store.queries import AssignmentFilter

        return AssignmentFilter
    raise AttributeError(f"module 'tracker' has no attribute {name!r}")
