"""Reading tables from files: CSV (any of the encodings and delimiters Excel and others write), XLSX
and JSON. Each source yields its header and then its rows, streamed, each with the location a
person would look for (row number in the file, or a JSON path) and the column labels."""

from __future__ import annotations

import codecs
import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from tracker.core.errors import TrackerError

FORMATS = ("csv", "xlsx", "json")


class SourceRow(NamedTuple):
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


def _encoding(path: Path) -> str:
    """UTF-16 or UTF-8 with a byte-order mark, else UTF-8. A file in another encoding shows as a decoding
    error while it is read (see :func:`_not_text`): checking first would read the whole file twice."""
    with path.open("rb") as raw:
        head = raw.read(4)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return "utf-8"


def _not_text(path: Path, encoding: str) -> TrackerError:
    """The error for a file that does not decode, naming its first line that does not (UTF-8)."""
    where = ""
    if encoding != "utf-16":
        with path.open("rb") as raw:
            for number, line in enumerate(raw, start=1):
                try:
                    line.decode(encoding)
                except UnicodeDecodeError:
                    where = f" (line {number})"
                    break
    return TrackerError(
        f"{path}: the file is not UTF-8 or UTF-16{where}; save it as CSV UTF-8 (or Unicode text) and try again."
    )


def read_csv(path: Path) -> Table:
    encoding = _encoding(path)
    handle = path.open(encoding=encoding, newline="")
    try:
        sample = handle.read(64 * 1024)
    except UnicodeDecodeError:
        handle.close()
        raise _not_text(path, encoding) from None
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
        handle.close()
        raise TrackerError(f"{path}: the file is empty; it needs a header row.") from None

    def rows() -> Iterator[SourceRow]:
        with handle:
            try:
                for number, values in enumerate(reader, start=2):
                    joined = "".join(values)
                    if "\ufeff" in joined:  # a byte-order mark pasted into a cell is never meant
                        values = [v.replace("\ufeff", "") for v in values]
                        joined = "".join(values)
                    if "\n" in joined:
                        _check_no_swallowed_rows(path, str(number), values, dialect.delimiter, len(headers))
                    if joined.strip():
                        if "'" in joined:
                            values = [unguard_formula(v) for v in values]
                        yield SourceRow(str(number), values)
            except UnicodeDecodeError:
                raise _not_text(path, encoding) from None

    return Table(path, headers, [column_letter(i) for i in range(len(headers))], rows())


def _check_no_swallowed_rows(path: Path, row: str, values: list[str], delimiter: str, width: int) -> None:
    """A quoted cell whose lines look like rows of the file (as many delimiters as a row has) is a quote
    left open, which would swallow the rows after it: an error naming the row."""
    for column, value in enumerate(values):
        lines = value.split("\n")[1:]
        if width > 2 and any(line.count(delimiter) >= width - 2 for line in lines):
            raise TrackerError(
                f"{path}:{row}:{column_letter(column)}: a quote opened in this cell is not closed, and the lines "
                f"after it look like rows of the file ({len(lines)} line(s)); close the quote or remove it."
            )


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet program takes for the start of a formula (OWASP, CSV injection)."""


def guard_formula(text: str) -> str:
    """A text cell for a CSV file that no spreadsheet program runs as a formula: a leading quote."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unguard_formula(text: str) -> str:
    """The inverse of :func:`guard_formula`, for a CSV cell as read."""
    return text[1:] if text[:1] == "'" and text[1:].startswith(FORMULA_STARTS) else text


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date() if value.time() == datetime.min.time() else value
    return value


def read_xlsx(path: Path, sheet: str | None) -> Table:
    """The first sheet (or ``sheet``), streamed row by row (openpyxl's read-only mode). A merged block's
    value applies to every cell of the block, the way people merge a directive number over its tasks'
    rows; the blocks are listed after the rows in the file, so a first pass reads just them."""
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a bad file
        raise TrackerError(f"{path}: cannot open it as an Excel workbook ({error}).") from None
    if sheet is not None and sheet not in workbook.sheetnames:
        workbook.close()
        raise TrackerError(f"{path}: no sheet {sheet!r}; the sheets are {', '.join(workbook.sheetnames)}.")
    worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
    blocks = _merged_blocks(path, worksheet)
    iterator = worksheet.iter_rows(values_only=True)
    header_values = next(iterator, None)
    if header_values is None:
        workbook.close()
        raise TrackerError(f"{path}: the sheet {worksheet.title!r} is empty; it needs a header row.")
    headers = [str(value).strip() if value is not None else "" for value in header_values]
    width = len(headers)
    # (row, column) of every merged cell below its block's first row -> that first cell; filled in as
    # the first row of each block goes by.
    followers: dict[tuple[int, int], tuple[int, int]] = {}
    for min_row, min_col, max_row, max_col in blocks:
        for row in range(min_row, max_row + 1):
            for column in range(min_col, max_col + 1):
                if (row, column) != (min_row, min_col):
                    followers[(row, column)] = (min_row, min_col)
    leaders = set(followers.values())

    def rows() -> Iterator[SourceRow]:
        block_values: dict[tuple[int, int], Any] = {}
        try:
            for number, cells in enumerate(iterator, start=2):
                values = list(cells) + [None] * (width - len(cells))
                for column in range(1, len(values) + 1):
                    if (number, column) in leaders:
                        block_values[(number, column)] = values[column - 1]
                    elif (number, column) in followers:
                        values[column - 1] = block_values.get(followers[(number, column)])
                values = [_cell(value) for value in values]
                if any(v not in (None, "") for v in values):
                    yield SourceRow(str(number), values)
        finally:
            workbook.close()

    if not followers:
        return Table(path, headers, [column_letter(i) for i in range(width)], _plain_rows(iterator, width, workbook))
    return Table(path, headers, [column_letter(i) for i in range(width)], rows())


