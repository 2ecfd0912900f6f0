"""Files as people and programs really write them, and files made to hurt: title rows above the
header, a short first row, a workbook under another name, formulas without values, merged ranges
over the whole sheet, deep or huge JSON, over-long cells, damaged sheet parts. Each is read, or is one
line naming the file and what to do; none is a traceback or a crash."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.data.make_files import EXPECTED_ASSIGNMENTS, HEADER_VI, ROWS
from tests.integration.cli_runner import run
from tracker.core.errors import TrackerError
from tracker.importing.sources import MAX_CELL, open_table

ROOT = Path(__file__).resolve().parents[2]


def _csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")
    return path


def _rows(path: Path, **options: str | None) -> tuple[list[str], list[tuple[str, list[object]]]]:
    table = open_table(path, **options)
    return table.headers, [(row.location, row.values) for row in table.rows]


# --- real spreadsheets --------------------------------------------------------------------------


def test_title_rows_above_the_header_are_skipped_in_csv(tmp_path: Path) -> None:
    title = ["DANH MỤC NHIỆM VỤ GIAO TẠI KẾ HOẠCH SỐ 12/KH-UBND"] + [""] * (len(HEADER_VI) - 1)
    path = _csv(tmp_path / "a.csv", [title, [""] * len(HEADER_VI), HEADER_VI, *ROWS], delimiter=";")
    headers, rows = _rows(path)
    assert headers == HEADER_VI
    # Row numbers stay those of the file: the header is line 3, the first task line 4.
    assert [location for location, _ in rows] == ["4", "5", "6"]
    assert rows[0][1][0] == "12/KH-UBND"


def test_title_rows_above_the_header_are_skipped_in_xlsx(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["DANH MỤC NHIỆM VỤ GIAO TẠI KẾ HOẠCH SỐ 12/KH-UBND"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER_VI))
    sheet.append([])
    sheet.append(HEADER_VI)
    for row in ROWS:
        sheet.append(row)
    workbook.save(tmp_path / "a.xlsx")
    headers, rows = _rows(tmp_path / "a.xlsx")
    assert headers == HEADER_VI
    assert [location for location, _ in rows] == ["4", "5", "6"]
    assert [values[5] for _, values in rows] == ["1", "2", "3"]


def test_a_semicolon_file_whose_first_data_row_is_short_is_read_as_semicolons(tmp_path: Path) -> None:
    short = ["12/KH-UBND", "15/01/2021"]  # a row ended early, as some programs write them
    path = _csv(tmp_path / "a.csv", [HEADER_VI, short, ROWS[1]], delimiter=";")  # too few rows to sniff
    headers, rows = _rows(path)
    assert headers == HEADER_VI
    assert rows[0][1] == short
    assert rows[1][1] == ROWS[1]


def test_a_workbook_named_csv_is_read_as_a_workbook(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(HEADER_VI)
    for row in ROWS:
        sheet.append(row)
    workbook.save(tmp_path / "a.xlsx")
    renamed = tmp_path / "danh-sach.csv"
    shutil.copyfile(tmp_path / "a.xlsx", renamed)
    headers, rows = _rows(renamed)
    assert headers == HEADER_VI
    assert len(rows) == len(ROWS)


def test_a_file_with_a_title_row_imports_like_the_plain_one(demo_url: str, tmp_path: Path) -> None:
    import tracker

    title = ["DANH MỤC NHIỆM VỤ"] + [""] * (len(HEADER_VI) - 1)
    path = _csv(tmp_path / "a.csv", [title, [""] * len(HEADER_VI), HEADER_VI, *ROWS], delimiter=";")
    opened = tracker.open(demo_url, today="01/05/2021")
    try:
        report = opened.import_file(path)
    finally:
        opened.close()
    assert report.ok, report.errors
    assert report.created == EXPECTED_ASSIGNMENTS


# --- formulas, merged ranges, damaged parts --------------------------------------------------------


def _workbook(tmp_path: Path, extra: list[list[str]] | list[list[object]] | None = None) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Nhiệm vụ"
    sheet.append(HEADER_VI)
    for row in extra or ROWS:
        sheet.append(row)
    path = tmp_path / "a.xlsx"
    workbook.save(path)
    return path


def test_a_formula_without_a_saved_value_is_an_error_naming_the_cell(tmp_path: Path) -> None:
    row = list(ROWS[0])
    row[9] = "=DATE(2021,4,30)"  # openpyxl writes formulas without calculating them
    path = _workbook(tmp_path, [row])
    with pytest.raises(TrackerError) as caught:
        _rows(path)
    assert "Nhiệm vụ!J2" in str(caught.value)
    assert "=DATE(2021,4,30)" in str(caught.value)


def _rewrite_sheet(path: Path, change: object) -> None:
    """Rewrite the first sheet's XML of ``path`` with ``change(xml) -> xml`` (or drop it for None)."""
    source = zipfile.ZipFile(path)
    members = {name: source.read(name) for name in source.namelist()}
    source.close()
    name = "xl/worksheets/sheet1.xml"
    if change is None:
        del members[name]
    else:
        members[name] = change(members[name])  # type: ignore[operator]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for member, data in members.items():
            target.writestr(member, data)


def _rewrite_members(path: Path, change: object) -> None:
    """Rewrite every XML member of ``path`` with ``change(xml) -> xml``."""
    source = zipfile.ZipFile(path)
    members = {name: source.read(name) for name in source.namelist()}
    source.close()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for member, data in members.items():
            target.writestr(member, change(data) if member.endswith(".xml") else data)  # type: ignore[operator]


