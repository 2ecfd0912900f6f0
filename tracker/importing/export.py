"""Exporting assignments in the import format (CSV, XLSX, JSON), and import templates.

One row per lead assignment; a task's coordinating agencies are on the first row of each task and
period, so that importing the file into an empty database gives the same assignments back. An
assignment whose due date differs from its task's wording (an extension) carries its own date.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from tracker.core.changes import DeadlineStep, format_steps
from tracker.core.errors import TrackerError
from tracker.core.text import strip_controls
from tracker.importing.sources import FORMULA_STARTS, JSON_FIELDS, as_text
from tracker.store.queries import AssignmentRow
from tracker.store.reader import Reader

HEADERS = JSON_FIELDS
"""Export and template columns: the English field names the importer reads."""

EXAMPLE = {
    "jurisdiction": "thanh-hoa",
    "directive": "34/KH-UBND",
    "issued_on": date(2020, 2, 5),
    "kind": "Kế hoạch",
    "title": "Tổng kết thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011 - 2020",
    "issuer": "UBND tỉnh Thanh Hóa",
    "ref": "3.1.b.(1)",
    "task": "Tổng kết chuyên đề thực hiện cải cách thể chế",
    "lead": "Sở Tư pháp",
    "coordinating": "Sở Nội vụ; Văn phòng UBND tỉnh",
    "deadline": "trước 20/5/2020",
    "starts_on": None,
    "period": "",
    "completed_on": None,
    "result_ref": "",
    "note": "",
    "withdrawn_on": None,
    "withdrawal_reason": "",
}


def _directive_facts(reader: Reader, ids: Iterable[int]) -> dict[int, tuple[Any, ...]]:
    found = reader.rows_for_ids(
        "SELECT d.id, d.issued_on, d.kind, d.title, d.issuer, t.id, t.starts_on "
        "FROM directive d JOIN task t ON t.directive_id = d.id WHERE d.id IN ({ids})",
        ids,
    )
    return {row[5]: (reader.to_date(row[1]), row[2], row[3], row[4], reader.to_date(row[6])) for row in found}


def _histories(reader: Reader, ids: Iterable[int]) -> dict[int, list[DeadlineStep]]:
    found = reader.rows_for_ids(
        "SELECT assignment_id, old_due_on, new_due_on, reason, decision_ref FROM deadline_change "
        "WHERE assignment_id IN ({ids}) ORDER BY id",
        ids,
    )
    result: dict[int, list[DeadlineStep]] = {}
    for row in found:
        step = DeadlineStep(reader.to_date(row[1]), reader.to_date(row[2]), row[3], row[4])
        result.setdefault(row[0], []).append(step)
    return result


def _withdrawals(reader: Reader, ids: Iterable[int]) -> dict[int, str]:
    found = reader.rows_for_ids(
        "SELECT assignment_id, reason, decision_ref FROM withdrawal WHERE assignment_id IN ({ids})", ids
    )
    return {row[0]: " | ".join(part for part in (row[1], row[2]) if part) for row in found}


def export_records(reader: Reader, rows: list[AssignmentRow]) -> list[dict[str, Any]]:
    """Records in the import format for ``rows`` (any mix of lead and coordinating assignments): one
    per lead assignment, with the deadline as written, the current due date, the deadline changes, the
    completion, the note, the withdrawal and the version, so that importing them changes nothing."""
    facts = _directive_facts(reader, (r.directive_id for r in rows))
    leads = [row.id for row in rows if row.role == "lead"]
    histories = _histories(reader, leads)
    withdrawals = _withdrawals(reader, leads)
    coordinators: dict[tuple[int, str], list[str]] = {}
    for row in rows:
        if row.role == "coordinating":
            coordinators.setdefault((row.task_id, row.period), []).append(f"{row.agency}")
    records: list[dict[str, Any]] = []
    placed: set[tuple[int, str]] = set()
    for row in rows:
        if row.role != "lead":
            continue
        issued_on, kind, title, issuer, starts_on = facts[row.task_id]
        key = (row.task_id, row.period)
        records.append(
            {
                "jurisdiction": row.jurisdiction,
                "directive": row.directive,
                "issued_on": issued_on,
                "kind": kind,
                "title": title,
                "issuer": issuer,
                "ref": row.ref,
                "task": row.task,
                "lead": row.agency,
                "coordinating": "; ".join(coordinators.get(key, [])) if key not in placed else "",
                "deadline": row.deadline_text or (row.due_on.strftime("%d/%m/%Y") if row.due_on else ""),
                "due_on": row.due_on,
                "deadline_changes": histories.get(row.id, []),
                "starts_on": starts_on if row.period else None,
                "period": row.period,
                "completed_on": row.completed_on,
                "result_ref": row.result_ref,
                "note": row.note,
                "withdrawn_on": row.withdrawn_on,
                "withdrawal_reason": withdrawals.get(row.id, ""),
                "version": row.version,
            }
        )
        placed.add(key)
    return records


def _cell(name: str, value: Any) -> Any:
    """A record's value as a CSV or XLSX cell."""
    if name == "deadline_changes":
        return format_steps(value or [])
    return value


