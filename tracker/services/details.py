"""Everything about one assignment, for ``tracker show`` and the UI's detail pane.

Read with plain SQL on the caller's reader, like the lists: the UI shows details as the cursor moves,
and the ORM (SQLModel, SQLAlchemy and pydantic: 28 MB and half a second to import) is left for writes."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from tracker.store.queries import AssignmentRow

if TYPE_CHECKING:
    from tracker.api import Tracker


@dataclass(frozen=True)
class ChangeLine:
    old_due_on: date | None
    new_due_on: date | None
    reason: str
    decision_ref: str
    source: str
    actor: str
    changed_at: datetime


@dataclass(frozen=True)
class AuditLine:
    action: str
    field: str
    old_value: str | None
    new_value: str | None
    actor: str
    at: datetime


@dataclass(frozen=True)
class WithdrawalLine:
    reason: str
    decision_ref: str
    actor: str
    recorded_at: datetime


@dataclass(frozen=True)
class AssignmentDetails:
    row: AssignmentRow
    as_of: date
    directive_kind: str
    directive_title: str
    directive_issuer: str
    directive_issued_on: date | None
    task_text: str
    task_deadline_text: str
    original_due_on: date | None
    lead_agencies: list[str]
    coordinating_agencies: list[str]
    changes: list[ChangeLine]
    withdrawal: WithdrawalLine | None
    history: list[AuditLine]

    def as_dict(self) -> dict[str, Any]:
        def plain(value: Any) -> Any:
            if isinstance(value, date | datetime):
                return value.isoformat()
            if isinstance(value, dict):
                return {k: plain(v) for k, v in value.items()}
            if isinstance(value, list):
                return [plain(v) for v in value]
            return value

        data = {k: v for k, v in asdict(self).items() if k not in {"row"}}
        return {"assignment": self.row.as_dict(), **plain(data)}


def assignment_details(tracker: Tracker, assignment_id: int, as_of: date) -> AssignmentDetails:
    row = tracker.get(assignment_id, as_of)
    reader = tracker.reader
    when = reader.raw.to_datetime
    kind, title, issuer, issued_on, task_text, task_deadline_text, original_due_on = reader.rows(
        "SELECT d.kind, d.title, d.issuer, d.issued_on, t.text, t.deadline_text, a.original_due_on "
        "FROM assignment a JOIN task t ON t.id = a.task_id JOIN directive d ON d.id = t.directive_id WHERE a.id = :id",
        {"id": assignment_id},
    )[0]
    siblings = reader.rows(
        "SELECT g.name, a.role FROM assignment a JOIN agency g ON g.id = a.agency_id "
        "WHERE a.task_id = :task AND a.period = :period ORDER BY g.folded_name",
        {"task": row.task_id, "period": row.period},
    )
    changes = [
        ChangeLine(reader.to_date(old), reader.to_date(new), reason, decision, source, actor, when(at))
        for old, new, reason, decision, source, actor, at in reader.rows(
            "SELECT old_due_on, new_due_on, reason, decision_ref, source, actor, changed_at FROM deadline_change "
            "WHERE assignment_id = :id ORDER BY id",
            {"id": assignment_id},
        )
    ]
    withdrawals = [
        WithdrawalLine(reason, decision, actor, when(at))
        for reason, decision, actor, at in reader.rows(
            "SELECT reason, decision_ref, actor, recorded_at FROM withdrawal WHERE assignment_id = :id",
            {"id": assignment_id},
        )
    ]
    history = [
        AuditLine(action, name, old, new, actor, when(at))
        for action, name, old, new, actor, at in reader.rows(
            "SELECT action, field, old_value, new_value, actor, at FROM audit_log "
            "WHERE entity = 'assignment' AND entity_id = :id ORDER BY id",
            {"id": assignment_id},
        )
    ]
    return AssignmentDetails(
        row=row,
        as_of=as_of,
        directive_kind=kind,
        directive_title=title,
        directive_issuer=issuer,
        directive_issued_on=reader.to_date(issued_on),
        task_text=task_text,
        task_deadline_text=task_deadline_text,
        original_due_on=reader.to_date(original_due_on),
        lead_agencies=[name for name, role in siblings if role == "lead"],
        coordinating_agencies=[name for name, role in siblings if role == "coordinating"],
        changes=changes,
        withdrawal=withdrawals[0] if withdrawals else None,
        history=history,
    )
