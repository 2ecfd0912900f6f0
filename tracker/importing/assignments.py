"""Importing assignments from a file: validate every row, upsert by identity, all in one transaction.

Identity (DESIGN §3): a directive by jurisdiction and number; a task by directive and ref; an
assignment by task, agency, role and period. Re-importing the same file changes nothing; a changed
deadline updates the assignment and is recorded as a deadline change whose source is the file.
Any error: every problem is reported (``file:row:column: value: what is wrong``) and nothing is written.
"""

from __future__ import annotations

import contextlib
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from tracker.core.catalogue import t
from tracker.core.changes import (
    DeadlineStep,
    parse_steps,
    plan_record,
)
from tracker.core.deadlines import Deadline, DeadlineRules, parse_date, parse_deadline
from tracker.core.errors import TrackerError
from tracker.core.recurrence import occurrences, periods_start
from tracker.core.text import clean_name, fold, one_line
from tracker.importing.applying import AUDIT_COLUMNS, BATCH, MISSING, NO_EXTRAS, ChangeQueue, CheckedRow, RowExtras
from tracker.importing.fields import ASSIGNMENT_FIELDS, ASSIGNMENT_REQUIRED, doubts_columns, match_columns
from tracker.importing.problems import Line
from tracker.importing.resolving import NameResolver, Problem
from tracker.importing.sources import SourceRow, Table, as_text
from tracker.importing.writes import ChangedMeanwhile, ImportWrites
from tracker.store.rawsql import RawSql

if TYPE_CHECKING:
    from sqlalchemy import Engine


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

    jurisdictions_created: list[str] = field(default_factory=list)
    """Names of the jurisdictions this import created (``--create-agencies``)."""
    notices: list[TrackerError] = field(default_factory=list)
    """What the import did that the file did not say (periods counted from the import date)."""
    agency_list: bool = False
    """The file was an agency list: the counts are of agencies."""

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self, lang: str = "en") -> str:
        """What was (or would be) written, in ``lang``: one line, then a line per notice."""
        verbs = {
            "verb_created": t("import.would_create" if self.dry_run else "import.created", lang),
            "verb_updated": t("import.would_update" if self.dry_run else "import.updated", lang),
        }
        counts = {"path": self.path, "rows": self.rows, "created": self.created, "updated": self.updated}
        if self.agency_list:
            head = t("import.summary_agency_list", lang, **counts, unchanged=self.unchanged, **verbs)
        else:
            head = t("import.summary", lang, **counts, unchanged=self.unchanged, **verbs)
        extra = []
        if self.directives_created or self.directives_updated:
            extra.append(
                t(
                    "import.summary_directives",
                    lang,
                    created=self.directives_created,
                    updated=self.directives_updated,
                    **verbs,
                )
            )
        if self.tasks_created or self.tasks_updated:
            extra.append(
                t("import.summary_tasks", lang, created=self.tasks_created, updated=self.tasks_updated, **verbs)
            )
        if self.agencies_created:
            extra.append(t("import.summary_agencies_created", lang, count=self.agencies_created, **verbs))
        if self.jurisdictions_created:
            extra.append(
                t(
                    "import.summary_jurisdictions_created",
                    lang,
                    count=len(self.jurisdictions_created),
                    names=", ".join(self.jurisdictions_created),
                    **verbs,
                )
            )
        line = head + ("; " + "; ".join(extra) if extra else "") + "."
        return "\n".join([line, *(notice.text(lang) + "." for notice in self.notices)])


