"""Changes to one assignment: complete, reopen, extend, withdraw, note.

Each change first takes the record's write lock (a row lock on PostgreSQL, the database's write lock
on SQLite), then reads it and writes it in the same transaction: a change made without a version
never meets a conflict, it waits for the writer before it. A change made on the version the caller
read (``expected_version``, optimistic locking) is refused with :class:`ConflictError` when someone
else changed the record since. Every change is written to the audit log with its actor.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session
from sqlmodel import col

from tracker.core.errors import ConflictError, NotFoundError, TrackerError
from tracker.core.text import one_line, strip_controls
from tracker.services.audit import record
from tracker.store.backends import backend_for
from tracker.store.models import Assignment, DeadlineChange, Directive, Task, Withdrawal, utc_now

LONGEST_NOTE = 32_767
"""The longest a note may be, in characters (what a spreadsheet cell holds, so that it exports whole)."""
LARGEST_ID = 2**63 - 1
"""No record has an id above what the database's 64-bit integers hold."""


def _lock(session: Session, assignment_id: int) -> None:
    """Take the write lock on the assignment before reading it. On SQLite a write that changes nothing
    starts the transaction as a writer (it waits for another writer, up to the busy timeout), so what
    is read next cannot change before it is written. On PostgreSQL the writers' lock comes first
    (:mod:`tracker.store.writelock`: a change waits for an import's writes holding nothing), then the
    row is locked as it is read."""
    statement, params = backend_for(session.get_bind().dialect.name).writer_statement(assignment_id)
    session.execute(text(statement), params)


def _load(session: Session, assignment_id: int, expected_version: int | None) -> Assignment:
    if not 0 < assignment_id <= LARGEST_ID:
        raise NotFoundError(key="limits.no_such_assignment", id=assignment_id)
    _lock(session, assignment_id)
    current = session.execute(
        select(Assignment)
        .where(col(Assignment.id) == assignment_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).scalar_one_or_none()
    if current is None:
        raise NotFoundError(key="limits.no_such_assignment", id=assignment_id)
    if expected_version is not None and current.version != expected_version:
        raise ConflictError(key="change.stale", id=assignment_id, version=current.version, read=expected_version)
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
        raise ConflictError(key="change.changed_just_now", id=current.id)
    for name, value in changes.items():
        old = getattr(current, name)
        if old != value:
            record(session, "assignment", current.id, action, actor, field=name, old=old, new=value)
    new_version = current.version + 1
    session.expire(current)
    return new_version


def _require_active(current: Assignment) -> None:
    if current.withdrawn_on is not None:
        raise TrackerError(key="change.withdrawn", id=current.id, on=f"{current.withdrawn_on:%d/%m/%Y}")


def complete(
    session: Session,
    assignment_id: int,
    on: date,
    actor: str,
    *,
    result_ref: str | None = "",
    expected_version: int | None = None,
    replace: bool = True,
) -> int:
    """Record the assignment as done on ``on`` with the report's reference (e.g. "18/BC-STP"; None
    keeps the one recorded). ``replace=False``: a completion already recorded is an error that says it,
    not replaced (the command line's default; a screen asks first)."""
    current = _load(session, assignment_id, expected_version)
    _require_active(current)
    if not replace and current.completed_on is not None:
        raise TrackerError(
            key="change.already_done",
            id=assignment_id,
            on=f"{current.completed_on:%d/%m/%Y}",
            ref=current.result_ref or TrackerError(key="msg.no_report_number"),
        )
    ref = current.result_ref if result_ref is None else one_line(result_ref)
    return _apply(session, current, {"completed_on": on, "result_ref": ref}, "complete", actor)


def reopen(session: Session, assignment_id: int, actor: str, *, expected_version: int | None = None) -> int:
    current = _load(session, assignment_id, expected_version)
    _require_active(current)
    if current.completed_on is None:
        raise TrackerError(key="change.not_done", id=assignment_id)
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
        raise TrackerError(key="change.extend_needs_reason")
    current = _load(session, assignment_id, expected_version)
    _require_active(current)
    if current.due_on == to:
        raise TrackerError(key="change.already_due", id=assignment_id, due=f"{to:%d/%m/%Y}")
    issued_on = session.execute(
        select(col(Directive.issued_on))
        .join(Task, col(Task.directive_id) == col(Directive.id))
        .where(col(Task.id) == current.task_id)
    ).scalar_one_or_none()
    if issued_on is not None and to < issued_on:
        raise TrackerError(
            key="limits.extend_before_issue", id=assignment_id, to=f"{to:%d/%m/%Y}", issued=f"{issued_on:%d/%m/%Y}"
        )
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
        raise TrackerError(key="change.withdraw_needs_reason")
    current = _load(session, assignment_id, expected_version)
    _require_active(current)
    assert current.id is not None
    session.add(Withdrawal(assignment_id=current.id, reason=reason, decision_ref=one_line(decision_ref), actor=actor))
    return _apply(session, current, {"withdrawn_on": on}, "withdraw", actor)


def set_note(
    session: Session, assignment_id: int, note: str, actor: str, *, expected_version: int | None = None
) -> int:
    note = strip_controls(note).strip()
    if len(note) > LONGEST_NOTE:
        raise TrackerError(key="limits.note_too_long", length=f"{len(note):,}", limit=f"{LONGEST_NOTE:,}")
    current = _load(session, assignment_id, expected_version)
    return _apply(session, current, {"note": note}, "note", actor)
