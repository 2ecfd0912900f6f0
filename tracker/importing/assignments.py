"""Importing assignments from a file: validate every row, upsert by identity, all in one transaction.

Identity (DESIGN §3): a directive by jurisdiction and number; a task by directive and ref; an
assignment by task, agency, role and period. Re-importing the same file changes nothing; a changed
deadline updates the assignment and is recorded as a deadline change whose source is the file.
Any error: every problem is reported (``file:row:column: value: what is wrong``) and nothing is written.
"""

from __future__ import annotations

import contextlib
import operator
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from tracker.core.changes import (
    AuditEntry,
    DeadlineStep,
    IncomingAssignment,
    StoredAssignment,
    parse_steps,
    plan_assignment,
    plan_record,
    unset,
)
from tracker.core.deadlines import Deadline, DeadlineRules, parse_date, parse_deadline
from tracker.core.errors import AmbiguousNameError, NotFoundError, TrackerError
from tracker.core.recurrence import occurrences
from tracker.core.text import clean_name, fold, one_line
from tracker.importing.fields import ASSIGNMENT_FIELDS, ASSIGNMENT_REQUIRED, match_columns
from tracker.importing.sources import SourceRow, Table, as_text
from tracker.importing.writes import ImportWrites
from tracker.store import names
from tracker.store.ids import IdAllocator
from tracker.store.rawsql import RawSql

if TYPE_CHECKING:
    from sqlalchemy import Engine

BATCH = 5_000


@dataclass
class ImportReport:
    """What an import did (or, with ``dry_run``, would do)."""

    path: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    directives_created: int = 0
    tasks_created: int = 0
    tasks_updated: int = 0
    directives_updated: int = 0
    agencies_created: int = 0
    rows: int = 0
    errors: list[str] = field(default_factory=list)
    dry_run: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        verb = "would be " if self.dry_run else ""
        extra = []
        if self.directives_created or self.directives_updated:
            extra.append(
                f"{self.directives_created} directive(s) {verb}created, {self.directives_updated} {verb}updated"
            )
        if self.tasks_created or self.tasks_updated:
            extra.append(f"{self.tasks_created} task(s) {verb}created, {self.tasks_updated} {verb}updated")
        if self.agencies_created:
            extra.append(f"{self.agencies_created} agency(ies) {verb}created")
        head = (
            f"{self.path}: {self.rows} rows; assignments: {self.created} {verb}created, "
            f"{self.updated} {verb}updated, {self.unchanged} unchanged"
        )
        return head + ("; " + "; ".join(extra) if extra else "") + "."


_MISSING: Any = object()


class _Extras(NamedTuple):
    """The cells of an export that a directive's own sheet does not have: the current due date, the
    deadline changes, the withdrawal's reason and the version the row was exported at."""

    due_on: Any
    """The current due date, or :data:`_MISSING` when the row does not state one."""
    history: tuple[DeadlineStep, ...] = ()
    withdrawal_reason: str = ""
    version: int | None = None


_NO_EXTRAS = _Extras(_MISSING)


class _Row(NamedTuple):
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
    extras: _Extras


_FAST_FIELDS = (
    "jurisdiction", "issuer", "directive", "issued_on", "ref", "task", "lead", "coordinating", "deadline",
    "starts_on", "period", "completed_on", "result_ref", "note", "withdrawn_on",
)  # fmt: skip
_ASSIGNMENT_COLUMNS = (
    "id", "task_id", "agency_id", "role", "period", "due_on", "deadline_text", "original_due_on", "completed_on",
    "result_ref", "note", "withdrawn_on", "version", "created_at", "updated_at",
)  # fmt: skip
_EXTRA_FIELDS = ("due_on", "deadline_changes", "withdrawal_reason", "version")
_TASK_FIELDS = ("text", "deadline_text", "due_on", "rule")
_STEP_COLUMNS = ("assignment_id", "old_due_on", "new_due_on", "reason", "decision_ref", "source", "actor", "changed_at")
_WITHDRAWAL_COLUMNS = ("assignment_id", "reason", "decision_ref", "actor", "recorded_at")
_AUDIT_COLUMNS = ("entity", "entity_id", "action", "field", "old_value", "new_value", "actor", "at")
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


def _remember(cache: dict[Any, Any], key: Any, value: Any) -> None:
    """``cache[key] = value``, unless a cell of the key is unhashable (a JSON list)."""
    with contextlib.suppress(TypeError):
        cache[key] = value


def _clean(value: Any) -> str:
    """A free-text cell on one line, stripped."""
    if not value:
        return ""
    if type(value) is str and value.isprintable() and "  " not in value:
        return value.strip()
    return one_line(as_text(value))


class _Failed(Exception):
    """Raised to roll back the transaction after every row has been checked."""


