"""Writing a draft in the import format: JSON ``{"directives": [...]}``, or CSV/XLSX with the import's
columns, so that ``tracker import`` reads it back unchanged."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from tracker.core.errors import TrackerError
from tracker.drafting.model import Draft
from tracker.importing.export import HEADERS, write_records
from tracker.importing.sources import as_text, guard_formula

FORMATS = ("json", "csv", "xlsx")


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
    """One row per task with the import's field names; the directive's doubts go on its first row."""
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
        note = " ".join(p for p in ((draft.note if index == 0 else ""), task.note) if p)
        rows.append(
            {
                **shared,
                "ref": task.ref,
                "task": task.text,
                "lead": "; ".join(task.lead),
                "coordinating": "; ".join(task.coordinating),
                "deadline": task.deadline,
                "due_on": task.due_on,
                "note": note,
            }
        )
    if not rows and draft.note:
        rows.append({**shared, "note": draft.note})
    return rows


def render(draft: Draft, file_format: str) -> str:
    """The draft as text (JSON or CSV), for standard output."""
    if file_format == "json":
        return json.dumps(draft.as_json(), ensure_ascii=False, indent=2) + "\n"
    if file_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(HEADERS)
        for record in records(draft):
            writer.writerow([guard_formula(as_text(record.get(h))) for h in HEADERS])
        return buffer.getvalue()
    raise TrackerError(key="draft.error.binary_to_stdout", format=file_format)


def write_draft(draft: Draft, output: Path, file_format: str) -> None:
    if file_format == "json":
        output.write_text(render(draft, "json"), encoding="utf-8")
    else:
        write_records(output, file_format, records(draft))
