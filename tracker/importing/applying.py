"""The writing half of an import: what checked rows change, through the one rule, queued and
written in batches on the import's connection.

New directives, tasks and assignments get their ids ahead and go in by batches; rows of tasks that
existed before are set beside the stored assignments (:meth:`ChangeQueue.compare`) and updated on
the version read, so a change committed by someone else meanwhile is never overwritten.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from tracker.core.changes import (
    AuditEntry,
    DeadlineStep,
    IncomingAssignment,
    StoredAssignment,
    plan_assignment,
    unset,
)
from tracker.core.errors import TrackerError
from tracker.importing.problems import Line
from tracker.importing.writes import ImportWrites
from tracker.store.ids import IdAllocator
from tracker.store.rawsql import RawSql

BATCH = 5_000

MISSING: Any = object()


class RowExtras(NamedTuple):
    """The cells of an export that a directive's own sheet does not have: the current due date, the
    deadline changes, the withdrawal's reason and the version the row was exported at."""

    due_on: Any
    """The current due date, or :data:`MISSING` when the row does not state one."""
    history: tuple[DeadlineStep, ...] = ()
    withdrawal_reason: str = ""
    version: int | None = None


NO_EXTRAS = RowExtras(MISSING)


class CheckedRow(NamedTuple):
    """A checked row whose task existed before the import: its assignments may exist too."""

    location: str
    task_id: int
    roles: tuple[tuple[int, str], ...]
    slots: tuple[tuple[str, date | None], ...]
    deadline_text: str
    completed_on: date | None
    result_ref: str
    note: str
    withdrawn_on: date | None
    extras: RowExtras


_ASSIGNMENT_COLUMNS = (
    "id",
    "task_id",
    "agency_id",
    "role",
    "period",
    "due_on",
    "deadline_text",
    "original_due_on",
    "completed_on",
    "result_ref",
    "note",
    "withdrawn_on",
    "version",
    "created_at",
    "updated_at",
)
_STEP_COLUMNS = ("assignment_id", "old_due_on", "new_due_on", "reason", "decision_ref", "source", "actor", "changed_at")
_WITHDRAWAL_COLUMNS = ("assignment_id", "reason", "decision_ref", "actor", "recorded_at")
AUDIT_COLUMNS = ("entity", "entity_id", "action", "field", "old_value", "new_value", "actor", "at")
_DIRECTIVE_COLUMNS = ("id", "jurisdiction_id", "number", "issued_on", "kind", "title", "issuer")
_TASK_COLUMNS = ("id", "directive_id", "ref", "text", "folded_text", "deadline_text", "due_on", "rule", "starts_on")


class _DbDates(dict[date | None, Any]):
    """``self[day]``: a date as the driver stores it, converted once per date."""

    def __init__(self, sql: RawSql) -> None:
        super().__init__({None: None})
        self.sql = sql

    def __missing__(self, day: date) -> Any:
        self[day] = self.sql.db_value(day)
        return self[day]


def _reason_and_decision(text: str) -> tuple[str, str]:
    """A withdrawal's cell: ``reason | decision``."""
    reason, _, decision = text.partition(" | ")
    return reason.strip(), decision.strip()


