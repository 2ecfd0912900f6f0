"""Importing assignments from a file: validate every row, upsert by identity, all in one transaction.

Identity (DESIGN §3): a directive by jurisdiction and number; a task by directive and ref; an
assignment by task, agency, role and period. Re-importing the same file changes nothing; a changed
deadline updates the assignment and is recorded as a deadline change whose source is the file.
Any error: every problem is reported (``file:row:column: value: what is wrong``) and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from tracker.core.deadlines import Deadline, DeadlineRules, parse_date, parse_deadline
from tracker.core.errors import AmbiguousNameError, NotFoundError, TrackerError
from tracker.core.recurrence import occurrences
from tracker.core.text import clean_name, fold, one_line
from tracker.importing.fields import ASSIGNMENT_FIELDS, ASSIGNMENT_REQUIRED, match_columns
from tracker.importing.sources import SourceRow, Table, as_text
from tracker.store import names
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
        if self.directives_created:
            extra.append(f"{self.directives_created} directive(s) {verb}created")
        if self.tasks_created or self.tasks_updated:
            extra.append(f"{self.tasks_created} task(s) {verb}created, {self.tasks_updated} {verb}updated")
        if self.agencies_created:
            extra.append(f"{self.agencies_created} agency(ies) {verb}created")
        head = (
            f"{self.path}: {self.rows} rows; assignments: {self.created} {verb}created, "
            f"{self.updated} {verb}updated, {self.unchanged} unchanged"
        )
        return head + ("; " + "; ".join(extra) if extra else "") + "."


@dataclass
class _Row:
    location: str
    jurisdiction_id: int
    directive_id: int
    task_id: int
    slots: list[tuple[str, date | None]]
    deadline_text: str
    leads: list[int]
    coordinators: list[int]
    completed_on: date | None
    result_ref: str | None
    note: str | None
    withdrawn_on: date | None


class _Failed(Exception):
    """Raised to roll back the transaction after every row has been checked."""


class AssignmentImporter:
    def __init__(
        self,
        sql: RawSql,
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
            return self.date_cache[text]
        try:
            self.date_cache[text] = parse_date(text)
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
                    self.issuer_cache[code] = self.sql.insert_returning_id("jurisdiction", {"code": code, "name": code})
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
        key = (jurisdiction_id, fold(name))
        if key not in self.agency_cache:
            try:
                agency = names.find_agency(self.sql, name, jurisdiction_id)
            except (NotFoundError, AmbiguousNameError):
                return None
            self.agency_cache[key] = [a.id for a in names.expand(self.sql, agency)]
        return self.agency_cache[key]

    def create_agency(self, name: str, jurisdiction_id: int) -> list[int]:
        agency_id = self.sql.insert_returning_id(
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

    def directive_for(self, row: SourceRow, jurisdiction_id: int) -> int:
        number = self.text(row, "directive")
        key = (jurisdiction_id, number)
        if key in self.directives:
            return self.directives[key]
        issued_on = self.date_cell(row, "issued_on")
        found = self.sql.rows(
            "SELECT id, issued_on, kind, title, issuer FROM directive WHERE jurisdiction_id = :j AND number = :n",
            {"j": jurisdiction_id, "n": number},
        )
        values = {
            "issued_on": issued_on,
            "kind": clean_name(self.text(row, "kind")),
            "title": clean_name(self.text(row, "title")),
            "issuer": clean_name(self.text(row, "issuer")),
        }
        given = {k: v for k, v in values.items() if v}
        if found:
            directive_id = int(found[0][0])
            current = dict(zip(("issued_on", "kind", "title", "issuer"), found[0][1:], strict=True))
            current["issued_on"] = self.sql.to_date(current["issued_on"])
            changed = {k: v for k, v in given.items() if current[k] != v}
            if changed:
                sets = ", ".join(f"{k} = :{k}" for k in changed)
                self.sql.rows(f"UPDATE directive SET {sets} WHERE id = :id", {**changed, "id": directive_id})
        else:
            directive_id = self.sql.insert_returning_id(
                "directive",
                {"jurisdiction_id": jurisdiction_id, "number": number, "issued_on": issued_on,
                 "kind": values["kind"], "title": values["title"], "issuer": values["issuer"]},
            )  # fmt: skip
            self.report.directives_created += 1
            self.new_directives.add(directive_id)
        self.directives[key] = directive_id
        return directive_id

    def task_for(self, row: SourceRow, directive_id: int, deadline: Deadline, starts_on: date | None) -> int:
        ref = self.text(row, "ref")
        text = clean_name(self.text(row, "task"))
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
                task_id = self.sql.insert_returning_id(
                    "task",
                    {"directive_id": directive_id, "ref": ref, "text": text, "folded_text": fold(text),
                     "deadline_text": deadline.text, "due_on": deadline.due_on, "rule": deadline.rule,
                     "starts_on": starts_on},
                )  # fmt: skip
                self.task_state[task_id] = wanted
                self.report.tasks_created += 1
            self.tasks[key] = task_id
        task_id = self.tasks[key]
        # The first row of a task in the file says what the task is; later rows may carry one agency's
        # own (extended) deadline without changing the task.
        if task_id not in self.touched_tasks and self.task_state[task_id] != wanted:
            self.sql.rows(
                "UPDATE task SET text = :text, folded_text = :folded, deadline_text = :deadline_text, "
                "due_on = :due_on, rule = :rule WHERE id = :id",
                {"text": text, "folded": fold(text), "deadline_text": deadline.text, "due_on": deadline.due_on,
                 "rule": deadline.rule, "id": task_id},
            )  # fmt: skip
            self.task_state[task_id] = wanted
            self.report.tasks_updated += 1
        self.touched_tasks.add(task_id)
        return task_id

    # --- rows ----------------------------------------------------------------------------------

    def parse(self, row: SourceRow) -> _Row | None:
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
            return None
        leads = self.agencies_for(row, "lead", jurisdiction_id)
        coordinators = self.agencies_for(row, "coordinating", jurisdiction_id)
        if deadline is None or leads is None or coordinators is None or len(self.report.errors) > errors_before:
            return None
        if not leads:
            self.error(row, "lead", "", "name at least one lead agency (cơ quan chủ trì).")
            return None
        if deadline.rule is not None:
            start = starts_on or self.horizon
            until = self.horizon
            if period[:4].isdigit():  # a period named in the file is materialised even past the horizon
                until = max(until, date(int(period[:4]), 12, 31))
            slots = self.slot_cache.get((deadline.rule, start, until), [])
            if (deadline.rule, start, until) not in self.slot_cache:
                slots = [(o.period, o.due_on) for o in occurrences(deadline.rule, start, until, self.rules)]
                self.slot_cache[(deadline.rule, start, until)] = slots
            if period:
                slots = [slot for slot in slots if slot[0] == period]
                if not slots:
                    self.error(row, "period", period, f"the deadline {deadline.text!r} has no period {period!r}.")
                    return None
            elif completed_on is not None:
                self.error(row, "period", "", "a recurring task's completion needs the period (kỳ), e.g. 2020-02.")
                return None
        else:
            slots = [(period, deadline.due_on)]
        directive_id = self.directive_for(row, jurisdiction_id)
        task_id = self.task_for(row, directive_id, deadline, starts_on)
        coordinators = [c for c in coordinators if c not in leads]
        for agency_id, role in [*((a, "lead") for a in leads), *((c, "coordinating") for c in coordinators)]:
            for slot_period, _ in slots:
                key = (task_id, agency_id, role, slot_period)
                if key in self.seen:
                    self.error(
                        row, "lead" if role == "lead" else "coordinating", self.text(row, "ref"),
                        f"the same assignment is already on row {self.seen[key]} (directive, ref, agency, role "
                        "and period identify one); remove one of the two rows.",
                    )  # fmt: skip
                    return None
                self.seen[key] = row.location
        return _Row(
            location=row.location,
            jurisdiction_id=jurisdiction_id,
            directive_id=directive_id,
            task_id=task_id,
            slots=slots,
            deadline_text=deadline.text,
            leads=leads,
            coordinators=coordinators,
            completed_on=completed_on,
            result_ref=self.text(row, "result_ref") if "result_ref" in self.columns else None,
            note=self.text(row, "note") if "note" in self.columns else None,
            withdrawn_on=withdrawn_on,
        )

    def apply(self, batch: list[_Row]) -> None:
        """Upsert the assignments of a batch of rows: one read of what exists, then bulk writes."""
        task_ids = sorted({row.task_id for row in batch})
        existing: dict[tuple[int, int, str, str], tuple[Any, ...]] = {}
        for found in self.sql.rows_for_ids(
            "SELECT id, task_id, agency_id, role, period, due_on, deadline_text, completed_on, result_ref, note, "
            "withdrawn_on FROM assignment WHERE task_id IN ({ids})",
            task_ids,
        ):
            existing[(found[1], found[2], found[3], found[4])] = found
        inserts: list[tuple[Any, ...]] = []
        updates: list[dict[str, Any]] = []
        changes: list[tuple[Any, ...]] = []
        audits: list[tuple[Any, ...]] = []
        for row in batch:
            for agency_id, role in [
                *((a, "lead") for a in row.leads),
                *((c, "coordinating") for c in row.coordinators),
            ]:
                for period, due_on in row.slots:
                    completed = row.completed_on if role == "lead" else None
                    result_ref = (row.result_ref or "") if role == "lead" else ""
                    withdrawn = row.withdrawn_on if role == "lead" else None
                    current = existing.get((row.task_id, agency_id, role, period))
                    if current is None:
                        inserts.append(
                            (row.task_id, agency_id, role, period, due_on, row.deadline_text, due_on,
                             completed, result_ref, row.note or "", withdrawn, 1, self.now, self.now)
                        )  # fmt: skip
                        self.report.created += 1
                        continue
                    # An empty cell says nothing: it never clears a recorded completion, report or note.
                    wanted = {
                        "due_on": due_on,
                        "deadline_text": row.deadline_text,
                        "completed_on": completed or self.sql.to_date(current[7]),
                        "result_ref": result_ref or current[8],
                        "note": row.note or current[9],
                        "withdrawn_on": withdrawn or self.sql.to_date(current[10]),
                    }
                    old = {
                        "due_on": self.sql.to_date(current[5]),
                        "deadline_text": current[6],
                        "completed_on": self.sql.to_date(current[7]),
                        "result_ref": current[8],
                        "note": current[9],
                        "withdrawn_on": self.sql.to_date(current[10]),
                    }
                    if wanted == old:
                        self.report.unchanged += 1
                        continue
                    updates.append({**wanted, "id": current[0], "updated_at": self.now})
                    if wanted["due_on"] != old["due_on"]:
                        changes.append((current[0], old["due_on"], wanted["due_on"], "deadline changed in the file",
                                        "", self.source, self.actor, self.now))  # fmt: skip
                    for name, value in wanted.items():
                        if value != old[name]:
                            audits.append(("assignment", current[0], "import", name, _audit(old[name]),
                                           _audit(value), self.actor, self.now))  # fmt: skip
                    self.report.updated += 1
        if self.report.errors:
            return  # nothing will be kept: skip the writes, go on checking rows
        self.sql.write_rows(
            "assignment",
            ["task_id", "agency_id", "role", "period", "due_on", "deadline_text", "original_due_on", "completed_on",
             "result_ref", "note", "withdrawn_on", "version", "created_at", "updated_at"],
            inserts,
        )  # fmt: skip
        self.sql.executemany(
            "UPDATE assignment SET due_on = :due_on, deadline_text = :deadline_text, completed_on = :completed_on, "
            "result_ref = :result_ref, note = :note, withdrawn_on = :withdrawn_on, version = version + 1, "
            "updated_at = :updated_at WHERE id = :id",
            updates,
        )
        self.sql.write_rows(
            "deadline_change",
            ["assignment_id", "old_due_on", "new_due_on", "reason", "decision_ref", "source", "actor", "changed_at"],
            changes,
        )
        self.sql.write_rows(
            "audit_log", ["entity", "entity_id", "action", "field", "old_value", "new_value", "actor", "at"], audits
        )

    def run(self) -> None:
        batch: list[_Row] = []
        for source_row in self.table.rows:
            self.report.rows += 1
            parsed = self.parse(source_row)
            if parsed is not None:
                batch.append(parsed)
            if len(batch) >= BATCH:
                self.apply(batch)
                batch.clear()
        if batch:
            self.apply(batch)
        if not self.report.errors:
            summary = f"{self.report.created} created, {self.report.updated} updated, {self.report.unchanged} unchanged"
            self.sql.write_rows(
                "audit_log",
                ["entity", "entity_id", "action", "field", "old_value", "new_value", "actor", "at"],
                [("import", 0, "import", "", str(self.table.path), summary, self.actor, self.now)],
            )


def _audit(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


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
        with engine.begin() as connection:
            importer = AssignmentImporter(
                raw(connection), table, columns, jurisdiction_code=jurisdiction_code,
                create_agencies=create_agencies, rules=rules, horizon=horizon, actor=actor, report=report,
            )  # fmt: skip
            importer.run()
            if report.errors or dry_run:
                raise _Failed
    except _Failed:
        pass
    report.seconds = time.perf_counter() - started
    return report
