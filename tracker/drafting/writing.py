"""Writing a draft in the import format: JSON ``{"directives": [...]}``, or CSV/XLSX with the import's
columns, so that ``tracker import`` reads it back unchanged.

The drafter's doubts go in a last column (JSON: a key) named ``doubts``, which the import leaves out
and says it leaves out; ``note`` stays empty for the clerk's own note."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

from tracker.core.errors import TrackerError
from tracker.core.text import strip_controls
from tracker.drafting.model import Draft
from tracker.importing.export import HEADERS, append_row, new_sheet
from tracker.importing.fields import DOUBTS_COLUMN
from tracker.importing.sources import as_text, guard_formula

FORMATS = ("json", "csv", "xlsx")
COLUMNS = (*HEADERS, DOUBTS_COLUMN)
"""The import's columns, then the doubts."""


def format_for(output: Path | None, explicit: str | None) -> str:
    """The format asked for, else the one the output's suffix names, else JSON."""
    if explicit:
        if explicit not in FORMATS:
            raise TrackerError(key="draft.error.format", format=explicit)
        return explicit
    if output is None:
        return "json"
    suffix = output.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise TrackerError(key="draft.error.format", format=suffix or output.name)
    return suffix


def records(draft: Draft) -> list[dict[str, Any]]:
    """One row per task with the import's field names; the directive's doubts go in the first row's
    ``doubts``, each task's in its own."""
    shared = {
        "jurisdiction": draft.jurisdiction,
        "directive": draft.number,
        "issued_on": draft.issued_on,
        "kind": draft.kind,
        "title": draft.title,
        "issuer": draft.issuer,
    }
    rows: list[dict[str, Any]] = []
    for index, task in enumerate(draft.tasks):
        doubts = " ".join(p for p in ((draft.doubts_text if index == 0 else ""), task.doubts) if p)
        rows.append(
            {
                **shared,
                "ref": task.ref,
                "task": task.text,
                "lead": "; ".join(task.lead),
                "coordinating": "; ".join(task.coordinating),
                "deadline": task.deadline,
                "due_on": task.due_on,
                "note": "",
                DOUBTS_COLUMN: doubts,
            }
        )
    if not rows and draft.doubts:
        rows.append({**shared, DOUBTS_COLUMN: draft.doubts_text})
    return rows


def render(draft: Draft, file_format: str) -> str:
    """The draft as text (JSON or CSV), for standard output."""
    if file_format == "json":
        return json.dumps(draft.as_json(), ensure_ascii=False, indent=2) + "\n"
    if file_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(COLUMNS)
        for record in records(draft):
            writer.writerow([guard_formula(as_text(record.get(h))) for h in COLUMNS])
        return buffer.getvalue()
    raise TrackerError(key="draft.error.binary_to_stdout", format=file_format)


def write_draft(draft: Draft, output: Path, file_format: str) -> None:
    if file_format == "json":
        output.write_text(render(draft, "json"), encoding="utf-8")
    elif file_format == "csv":
        output.write_text(render(draft, "csv"), encoding="utf-8-sig")
    else:
        _write_xlsx(draft, output)


def _write_xlsx(draft: Draft, output: Path) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    workbook, sheet = new_sheet("Nhiệm vụ", COLUMNS)
    for record in records(draft):
        append_row(sheet, [_xlsx_cell(record.get(name)) for name in COLUMNS])
    column = len(COLUMNS)
    for (cell,) in sheet.iter_rows(min_row=1, min_col=column, max_col=column):
        cell.alignment = Alignment(wrap_text=True)
    sheet.column_dimensions[get_column_letter(column)].width = 60
    workbook.save(output)


def _xlsx_cell(value: Any) -> Any:
    if value is None or isinstance(value, date):
        return value
    return strip_controls(as_text(value))
