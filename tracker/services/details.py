"""Everything about one assignment, for ``tracker show`` and the UI's detail pane."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlmodel import col

from tracker.store.models import Agency, Assignment, AuditEntry, DeadlineChange, Directive, Task, Withdrawal
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
    with tracker.transaction() as session:
        assignment = session.get(Assignment, assignment_id)
        task = session.get(Task, row.task_id)
        directive = session.get(Directive, row.directive_id)
        assert assignment is not None and task is not None and directive is not None
        siblings = session.execute(
            select(col(Agency.name), col(Assignment.role))
            .join(Agency, col(Agency.id) == col(Assignment.agency_id))
            .where(col(Assignment.task_id) == task.id, col(Assignment.period) == assignment.period)
            .order_by(col(Agency.folded_name))
        ).all()
        changes = [
            ChangeLine(c.old_due_on, c.new_due_on, c.reason, c.decision_ref, c.source, c.actor, c.changed_at)
            for c in session.execute(
                select(DeadlineChange)
                .where(col(DeadlineChange.assignment_id) == assignment_id)
                .order_by(col(DeadlineChange.id))
            ).scalars()
        ]
        withdrawal = session.execute(
            select(Withdrawal).where(col(Withdrawal.assignment_id) == assignment_id)
        ).scalar_one_or_none()
        history = [
            AuditLine(e.action, e.field, e.old_value, e.new_value, e.actor, e.at)
            for e in session.execute(
                select(AuditEntry)
                .where(col(AuditEntry.entity) == "assignment", col(AuditEntry.entity_id) == assignment_id)
                .order_by(col(AuditEntry.id))
            ).scalars()
        ]
        return AssignmentDetails(
            row=row,
            as_of=as_of,
            directive_kind=directive.kind,
            directive_title=directive.title,
            directive_issuer=directive.issuer,
            directive_issued_on=directive.issued_on,
            task_text=task.text,
            task_deadline_text=task.deadline_text,
            original_due_on=assignment.original_due_on,
            lead_agencies=[name for name, role in siblings if role == "lead"],
            coordinating_agencies=[name for name, role in siblings if role == "coordinating"],
            changes=changes,
            withdrawal=(
                WithdrawalLine(withdrawal.reason, withdrawal.decision_ref, withdrawal.actor, withdrawal.recorded_at)
                if withdrawal
                else None
            ),
            history=history,
        )
