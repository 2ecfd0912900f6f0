"""Reading tables from files: CSV (any of the encodings and delimiters Excel and others write), XLSX
and JSON. Each source yields its header and then its rows, streamed, each with the location a
person would look for (row number in the file, or a JSON path) and the column labels."""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from tracker.core.deadlines import MAX_YEAR, MIN_YEAR
from tracker.core.errors import TrackerError
from tracker.importing.fields import DOUBTS_COLUMN, header_score

FORMATS = ("csv", "xlsx", "json")

MAX_CELL = 32_767
"""The longest a cell may be, in characters (Excel's own limit)."""
MAX_JSON_DEPTH = 16
"""How deep a JSON file may nest lists and objects (the deepest file the import reads needs 5)."""
MAX_NUMBER_DIGITS = 18
"""The most digits a number in a file may have."""
MAX_MERGED_BLOCKS = 100_000
"""The most merged blocks a sheet may have."""
HEADER_SEARCH_ROWS = 20
"""How many rows at the top of a sheet may be a title above the header row."""


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
    ignored: list[str] = field(default_factory=list)
    """Keys a JSON file gave that the import leaves out and says so (a draft's ``doubts``), as read."""


_ZIP_MAGIC = b"PK\x03\x04"


def detect_format(path: Path, explicit: str | None) -> str:
    """The format given, else the one the content shows (an XLSX workbook is a zip archive, whatever
    its name), else the one the name's suffix says."""
    if explicit:
        return explicit
    try:
        with path.open("rb") as raw:
            head = raw.read(4)
    except OSError:
        head = b""
    if head == _ZIP_MAGIC:
        return "xlsx"
    suffix = path.suffix.lower().lstrip(".")
    if suffix in {"csv", "txt", "tsv"}:
        return "csv"
    if suffix in {"xlsx", "xlsm"}:
        return "xlsx"
    if suffix == "json":
        return "json"
    raise TrackerError(key="import.format_unknown", path=path)


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
    if encoding != "utf-16":
        with path.open("rb") as raw:
            for number, line in enumerate(raw, start=1):
                try:
                    line.decode(encoding)
                except UnicodeDecodeError:
                    return TrackerError(key="limits.not_text_line", path=path, line=number)
    return TrackerError(key="limits.not_text", path=path)


def header_row(rows: Iterable[list[Any]]) -> tuple[int, int]:
    """(index, score) of the header among the first rows: the first row that names the most known
    columns (a title such as "DANH MỤC NHIỆM VỤ ..." and a blank row may come before it); (0, 0)
    when no row names any."""
    best, best_score = 0, 0
    for index, cells in enumerate(itertools.islice(rows, HEADER_SEARCH_ROWS)):
        score = header_score(["" if cell is None else str(cell) for cell in cells])
        if score > best_score:
            best, best_score = index, score
    return best, best_score


