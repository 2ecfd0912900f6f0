"""Derived status of an assignment at an as-of date (DESIGN §3). Status is never stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

DEFAULT_DUE_SOON_DAYS = 7
LONG_OVERDUE_DAYS = 30


class Status(StrEnum):
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    IN_PROGRESS = "in_progress"
    OVERDUE = "overdue"
    STANDING = "standing"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class StatusReading:
    status: Status
    days_overdue: int = 0
    """Days past the due date: for an overdue assignment at the as-of date, for a late one at completion."""
    due_soon: bool = False
    """In progress and due within the due-soon window."""

    @property
    def long_overdue(self) -> bool:
        return self.status is Status.OVERDUE and self.days_overdue > LONG_OVERDUE_DAYS


def derive_status(
    due_on: date | None,
    completed_on: date | None,
    as_of: date,
    *,
    withdrawn_on: date | None = None,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
) -> StatusReading:
    """Status at ``as_of``: completions and withdrawals dated after ``as_of`` have not happened yet."""
    if withdrawn_on is not None and withdrawn_on <= as_of:
        return StatusReading(Status.WITHDRAWN)
    if due_on is None:
        return StatusReading(Status.STANDING)
    if completed_on is not None and completed_on <= as_of:
        if completed_on <= due_on:
            return StatusReading(Status.DONE_ON_TIME)
        return StatusReading(Status.DONE_LATE, days_overdue=(completed_on - due_on).days)
    if as_of > due_on:
        return StatusReading(Status.OVERDUE, days_overdue=(as_of - due_on).days)
    return StatusReading(Status.IN_PROGRESS, due_soon=(due_on - as_of).days <= due_soon_days)
