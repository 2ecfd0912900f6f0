"""Changes to one assignment: complete, reopen, extend, withdraw, note.

Every change is a conditional update on the version the caller read (optimistic locking): if
someone else changed the record in between, :class:`ConflictError` is raised and nothing is
written. Every change is written to the audit log with its actor.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlmodel import col

from tracker.core.errors import ConflictError, NotFoundError, TrackerError
from tracker.core.text import one_line
from tracker.services.audit import record
from tracker.store.models import Assignment, DeadlineChange, Withdrawal, utc_now


def _load(session: Session, assignment_id: int, expected_version: int | None) -> Assignment:
    current = session.execute(select(Assignment).where(col(Assignment.id) == assignment_id)).scalar_one_or_none()
    if current is None:
        raise NotFoundError(f"assignment {assignment_id} does not exist; 'tracker list' shows the ids.")
    if expected_version is not None and current.version != expected_version:
        raise ConflictError(
            f"assignment {assignment_id} was changed by someone else (version {current.version}, "
            f"you read {expected_version}); reload it and try again."
        )
    return current


def _apply(session: Session, current: Assignment, changes: dict[str, Any], action: str, actor: str) -> int:
    """Write ``changes`` if the row still has the version in ``current``; return the new version."""
    assert current.id is not None
    result = session.execute(
        update(Assignment)
        .where(col(Assignment.id) == current.id, col(Assignment.version) == current.version)
        .values(**changes, version=current.version + 1, updated_at=utc_now())
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise ConflictError(f"assignment {current.id} was changed by someone else just now; reload it and try again.")
    for name, value in changes.items():
        old = getattr(current, name)
        if old != value:
            record(session, "assignment", current.id, action, actor, field=name, old=old, new=value)
    new_version = current.version + 1
    session.expire(current)
    return new_version


def _require_active(current: Assignment) -> None:
    if current.withdrawn_on is not None:
        raise TrackerError(
            f"assignment {current.id} was withdrawn on {current.withdrawn_on:%d/%m/%Y}; it cannot change."
        )


def complete(
    session: Session,
    assignment_id: int,
    on: date,
    actor: str,
    *,
    result_ref: str = "",
    expected_version: int | None = None,
) -> int:
    """Record the assignment as done on ``on`` with the report's reference (e.g. "18/BC-STP")."""
    current = _load(session, assignment_id, expected_version)
    _require_active(current)
    return _apply(session, current, {"completed_on": on, "result_ref": one_line(result_ref)}, "complete", actor)


def reopen(session: Session, assignment_id: int, actor: str, *, expected_version: int | None = None) -> int:
    current = _load(session, assignment_id, expected_version)
    _require_active(current)
    if current.completed_on is None:
        raise TrackerError(f"assignment {assignment_id} is not done; there is nothing to reopen.")
    return _apply(session, current, {"completed_on": None, "result_ref": ""}, "reopen", actor)


def extend(
    session: Session,
    assignment_id: int,
    to: date,
    reason: str,
    actor: str,
    *,
    decision_ref: str = "",
    expected_version: int | None = None,
) -> int:
    """Move the deadline to ``to`` (gia hạn), keeping the old date, the reason and the decision."""
    reason = one_line(reason)
    if not reason:
        raise TrackerError("a deadline change needs a reason (--reason).")
    current = _load(session, assignment_id, expected_version)
    _require_active(current)
    if current.due_on == to:
        raise TrackerError(f"assignment {assignment_id} is already due on {to:%d/%m/%Y}.")
    assert current.id is not None
    session.add(
        DeadlineChange(
            assignment_id=current.id,
            old_due_on=current.due_on,
            new_due_on=to,
            reason=reason,
            decision_ref=one_line(decision_ref),
            source="manual",
            actor=actor,
        )
    )
    return _apply(session, current, {"due_on": to}, "extend", actor)


def withdraw(
    session: Session,
    assignment_id: int,
    on: date,
    reason: str,
    actor: str,
    *,
    decision_ref: str = "",
    expected_version: int | None = None,
) -> int:
    """Withdraw the assignment (rút nhiệm vụ) from ``on``; it then counts in no rate."""
    reason = one_line(reason)
    if not reason:
        raise TrackerError("a withdrawal needs a reason (--reason).")
    current = _load(session, assignment_id, expected_version)
    _require_active(current)
    assert current.id is not None
    session.add(Withdrawal(assignment_id=current.id, reason=reason, decision_ref=one_line(decision_ref), actor=actor))
    return _apply(session, current, {"withdrawn_on": on}, "withdraw", actor)


def set_note(
    session: Session, assignment_id: int, note: str, actor: str, *, expected_version: int | None = None
) -> int:
    current = _load(session, assignment_id, expected_version)
    return _apply(session, current, {"note": note.strip()}, "note", actor)