def _xlsx_cell(name: str, value: Any) -> Any:
    """A record's value as an XLSX cell: control characters, which a workbook cannot hold, dropped."""
    if value is None:
        return ""
    cell = _cell(name, value)
    return strip_controls(cell) if isinstance(cell, str) else cell


def _csv_rows(records: Iterable[dict[str, Any]]) -> Iterator[list[str]]:
    """The CSV cells of ``records``: what ``guard_formula(as_text(cell))`` gives, with each date written
    once. A 100k export spent half its time in the generic conversion of its two million cells."""
    days: dict[date, str] = {}
    for record in records:
        cells: list[str] = []
        for name in HEADERS:
            value: Any = record.get(name)
            kind = type(value)
            if kind is str:
                text = value.strip()
            elif value is None:
                cells.append("")
                continue
            elif kind is date:
                text = days.get(value) or days.setdefault(value, value.strftime("%d/%m/%Y"))
            else:
                text = as_text(_cell(name, value))
            cells.append("'" + text if text.startswith(FORMULA_STARTS) else text)
        yield cells


def _told(records: list[dict[str, Any]], progress: Callable[[int], None] | None) -> Iterator[dict[str, Any]]:
    """``records``, telling ``progress`` how many have been written every 1,000."""
    if progress is None:
        yield from records
        return
    for index, record in enumerate(records, start=1):
        yield record
        if not index % 1000:
            progress(index)
    progress(len(records))


def write_records(
    path: Path, file_format: str, records: list[dict[str, Any]], progress: Callable[[int], None] | None = None
) -> None:
    """Write ``records`` to ``path`` as csv, json or xlsx; ``progress`` is told the rows written."""
    if file_format == "csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADERS)
            writer.writerows(_csv_rows(_told(records, progress)))
    elif file_format == "json":
        items = [{h: _json(record.get(h)) for h in HEADERS} for record in records]
        for item in items:
            item["deadline_changes"] = [
                {
                    "old_due_on": _json(s.old_due_on),
                    "new_due_on": _json(s.new_due_on),
                    "reason": s.reason,
                    "decision_ref": s.decision_ref,
                }
                for s in item.get("deadline_changes") or []
            ]
        path.write_text(json.dumps({"assignments": items}, ensure_ascii=False, indent=2), encoding="utf-8")
    elif file_format == "xlsx":
        from openpyxl.styles import Alignment

        workbook, sheet = new_sheet("Nhiệm vụ", HEADERS)
        for record in _told(records, progress):
            # Control characters cannot be in a workbook (openpyxl refuses them): they are dropped.
            append_row(sheet, [_xlsx_cell(h, record.get(h)) for h in HEADERS])
        index = HEADERS.index("deadline_changes") + 1  # dates are formatted as their rows are appended
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            cell.alignment = Alignment(wrap_text=True)
        workbook.save(path)
    else:
        raise TrackerError(key="export.bad_format", format=file_format)


def new_sheet(title: str, headers: Sequence[str]) -> tuple[Any, Any]:
    """A workbook whose one sheet, ``title``, has ``headers`` in bold and frozen above the rows."""
    import openpyxl
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    return workbook, sheet


def append_row(sheet: Any, values: Sequence[Any]) -> None:
    """Append a row whose text cells stay text: one starting with "=" is never a live formula."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"
        elif isinstance(cell.value, date):
            cell.number_format = "DD/MM/YYYY"


def _json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value


def write_template(path: Path, file_format: str) -> None:
    """A file with the headers and one example row."""
    write_records(path, file_format, [EXAMPLE])


AGENCY_HEADERS = ("Tên cơ quan", "Tên gọi khác", "Loại", "Tên ngắn", "Nhóm", "Email")
"""The agency-list template's columns (what ``tracker import`` reads as name, aliases, kind, short name,
groups and emails); aliases, groups and emails are lists separated by ";"."""

AGENCY_EXAMPLES = (
    ("Sở Nội vụ", "SNV; Sở NV", "sở", "Sở NV", "Các sở, ban, ngành", "snv@example.gov.vn"),
    ("Sở Tư pháp", "STP", "sở", "Sở TP", "Các sở, ban, ngành", ""),
    ("Các sở, ban, ngành", "Các sở, ban, ngành cấp tỉnh", "nhóm", "", "", ""),
)


def write_agency_template(path: Path, file_format: str) -> None:
    """An agency list with the headers and example rows."""
    if file_format == "csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(AGENCY_HEADERS)
            writer.writerows(AGENCY_EXAMPLES)
    elif file_format == "xlsx":
        workbook, sheet = new_sheet("Cơ quan", AGENCY_HEADERS)
        for row in AGENCY_EXAMPLES:
            append_row(sheet, row)
        for letter, width in zip("ABCDEF", (34, 30, 10, 12, 24, 26), strict=True):
            sheet.column_dimensions[letter].width = width
        workbook.save(path)
    else:
        raise TrackerError(key="export.agency_template_format", format=file_format)
