"""Read queries that return plain rows (tuples turned into small dataclasses), never ORM objects.

Status is derived in SQL with the same rules as :func:`tracker.core.status.derive_status` so that
filters and counts run in the database; a test checks the two agree.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, case, false, func, literal, or_, select

from tracker.core.status import DEFAULT_DUE_SOON_DAYS, Status, StatusReading, derive_status
from tracker.store.models import Agency, Assignment, Directive, Jurisdiction, Task

A = Assignment.__table__.c  # type: ignore[attr-defined]
T = Task.__table__.c  # type: ignore[attr-defined]
D = Directive.__table__.c  # type: ignore[attr-defined]
G = Agency.__table__.c  # type: ignore[attr-defined]
J = Jurisdiction.__table__.c  # type: ignore[attr-defined]


@dataclass(frozen=True)
class AssignmentFilter:
    """What to list. Set filters combine with AND, except ``overdue`` and ``due_within``, which
    together mean "overdue or due within N days" (the morning chase list)."""

    overdue: bool = False
    due_within: int | None = None
    agency_ids: Sequence[int] | None = None
    directive_ids: Sequence[int] | None = None
    task_ids: Sequence[int] | None = None
    statuses: Sequence[Status] | None = None
    period: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class AssignmentRow:
    """One assignment as lists show it."""

    id: int
    jurisdiction: str
    directive: str
    directive_id: int
    ref: str
    task: str
    task_id: int
    agency: str
    agency_id: int
    role: str
    period: str
    due_on: date | None
    deadline_text: str
    completed_on: date | None
    result_ref: str
    withdrawn_on: date | None
    note: str
    version: int
    reading: StatusReading = field(compare=False)

    @property
    def status(self) -> Status:
        return self.reading.status

    @property
    def days_overdue(self) -> int:
        return self.reading.days_overdue

    @property
    def due_soon(self) -> bool:
        return self.reading.due_soon

    def as_dict(self) -> dict[str, Any]:
        """The scripting contract of ``tracker list --format json``."""
        return {
            "id": self.id,
            "jurisdiction": self.jurisdiction,
            "directive": self.directive,
            "ref": self.ref,
            "task": self.task,
            "agency": self.agency,
            "role": self.role,
            "due_on": self.due_on.isoformat() if self.due_on else None,
            "deadline_text": self.deadline_text,
            "period": self.period,
            "status": self.status.value,
            "days_overdue": self.days_overdue,
            "due_soon": self.due_soon,
            "completed_on": self.completed_on.isoformat() if self.completed_on else None,
            "result_ref": self.result_ref,
            "note": self.note,
            "version": self.version,
        }


def status_expression(as_of: date) -> ColumnElement[str]:
    """SQL twin of :func:`derive_status` (status only)."""
    return case(
        (and_(A.withdrawn_on.is_not(None), A.withdrawn_on <= as_of), literal(Status.WITHDRAWN.value)),
        (A.due_on.is_(None), literal(Status.STANDING.value)),
        (
            and_(A.completed_on.is_not(None), A.completed_on <= as_of),
            case(
                (A.completed_on <= A.due_on, literal(Status.DONE_ON_TIME.value)), else_=literal(Status.DONE_LATE.value)
            ),
        ),
        (A.due_on < as_of, literal(Status.OVERDUE.value)),
        else_=literal(Status.IN_PROGRESS.value),
    )


def _open_at(as_of: date) -> ColumnElement[bool]:
    """Not completed and not withdrawn at ``as_of``."""
    return and_(
        or_(A.completed_on.is_(None), A.completed_on > as_of),
        or_(A.withdrawn_on.is_(None), A.withdrawn_on > as_of),
    )


def _conditions(criteria: AssignmentFilter, as_of: date) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    timing: list[ColumnElement[bool]] = []
    if criteria.overdue:
        timing.append(and_(A.due_on < as_of, _open_at(as_of)))
    if criteria.due_within is not None:
        timing.append(and_(A.due_on >= as_of, A.due_on <= as_of + timedelta(days=criteria.due_within), _open_at(as_of)))
    if timing:
        conditions.append(or_(*timing))
    if criteria.agency_ids is not None:
        conditions.append(A.agency_id.in_(list(criteria.agency_ids)) if criteria.agency_ids else false())
    if criteria.task_ids is not None:
        conditions.append(A.task_id.in_(list(criteria.task_ids)) if criteria.task_ids else false())
    if criteria.directive_ids is not None:
        conditions.append(T.directive_id.in_(list(criteria.directive_ids)) if criteria.directive_ids else false())
    if criteria.statuses:
        conditions.append(status_expression(as_of).in_([s.value for s in criteria.statuses]))
    if criteria.period is not None:
        conditions.append(A.period == criteria.period)
    if criteria.role is not None:
        conditions.append(A.role == criteria.role)
    return conditions


_ROW_COLUMNS = (
    A.id,
    J.code,
    D.number,
    D.id,
    T.ref,
    T.text,
    T.id,
    G.name,
    G.id,
    A.role,
    A.period,
    A.due_on,
    A.deadline_text,
    A.completed_on,
    A.result_ref,
    A.withdrawn_on,
    A.note,
    A.version,
)


def _joined(statement: Select[Any]) -> Select[Any]:
    return (
        statement.select_from(Assignment.__table__)  # type: ignore[attr-defined]
        .join(Task.__table__, T.id == A.task_id)  # type: ignore[attr-defined]
        .join(Directive.__table__, D.id == T.directive_id)  # type: ignore[attr-defined]
        .join(Jurisdiction.__table__, J.id == D.jurisdiction_id)  # type: ignore[attr-defined]
        .join(Agency.__table__, G.id == A.agency_id)  # type: ignore[attr-defined]
    )


def _row(values: Sequence[Any], as_of: date, due_soon_days: int) -> AssignmentRow:
    reading = derive_status(values[11], values[13], as_of, withdrawn_on=values[15], due_soon_days=due_soon_days)
    return AssignmentRow(*values[: len(_ROW_COLUMNS)], reading=reading)  # type: ignore[misc]


def list_assignments(
    connection: Connection,
    criteria: AssignmentFilter,
    as_of: date,
    *,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[AssignmentRow]:
    """Assignments matching ``criteria``, by due date (undated last), agency and id."""
    statement = _joined(select(*_ROW_COLUMNS)).where(*_conditions(criteria, as_of))
    statement = statement.order_by(A.due_on.is_(None), A.due_on, G.name, A.id).offset(offset)
    if limit is not None:
        statement = statement.limit(limit)
    for values in connection.execute(statement):
        yield _row(values, as_of, due_soon_days)


def count_assignments(connection: Connection, criteria: AssignmentFilter, as_of: date) -> int:
    conditions = _conditions(criteria, as_of)
    statement = select(func.count()).select_from(Assignment.__table__)  # type: ignore[attr-defined]
    if criteria.directive_ids is not None:
        statement = statement.join(Task.__table__, T.id == A.task_id)  # type: ignore[attr-defined]
    return int(connection.execute(statement.where(*conditions)).scalar_one())


def get_assignment_row(connection: Connection, assignment_id: int, as_of: date, due_soon_days: int) -> AssignmentRow:
    from tracker.core.errors import NotFoundError

    values = connection.execute(_joined(select(*_ROW_COLUMNS)).where(A.id == assignment_id)).first()
    if values is None:
        raise NotFoundError(f"assignment {assignment_id} does not exist; 'tracker list' shows the ids.")
    return _row(values, as_of, due_soon_days)


def status_counts(connection: Connection, as_of: date) -> dict[Status, int]:
    """How many assignments have each status at ``as_of``."""
    expression = status_expression(as_of)
    statement = select(expression, func.count()).select_from(Assignment.__table__).group_by(expression)  # type: ignore[attr-defined]
    counts = dict.fromkeys(Status, 0)
    for status, count in connection.execute(statement):
        counts[Status(status)] = int(count)
    return counts
