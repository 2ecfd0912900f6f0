"""Directives and their tasks, and the assignments a task gives each agency (upserted by identity)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlmodel import col

from tracker.core.changes import (
    IncomingAssignment,
    StoredAssignment,
    describe_changes,
    plan_assignment,
    plan_record,
)
from tracker.core.deadlines import Deadline, DeadlineRules, parse_date, parse_deadline
from tracker.core.errors import NotFoundError, TrackerError
from tracker.core.recurrence import occurrences, periods_start
from tracker.core.text import clean_name, fold, one_line
from tracker.services.agencies import resolve_agencies
from tracker.services.audit import record_plan
from tracker.store import names
from tracker.store.models import Assignment, Directive, Jurisdiction, Role, Task, utc_now


@dataclass
class Tally:
    """What an upsert did: assignments created, updated, unchanged; and the directives and tasks it
    changed, each as ``what: field: old → new``."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    assignment_ids: list[int] = field(default_factory=list)
    record_changes: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.assignment_ids.extend(other.assignment_ids)
        self.record_changes.extend(other.record_changes)


def as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return parse_date(value) if value.strip() else None


def upsert_directive(
    session: Session,
    jurisdiction: Jurisdiction,
    number: str,
    *,
    issued_on: date | str | None = None,
    title: str | None = None,
    kind: str | None = None,
    issuer: str | None = None,
    actor: str = "",
    tally: Tally | None = None,
) -> Directive:
    """The directive ``number`` of ``jurisdiction``, created or updated with the given fields through
    the one rule (:func:`tracker.core.changes.plan_record`): empty fields change nothing, every change
    is audited and, with ``tally``, described there."""
    assert jurisdiction.id is not None
    number = one_line(number)
    if not number:
        raise TrackerError(key="error.directive_number_empty")
    directive = session.execute(
        select(Directive).where(col(Directive.jurisdiction_id) == jurisdiction.id, col(Directive.number) == number)
    ).scalar_one_or_none()
    incoming: dict[str, Any] = {
        "issued_on": as_date(issued_on),
        "title": clean_name(title or ""),
        "kind": clean_name(kind or ""),
        "issuer": clean_name(issuer or ""),
    }
    if directive is None:
        incoming["issuer"] = incoming["issuer"] or f"UBND {jurisdiction.name}"
        directive = Directive(jurisdiction_id=jurisdiction.id, number=number, **incoming)
        session.add(directive)
        session.flush()
        assert directive.id is not None
        record_plan(session, "directive", directive.id, plan_record(None, incoming).audits, actor)
        return directive
    assert directive.id is not None
    plan = plan_record({name: getattr(directive, name) for name in incoming}, incoming)
    for name, value in plan.changes.items():
        setattr(directive, name, value)
    record_plan(session, "directive", directive.id, plan.audits, actor)
    if tally is not None and plan.changes:
        tally.record_changes.append(f"{number}: {describe_changes(plan.audits)}")
    session.flush()
    return directive


def find_directive(session: Session, number: str, jurisdiction_code: str | None = None) -> Directive:
    """A directive by number (or id): see :func:`tracker.store.names.find_directive_id`."""
    found = session.get(Directive, names.find_directive_id(names.SessionRows(session), number, jurisdiction_code))
    assert found is not None
    return found


def find_task(session: Session, directive: Directive, ref: str) -> Task:
    task = session.execute(
        select(Task).where(col(Task.directive_id) == directive.id, col(Task.ref) == one_line(ref))
    ).scalar_one_or_none()
    if task is None:
        raise NotFoundError(key="error.task_missing", number=directive.number, ref=ref)
    return task


def _deadline(value: Deadline | date | str | None, rules: DeadlineRules) -> Deadline:
    if isinstance(value, Deadline):
        return value
    if isinstance(value, date):
        return Deadline(value.strftime("%d/%m/%Y"), due_on=value)
    return parse_deadline(value, rules)