_EXTRA_FIELDS = ("due_on", "deadline_changes", "withdrawal_reason", "version")
_TASK_FIELDS = ("text", "deadline_text", "due_on", "rule")
_FAST_FIELDS = (
    "jurisdiction",
    "issuer",
    "directive",
    "issued_on",
    "ref",
    "task",
    "lead",
    "coordinating",
    "deadline",
    "starts_on",
    "period",
    "completed_on",
    "result_ref",
    "note",
    "withdrawn_on",
)


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
        today: date | None = None,
    ) -> None:
        self.sql = sql
        """The import's connection, for reads; every write goes to ``writes``."""
        self.writes = writes
        self.table = table
        self.columns = columns
        self.rules = rules
        self.horizon = horizon
        self.actor = actor
        self.report = report
        self.now = datetime.now(UTC)
        self.source = table.path.name
        self.directives: dict[tuple[int, str], int] = {}
        self.tasks: dict[tuple[int, str], int] = {}
        self.task_state: dict[int, tuple[str, str, date | None, str | None]] = {}
        self.deadline_cache: dict[str, Deadline] = {}
        self.seen: dict[tuple[int, int, str, str], str] = {}
        self.touched_tasks: set[int] = set()
        self.new_directives: set[int] = set()
        """Directives created by this import: their tasks cannot exist yet, so none is looked up."""
        self.slot_cache: dict[tuple[str, date, date], list[tuple[str, date | None]]] = {}
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
        # What this import writes goes through the queue; rows of tasks that existed before are
        # compared with the stored assignments there, by batches.
        self.queue = ChangeQueue(sql, writes, path=table.path, actor=actor, now=self.now, report=report)
        self.names = NameResolver(
            sql,
            writes,
            jurisdiction_code=jurisdiction_code,
            create_agencies=create_agencies,
            report=report,
            audit=self.queue.audit,
        )
        self.today = today or self.now.date()
        self.undated: set[tuple[str, str]] = set()
        """(directive, ref) of recurring tasks whose periods start at the import date."""
        self.known_directives: dict[int, dict[str, tuple[Any, ...]]] = {}
        self.task_texts: dict[str, tuple[str, str]] = {}
        self.new_tasks: set[int] = set()
        self.has_extras = any(name in columns for name in _EXTRA_FIELDS)
        self.extras_cache: dict[tuple[Any, ...], RowExtras] = {}
        self.pick_extras = operator.itemgetter(*(columns.get(name, -1) for name in _EXTRA_FIELDS))

    # --- errors ----------------------------------------------------------------------------------

    def error(self, row: SourceRow, name: str, value: Any, problem: str | TrackerError) -> None:
        column = self.table.columns[self.columns[name]] if name in self.columns else name
        shown = one_line(as_text(value))
        where = f"{self.table.path}:{row.location}:{column}: "
        if isinstance(problem, TrackerError) and one_line(str(problem.values.get("original", ""))) == shown:
            self.report.errors.append(Line(where, problem, location=row.location))  # it quotes the value itself
            return
        self.report.errors.append(Line(f"{where}{shown!r}: ", problem, location=row.location))

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
            self.error(row, name, value, error)
            return None

    # --- resolving -----------------------------------------------------------------------------

    def jurisdiction_for(self, row: SourceRow) -> int | None:
        found = self.names.jurisdiction(self.text(row, "jurisdiction"), self.text(row, "issuer"))
        if isinstance(found, Problem):
            self.error(row, found.field, found.value, found.message)
            return None
        return found

    def agencies_for(self, row: SourceRow, name: str, jurisdiction_id: int) -> list[int] | None:
        ids, problems = self.names.agencies(as_text(self.cell(row, name)), jurisdiction_id)
        for problem in problems:
            self.error(row, name, problem.value, problem.message)
        return None if problems else ids

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
            self.error(row, "deadline", text, error)
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
                self.queue.audit("directive", directive_id, plan.audits)
                self.report.directives_updated += 1
        else:
            directive_id = self.queue.next_directive_id()
            self.queue.pending_directives.append(
                (
                    directive_id,
                    jurisdiction_id,
                    number,
                    self.queue.db_date[issued_on],
                    values["kind"],
                    values["title"],
                    values["issuer"],
                )
            )
            self.report.directives_created += 1
            self.queue.audit("directive", directive_id, plan_record(None, {}).audits)
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
                task_id = self.queue.next_task_id()
                self.queue.pending_tasks.append(
                    (
                        task_id,
                        directive_id,
                        ref,
                        text,
                        folded,
                        deadline.text,
                        self.queue.db_date[deadline.due_on],
                        deadline.rule,
                        self.queue.db_date[starts_on],
                    )
                )
                self.new_tasks.add(task_id)
                self.task_state[task_id] = wanted
                self.report.tasks_created += 1
                self.queue.audit("task", task_id, plan_record(None, {}).audits)
            self.tasks[key] = task_id
        task_id = self.tasks[key]
        # The first row of a task in the file says what the task is; later rows may carry one agency's
        # own (extended) deadline without changing the task.
        if task_id not in self.touched_tasks and self.task_state[task_id] != wanted:
            stored = dict(zip(_TASK_FIELDS, self.task_state[task_id], strict=True))
            self.queue.audit("task", task_id, plan_record(stored, dict(zip(_TASK_FIELDS, wanted, strict=True))).audits)
            self.writes.execute(
                "UPDATE task SET text = :text, folded_text = :folded, deadline_text = :deadline_text, "
                "due_on = :due_on, rule = :rule WHERE id = :id",
                {
                    "text": text,
                    "folded": folded,
                    "deadline_text": deadline.text,
                    "due_on": deadline.due_on,
                    "rule": deadline.rule,
                    "id": task_id,
                },
            )
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
        (
            jurisdiction,
            issuer,
            number,
            issued,
            ref,
            task,
            lead,
            coordinating,
            deadline_cell,
            starts,
            period_cell,
            completed,
            result_ref,
            note,
            withdrawn,
        ) = self.pick(values)
        days = self.days
        errors_before = len(self.report.errors)
        try:
            context = self.contexts.get((jurisdiction, issuer, number))
            deadline = self.deadline_cells.get(deadline_cell)
            issued_on = days.get(issued, MISSING)
            starts_on = days.get(starts, MISSING)
            completed_on = days.get(completed, MISSING)
            withdrawn_on = days.get(withdrawn, MISSING)
            period = self.periods.get(period_cell)
            if context is None:
                if issued_on is MISSING:
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
        if issued_on is MISSING:
            issued_on = self.date_cell(row, "issued_on")
        if starts_on is MISSING:
            starts_on = self.date_cell(row, "starts_on")
        starts_on = starts_on or self.start_from_issue(issued_on, deadline) or self.undated_start(row, deadline)
        if completed_on is MISSING:
            completed_on = self.date_cell(row, "completed_on")
        if withdrawn_on is MISSING:
            withdrawn_on = self.date_cell(row, "withdrawn_on")
        if period is None:
            period = self.periods[period_cell] = self.text(row, "period")
        if not task or (type(task) is str and task.isspace()):
            self.error(
                row, "task", "", TrackerError(key="row.required", field="task", header=ASSIGNMENT_FIELDS["task"][0])
            )
        if task_id is None and not self.text(row, "ref"):
            self.error(
                row, "ref", "", TrackerError(key="row.required", field="ref", header=ASSIGNMENT_FIELDS["ref"][0])
            )
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
        self.emit(
            row,
            task_id,
            roles,
            slots,
            deadline.text,
            completed_on,
            _clean(result_ref) if result_ref else "",
            _clean(note) if note else "",
            withdrawn_on,
            extras,
        )

    def parse(self, row: SourceRow) -> None:
        """The careful path: check every cell of the row, report each problem, resolve names, dates and
        deadlines, and remember what was checked for the rows that follow."""
        errors_before = len(self.report.errors)
        for name in ASSIGNMENT_REQUIRED:
            if not self.text(row, name):
                self.error(
                    row, name, "", TrackerError(key="row.required", field=name, header=ASSIGNMENT_FIELDS[name][0])
                )
        jurisdiction_id = self.jurisdiction_for(row)
        deadline = self.deadline_for(row)
        completed_on = self.date_cell(row, "completed_on")
        withdrawn_on = self.date_cell(row, "withdrawn_on")
        issued_on = self.date_cell(row, "issued_on")
        starts_on = (
            self.date_cell(row, "starts_on")
            or self.start_from_issue(issued_on, deadline)
            or self.undated_start(row, deadline)
        )
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
        self.emit(
            row,
            task_id,
            roles,
            slots,
            deadline.text,
            completed_on,
            self.text(row, "result_ref"),
            self.text(row, "note"),
            withdrawn_on,
            extras,
        )

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

    def extras_for(self, row: SourceRow) -> RowExtras | None:
        """The row's export-only cells (see :class:`RowExtras`); None when one of them is wrong (reported)."""
        if not self.has_extras:
            return NO_EXTRAS
        try:
            key = self.pick_extras(row.values)
        except IndexError:  # a short row
            key = tuple(self.cell(row, name) for name in _EXTRA_FIELDS)
        with contextlib.suppress(TypeError):  # a JSON list of deadline changes is not a key
            found = self.extras_cache.get(key)
            if found is not None:
                return found
        errors_before = len(self.report.errors)
        due_on: Any = MISSING
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
            problem = error if isinstance(error, TrackerError) else TrackerError(key="row.changes_not_objects")
            self.error(row, "deadline_changes", cell, problem)
        version: int | None = None
        version_cell = as_text(self.cell(row, "version"))
        if version_cell:
            try:
                version = int(float(version_cell))
            except ValueError:
                self.error(row, "version", version_cell, TrackerError(key="row.version_not_number"))
        if len(self.report.errors) > errors_before:
            return None
        extras = RowExtras(due_on, history, self.text(row, "withdrawal_reason"), version)
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
            self.error(row, "lead", "", TrackerError(key="row.no_lead"))
            return None
        return (*((a, "lead") for a in leads), *((c, "coordinating") for c in coordinators if c not in leads))

    @staticmethod
    def start_from_issue(issued_on: date | None, deadline: Deadline | None) -> date | None:
        """A task's start when its row gives none: the issue date, and for a recurring deadline the day
        after it (:func:`tracker.core.recurrence.periods_start`)."""
        return periods_start(issued_on) if deadline is not None and deadline.rule is not None else issued_on

    def undated_start(self, row: SourceRow, deadline: Deadline | None) -> date | None:
        """The import date, for a recurring task whose row gives no issue or start date (counted, and
        said in the summary); None for any other task."""
        if deadline is None or deadline.rule is None:
            return None
        self.undated.add((self.text(row, "directive"), self.text(row, "ref")))
        return self.today

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
        start = starts_on or self.today
        until = self.horizon
        if period[:4].isdigit():  # a period named in the file is materialised even past the horizon
            until = max(until, date(int(period[:4]), 12, 31))
        every = self.slot_cache.get((deadline.rule, start, until))
        if every is None:
            every = [(o.period, o.due_on) for o in occurrences(deadline.rule, start, until, self.rules)]
            self.slot_cache[(deadline.rule, start, until)] = every
        if not every and not period:  # no silent nothing: a task with no assignment is said
            self.report.notices.append(
                TrackerError(
                    key="import.no_assignments",
                    ref=self.text(row, "ref"),
                    deadline=deadline.text,
                    horizon=f"{until:%d/%m/%Y}",
                    start=f"{start:%d/%m/%Y}",
                )
            )
        if period:
            every = [slot for slot in every if slot[0] == period]
            if not every:
                self.error(
                    row, "period", period, TrackerError(key="row.no_such_period", deadline=deadline.text, period=period)
                )
                return None
        elif completed_on is not None:
            self.error(row, "period", "", TrackerError(key="row.completion_needs_period"))
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
        extras: RowExtras,
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
        checked = CheckedRow(
            location, task_id, roles, slots, deadline_text, completed_on, result_ref, note, withdrawn_on, extras
        )
        if task_id not in self.new_tasks:
            self.queue.batch.append(checked)
            if len(self.queue.batch) >= BATCH:
                self.queue.flush()
            return
        for agency_id, role in roles:
            for period, due_on in slots:
                self.queue.queue_new(checked, agency_id, role, period, due_on)
        if len(self.queue.pending_assignments) >= BATCH:
            self.queue.flush()

    def duplicate(self, row: SourceRow, role: str, first: str) -> None:
        self.error(
            row,
            role,
            self.text(row, "ref"),
            TrackerError(key="row.duplicate", first=first),
        )

    def run(self, progress: Callable[[int], None] | None = None) -> None:
        """Check and queue every row, then write; ``progress`` is told the rows done, now and then."""
        for source_row in self.table.rows:
            self.report.rows += 1
            self.take(source_row)
            if progress is not None and not self.report.rows % 1000:
                progress(self.report.rows)
        self.queue.flush()
        if self.undated:
            self.report.notices.append(
                TrackerError(key="import.recurring_from_today", count=len(self.undated), start=f"{self.today:%d/%m/%Y}")
            )
        if not self.report.errors:
            self.writes.finish_load()
            summary = f"{self.report.created} created, {self.report.updated} updated, {self.report.unchanged} unchanged"
            self.writes.write_rows(
                "audit_log",
                AUDIT_COLUMNS,
                [("import", 0, "import", "", str(self.table.path), summary, self.actor, self.now)],
            )