class ChangeQueue:
    """Queues what an import writes and writes it by batches (:meth:`flush`)."""

    def __init__(
        self, sql: RawSql, writes: ImportWrites, *, path: Path, actor: str, now: datetime, report: Any
    ) -> None:
        self.sql = sql
        self.writes = writes
        self.path = path
        self.source = path.name
        self.actor = actor
        self.now = now
        self.report = report
        self.db_date = _DbDates(sql)
        self.db_now = sql.db_value(now)
        self.next_directive_id = IdAllocator(sql, "directive")
        self.next_task_id = IdAllocator(sql, "task")
        self.next_assignment_id = IdAllocator(sql, "assignment")
        self.pending_directives: list[tuple[Any, ...]] = []
        self.pending_tasks: list[tuple[Any, ...]] = []
        self.pending_assignments: list[tuple[Any, ...]] = []
        self.pending_steps: list[tuple[Any, ...]] = []
        self.pending_withdrawals: list[tuple[Any, ...]] = []
        self.pending_audits: list[tuple[Any, ...]] = []
        self.batch: list[CheckedRow] = []

    def incoming(self, row: CheckedRow, role: str, period: str, due_on: date | None) -> IncomingAssignment:
        """What ``row`` brings for its assignment of ``period`` (whose wording gives ``due_on``). The
        row's current due date, deadline changes and version are its lead's (an export's row is)."""
        extras = row.extras if role == "lead" else NO_EXTRAS
        stated = extras.due_on is not MISSING and (period or len(row.slots) == 1)
        if role != "lead" and row.extras.version is not None:
            # An export's row is its lead's record: its completion, report, note and withdrawal are the
            # lead's own, and a coordinator keeps its own (an empty cell changes nothing).
            return IncomingAssignment(row.deadline_text, due_on, unset(), None, "", "", None, (), None)
        return IncomingAssignment(
            row.deadline_text,
            due_on,
            extras.due_on if stated else unset(),
            row.completed_on,
            row.result_ref,
            row.note,
            row.withdrawn_on,
            extras.history,
            extras.version,
        )

    def queue_new(self, row: CheckedRow, agency_id: int, role: str, period: str, due_on: date | None) -> None:
        """Queue a new assignment as the one rule makes it, with its audit entry and deadline steps."""
        plan = plan_assignment(
            None,
            self.incoming(row, role, period, due_on),
            role_is_lead=role == "lead",
            created_as=f"{role} {period}".strip(),
        )
        values = plan.values
        assignment_id = self.next_assignment_id()
        db_date = self.db_date
        self.pending_assignments.append(
            (
                assignment_id,
                row.task_id,
                agency_id,
                role,
                period,
                db_date[values["due_on"]],
                values["deadline_text"],
                db_date[values["original_due_on"]],
                db_date[values["completed_on"]],
                values["result_ref"],
                values["note"],
                db_date[values["withdrawn_on"]],
                1,
                self.db_now,
                self.db_now,
            )
        )
        self.record(assignment_id, plan.audits, plan.new_steps)
        if values["withdrawn_on"] is not None and row.extras.withdrawal_reason:
            self.pending_withdrawals.append((assignment_id, *_reason_and_decision(row.extras.withdrawal_reason)))
        self.report.created += 1

    def record(self, assignment_id: int, audits: tuple[AuditEntry, ...], steps: tuple[DeadlineStep, ...]) -> None:
        """Queue the audit entries and deadline steps that the rule returned for one assignment."""
        now = self.db_now
        for entry in audits:
            self.pending_audits.append(
                ("assignment", assignment_id, entry.action.value, entry.field, entry.old, entry.new, self.actor, now)
            )
        for step in steps:
            self.pending_steps.append(
                (
                    assignment_id,
                    self.db_date[step.old_due_on],
                    self.db_date[step.new_due_on],
                    step.reason,
                    step.decision_ref,
                    self.source,
                    self.actor,
                    now,
                )
            )

    def audit(self, entity: str, entity_id: int, audits: tuple[AuditEntry, ...]) -> None:
        """Queue the audit entries the rule returned for a directive or a task."""
        for entry in audits:
            self.pending_audits.append(
                (entity, entity_id, entry.action.value, entry.field, entry.old, entry.new, self.actor, self.db_now)
            )

    def flush(self) -> None:
        """Compare the queued rows of existing tasks with what is stored, then write everything queued:
        new directives, tasks and assignments, updates, deadline steps, withdrawals, audit entries."""
        batch, self.batch = self.batch, []
        updates = self.compare(batch) if batch else []
        directives, self.pending_directives = self.pending_directives, []
        tasks, self.pending_tasks = self.pending_tasks, []
        inserts, self.pending_assignments = self.pending_assignments, []
        steps, self.pending_steps = self.pending_steps, []
        withdrawals, self.pending_withdrawals = self.pending_withdrawals, []
        audits, self.pending_audits = self.pending_audits, []
        if self.report.errors:
            return  # nothing will be kept: skip the writes, go on checking rows
        self.writes.write_rows("directive", _DIRECTIVE_COLUMNS, directives, converted=True)
        self.writes.write_rows("task", _TASK_COLUMNS, tasks, converted=True)
        self.writes.before_assignment_inserts(len(inserts))
        self.writes.write_rows("assignment", _ASSIGNMENT_COLUMNS, inserts, converted=True)

        def all_updated(changed: int, wanted: int = len(updates)) -> None:
            if changed != wanted:  # a writer that did not wait for the import's lock
                raise TrackerError(key="row.changed_meanwhile", path=self.path, count=wanted - changed)

        self.writes.executemany(
            "UPDATE assignment SET due_on = :due_on, deadline_text = :deadline_text, completed_on = :completed_on, "
            "result_ref = :result_ref, note = :note, withdrawn_on = :withdrawn_on, version = version + 1, "
            "updated_at = :updated_at WHERE id = :id AND version = :version",
            updates,
            all_updated,
        )
        self.writes.write_rows("deadline_change", _STEP_COLUMNS, steps, converted=True)
        self.writes.write_rows(
            "withdrawal", _WITHDRAWAL_COLUMNS, [(*w, self.actor, self.db_now) for w in withdrawals], converted=True
        )
        self.writes.write_rows("audit_log", AUDIT_COLUMNS, audits, converted=True)

    def compare(self, batch: list[CheckedRow]) -> list[dict[str, Any]]:
        """Set a batch of rows beside the assignments that exist (one read), through the one rule:
        queue the new ones and what the rule records; return the updates."""
        to_date = self.sql.to_date
        existing: dict[tuple[int, int, str, str], tuple[Any, ...]] = {}
        for found in self.sql.rows_for_ids(
            "SELECT id, task_id, agency_id, role, period, due_on, deadline_text, completed_on, result_ref, note, "
            "withdrawn_on, version FROM assignment WHERE task_id IN ({ids})",
            (row.task_id for row in batch),
        ):
            existing[(found[1], found[2], found[3], found[4])] = found
        histories: dict[int, list[DeadlineStep]] = {}
        if any(row.extras.history for row in batch):
            for found in self.sql.rows_for_ids(
                "SELECT assignment_id, old_due_on, new_due_on, reason, decision_ref FROM deadline_change "
                "WHERE assignment_id IN ({ids}) ORDER BY id",
                (e[0] for e in existing.values()),
            ):
                step = DeadlineStep(to_date(found[1]), to_date(found[2]), found[3], found[4])
                histories.setdefault(found[0], []).append(step)
        updates: list[dict[str, Any]] = []
        for row in batch:
            for agency_id, role in row.roles:
                for period, due_on in row.slots:
                    current = existing.get((row.task_id, agency_id, role, period))
                    if current is None:
                        self.queue_new(row, agency_id, role, period, due_on)
                        continue
                    stored = StoredAssignment(
                        to_date(current[5]),
                        current[6],
                        to_date(current[7]),
                        current[8],
                        current[9],
                        to_date(current[10]),
                        int(current[11]),
                        tuple(histories.get(current[0], ())),
                    )
                    plan = plan_assignment(
                        stored, self.incoming(row, role, period, due_on), role_is_lead=role == "lead"
                    )
                    if plan.conflict:
                        self.stale(row, current[0], stored, plan.conflict)
                        continue
                    if not plan.changed:
                        self.report.unchanged += 1
                        continue
                    values = {
                        "due_on": stored.due_on,
                        "deadline_text": stored.deadline_text,
                        "completed_on": stored.completed_on,
                        "result_ref": stored.result_ref,
                        "note": stored.note,
                        "withdrawn_on": stored.withdrawn_on,
                        **plan.values,
                    }
                    updates.append({**values, "id": current[0], "version": stored.version, "updated_at": self.now})
                    self.record(int(current[0]), plan.audits, plan.new_steps)
                    if "withdrawn_on" in plan.values and stored.withdrawn_on is None and row.extras.withdrawal_reason:
                        self.pending_withdrawals.append(
                            (int(current[0]), *_reason_and_decision(row.extras.withdrawal_reason))
                        )
                    self.report.updated += 1
        return updates

    def stale(self, row: CheckedRow, assignment_id: int, stored: StoredAssignment, fields: tuple[str, ...]) -> None:
        """Report a row made from an older version of its assignment that would change it."""
        differ = ", ".join(fields)
        problem = TrackerError(
            key="row.stale", id=assignment_id, stored=stored.version, given=row.extras.version, fields=differ
        )
        self.report.errors.append(Line(f"{self.path}:{row.location}: ", problem))