class AssignmentImporter:
    def __init__(
        self,
        sql: RawSql,
        writes: ImportWrites,
        table: Table,
        columns: dict[str, int],
        *,
        jurisdiction_code: str | None,
        create_agencies: bool,
        rules: DeadlineRules,
        horizon: date,
        actor: str,
        report: ImportReport,
    ) -> None:
        self.sql = sql
        """The import's connection, for reads; every write goes to ``writes``."""
        self.writes = writes
        self.table = table
        self.columns = columns
        self.create_agencies = create_agencies
        self.rules = rules
        self.horizon = horizon
        self.actor = actor
        self.report = report
        self.now = datetime.now(UTC)
        self.source = table.path.name
        self.fixed_jurisdiction = (
            names.find_jurisdiction_id(sql, jurisdiction_code) if jurisdiction_code is not None else None
        )
        self.jurisdictions = sql.rows("SELECT id, code, name FROM jurisdiction")
        self.issuer_cache: dict[str, int] = {}
        self.directives: dict[tuple[int, str], int] = {}
        self.tasks: dict[tuple[int, str], int] = {}
        self.task_state: dict[int, tuple[str, str, date | None, str | None]] = {}
        self.agency_cache: dict[tuple[int, str], list[int]] = {}
        self.name_ids: dict[tuple[int, str], list[int]] = {}
        self.deadline_cache: dict[str, Deadline] = {}
        self.seen: dict[tuple[int, int, str, str], str] = {}
        self.touched_tasks: set[int] = set()
        self.new_directives: set[int] = set()
        """Directives created by this import: their tasks cannot exist yet, so none is looked up."""
        self.slot_cache: dict[tuple[str, date, date], list[tuple[str, date | None]]] = {}
        self.cell_cache: dict[tuple[int, str], list[int]] = {}
        self.date_cache: dict[str, date] = {}
        self._texts_of: SourceRow | None = None
        self._texts: dict[str, str] = {}
        # The fast path: caches keyed by the cells as read, filled by the careful path (parse) once a
        # value has been checked. A row whose cells are all known again goes through take() alone.
        self.width = len(table.headers)
        self.pick = operator.itemgetter(*(columns.get(name, self.width) for name in _FAST_FIELDS))
        self.contexts: dict[tuple[Any, Any, Any], tuple[int, int]] = {}
        self.deadline_cells: dict[Any, Deadline] = {}
        self.role_cells: dict[tuple[int, Any, Any], tuple[tuple[int, str], ...]] = {}
        self.task_refs: dict[tuple[int, Any], int] = {}
        self.days: dict[Any, date | None] = {None: None, "": None}
        self.periods: dict[Any, str] = {None: "", "": ""}
        self.recurring: dict[tuple[str, date | None, str, bool], tuple[tuple[str, date | None], ...]] = {}
        # What this import writes: tasks it creates (their ids handed out ahead) and their
        # assignments go in by batches; rows of tasks that existed before go through apply().
        self.known_directives: dict[int, dict[str, tuple[Any, ...]]] = {}
        self.next_directive_id = IdAllocator(sql, "directive")
        self.pending_directives: list[tuple[Any, ...]] = []
        self.next_task_id = IdAllocator(sql, "task")
        self.task_texts: dict[str, tuple[str, str]] = {}
        self.new_tasks: set[int] = set()
        self.pending_tasks: list[tuple[Any, ...]] = []
        self.pending_assignments: list[tuple[Any, ...]] = []
        self.pending_steps: list[tuple[Any, ...]] = []
        self.pending_withdrawals: list[tuple[Any, ...]] = []
        self.pending_audits: list[tuple[Any, ...]] = []
        self.next_assignment_id = IdAllocator(sql, "assignment")
        self.batch: list[_Row] = []
        self.db_date = _DbDates(sql)
        self.db_now = sql.db_value(self.now)
        self.has_extras = any(name in columns for name in _EXTRA_FIELDS)
        self.extras_cache: dict[tuple[Any, ...], _Extras] = {}
        self.pick_extras = operator.itemgetter(*(columns.get(name, -1) for name in _EXTRA_FIELDS))

    # --- errors ----------------------------------------------------------------------------------

    def error(self, row: SourceRow, name: str, value: Any, problem: str) -> None:
        column = self.table.columns[self.columns[name]] if name in self.columns else name
        shown = one_line(as_text(value))
        self.report.errors.append(f"{self.table.path}:{row.location}:{column}: {shown!r}: {problem}")

    def cell(self, row: SourceRow, name: str) -> Any:
        index = self.columns.get(name)
        if index is None or index >= len(row.values):
            return None
        return row.values[index]

    def text(self, row: SourceRow, name: str) -> str:
        if self._texts_of is not row:
            self._texts_of, self._texts = row, {}
        found = self._texts.get(name)
        if found is None:
            value = self.cell(row, name)
            if type(value) is str and value.isprintable() and "  " not in value:
                found = value.strip()
            else:
                found = one_line(as_text(value))
            self._texts[name] = found
        return found

    def date_cell(self, row: SourceRow, name: str) -> date | None:
        value = self.cell(row, name)
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = as_text(value)
        if text in self.date_cache:
            _remember(self.days, value, self.date_cache[text])
            return self.date_cache[text]
        try:
            self.date_cache[text] = parse_date(text)
            _remember(self.days, value, self.date_cache[text])
            return self.date_cache[text]
        except TrackerError as error:
            self.error(row, name, value, f"{error} Write it day first, e.g. 30/4/2020.")
            return None

    # --- resolving -----------------------------------------------------------------------------

    def jurisdiction_for(self, row: SourceRow) -> int | None:
        if self.fixed_jurisdiction is not None:
            return self.fixed_jurisdiction
        code = self.text(row, "jurisdiction")
        if code:
            if code not in self.issuer_cache:
                by_code = {j[1]: int(j[0]) for j in self.jurisdictions}
                if code in by_code:
                    self.issuer_cache[code] = by_code[code]
                elif self.create_agencies:
                    self.issuer_cache[code] = self.writes.insert_returning_id(
                        "jurisdiction", {"code": code, "name": code}
                    )
                    self.jurisdictions.append((self.issuer_cache[code], code, code))
                else:
                    self.error(
                        row, "jurisdiction", code, f"no such jurisdiction (known: {', '.join(by_code) or 'none'})."
                    )
                    return None
            return self.issuer_cache[code]
        issuer = self.text(row, "issuer")
        if issuer in self.issuer_cache:
            return self.issuer_cache[issuer]
        folded = fold(issuer)
        matches = [
            j[0]
            for j in self.jurisdictions
            if issuer and (folded in (fold(j[1]), fold(j[2])) or fold(j[2]).removeprefix("tinh ") in folded)
        ]
        if len(matches) == 1:
            self.issuer_cache[issuer] = int(matches[0])
        elif len(self.jurisdictions) == 1:
            self.issuer_cache[issuer] = int(self.jurisdictions[0][0])
        else:
            known = ", ".join(j[1] for j in self.jurisdictions) or "none yet"
            self.error(
                row,
                "issuer",
                issuer,
                f"cannot tell which jurisdiction issued this directive (known: {known}); "
                "add --jurisdiction CODE or an issuer such as 'UBND tỉnh Thanh Hóa'.",
            )
            return None
        return self.issuer_cache[issuer]

    def agencies_for(self, row: SourceRow, name: str, jurisdiction_id: int) -> list[int] | None:
        """Agency ids named in a cell: names separated by ";" (or "," where that splits the cell into
        known names, since many names contain commas); groups expanded."""
        text = as_text(self.cell(row, name))
        cached = self.cell_cache.get((jurisdiction_id, text))
        if cached is not None:
            return cached
        result: list[int] = []
        ok = True
        for part in (p.strip() for p in text.split(";")):
            if not part:
                continue
            ids = self.lookup(part, jurisdiction_id)
            if ids is None:
                ids = self.split_on_commas(part, jurisdiction_id)
            if ids is None and self.create_agencies:
                ids = self.create_agency(part, jurisdiction_id)
            if ids is None:
                self.report_unknown(row, name, part, jurisdiction_id)
                ok = False
                continue
            result.extend(i for i in ids if i not in result)
        if not ok:
            return None
        self.cell_cache[(jurisdiction_id, text)] = result
        return result

    def split_on_commas(self, part: str, jurisdiction_id: int) -> list[int] | None:
        pieces = part.split(",")
        if len(pieces) < 2:
            return None
        result: list[int] = []
        start = 0
        while start < len(pieces):
            for end in range(len(pieces), start, -1):
                ids = self.lookup(",".join(pieces[start:end]).strip(), jurisdiction_id)
                if ids is not None:
                    result.extend(ids)
                    start = end
                    break
            else:
                return None
        return result

    def lookup(self, name: str, jurisdiction_id: int) -> list[int] | None:
        found = self.name_ids.get((jurisdiction_id, name))
        if found is not None:  # the same spelling again: no folding
            return found
        key = (jurisdiction_id, fold(name))
        if key not in self.agency_cache:
            try:
                agency = names.find_agency(self.sql, name, jurisdiction_id)
            except (NotFoundError, AmbiguousNameError):
                return None
            self.agency_cache[key] = [a.id for a in names.expand(self.sql, agency)]
        self.name_ids[(jurisdiction_id, name)] = self.agency_cache[key]
        return self.agency_cache[key]

    def create_agency(self, name: str, jurisdiction_id: int) -> list[int]:
        agency_id = self.writes.insert_returning_id(
            "agency",
            {"jurisdiction_id": jurisdiction_id, "name": clean_name(name), "folded_name": fold(name), "kind": "other"},
        )
        self.report.agencies_created += 1
        self.agency_cache[(jurisdiction_id, fold(name))] = [agency_id]
        return [agency_id]

    def report_unknown(self, row: SourceRow, name: str, candidate: str, jurisdiction_id: int) -> None:
        try:
            names.find_agency(self.sql, candidate, jurisdiction_id)
        except (NotFoundError, AmbiguousNameError) as error:
            self.error(row, name, candidate, f"{error} (or run with --create-agencies)")

    def deadline_for(self, row: SourceRow) -> Deadline | None:
        value = self.cell(row, "deadline")
        if isinstance(value, datetime | date):
            day = value.date() if isinstance(value, datetime) else value
            return Deadline(day.strftime("%d/%m/%Y"), due_on=day)
        text = as_text(value)
        if text in self.deadline_cache:
            return self.deadline_cache[text]
        try:
            parsed = parse_deadline(text, self.rules)
        except TrackerError as error:
            self.error(row, "deadline", text, str(error))
            return None
        self.deadline_cache[text] = parsed
        return parsed

    def directive_for(self, row: SourceRow, jurisdiction_id: int, issued_on: date | None) -> int:
        number = self.text(row, "directive")
        key = (jurisdiction_id, number)
        if key in self.directives:
            return self.directives[key]
        known = self.known_directives.get(jurisdiction_id)
        if known is None:  # one read per jurisdiction: a province has some hundreds of directives
            known = self.known_directives[jurisdiction_id] = {
                found[0]: found[1:]
                for found in self.sql.rows(
                    "SELECT number, id, issued_on, kind, title, issuer FROM directive WHERE jurisdiction_id = :j",
                    {"j": jurisdiction_id},
                )
            }
        found = known.get(number)
        values = {
            "issued_on": issued_on,
            "kind": clean_name(self.text(row, "kind")),
            "title": clean_name(self.text(row, "title")),
            "issuer": clean_name(self.text(row, "issuer")),
        }
        given = {k: v for k, v in values.items() if v}
        if found:
            directive_id = int(found[0])
            current = dict(zip(("issued_on", "kind", "title", "issuer"), found[1:], strict=True))
            current["issued_on"] = self.sql.to_date(current["issued_on"])
            plan = plan_record(current, given)
            if plan.changes:
                sets = ", ".join(f"{k} = :{k}" for k in plan.changes)
                self.writes.execute(f"UPDATE directive SET {sets} WHERE id = :id", {**plan.changes, "id": directive_id})
                self.audit("directive", directive_id, plan.audits)
                self.report.directives_updated += 1
        else:
            directive_id = self.next_directive_id()
            self.pending_directives.append(
                (directive_id, jurisdiction_id, number, self.db_date[issued_on], values["kind"], values["title"],
                 values["issuer"])
            )  # fmt: skip
            self.report.directives_created += 1
            self.audit("directive", directive_id, plan_record(None, {}).audits)
            self.new_directives.add(directive_id)
        self.directives[key] = directive_id
        return directive_id

    def task_for(self, row: SourceRow, directive_id: int, deadline: Deadline, starts_on: date | None) -> int:
        ref = self.text(row, "ref")
        given = self.text(row, "task")
        cleaned = self.task_texts.get(given)
        if cleaned is None:  # many directives give the same wording to a task
            if len(self.task_texts) >= 20_000:
                self.task_texts.clear()
            cleaned = self.task_texts[given] = (clean_name(given), fold(clean_name(given)))
        text, folded = cleaned
        key = (directive_id, ref)
        wanted = (text, deadline.text, deadline.due_on, deadline.rule)
        if key not in self.tasks:
            found = (
                []
                if directive_id in self.new_directives
                else self.sql.rows(
                    "SELECT id, text, deadline_text, due_on, rule FROM task WHERE directive_id = :d AND ref = :r",
                    {"d": directive_id, "r": ref},
                )
            )
            if found:
                task_id = int(found[0][0])
                self.task_state[task_id] = (found[0][1], found[0][2], self.sql.to_date(found[0][3]), found[0][4])
            else:
                task_id = self.next_task_id()
                self.pending_tasks.append(
                    (task_id, directive_id, ref, text, folded, deadline.text, self.db_date[deadline.due_on],
                     deadline.rule, self.db_date[starts_on])
                )  # fmt: skip
                self.new_tasks.add(task_id)
                self.task_state[task_id] = wanted
                self.report.tasks_created += 1
                self.audit("task", task_id, plan_record(None, {}).audits)
            self.tasks[key] = task_id
        task_id = self.tasks[key]
        # The first row of a task in the file says what the task is; later rows may carry one agency's
        # own (extended) deadline without changing the task.
        if task_id not in self.touched_tasks and self.task_state[task_id] != wanted:
            stored = dict(zip(_TASK_FIELDS, self.task_state[task_id], strict=True))
            self.audit("task", task_id, plan_record(stored, dict(zip(_TASK_FIELDS, wanted, strict=True))).audits)
            self.writes.execute(
                "UPDATE task SET text = :text, folded_text = :folded, deadline_text = :deadline_text, "
                "due_on = :due_on, rule = :rule WHERE id = :id",
                {"text": text, "folded": folded, "deadline_text": deadline.text, "due_on": deadline.due_on,
                 "rule": deadline.rule, "id": task_id},
            )  # fmt: skip
            self.task_state[task_id] = wanted
            self.report.tasks_updated += 1
        self.touched_tasks.add(task_id)
        return task_id

    # --- rows ----------------------------------------------------------------------------------

    def take(self, row: SourceRow) -> None:
        """Check one row and queue what it writes. Rows whose cells have all been seen and checked
        before (most rows: a directive, its task, the same agencies and deadline wordings) are handled
        from the caches; any other row goes through :meth:`parse`."""
        values = row.values
        if len(values) != self.width:
            values = [*values[: self.width], *([None] * (self.width - len(values)))]
        values.append(None)  # what pick() reads for a field the file has no column for
        (jurisdiction, issuer, number, issued, ref, task, lead, coordinating, deadline_cell, starts, period_cell,
         completed, result_ref, note, withdrawn) = self.pick(values)  # fmt: skip
        days = self.days
        errors_before = len(self.report.errors)
        try:
            context = self.contexts.get((jurisdiction, issuer, number))
            deadline = self.deadline_cells.get(deadline_cell)
            issued_on = days.get(issued, _MISSING)
            starts_on = days.get(starts, _MISSING)
            completed_on = days.get(completed, _MISSING)
            withdrawn_on = days.get(withdrawn, _MISSING)
            period = self.periods.get(period_cell)
            if context is None:
                if issued_on is _MISSING:
                    issued_on = self.date_cell(row, "issued_on")
                context = self.context_for(row, issued_on, errors_before)
                if context is None:
                    return
                self.contexts[(jurisdiction, issuer, number)] = context
            jurisdiction_id, directive_id = context
            roles = self.role_cells.get((jurisdiction_id, lead, coordinating))
            task_id = self.task_refs.get((directive_id, ref))
        except TypeError:  # a JSON list in a cell
            self.parse(row)
            return
        # Check what the caches do not know yet, one cell at a time.
        if deadline is None:
            deadline = self.deadline_for(row)
            _remember(self.deadline_cells, deadline_cell, deadline)
        if roles is None:
            roles = self.roles_for(row, jurisdiction_id)
            _remember(self.role_cells, (jurisdiction_id, lead, coordinating), roles)
        if issued_on is _MISSING:
            issued_on = self.date_cell(row, "issued_on")
        if starts_on is _MISSING:
            starts_on = self.date_cell(row, "starts_on")
        starts_on = starts_on or issued_on
        if completed_on is _MISSING:
            completed_on = self.date_cell(row, "completed_on")
        if withdrawn_on is _MISSING:
            withdrawn_on = self.date_cell(row, "withdrawn_on")
        if period is None:
            period = self.periods[period_cell] = self.text(row, "period")
        if not task or (type(task) is str and task.isspace()):
            self.error(row, "task", "", f"task is required ({ASSIGNMENT_FIELDS['task'][0]}).")
        if task_id is None and not self.text(row, "ref"):
            self.error(row, "ref", "", f"ref is required ({ASSIGNMENT_FIELDS['ref'][0]}).")
        if deadline is None or roles is None or len(self.report.errors) > errors_before:
            return
        if task_id is None:  # the first row of a task
            task_id = self.task_for(row, directive_id, deadline, starts_on)
            self.task_refs[(directive_id, ref)] = task_id
        slots: tuple[tuple[str, date | None], ...] | None = ((period, deadline.due_on),)
        if deadline.rule is not None:
            slots = self.recurring.get((deadline.rule, starts_on, period, completed_on is None))
            if slots is None:
                slots = self.recurring_slots(row, deadline, starts_on, period, completed_on)
        if slots is None:
            return
        extras = self.extras_for(row)
        if extras is None:
            return
        self.emit(row, task_id, roles, slots, deadline.text, completed_on, _clean(result_ref) if result_ref else "",
                  _clean(note) if note else "", withdrawn_on, extras)  # fmt: skip

    def parse(self, row: SourceRow) -> None:
        """The careful path: check every cell of the row, report each problem, resolve names, dates and
        deadlines, and remember what was checked for the rows that follow."""
        errors_before = len(self.report.errors)
        for name in ASSIGNMENT_REQUIRED:
            if not self.text(row, name):
                self.error(row, name, "", f"{name} is required ({ASSIGNMENT_FIELDS[name][0]}).")
        jurisdiction_id = self.jurisdiction_for(row)
        deadline = self.deadline_for(row)
        completed_on = self.date_cell(row, "completed_on")
        withdrawn_on = self.date_cell(row, "withdrawn_on")
        issued_on = self.date_cell(row, "issued_on")
        starts_on = self.date_cell(row, "starts_on") or issued_on
        period = self.text(row, "period")
        if jurisdiction_id is None:
            return
        roles = self.roles_for(row, jurisdiction_id)
        if deadline is None or roles is None or len(self.report.errors) > errors_before:
            return
        slots: tuple[tuple[str, date | None], ...] | None = ((period, deadline.due_on),)
        if deadline.rule is not None:
            slots = self.recurring_slots(row, deadline, starts_on, period, completed_on)
        if slots is None:
            return
        extras = self.extras_for(row)
        if extras is None:
            return
        directive_id = self.directive_for(row, jurisdiction_id, issued_on)
        task_id = self.task_for(row, directive_id, deadline, starts_on)
        pick = self.pick(row.values if len(row.values) > self.width else [*row.values, *[None] * self.width])
        jurisdiction, issuer, number, _, ref, _, lead, coordinating, deadline_cell, _, period_cell = pick[:11]
        _remember(self.contexts, (jurisdiction, issuer, number), (jurisdiction_id, directive_id))
        _remember(self.deadline_cells, deadline_cell, deadline)
        _remember(self.role_cells, (jurisdiction_id, lead, coordinating), roles)
        _remember(self.task_refs, (directive_id, ref), task_id)
        _remember(self.periods, period_cell, period)
        self.emit(row, task_id, roles, slots, deadline.text, completed_on, self.text(row, "result_ref"),
                  self.text(row, "note"), withdrawn_on, extras)  # fmt: skip

    def context_for(self, row: SourceRow, issued_on: date | None, errors_before: int) -> tuple[int, int] | None:
        """(jurisdiction id, directive id) of the row's directive, created when new. When there is none
        to be had, the problems found since ``errors_before`` are taken back and the row goes through
        :meth:`parse` instead, which reports every problem it has."""
        jurisdiction_id = self.jurisdiction_for(row) if self.text(row, "directive") else None
        if jurisdiction_id is None or len(self.report.errors) > errors_before:
            del self.report.errors[errors_before:]
            self.parse(row)
            return None
        return jurisdiction_id, self.directive_for(row, jurisdiction_id, issued_on)

    def extras_for(self, row: SourceRow) -> _Extras | None:
        """The row's export-only cells (see :class:`_Extras`); None when one of them is wrong (reported)."""
        if not self.has_extras:
            return _NO_EXTRAS
        try:
            key = self.pick_extras(row.values)
        except IndexError:  # a short row
            key = tuple(self.cell(row, name) for name in _EXTRA_FIELDS)
        with contextlib.suppress(TypeError):  # a JSON list of deadline changes is not a key
            found = self.extras_cache.get(key)
            if found is not None:
                return found
        errors_before = len(self.report.errors)
        due_on: Any = _MISSING
        if "due_on" in self.columns and as_text(self.cell(row, "due_on")):
            due_on = self.date_cell(row, "due_on")
        history: tuple[DeadlineStep, ...] = ()
        cell = self.cell(row, "deadline_changes")
        try:
            if isinstance(cell, list):
                history = tuple(
                    DeadlineStep(
                        _json_day(item.get("old_due_on")),
                        _json_day(item.get("new_due_on")),
                        one_line(as_text(item.get("reason"))),
                        one_line(as_text(item.get("decision_ref"))),
                    )
                    for item in cell
                )
            elif cell:
                history = parse_steps(as_text(cell))
        except (TrackerError, AttributeError) as error:
            problem = str(error) if isinstance(error, TrackerError) else "write each change as an object."
            self.error(row, "deadline_changes", cell, problem)
        version: int | None = None
        version_cell = as_text(self.cell(row, "version"))
        if version_cell:
            try:
                version = int(float(version_cell))
            except ValueError:
                self.error(
                    row, "version", version_cell, "the version is a whole number, as exported; or leave it empty."
                )
        if len(self.report.errors) > errors_before:
            return None
        extras = _Extras(due_on, history, self.text(row, "withdrawal_reason"), version)
        if len(self.extras_cache) >= 50_000:
            self.extras_cache.clear()
        _remember(self.extras_cache, key, extras)
        return extras

    def roles_for(self, row: SourceRow, jurisdiction_id: int) -> tuple[tuple[int, str], ...] | None:
        """(agency id, role) for each agency the row names: leads first; a lead is never also a
        coordinator. None (and the problems reported) when a name is unknown or there is no lead."""
        leads = self.agencies_for(row, "lead", jurisdiction_id)
        coordinators = self.agencies_for(row, "coordinating", jurisdiction_id)
        if leads is None or coordinators is None:
            return None
        if not leads:
            self.error(row, "lead", "", "name at least one lead agency (cơ quan chủ trì).")
            return None
        return (*((a, "lead") for a in leads), *((c, "coordinating") for c in coordinators if c not in leads))

    def recurring_slots(
        self, row: SourceRow, deadline: Deadline, starts_on: date | None, period: str, completed_on: date | None
    ) -> tuple[tuple[str, date | None], ...] | None:
        """The periods (and their due dates) a recurring deadline gives a row: every period up to the
        horizon, or the one period the row names."""
        assert deadline.rule is not None
        key = (deadline.rule, starts_on, period, completed_on is None)
        found = self.recurring.get(key)
        if found is not None:
            return found
        start = starts_on or self.horizon
        until = self.horizon
        if period[:4].isdigit():  # a period named in the file is materialised even past the horizon
            until = max(until, date(int(period[:4]), 12, 31))
        every = self.slot_cache.get((deadline.rule, start, until))
        if every is None:
            every = [(o.period, o.due_on) for o in occurrences(deadline.rule, start, until, self.rules)]
            self.slot_cache[(deadline.rule, start, until)] = every
        if period:
            every = [slot for slot in every if slot[0] == period]
            if not every:
                self.error(row, "period", period, f"the deadline {deadline.text!r} has no period {period!r}.")
                return None
        elif completed_on is not None:
            self.error(row, "period", "", "a recurring task's completion needs the period (kỳ), e.g. 2020-02.")
            return None
        self.recurring[key] = tuple(every)
        return self.recurring[key]

    def emit(
        self,
        row: SourceRow,
        task_id: int,
        roles: tuple[tuple[int, str], ...],
        slots: tuple[tuple[str, date | None], ...],
        deadline_text: str,
        completed_on: date | None,
        result_ref: str,
        note: str,
        withdrawn_on: date | None,
        extras: _Extras,
    ) -> None:
        """Queue a checked row's assignments: new ones for a task this import created, otherwise a row
        for :meth:`compare` to set beside what exists. The same assignment twice in a file is an error."""
        seen = self.seen
        location = row.location
        for agency_id, role in roles:
            for period, _ in slots:
                first = seen.setdefault((task_id, agency_id, role, period), location)
                if first is not location:
                    self.duplicate(row, role, first)
                    return
        checked = _Row(location, task_id, roles, slots, deadline_text, completed_on, result_ref, note, withdrawn_on,
                       extras)  # fmt: skip
        if task_id not in self.new_tasks:
            self.batch.append(checked)
            if len(self.batch) >= BATCH:
                self.flush()
            return
        for agency_id, role in roles:
            for period, due_on in slots:
                self.queue_new(checked, agency_id, role, period, due_on)
        if len(self.pending_assignments) >= BATCH:
            self.flush()

    def incoming(self, row: _Row, role: str, period: str, due_on: date | None) -> IncomingAssignment:
        """What ``row`` brings for its assignment of ``period`` (whose wording gives ``due_on``). The
        row's current due date, deadline changes and version are its lead's (an export's row is)."""
        extras = row.extras if role == "lead" else _NO_EXTRAS
        stated = extras.due_on is not _MISSING and (period or len(row.slots) == 1)
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

    def queue_new(self, row: _Row, agency_id: int, role: str, period: str, due_on: date | None) -> None:
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
            (assignment_id, row.task_id, agency_id, role, period, db_date[values["due_on"]], values["deadline_text"],
             db_date[values["original_due_on"]], db_date[values["completed_on"]], values["result_ref"],
             values["note"], db_date[values["withdrawn_on"]], 1, self.db_now, self.db_now)
        )  # fmt: skip
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
                (assignment_id, self.db_date[step.old_due_on], self.db_date[step.new_due_on], step.reason,
                 step.decision_ref, self.source, self.actor, now)
            )  # fmt: skip

    def audit(self, entity: str, entity_id: int, audits: tuple[AuditEntry, ...]) -> None:
        """Queue the audit entries the rule returned for a directive or a task."""
        for entry in audits:
            self.pending_audits.append(
                (entity, entity_id, entry.action.value, entry.field, entry.old, entry.new, self.actor, self.db_now)
            )

    def duplicate(self, row: SourceRow, role: str, first: str) -> None:
        self.error(
            row, role, self.text(row, "ref"),
            f"the same assignment is already on row {first} (directive, ref, agency, role "
            "and period identify one); remove one of the two rows.",
        )  # fmt: skip

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
        changed = self.writes.executemany(
            "UPDATE assignment SET due_on = :due_on, deadline_text = :deadline_text, completed_on = :completed_on, "
            "result_ref = :result_ref, note = :note, withdrawn_on = :withdrawn_on, version = version + 1, "
            "updated_at = :updated_at WHERE id = :id AND version = :version",
            updates,
        )
        if changed != len(updates):
            raise TrackerError(
                f"{self.table.path}: {len(updates) - changed} assignment(s) were changed by someone else while "
                "this import ran; nothing was written. Run the import again."
            )
        self.writes.write_rows("deadline_change", _STEP_COLUMNS, steps, converted=True)
        self.writes.write_rows("withdrawal", _WITHDRAWAL_COLUMNS,
                               [(*w, self.actor, self.db_now) for w in withdrawals], converted=True)  # fmt: skip
        self.writes.write_rows("audit_log", _AUDIT_COLUMNS, audits, converted=True)

    def compare(self, batch: list[_Row]) -> list[dict[str, Any]]:
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
                        to_date(current[5]), current[6], to_date(current[7]), current[8], current[9],
                        to_date(current[10]), int(current[11]), tuple(histories.get(current[0], ())),
                    )  # fmt: skip
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
                        "due_on": stored.due_on, "deadline_text": stored.deadline_text,
                        "completed_on": stored.completed_on, "result_ref": stored.result_ref, "note": stored.note,
                        "withdrawn_on": stored.withdrawn_on, **plan.values,
                    }  # fmt: skip
                    updates.append({**values, "id": current[0], "version": stored.version, "updated_at": self.now})
                    self.record(int(current[0]), plan.audits, plan.new_steps)
                    if "withdrawn_on" in plan.values and stored.withdrawn_on is None and row.extras.withdrawal_reason:
                        self.pending_withdrawals.append(
                            (int(current[0]), *_reason_and_decision(row.extras.withdrawal_reason))
                        )
                    self.report.updated += 1
        return updates

    def stale(self, row: _Row, assignment_id: int, stored: StoredAssignment, fields: tuple[str, ...]) -> None:
        """Report a row made from an older version of its assignment that would change it."""
        differ = ", ".join(fields)
        self.report.errors.append(
            f"{self.table.path}:{row.location}: assignment {assignment_id} changed after this file was made "
            f"(version {stored.version}, the file has {row.extras.version}); it differs in {differ}. "
            "Export it again and make the change there, or empty the version cell to apply the file's values."
        )

    def run(self) -> None:
        for source_row in self.table.rows:
            self.report.rows += 1
            self.take(source_row)
        self.flush()
        if not self.report.errors:
            self.writes.finish_load()
            summary = f"{self.report.created} created, {self.report.updated} updated, {self.report.unchanged} unchanged"
            self.writes.write_rows(
                "audit_log",
                _AUDIT_COLUMNS,
                [("import", 0, "import", "", str(self.table.path), summary, self.actor, self.now)],
            )