def test_a_merged_range_over_the_whole_sheet_is_cut_to_the_sheet(tmp_path: Path) -> None:
    """Read in a child limited to 1 GB of memory and 60 s: the range's 17 billion cells would take
    either, many times over."""
    path = _workbook(tmp_path)
    _rewrite_sheet(
        path,
        lambda xml: xml.replace(
            b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A2:XFD1048576"/></mergeCells>', 1
        ),
    )
    script = (
        "import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))\n"
        "from pathlib import Path\nfrom tracker.importing.sources import open_table\n"
        "rows = [row.values for row in open_table(Path(sys.argv[1])).rows]\n"
        "print(len(rows), sorted({values[0] for values in rows}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == f"{len(ROWS)} ['12/KH-UBND']"  # the block's first cell fills it


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda xml: xml[: len(xml) // 2], "damaged"),
        (None, "no part for the sheet"),
        (
            lambda xml: xml.replace(
                b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A2:ZZZZ9"/></mergeCells>', 1
            ),
            "A2:ZZZZ9",
        ),
    ],
    ids=["malformed-xml", "missing-part", "bad-merge"],
)
def test_a_damaged_sheet_is_one_line_naming_the_file(tmp_path: Path, change: object, expected: str) -> None:
    path = _workbook(tmp_path)
    _rewrite_sheet(path, change)
    with pytest.raises(TrackerError) as caught:
        _rows(path)
    assert str(path) in str(caught.value)
    assert expected in str(caught.value)


def test_a_date_past_the_last_year_is_an_error_not_a_broken_calendar(demo_url: str, tmp_path: Path) -> None:
    import datetime

    import tracker

    row: list[object] = list(ROWS[0])
    row[10] = datetime.datetime(9999, 12, 31)  # the serial 2958465, as Excel stores it
    path = _workbook(tmp_path, [row])
    opened = tracker.open(demo_url, today="01/05/2021")
    try:
        report = opened.import_file(path)
    finally:
        opened.close()
    assert not report.ok
    assert any(":K:" in error and "9999" in error and "2200" in error for error in report.errors), report.errors


# --- cells, JSON depth and numbers --------------------------------------------------------------


def test_a_csv_cell_longer_than_the_csv_module_allows_is_one_line(tmp_path: Path) -> None:
    row = list(ROWS[0])
    row[6] = "x" * 200_000
    path = _csv(tmp_path / "a.csv", [HEADER_VI, row])
    with pytest.raises(TrackerError) as caught:
        _rows(path)
    assert "line 2" in str(caught.value) and f"{MAX_CELL:,}" in str(caught.value)


def test_a_cell_longer_than_a_cell_may_be_names_the_cell_and_the_limit(tmp_path: Path) -> None:
    row = list(ROWS[0])
    row[6] = "nhiệm vụ " * 5_000
    workbook = _workbook(tmp_path, [[*row[:6], "PLACEHOLDER", *row[7:]]])
    _rewrite_members(workbook, lambda xml: xml.replace(b"PLACEHOLDER", row[6].encode()))  # more than Excel writes
    for path in (_csv(tmp_path / "a.csv", [HEADER_VI, row]), workbook):
        with pytest.raises(TrackerError) as caught:
            _rows(path)
        assert ":2:G:" in str(caught.value) and f"{MAX_CELL:,}" in str(caught.value), str(caught.value)
    task = {"directive": "1/KH", "ref": "1", "task": "x" * (MAX_CELL + 1), "lead": "Sở Y tế"}
    (tmp_path / "a.json").write_text(json.dumps({"assignments": [task]}), encoding="utf-8")
    with pytest.raises(TrackerError, match=r"assignments\[0\]\.task"):
        _rows(tmp_path / "a.json")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"assignments": [' + "[" * 5_000 + "]" * 5_000 + "]}", "16 levels"),
        ('{"assignments": ' + "[" * 100_000, "16 levels"),
        (
            '{"assignments": [{"directive": "1/KH", "ref": "1", "task": "x", "lead": "Sở Y tế", "version": '
            + "9" * 30
            + "}]}",
            "18 digits",
        ),
    ],
    ids=["5000-deep", "100k-open", "30-digit-number"],
)
def test_json_too_deep_or_with_huge_numbers_is_an_error_saying_the_limit(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = tmp_path / "a.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TrackerError) as caught:
        _rows(path)
    assert expected in str(caught.value)


def test_a_4301_digit_number_does_not_crash_the_process(tmp_path: Path, db_url: str) -> None:
    """ijson's C parser dies with SIGSEGV on it: run the real command in a child process."""
    path = tmp_path / "a.json"
    task = '{"directive": "1/KH", "ref": "1", "task": "x", "lead": "Sở Y tế", "version": ' + "1" * 4301 + "}"
    path.write_text('{"assignments": [' + task + "]}", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "import", str(path), "--db", db_url],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert "digits" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_the_cli_says_a_damaged_workbook_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db_url: str
) -> None:
    path = _workbook(tmp_path)
    _rewrite_sheet(path, lambda xml: xml[: len(xml) // 2])
    result = run(capsys, "import", str(path), "--db", db_url)
    assert result.code == 1
    assert len(result.err.strip().splitlines()) == 1 and "damaged" in result.err
