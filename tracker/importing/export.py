"""Exporting assignments in the import format (CSV, XLSX, JSON), and import templates.

One row per lead assignment; a task's coordinating agencies are on the first row of each task and
period, so that importing the file into an empty database gives the same assignments back. An
assignment whose due date differs from its task's wording (an extension) carries its own date.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from tracker.core.deadlines import parse_deadline
from tracker.core.errors import TrackerError
from tracker.importing.sources import JSON_FIELDS, as_text
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
}


def _directive_facts(reader: Reader, ids: Iterable[int]) -> dict[int, tuple[Any, ...]]:
    found = reader.rows_for_ids(
        "SELECT d.id, d.issued_on, d.kind, d.title, d.issuer, t.id, t.starts_on "
        "FROM directive d JOIN task t ON t.directive_id = d.id WHERE d.id IN ({ids})",
        ids,
    )
    return {row[5]: (reader.to_date(row[1]), row[2], row[3], row[4], reader.to_date(row[6])) for row in found}


def export_records(reader: Reader, rows: list[AssignmentRow]) -> list[dict[str, Any]]:
    """Records in the import format for ``rows`` (any mix of lead and coordinating assignments)."""
    facts = _directive_facts(reader, (r.directive_id for r in rows))
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
        deadline = row.deadline_text
        if row.period == "" and row.due_on != _due_of(deadline):
            deadline = row.due_on.strftime("%d/%m/%Y") if row.due_on else "thường xuyên"
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
                "deadline": deadline,
                "starts_on": starts_on if row.period else None,
                "period": row.period,
                "completed_on": row.completed_on,
                "result_ref": row.result_ref,
                "note": row.note,
                "withdrawn_on": row.withdrawn_on,
            }
        )
        placed.add(key)
    return records


def _due_of(text: str) -> date | None:
    try:
        return parse_deadline(text).due_on
    except TrackerError:
        return None


def write_records(path: Path, file_format: str, records: list[dict[str, Any]]) -> None:
    if file_format == "csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADERS)
            for record in records:
                writer.writerow([as_text(record.get(h)) for h in HEADERS])
    elif file_format == "json":
        items = [{h: _json(record.get(h)) for h in HEADERS} for record in records]
        path.write_text(json.dumps({"assignments": items}, ensure_ascii=False, indent=2), encoding="utf-8")
    elif file_format == "xlsx":
        import openpyxl
        from openpyxl.styles import Font

        workbook = openpyxl.Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.title = "Nhiệm vụ"
        sheet.append(list(HEADERS))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for record in records:
            sheet.append([record.get(h) if record.get(h) is not None else "" for h in HEADERS])
        for column in ("C", "M", "O", "R"):
            for cell in sheet[column][1:]:
                cell.number_format = "DD/MM/YYYY"
        workbook.save(path)
    else:
        raise TrackerError(f"format {file_format!r} is not one of csv, xlsx, json.")


def _json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value


def write_template(path: Path, file_format: str) -> None:
    """A file with the headers and one example row."""
    write_records(path, file_format, [EXAMPLE])
