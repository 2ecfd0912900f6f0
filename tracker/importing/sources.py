"""Reading tables from files: CSV (any of the encodings and delimiters Excel and others write), XLSX
and JSON. Each source yields its header and then its rows, streamed, each with the location a
person would look for (row number in the file, or a JSON path) and the column labels."""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tracker.core.errors import TrackerError

FORMATS = ("csv", "xlsx", "json")


@dataclass(frozen=True)
class SourceRow:
    location: str
    """Row number in the file (header is row 1), or a JSON path."""
    values: list[Any]


@dataclass
class Table:
    path: Path
    headers: list[str]
    columns: list[str]
    """How a person names each column in messages: a letter in a spreadsheet, the header in JSON."""
    rows: Iterator[SourceRow]


def detect_format(path: Path, explicit: str | None) -> str:
    if explicit:
        return explicit
    suffix = path.suffix.lower().lstrip(".")
    if suffix in {"csv", "txt", "tsv"}:
        return "csv"
    if suffix in {"xlsx", "xlsm"}:
        return "xlsx"
    if suffix == "json":
        return "json"
    raise TrackerError(f"{path}: cannot tell the format from the name; add --format csv, xlsx or json.")


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _decode(path: Path) -> io.TextIOBase:
    head = path.open("rb").read(4)
    if head.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
        try:
            with path.open(encoding="utf-8") as probe:
                for _ in probe:
                    pass
        except UnicodeDecodeError as error:
            raise TrackerError(
                f"{path}: the file is not UTF-8 or UTF-16 (byte {error.start}); save it as CSV UTF-8 and try again."
            ) from None
    return path.open(encoding=encoding, newline="")


def read_csv(path: Path) -> Table:
    handle = _decode(path)
    sample = handle.read(64 * 1024)
    handle.seek(0)
    if handle.read(1) != "\ufeff":
        handle.seek(0)
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(handle, dialect)
    try:
        headers = [h.strip() for h in next(reader)]
    except StopIteration:
        raise TrackerError(f"{path}: the file is empty; it needs a header row.") from None

    def rows() -> Iterator[SourceRow]:
        with handle:
            for number, values in enumerate(reader, start=2):
                if any(v.strip() for v in values):
                    yield SourceRow(str(number), values)

    return Table(path, headers, [column_letter(i) for i in range(len(headers))], rows())


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date() if value.time() == datetime.min.time() else value
    return value


def read_xlsx(path: Path, sheet: str | None) -> Table:
    """The first sheet (or ``sheet``). A merged block's value applies to every cell of the block,
    the way people merge a directive number over its tasks' rows."""
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a bad file
        raise TrackerError(f"{path}: cannot open it as an Excel workbook ({error}).") from None
    if sheet is not None and sheet not in workbook.sheetnames:
        raise TrackerError(f"{path}: no sheet {sheet!r}; the sheets are {', '.join(workbook.sheetnames)}.")
    worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
    merged: dict[tuple[int, int], object] = {}
    for block in worksheet.merged_cells.ranges:
        value = worksheet.cell(block.min_row, block.min_col).value
        for row in range(block.min_row, block.max_row + 1):
            for column in range(block.min_col, block.max_col + 1):
                merged[(row, column)] = value
    iterator = worksheet.iter_rows(values_only=True)
    header_values = next(iterator, None)
    if header_values is None:
        raise TrackerError(f"{path}: the sheet {worksheet.title!r} is empty; it needs a header row.")
    headers = [str(value).strip() if value is not None else "" for value in header_values]

    def rows() -> Iterator[SourceRow]:
        for number, cells in enumerate(iterator, start=2):
            values = [_cell(merged.get((number, column), value)) for column, value in enumerate(cells, start=1)]
            if any(v not in (None, "") for v in values):
                yield SourceRow(str(number), values)
        workbook.close()

    return Table(path, headers, [column_letter(i) for i in range(len(headers))], rows())


JSON_FIELDS = [
    "jurisdiction", "directive", "issued_on", "kind", "title", "issuer", "ref", "task", "lead", "coordinating",
    "deadline", "starts_on", "period", "completed_on", "result_ref", "note", "withdrawn_on",
]  # fmt: skip


def read_json(path: Path) -> Table:
    """Either ``{"directives": [{number, issued_on, kind, title, issuer, tasks: [{ref, text, lead,
    coordinating, deadline, ...}]}]}`` or ``{"assignments": [{directive, ref, task, lead, ...}]}``
    (a bare list is read as assignments)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise TrackerError(f"{path}: not valid JSON ({error}).") from None

    def flat(item: dict[str, Any], where: str) -> SourceRow:
        return SourceRow(where, [item.get(name) for name in JSON_FIELDS])

    def rows() -> Iterator[SourceRow]:
        if isinstance(data, dict) and "directives" in data:
            for d_index, directive in enumerate(data["directives"]):
                if not isinstance(directive, dict):
                    raise TrackerError(f"{path}: directives[{d_index}] is not an object.")
                shared = {
                    "directive": directive.get("number"),
                    "issued_on": directive.get("issued_on"),
                    "kind": directive.get("kind"),
                    "title": directive.get("title"),
                    "issuer": directive.get("issuer"),
                }
                for t_index, task in enumerate(directive.get("tasks", [])):
                    if not isinstance(task, dict):
                        raise TrackerError(f"{path}: directives[{d_index}].tasks[{t_index}] is not an object.")
                    merged = {**shared, **task, "task": task.get("text", task.get("task"))}
                    yield flat(merged, f"directives[{d_index}].tasks[{t_index}]")
            return
        items = data.get("assignments") if isinstance(data, dict) else data
        if not isinstance(items, list):
            raise TrackerError(f'{path}: expected {{"directives": [...]}} or {{"assignments": [...]}}.')
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                raise TrackerError(f"{path}: assignments[{index}] is not an object.")
            yield flat(item, f"assignments[{index}]")

    return Table(path, list(JSON_FIELDS), list(JSON_FIELDS), rows())


def open_table(path: Path, file_format: str | None = None, sheet: str | None = None) -> Table:
    if not path.is_file():
        raise TrackerError(f"{path}: no such file.")
    kind = detect_format(path, file_format)
    if kind == "csv":
        return read_csv(path)
    if kind == "xlsx":
        return read_xlsx(path, sheet)
    return read_json(path)


def as_text(value: Any) -> str:
    """A cell as text: dates day first, whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return "; ".join(as_text(v) for v in value)
    return str(value).strip()
