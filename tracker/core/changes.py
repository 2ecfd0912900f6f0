"""The one rule for "incoming values → changes" of a directive, a task or an assignment.

Every writer (the ORM services, the file importer, the UI's forms, the synthetic loader) hands this
module what is stored and what came in, and writes what it returns: the changed fields, the deadline
changes to record and the audit entries. Nothing here reads or writes a database.

Incoming values that are empty say nothing: an empty cell never clears a recorded completion, report
number, note or withdrawal. A deadline *wording* that is unchanged says nothing about the current due
date either, so an extension made by hand survives a re-import of a file that predates it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from tracker.core.deadlines import parse_date
from tracker.core.errors import DeadlineError


class Action(StrEnum):
    """The audit log's action names: one per kind of change, whichever writer made it."""

    CREATE = "create"
    UPDATE = "update"
    DEADLINE = "deadline"
    COMPLETE = "complete"
    REOPEN = "reopen"
    EXTEND = "extend"
    WITHDRAW = "withdraw"
    NOTE = "note"
    IMPORT = "import"


class Reason(StrEnum):
    """The reasons recorded with a deadline change that no person typed."""

    AT_SOURCE = "deadline changed at the source"
    """The directive (or the file standing for it) now gives another deadline."""


ASSIGNMENT_FIELD_ACTIONS: dict[str, Action] = {
    "due_on": Action.DEADLINE,
    "deadline_text": Action.DEADLINE,
    "completed_on": Action.COMPLETE,
    "result_ref": Action.COMPLETE,
    "note": Action.NOTE,
    "withdrawn_on": Action.WITHDRAW,
}


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One line of the audit log, without the entity's id, the actor and the time (the writer's)."""

    action: Action
    field: str
    old: str | None
    new: str | None


@dataclass(frozen=True, slots=True)
class DeadlineStep:
    """One deadline change of an assignment: from ``old_due_on`` to ``new_due_on``."""

    old_due_on: date | None
    new_due_on: date | None
    reason: str
    decision_ref: str = ""


@dataclass(frozen=True, slots=True)
class RecordPlan:
    """What to write to a directive, a task or an agency: ``changes`` (all fields when ``create``)."""

    create: bool
    changes: dict[str, Any]
    audits: tuple[AuditEntry, ...]

    @property
    def changed(self) -> bool:
        return self.create or bool(self.changes)


def audit_text(value: Any) -> str | None:
    """A value as the audit log stores it."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return str(value)


def plan_record(current: Mapping[str, Any] | None, incoming: Mapping[str, Any]) -> RecordPlan:
    """The changes that ``incoming`` makes to a record. Empty incoming values (None, "", []) say
    nothing; for a new record (``current`` None) every incoming value is written."""
    if current is None:
        return RecordPlan(True, dict(incoming), (AuditEntry(Action.CREATE, "", None, None),))
    changes = {
        name: value
        for name, value in incoming.items()
        if value not in (None, "", [], ()) and _differs(current.get(name), value)
    }
    audits = tuple(
        AuditEntry(Action.UPDATE, name, audit_text(current.get(name)), audit_text(value))
        for name, value in changes.items()
    )
    return RecordPlan(False, changes, audits)


def _differs(old: Any, new: Any) -> bool:
    if isinstance(old, list | tuple) and isinstance(new, list | tuple):
        return list(old) != list(new)
    return bool(old != new)


@dataclass(frozen=True, slots=True)
class StoredAssignment:
    """What is stored of an assignment, as far as an incoming row can change it."""

    due_on: date | None
    deadline_text: str
    completed_on: date | None = None
    result_ref: str = ""
    note: str = ""
    withdrawn_on: date | None = None
    version: int = 1
    history: tuple[DeadlineStep, ...] = ()


_UNSET: Any = object()


def unset() -> Any:
    """The value of :attr:`IncomingAssignment.due_on` when the source states no current due date."""
    return _UNSET


@dataclass(frozen=True, slots=True)
class IncomingAssignment:
    """What a writer brings for an assignment.

    ``deadline_text`` and ``wording_due_on`` are the deadline as the directive writes it and the date it
    resolves to. ``due_on`` is the current due date when the source states it (an export does; a
    directive does not). ``history`` are deadline changes the source lists (an export's). ``version``
    is the version the source was made from, if it says.
    """

    deadline_text: str
    wording_due_on: date | None
    due_on: date | None = _UNSET
    completed_on: date | None = None
    result_ref: str = ""
    note: str = ""
    withdrawn_on: date | None = None
    history: tuple[DeadlineStep, ...] = ()
    version: int | None = None

    @property
    def states_due_on(self) -> bool:
        return self.due_on is not _UNSET


@dataclass(frozen=True, slots=True)
class AssignmentPlan:
    """What to write for one assignment.

    For a new assignment ``values`` holds every stored field (and ``original_due_on``); for an existing
    one only the changed fields. ``new_steps`` are the deadline changes to record. ``conflict`` is set
    (and nothing else) when the source was made from an older version and would change the record.
    """

    create: bool
    values: dict[str, Any] = field(default_factory=dict)
    new_steps: tuple[DeadlineStep, ...] = ()
    audits: tuple[AuditEntry, ...] = ()
    conflict: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return self.create or bool(self.values)