def _reason_and_decision(text: str) -> tuple[str, str]:
    """A withdrawal's cell: ``reason | decision``."""
    reason, _, decision = text.partition(" | ")
    return reason.strip(), decision.strip()


def _json_day(value: Any) -> date | None:
    return parse_date(as_text(value)) if value not in (None, "") else None


@contextlib.contextmanager
def _large_page_cache(sql: RawSql) -> Iterator[RawSql]:
    """On SQLite, a 64 MB page cache while the import runs: the secondary indexes of the assignment
    table take their inserts in no common order, and with the default 2 MB their pages keep being
    evicted and read back (about a tenth of an import's time at 100k rows, before a large load's
    indexes came to be deferred; it still counts for a load into a large table)."""
    if sql.dialect != "sqlite":
        yield sql
        return
    before = sql.scalar("PRAGMA cache_size")
    sql.rows("PRAGMA cache_size = -65536")
    try:
        yield sql
    finally:
        sql.rows(f"PRAGMA cache_size = {int(before)}")


def import_assignments(
    engine: Engine,
    table: Table,
    maps: dict[str, str],
    *,
    jurisdiction_code: str | None,
    create_agencies: bool,
    dry_run: bool,
    rules: DeadlineRules,
    horizon: date,
    actor: str,
) -> ImportReport:
    """Import ``table`` in one transaction; on any error (or a dry run) nothing is kept."""
    import time

    from tracker.store.bulk import raw

    started = time.perf_counter()
    report = ImportReport(str(table.path), dry_run=dry_run)
    columns = match_columns(table.headers, ASSIGNMENT_FIELDS, ASSIGNMENT_REQUIRED, maps, str(table.path))
    try:
        with engine.begin() as connection, _large_page_cache(raw(connection)) as sql:
            importer = AssignmentImporter(
                sql, ImportWrites(sql), table, columns, jurisdiction_code=jurisdiction_code,
                create_agencies=create_agencies, rules=rules, horizon=horizon, actor=actor, report=report,
            )  # fmt: skip
            importer.run()
            if report.errors or dry_run:
                raise _Failed
    except _Failed:
        pass
    report.seconds = time.perf_counter() - started
    return report