def _csv_layout(sample: str) -> tuple[Any, int]:
    """The dialect and the header row's index: the delimiter under which a row among the first names
    the most known columns (a short first data row or a title row does not mislead it), else what
    :class:`csv.Sniffer` says, with the header first."""
    best: tuple[int, str, int] = (0, ",", 0)
    lines = sample.splitlines(keepends=True)
    if len(sample) >= 64 * 1024 and len(lines) > 1:
        lines = lines[:-1]  # the sample may end inside a line
    head = "".join(lines[: HEADER_SEARCH_ROWS * 4])
    for delimiter in (";", ",", "\t"):
        try:
            index, score = header_row(csv.reader(io.StringIO(head), delimiter=delimiter))
        except csv.Error:
            continue
        if score > best[0]:
            best = (score, delimiter, index)
    if best[0] > 0:
        delimiter = best[1]

        class Found(csv.excel):
            pass

        Found.delimiter = delimiter
        return Found, best[2]
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t"), 0
    except csv.Error:
        return csv.excel, 0


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
    dialect, skip = _csv_layout(sample)
    reader = csv.reader(handle, dialect)

    def too_long(error: csv.Error) -> TrackerError:
        if "field larger than field limit" in str(error):
            return TrackerError(key="limits.csv_cell_too_long", path=path, line=reader.line_num, limit=f"{MAX_CELL:,}")
        return TrackerError(key="limits.csv_unreadable", path=path, line=reader.line_num, detail=error)

    try:
        for _ in range(skip):
            next(reader)
        headers = [h.strip() for h in next(reader)]
    except StopIteration:
        handle.close()
        raise TrackerError(key="import.file_empty", path=path) from None
    except csv.Error as error:
        handle.close()
        raise too_long(error) from None
    except UnicodeDecodeError:
        handle.close()
        raise _not_text(path, encoding) from None
    columns = [column_letter(i) for i in range(len(headers))]

    def rows() -> Iterator[SourceRow]:
        with handle:
            try:
                for number, values in enumerate(reader, start=skip + 2):
                    joined = "".join(values)
                    if "\ufeff" in joined:  # a byte-order mark pasted into a cell is never meant
                        values = [v.replace("\ufeff", "") for v in values]
                        joined = "".join(values)
                    if len(joined) > MAX_CELL:
                        _check_cell_lengths(path, str(number), values, columns)
                    if "\n" in joined:
                        _check_no_swallowed_rows(path, str(number), values, dialect.delimiter, len(headers))
                    if joined.strip():
                        if "'" in joined:
                            values = [unguard_formula(v) for v in values]
                        yield SourceRow(str(number), values)
            except UnicodeDecodeError:
                raise _not_text(path, encoding) from None
            except csv.Error as error:
                raise too_long(error) from None

    return Table(path, headers, columns, rows())


def _check_cell_lengths(path: Path, row: str, values: list[Any], columns: list[str]) -> None:
    """A cell longer than :data:`MAX_CELL` characters is an error naming it."""
    for index, value in enumerate(values):
        if isinstance(value, str) and len(value) > MAX_CELL:
            column = columns[index] if index < len(columns) else column_letter(index)
            raise TrackerError(
                key="limits.cell_too_long",
                path=path,
                where=f"{row}:{column}",
                length=f"{len(value):,}",
                limit=f"{MAX_CELL:,}",
            )


