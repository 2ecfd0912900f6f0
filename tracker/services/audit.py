"""The audit log: every change to an assignment, with its actor."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from tracker.core import changes
from tracker.core.changes import audit_text as _text
from tracker.store.models import AuditEntry, DeadlineChange


def record(
    session: Session,
    entity: str,
    entity_id: int,
    action: str,
    actor: str,
    *,
    field: str = "",
    old: Any = None,
    new: Any = None,
) -> None:
    session.add(
        AuditEntry(
            entity=entity,
            entity_id=entity_id,
            action=action,
            field=field,
            old_value=_text(old),
            new_value=_text(new),
            actor=actor,
        )
    )


def record_plan(
    session: Session,
    entity: str,
    entity_id: int,
    audits: Sequence[changes.AuditEntry],
    actor: str,
    *,
    steps: Sequence[changes.DeadlineStep] = (),
    source: str = "",
) -> None:
    """Write what the one rule (:mod:`tracker.core.changes`) returned for a record: its audit entries
    and, for an assignment, its deadline steps."""
    for entry in audits:
        session.add(
            AuditEntry(
                entity=entity,
                entity_id=entity_id,
                action=entry.action.value,
                field=entry.field,
                old_value=entry.old,
                new_value=entry.new,
                actor=actor,
            )
        )
    for step in steps:
        session.add(
            DeadlineChange(
                assignment_id=entity_id,
                old_due_on=step.old_due_on,
                new_due_on=step.new_due_on,
                reason=step.reason,
                decision_ref=step.decision_ref,
                source=source,
                actor=actor,
            )
        )