def _json_day(value: Any) -> date | None:
    return parse_date(as_text(value)) if value not in (None, "") else None


def import_assignments(
    engine: Engine,
    table: Table,
    maps: dict[str, str],
    *,
    reopen: Callable[[], Table],
    jurisdiction_code: str | None,
    create_agencies: bool,
    dry_run: bool,
    rules: DeadlineRules,
    horizon: date,
    actor: str,
    today: date | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import ``table`` in one transaction; on any error (or a dry run) nothing is kept.

    The rows are checked before the write lock is taken (see :mod:`tracker.importing.writes`); when
    another writer committed meanwhile, the file is read again (``reopen``) and imported with the
    lock held from the start."""
    import time

    started = time.perf_counter()
    columns = match_columns(table.headers, ASSIGNMENT_FIELDS, ASSIGNMENT_REQUIRED, maps, str(table.path))
    options: dict[str, Any] = {
        "jurisdiction_code": jurisdiction_code,
        "create_agencies": create_agencies,
        "rules": rules,
        "horizon": horizon,
        "actor": actor,
        "today": today,
    }
    try:
        report = _import_once(engine, table, columns, maps, options, checking=True, dry_run=dry_run, progress=progress)
    except ChangedMeanwhile:
        again = reopen()
        report = _import_once(engine, again, columns, maps, options, checking=False, dry_run=dry_run, progress=progress)
    report.seconds = time.perf_counter() - started
    return report


def _import_once(
    engine: Engine,
    table: Table,
    columns: dict[str, int],
    maps: dict[str, str],
    options: dict[str, Any],
    *,
    checking: bool,
    dry_run: bool,
    progress: Callable[[int], None] | None,
) -> ImportReport:
    from tracker.store.bulk import raw

    report = ImportReport(str(table.path), dry_run=dry_run)
    try:
        with engine.begin() as connection:
            sql = raw(connection)
            with sql.backend.large_load_cache(sql):
                writes = ImportWrites(sql, checking=checking)
                importer = AssignmentImporter(sql, writes, table, columns, report=report, **options)
                importer.run(progress)
                doubts = doubts_columns(table.headers, maps)
                for column in (*doubts, *table.ignored):
                    report.notices.append(TrackerError(key="draft.doubts_not_imported", column=column))
                read = set(columns.values())
                unread = [h for i, h in enumerate(table.headers) if h.strip() and i not in read and h not in doubts]
                if unread:  # a column no field reads is said, never dropped in silence
                    report.notices.append(
                        TrackerError(
                            key="import.columns_not_read",
                            columns=", ".join(f"“{h}”" for h in unread),
                            first=unread[0],
                            fields=", ".join(ASSIGNMENT_FIELDS),
                        )
                    )
                if report.errors or dry_run:
                    raise _Failed
                writes.write()
    except _Failed:
        pass
    return report