def _check_no_swallowed_rows(path: Path, row: str, values: list[str], delimiter: str, width: int) -> None:
    """A quoted cell whose lines look like rows of the file (as many delimiters as a row has) is a quote
    left open, which would swallow the rows after it: an error naming the row."""
    for column, value in enumerate(values):
        lines = value.split("\n")[1:]
        if width > 2 and any(line.count(delimiter) >= width - 2 for line in lines):
            raise TrackerError(
                key="limits.csv_quote_open", path=path, row=row, column=column_letter(column), count=len(lines)
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
        if not MIN_YEAR <= value.year <= MAX_YEAR:  # e.g. the serial of 31/12/9999: the date check says so
            return value.strftime("%d/%m/%Y")
        return value.date() if value.time() == datetime.min.time() else value
    return value


@dataclass
class _SheetScan:
    """What one streaming pass over a sheet's XML finds that openpyxl's read-only mode does not say."""

    blocks: list[tuple[int, int, int, int]] = field(default_factory=list)
    """(min_row, min_col, max_row, max_col) of each merged block, cut to the sheet's extent."""
    max_row: int = 0
    max_col: int = 0
    formula_without_value: tuple[str, str] | None = None
    """(cell, formula) of the first formula cell that has no saved value."""


def read_xlsx(path: Path, sheet: str | None) -> Table:
    """The first sheet (or ``sheet``), streamed row by row (openpyxl's read-only mode). A merged block's
    value applies to every cell of the block, the way people merge a directive number over its tasks'
    rows; the blocks are listed after the rows in the file, so a first pass reads just them. Title rows
    above the header are skipped (:func:`header_row`)."""
    import openpyxl

    # Opened by handle, not by name: a workbook saved under another name (".csv") is still one.
    handle = path.open("rb")
    try:
        opened = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a bad file
        handle.close()
        raise TrackerError(key="import.not_a_workbook", path=path, detail=error) from None
    workbook = _Closing(opened, handle)
    if sheet is not None and sheet not in workbook.sheetnames:
        workbook.close()
        raise TrackerError(key="import.no_such_sheet", path=path, sheet=sheet, sheets=", ".join(workbook.sheetnames))
    if not workbook.worksheets:
        workbook.close()
        raise TrackerError(key="limits.sheet_unreadable", path=path, detail="no part for the sheet")
    worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
    try:
        scan = _scan_sheet(path, worksheet.title)
        if scan.formula_without_value is not None:
            cell, formula = scan.formula_without_value
            raise TrackerError(key="limits.formula_without_value", path=path, cell=cell, formula=formula)
        iterator = iter(_guarded(path, worksheet.iter_rows(values_only=True)))
        top = list(itertools.islice(iterator, HEADER_SEARCH_ROWS))
    except BaseException:
        workbook.close()
        raise
    skip, _ = header_row([list(cells) for cells in top])
    if skip >= len(top):
        workbook.close()
        raise TrackerError(key="import.sheet_empty", path=path, sheet=worksheet.title)
    headers = [str(value).strip() if value is not None else "" for value in top[skip]]
    width = len(headers)
    columns = [column_letter(i) for i in range(width)]
    rest = itertools.chain(top[skip + 1 :], iterator)
    first = skip + 2
    by_first_row: dict[int, list[tuple[int, int, int, int]]] = {}
    for block in scan.blocks:
        by_first_row.setdefault(block[0], []).append(block)

    def rows() -> Iterator[SourceRow]:
        # Blocks that cover the current row, each with the value of its first cell.
        active = list(above)
        try:
            for number, cells in enumerate(rest, start=first):
                values = list(cells) + [None] * (width - len(cells))
                if active:
                    active = [(block, value) for block, value in active if block[2] >= number]
                for block in by_first_row.get(number, ()):
                    active.append((block, values[block[1] - 1] if block[1] <= len(values) else None))
                for (_, min_col, _, max_col), value in active:
                    for column in range(min_col, min(max_col, len(values)) + 1):
                        values[column - 1] = value
                values = [_cell(value) for value in values]
                if any(v not in (None, "") for v in values):
                    _check_cell_lengths(path, str(number), values, columns)
                    yield SourceRow(str(number), values)
        finally:
            workbook.close()

    # Blocks that start above the first data row (in a title or the header) still fill the rows below.
    above: list[tuple[tuple[int, int, int, int], Any]] = []
    for block in scan.blocks:
        if block[0] < first <= block[2]:
            upper = top[block[0] - 1] if block[0] - 1 < len(top) else ()
            above.append((block, upper[block[1] - 1] if block[1] - 1 < len(upper) else None))
    if not by_first_row and not above:
        return Table(path, headers, columns, _plain_rows(path, rest, first, width, columns, workbook))
    return Table(path, headers, columns, rows())


class _Closing:
    """A read-only workbook and the file it reads, closed together."""

    def __init__(self, workbook: Any, handle: Any) -> None:
        self.workbook = workbook
        self.handle = handle

    def __getattr__(self, name: str) -> Any:
        return getattr(self.workbook, name)

    def __getitem__(self, name: str) -> Any:
        return self.workbook[name]

    def close(self) -> None:
        self.workbook.close()
        self.handle.close()


def _guarded(path: Path, rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    """openpyxl's rows, with what a damaged sheet makes it raise said as one line naming the file."""
    try:
        yield from rows
    except TrackerError:
        raise
    except Exception as error:  # openpyxl raises many kinds for a bad part (XML, numbers, styles)
        raise TrackerError(
            key="limits.sheet_unreadable", path=path, detail=f"{type(error).__name__}: {error}"
        ) from None


def _plain_rows(
    path: Path, iterator: Iterator[tuple[Any, ...]], first: int, width: int, columns: list[str], workbook: Any
) -> Iterator[SourceRow]:
    """Rows of a sheet without merged cells (the common case, and the fast one)."""
    try:
        for number, cells in enumerate(iterator, start=first):
            values = [_cell(value) for value in cells]
            if any(v not in (None, "") for v in values):
                _check_cell_lengths(path, str(number), values, columns)
                yield SourceRow(str(number), values + [None] * (width - len(values)))
    finally:
        workbook.close()


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL_REF = re.compile(r"^([A-Z]{1,3})([0-9]{1,7})$")


def _sheet_part(archive: Any, title: str) -> str:
    """The archive member that holds the sheet named ``title`` (workbook.xml and its relationships)."""
    from xml.etree.ElementTree import fromstring

    workbook = fromstring(archive.read("xl/workbook.xml"))
    relationships = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {
        rel.get("Id"): rel.get("Target", "") for rel in relationships.iter(f"{_PACKAGE_RELATIONSHIPS}Relationship")
    }
    for entry in workbook.iter(f"{_MAIN}sheet"):
        if entry.get("name") == title:
            target = targets.get(entry.get(f"{_RELATIONSHIPS}id"), "")
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    raise KeyError(title)


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _check_formula(scan: _SheetScan, title: str, formula: Any, row: int, value_tags: tuple[str, str]) -> None:
    """Note ``formula``'s cell when it has no saved value (an empty ``<v>`` or none)."""
    cell = formula.getparent()
    for child in cell:
        if child.tag == value_tags[1] or (child.tag == value_tags[0] and (child.text or "") != ""):
            return
    where = cell.get("r") or f"row {row}"
    scan.formula_without_value = (f"{title}!{where}", f"={formula.text}" if formula.text else "")


def _scan_sheet(path: Path, title: str) -> _SheetScan:
    """One streaming pass over the sheet's XML: its merged blocks, cut to the rows and columns that
    hold cells (a block over the whole sheet is as big as the sheet's content, not 17 billion cells),
    and the first formula cell without a saved value. A damaged part is an error naming the file.

    lxml (which python-docx needs) reports only rows, formulas and merged blocks, from C: a Python step
    for every cell would cost a quarter of the read."""
    import zipfile

    from lxml import etree  # type: ignore[import-untyped]
    from openpyxl.utils.cell import range_boundaries

    scan = _SheetScan()
    merges: list[str] = []
    row_tag, formula_tag, merge_tag = f"{_MAIN}row", f"{_MAIN}f", f"{_MAIN}mergeCell"
    value_tags = (f"{_MAIN}v", f"{_MAIN}is")
    try:
        with zipfile.ZipFile(path) as archive:
            part = _sheet_part(archive, title)
            with archive.open(part) as source:
                row_number = 0
                events = etree.iterparse(
                    source,
                    events=("end",),
                    tag=(row_tag, formula_tag, merge_tag),
                    resolve_entities=False,
                    no_network=True,
                    load_dtd=False,
                )
                formulas: list[Any] = []  # the formulas of the row being read: its cells' values come after
                for _, element in events:
                    tag = element.tag
                    if tag == row_tag:
                        row_number = int(element.get("r") or row_number + 1)
                        if len(element):
                            scan.max_row = row_number
                            match = _CELL_REF.match(element[-1].get("r") or "")
                            scan.max_col = max(scan.max_col, _column_number(match.group(1)) if match else len(element))
                        for formula in formulas:
                            _check_formula(scan, title, formula, row_number, value_tags)
                        formulas.clear()
                        element.clear()  # keep memory flat on big sheets: the row and the rows before it
                        while element.getprevious() is not None:
                            del element.getparent()[0]
                    elif tag == formula_tag:
                        if scan.formula_without_value is None:
                            formulas.append(element)
                    else:
                        merges.append(element.get("ref", ""))
                        if len(merges) > MAX_MERGED_BLOCKS:
                            raise TrackerError(
                                key="limits.too_many_merged_blocks", path=path, limit=f"{MAX_MERGED_BLOCKS:,}"
                            )
    except TrackerError:
        raise
    except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile, ValueError, OSError) as error:
        detail = f"no part for the sheet {title!r}" if isinstance(error, KeyError) else f"{error}"
        raise TrackerError(key="limits.sheet_unreadable", path=path, detail=detail) from None
    for reference in merges:
        try:
            min_col, min_row, max_col, max_row = range_boundaries(reference)
        except (ValueError, TypeError):
            raise TrackerError(key="limits.bad_merge", path=path, sheet=title, ref=reference) from None
        if None in (min_col, min_row, max_col, max_row):
            raise TrackerError(key="limits.bad_merge", path=path, sheet=title, ref=reference)
        top, left = int(min_row or 1), int(min_col or 1)
        bottom, right = min(int(max_row or 1), scan.max_row), min(int(max_col or 1), scan.max_col)
        if top <= bottom and left <= right and (top, left) != (bottom, right):
            scan.blocks.append((top, left, bottom, right))
    return scan


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
        if "integer overflow" in str(error):
            return TrackerError(key="limits.json_number_too_long", path=path, where="JSON", limit=MAX_NUMBER_DIGITS)
        return TrackerError(key="import.json_invalid", path=path, detail=error)

    deep = _json_prescan(path)

    def events(handle: Any) -> Any:
        """ijson's events; when the file may nest too deep, through the depth and number checks, fed in
        small pieces so that no piece builds long paths (a file of 100k "[" would take all memory)."""
        if not deep:
            return handle
        return _guarded_events(path, ijson.parse(handle, use_float=True, buf_size=1024))

    # Which shape: the first top-level key that holds the list (or a bare list).
    shape = None
    try:
        with source() as handle:
            for prefix, event, value in ijson.parse(handle) if not deep else events(handle):
                if prefix == "" and event == "start_array":
                    shape = "item"
                    break
                if prefix == "" and event == "map_key" and value in ("directives", "assignments"):
                    shape = f"{value}.item"
                    break
    except (ijson.JSONError, UnicodeDecodeError) as error:
        raise invalid(error) from None
    if shape is None:
        raise TrackerError(key="import.json_shape", path=path)

    def items(handle: Any) -> Any:
        return ijson.items(events(handle), shape, **({} if deep else {"use_float": True}))

    largest = 10**MAX_NUMBER_DIGITS

    def flat(item: dict[str, Any], where: str) -> SourceRow:
        values = [item.get(name) for name in JSON_FIELDS]
        for name, value in zip(JSON_FIELDS, values, strict=True):
            if isinstance(value, bool | dict) or (isinstance(value, list) and name not in _JSON_LIST_FIELDS):
                raise TrackerError(key="import.json_value_kind", path=path, where=f"{where}.{name}", value=value)
            if isinstance(value, int | float) and abs(value) >= largest:
                raise TrackerError(
                    key="limits.json_number_too_long", path=path, where=f"{where}.{name}", limit=MAX_NUMBER_DIGITS
                )
            if isinstance(value, str) and len(value) > MAX_CELL:
                raise TrackerError(
                    key="limits.cell_too_long",
                    path=path,
                    where=f"{where}.{name}",
                    length=f"{len(value):,}",
                    limit=f"{MAX_CELL:,}",
                )
        return SourceRow(where, values)

    def rows() -> Iterator[SourceRow]:
        try:
            with source() as handle:
                if shape == "directives.item":
                    for d_index, directive in enumerate(items(handle)):
                        if not table.ignored and _has_doubts(directive):
                            table.ignored.append(DOUBTS_COLUMN)
                        yield from _directive_rows(path, directive, d_index, flat)
                    return
                label = "assignments" if shape == "assignments.item" else ""
                for index, item in enumerate(items(handle)):
                    if not isinstance(item, dict):
                        raise TrackerError(key="import.json_not_object", path=path, where=f"{label}[{index}]")
                    if not table.ignored and item.get(DOUBTS_COLUMN):
                        table.ignored.append(DOUBTS_COLUMN)
                    yield flat(item, f"{label}[{index}]")
        except (ijson.JSONError, UnicodeDecodeError) as error:
            raise invalid(error) from None

    table = Table(path, list(JSON_FIELDS), list(JSON_FIELDS), rows())
    return table


def _has_doubts(directive: Any) -> bool:
    """Whether a JSON directive of a draft carries doubts, on itself or on a task."""
    if not isinstance(directive, dict):
        return False
    tasks = directive.get("tasks")
    return bool(directive.get(DOUBTS_COLUMN)) or (
        isinstance(tasks, list) and any(isinstance(t, dict) and t.get(DOUBTS_COLUMN) for t in tasks)
    )


_DIGITS = bytes.maketrans(b"0123456789", b"0" * 10)
_NOT_BRACKETS = bytes(set(range(256)) - set(b"[]{}"))
_LONG_DIGITS = 4_000
"""A run of digits this long makes the JSON parser's C code fail hard: the file is refused before."""


def _json_prescan(path: Path) -> bool:
    """Read ``path`` once, fast: refuse a run of digits too long to parse safely; say whether the file
    may nest deeper than :data:`MAX_JSON_DEPTH` (brackets inside strings count too, so it may be
    wrong only towards caution: such a file is then read through :func:`_guarded_events`)."""
    run = b"0" * _LONG_DIGITS
    tail = b""
    offset = 0
    opened = b""  # the brackets still open at the end of what was read
    with path.open("rb") as raw:
        while chunk := raw.read(1 << 18):
            window = (tail + chunk).translate(_DIGITS)
            found = window.find(run)
            if found >= 0:
                raise TrackerError(
                    key="limits.json_number_too_long",
                    path=path,
                    where=f"byte {offset - len(tail) + found + 1:,}",
                    limit=f"{MAX_NUMBER_DIGITS:,}",
                )
            tail = chunk[-_LONG_DIGITS:]
            offset += len(chunk)
            nested = chunk.translate(None, _NOT_BRACKETS).replace(b"{", b"[").replace(b"}", b"]")
            rounds = 0
            while b"[]" in nested:  # each round takes away the innermost pairs: one level of nesting
                rounds += 1
                if len(opened) + rounds > MAX_JSON_DEPTH:
                    return True
                nested = nested.replace(b"[]", b"")
            closed = len(nested) - len(nested.lstrip(b"]"))
            opened = opened[: max(0, len(opened) - closed)] + nested[closed:]
            if len(opened) > MAX_JSON_DEPTH:
                return True
    return False


def _guarded_events(path: Path, events: Iterator[tuple[str, str, Any]]) -> Iterator[tuple[str, str, Any]]:
    """``events`` (ijson's), with nesting deeper than :data:`MAX_JSON_DEPTH` or a number of more than
    :data:`MAX_NUMBER_DIGITS` digits an error naming where."""
    depth = 0
    largest = 10**MAX_NUMBER_DIGITS
    for event in events:
        kind = event[1]
        if kind == "start_map" or kind == "start_array":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                raise TrackerError(key="limits.json_too_deep", path=path, where=event[0] or "$", limit=MAX_JSON_DEPTH)
        elif kind == "end_map" or kind == "end_array":
            depth -= 1
        elif kind == "number" and abs(event[2]) >= largest:
            raise TrackerError(
                key="limits.json_number_too_long", path=path, where=event[0] or "$", limit=f"{MAX_NUMBER_DIGITS:,}"
            )
        yield event


def _directive_rows(
    path: Path, directive: Any, d_index: int, flat: Callable[[dict[str, Any], str], SourceRow]
) -> Iterator[SourceRow]:
    if not isinstance(directive, dict):
        raise TrackerError(key="import.json_not_object", path=path, where=f"directives[{d_index}]")
    shared = {
        "directive": directive.get("number"),
        "issued_on": directive.get("issued_on"),
        "kind": directive.get("kind"),
        "title": directive.get("title"),
        "issuer": directive.get("issuer"),
    }
    tasks = directive.get("tasks") or []
    if not isinstance(tasks, list):
        raise TrackerError(key="import.json_tasks_not_list", path=path, where=f"directives[{d_index}].tasks")
    for t_index, task in enumerate(tasks):
        if not isinstance(task, dict):
            raise TrackerError(key="import.json_not_object", path=path, where=f"directives[{d_index}].tasks[{t_index}]")
        merged = {**shared, **task, "task": task.get("text", task.get("task"))}
        yield flat(merged, f"directives[{d_index}].tasks[{t_index}]")


def open_table(path: Path, file_format: str | None = None, sheet: str | None = None) -> Table:
    if not path.is_file():
        raise TrackerError(key="import.no_file", path=path)
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
