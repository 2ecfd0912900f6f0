"""The audit log: every change to an assignment, with its actor."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from tracker.store.models import AuditEntry


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


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