def assign(
    session: Session,
    directive: Directive,
    ref: str,
    text: str,
    *,
    lead: Sequence[str],
    coordinating: Sequence[str] = (),
    deadline: Deadline | date | str | None = None,
    starts_on: date | None = None,
    horizon: date,
    rules: DeadlineRules,
    actor: str,
    source: str = "",
) -> Tally:
    """Create or update task ``ref`` of ``directive`` and its assignments.

    Groups among ``lead`` and ``coordinating`` expand to their members; an agency named as lead is
    not also a coordinator. A recurring deadline gives one assignment per agency per period from
    ``starts_on`` (default: the directive's date) to ``horizon``. A changed due date is recorded as a
    deadline change whose source is ``source``.
    """
    ref = one_line(ref)
    if not ref:
        raise TrackerError(key="error.task_ref_empty", number=directive.number)
    parsed = _deadline(deadline, rules)
    leads = resolve_agencies(session, lead, directive.jurisdiction_id)
    if not leads:
        raise TrackerError(key="error.task_no_lead", number=directive.number, ref=ref)
    lead_ids = {a.id for a in leads}
    coordinators = [
        a for a in resolve_agencies(session, coordinating, directive.jurisdiction_id) if a.id not in lead_ids
    ]

    task = session.execute(
        select(Task).where(col(Task.directive_id) == directive.id, col(Task.ref) == ref)
    ).scalar_one_or_none()
    incoming: dict[str, Any] = {
        "text": clean_name(text),
        "deadline_text": parsed.text,
        "due_on": parsed.due_on,
        "rule": parsed.rule,
        "starts_on": starts_on
        or (task.starts_on if task else None)
        or (periods_start(directive.issued_on) if parsed.rule is not None else directive.issued_on),
    }
    tally = Tally()
    if task is None:
        assert directive.id is not None
        task = Task(directive_id=directive.id, ref=ref, folded_text=fold(incoming["text"]), **incoming)
        session.add(task)
        session.flush()
        assert task.id is not None
        record_plan(session, "task", task.id, plan_record(None, incoming).audits, actor)
    else:
        assert task.id is not None
        plan = plan_record({name: getattr(task, name) for name in incoming}, incoming)
        for name, value in plan.changes.items():
            setattr(task, name, value)
        task.folded_text = fold(task.text)
        record_plan(session, "task", task.id, plan.audits, actor)
        if plan.changes:
            tally.record_changes.append(f"{directive.number} {ref}: {describe_changes(plan.audits)}")
        session.flush()

    if parsed.rule is not None:
        start = task.starts_on or horizon
        slots: list[tuple[str, date | None]] = [
            (o.period, o.due_on) for o in occurrences(parsed.rule, start, horizon, rules)
        ]
    else:
        slots = [("", parsed.due_on)]
    for role, agencies in ((Role.LEAD, leads), (Role.COORDINATING, coordinators)):
        for agency in agencies:
            for period, due_on in slots:
                assert task.id is not None and agency.id is not None
                tally.add(
                    _upsert_assignment(session, task, agency.id, role, period, due_on, parsed.text, actor, source)
                )
    return tally


def _upsert_assignment(
    session: Session,
    task: Task,
    agency_id: int,
    role: Role,
    period: str,
    due_on: date | None,
    deadline_text: str,
    actor: str,
    source: str,
) -> Tally:
    """The assignment of ``task`` to ``agency_id`` in ``role`` for ``period``, written through the one
    rule (:func:`tracker.core.changes.plan_assignment`)."""
    assert task.id is not None
    existing = session.execute(
        select(Assignment).where(
            col(Assignment.task_id) == task.id,
            col(Assignment.agency_id) == agency_id,
            col(Assignment.role) == role.value,
            col(Assignment.period) == period,
        )
    ).scalar_one_or_none()
    incoming = IncomingAssignment(deadline_text=deadline_text, wording_due_on=due_on)
    is_lead = role is Role.LEAD
    if existing is None:
        plan = plan_assignment(None, incoming, role_is_lead=is_lead, created_as=f"{role.value} {period}".strip())
        created = Assignment(task_id=task.id, agency_id=agency_id, role=role.value, period=period, **plan.values)
        session.add(created)
        session.flush()
        assert created.id is not None
        record_plan(session, "assignment", created.id, plan.audits, actor, steps=plan.new_steps, source=source)
        return Tally(created=1, assignment_ids=[created.id])
    assert existing.id is not None
    stored = StoredAssignment(
        existing.due_on,
        existing.deadline_text,
        existing.completed_on,
        existing.result_ref,
        existing.note,
        existing.withdrawn_on,
        existing.version,
    )
    plan = plan_assignment(stored, incoming, role_is_lead=is_lead)
    if not plan.changed:
        return Tally(unchanged=1, assignment_ids=[existing.id])
    for name, value in plan.values.items():
        setattr(existing, name, value)
    existing.version += 1
    existing.updated_at = utc_now()
    record_plan(session, "assignment", existing.id, plan.audits, actor, steps=plan.new_steps, source=source)
    session.flush()
    return Tally(updated=1, assignment_ids=[existing.id])


def materialise(session: Session, horizon: date, rules: DeadlineRules, actor: str) -> Tally:
    """Create the missing occurrences of every recurring task up to ``horizon``.

    Each recurring task's agencies are those already assigned to it (any period)."""
    tally = Tally()
    recurring = session.execute(select(Task).where(col(Task.rule).is_not(None))).scalars().all()
    for task in recurring:
        assert task.id is not None and task.rule is not None
        start = task.starts_on or horizon
        slots = occurrences(task.rule, start, horizon, rules)
        pairs = session.execute(
            select(col(Assignment.agency_id), col(Assignment.role)).where(col(Assignment.task_id) == task.id).distinct()
        ).all()
        for agency_id, role in pairs:
            have = set(
                session.execute(
                    select(col(Assignment.period)).where(
                        col(Assignment.task_id) == task.id,
                        col(Assignment.agency_id) == agency_id,
                        col(Assignment.role) == role,
                    )
                ).scalars()
            )
            for slot in slots:
                if slot.period not in have:
                    tally.add(
                        _upsert_assignment(
                            session,
                            task,
                            agency_id,
                            Role(role),
                            slot.period,
                            slot.due_on,
                            task.deadline_text,
                            actor,
                            "",
                        )
                    )
    return tally