def _plain_rows(iterator: Iterator[tuple[Any, ...]], width: int, workbook: Any) -> Iterator[SourceRow]:
    """Rows of a sheet without merged cells (the common case, and the fast one)."""
    try:
        for number, cells in enumerate(iterator, start=2):
            values = [_cell(value) for value in cells]
            if any(v not in (None, "") for v in values):
                yield SourceRow(str(number), values + [None] * (width - len(values)))
    finally:
        workbook.close()


def _merged_blocks(path: Path, worksheet: Any) -> list[tuple[int, int, int, int]]:
    """(min_row, min_col, max_row, max_col) of the sheet's merged blocks, read from the sheet's XML by
    a streaming parse (read-only worksheets do not expose them)."""
    import zipfile
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils.cell import range_boundaries

    found: list[tuple[int, int, int, int]] = []
    # openpyxl keeps the sheet's part name here; it has no public accessor for read-only sheets.
    part = getattr(worksheet, "_worksheet_path", None)
    if part is None:
        return found
    with zipfile.ZipFile(path) as archive, archive.open(part) as source:
        for _, element in iterparse(source, events=("end",)):
            tag = element.tag.rpartition("}")[2]
            if tag == "mergeCell":
                min_col, min_row, max_col, max_row = range_boundaries(element.get("ref", ""))
                found.append((int(min_row or 1), int(min_col or 1), int(max_row or 1), int(max_col or 1)))
            elif tag == "row":
                element.clear()  # keep memory flat on big sheets
    return found


JSON_FIELDS = [
    "jurisdiction",
    "directive",
    "issued_on",
    "kind",
    "title",
    "issuer",
    "ref",
    "task",
    "lead",
    "coordinating",
    "deadline",
    "due_on",
    "deadline_changes",
    "starts_on",
    "period",
    "completed_on",
    "result_ref",
    "note",
    "withdrawn_on",
    "withdrawal_reason",
    "version",
]


_JSON_LIST_FIELDS = ("lead", "coordinating", "deadline_changes")
"""The fields a JSON file may give as a list."""


def read_json(path: Path) -> Table:
    """Either ``{"directives": [{number, issued_on, kind, title, issuer, tasks: [{ref, text, lead,
    coordinating, deadline, ...}]}]}`` or ``{"assignments": [{directive, ref, task, lead, ...}]}``
    (a bare list is read as assignments). Streamed (ijson): one directive or assignment at a time."""
    import ijson

    def source() -> Any:
        handle = path.open("rb")
        if handle.read(3) != codecs.BOM_UTF8:
            handle.seek(0)
        return handle

    def invalid(error: Exception) -> TrackerError:
        return TrackerError(f"{path}: not valid JSON ({error}).")

    # Which shape: the first top-level key that holds the list (or a bare list).
    shape = None
    try:
        with source() as handle:
            for prefix, event, value in ijson.parse(handle):
                if prefix == "" and event == "start_array":
                    shape = "item"
                    break
                if prefix == "" and event == "map_key" and value in ("directives", "assignments"):
                    shape = f"{value}.item"
                    break
    except (ijson.JSONError, UnicodeDecodeError) as error:
        raise invalid(error) from None
    if shape is None:
        raise TrackerError(f'{path}: expected {{"directives": [...]}} or {{"assignments": [...]}}.')

    def flat(item: dict[str, Any], where: str) -> SourceRow:
        values = [item.get(name) for name in JSON_FIELDS]
        for name, value in zip(JSON_FIELDS, values, strict=True):
            if isinstance(value, bool | dict) or (isinstance(value, list) and name not in _JSON_LIST_FIELDS):
                raise TrackerError(
                    f"{path}: {where}.{name}: {value!r} is not text, a number or a date; write it as text."
                )
        return SourceRow(where, values)

    def rows() -> Iterator[SourceRow]:
        try:
            with source() as handle:
                if shape == "directives.item":
                    for d_index, directive in enumerate(ijson.items(handle, shape, use_float=True)):
                        yield from _directive_rows(path, directive, d_index, flat)
                    return
                label = "assignments" if shape == "assignments.item" else ""
                for index, item in enumerate(ijson.items(handle, shape, use_float=True)):
                    if not isinstance(item, dict):
                        raise TrackerError(f"{path}: {label}[{index}] is not an object.")
                    yield flat(item, f"{label}[{index}]")
        except (ijson.JSONError, UnicodeDecodeError) as error:
            raise invalid(error) from None

    return Table(path, list(JSON_FIELDS), list(JSON_FIELDS), rows())


def _directive_rows(
    path: Path, directive: Any, d_index: int, flat: Callable[[dict[str, Any], str], SourceRow]
) -> Iterator[SourceRow]:
    if not isinstance(directive, dict):
        raise TrackerError(f"{path}: directives[{d_index}] is not an object.")
    shared = {
        "directive": directive.get("number"),
        "issued_on": directive.get("issued_on"),
        "kind": directive.get("kind"),
        "title": directive.get("title"),
        "issuer": directive.get("issuer"),
    }
    tasks = directive.get("tasks") or []
    if not isinstance(tasks, list):
        raise TrackerError(f"{path}: directives[{d_index}].tasks is not a list of tasks.")
    for t_index, task in enumerate(tasks):
        if not isinstance(task, dict):
            raise TrackerError(f"{path}: directives[{d_index}].tasks[{t_index}] is not an object.")
        merged = {**shared, **task, "task": task.get("text", task.get("task"))}
        yield flat(merged, f"directives[{d_index}].tasks[{t_index}]")


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