def plan_assignment(
    current: StoredAssignment | None,
    incoming: IncomingAssignment,
    *,
    role_is_lead: bool = True,
    created_as: str = "",
) -> AssignmentPlan:
    """The rule for every writer of an assignment.

    - A completion, its report number and a withdrawal belong to the lead: a coordinator's incoming
      values of these are ignored.
    - The due date follows the source's stated ``due_on``; without one, a changed wording moves the due
      date to the wording's date, and an unchanged wording keeps the current due date.
    - A new assignment's audit entry says ``created_as`` (its role and period, as the history shows them).
    - Every change of the due date is a deadline step: the source's own step for that date if it lists
      one that is not stored yet, else one with :attr:`Reason.AT_SOURCE`.
    """
    completed_on = incoming.completed_on if role_is_lead else None
    result_ref = incoming.result_ref if role_is_lead else ""
    withdrawn_on = incoming.withdrawn_on if role_is_lead else None
    if current is None:
        due_on = incoming.due_on if incoming.states_due_on else incoming.wording_due_on
        steps = incoming.history
        original = steps[0].old_due_on if steps else incoming.wording_due_on
        if not steps and due_on != original:
            steps = (DeadlineStep(original, due_on, Reason.AT_SOURCE.value),)
        values = {
            "due_on": due_on,
            "original_due_on": original,
            "deadline_text": incoming.deadline_text,
            "completed_on": completed_on,
            "result_ref": result_ref,
            "note": incoming.note,
            "withdrawn_on": withdrawn_on,
        }
        return AssignmentPlan(True, values, steps, (AuditEntry(Action.CREATE, "", None, created_as or None),))

    if incoming.states_due_on:
        due_on = incoming.due_on
    elif incoming.deadline_text != current.deadline_text:
        due_on = incoming.wording_due_on
    else:
        due_on = current.due_on
    wanted = {
        "due_on": due_on,
        "deadline_text": incoming.deadline_text or current.deadline_text,
        "completed_on": completed_on or current.completed_on,
        "result_ref": result_ref or current.result_ref,
        "note": incoming.note or current.note,
        "withdrawn_on": withdrawn_on or current.withdrawn_on,
    }
    stored = {
        "due_on": current.due_on,
        "deadline_text": current.deadline_text,
        "completed_on": current.completed_on,
        "result_ref": current.result_ref,
        "note": current.note,
        "withdrawn_on": current.withdrawn_on,
    }
    values = {name: value for name, value in wanted.items() if value != stored[name]}
    if not values:
        return AssignmentPlan(False)
    if incoming.version is not None and incoming.version < current.version:
        return AssignmentPlan(False, conflict=tuple(values))
    recorded: tuple[DeadlineStep, ...] = ()
    if "due_on" in values:
        known = {(s.old_due_on, s.new_due_on) for s in current.history}
        listed = [s for s in incoming.history if (s.old_due_on, s.new_due_on) not in known]
        recorded = tuple(listed) or (DeadlineStep(current.due_on, due_on, Reason.AT_SOURCE.value),)
    audits = tuple(
        AuditEntry(ASSIGNMENT_FIELD_ACTIONS[name], name, audit_text(stored[name]), audit_text(value))
        for name, value in values.items()
    )
    return AssignmentPlan(False, values, recorded, audits)


def describe_changes(changes: Sequence[AuditEntry]) -> str:
    """``field: old → new`` for each entry, for a message saying what an update would change."""
    return "; ".join(f"{a.field}: {a.old or '—'} → {a.new or '—'}" for a in changes if a.field)


STEP_SEPARATOR = " | "
NO_DATE = "—"


def format_steps(steps: Sequence[DeadlineStep]) -> str:
    """Deadline changes as a spreadsheet cell: one per line, ``20/05/2020 → 10/06/2020 | reason | decision``."""
    return "\n".join(
        STEP_SEPARATOR.join(
            [f"{_day(s.old_due_on)} → {_day(s.new_due_on)}", s.reason, *([s.decision_ref] if s.decision_ref else [])]
        )
        for s in steps
    )


def parse_steps(text: str) -> tuple[DeadlineStep, ...]:
    """The inverse of :func:`format_steps`; raises :class:`DeadlineError` naming the line it cannot read."""
    steps: list[DeadlineStep] = []
    for line in (line.strip() for line in text.replace("\r", "\n").split("\n")):
        if not line:
            continue
        dates, _, rest = line.partition(STEP_SEPARATOR.strip())
        old, arrow, new = dates.replace("->", "→").partition("→")
        if not arrow:
            raise DeadlineError(key="deadline.step_unreadable", line=line)
        parts = [part.strip() for part in rest.split(STEP_SEPARATOR.strip())] if rest.strip() else []
        decision = parts.pop() if len(parts) > 1 else ""
        steps.append(DeadlineStep(_read_day(old), _read_day(new), STEP_SEPARATOR.join(parts), decision))
    return tuple(steps)


def _day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else NO_DATE


def _read_day(text: str) -> date | None:
    text = text.strip()
    return None if text in ("", NO_DATE, "-") else parse_date(text)
