"""Reports, checked as a clerk would read them, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

import tracker
from tests.integration.cli_runner import run

pytestmark = pytest.mark.usefixtures("backend")


def _csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_february_2020_submissions_are_the_appendix_of_the_report(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [
        "--db",
        demo_url,
        "--as-of",
        "21/3/2020",
        "--lang",
        "vi",
        "report",
        "submissions",
        "--task",
        "4515/KH-UBND:BC-HT",
        "--period",
        "2020-02",
    ]
    rows = _csv(run(capsys, *args, "--format", "csv").out)
    agencies = [r for r in rows[1:] if r[0].isdigit()]
    assert len(agencies) == 30
    assert sum(1 for r in agencies if r[2] == "X") == 28
    assert sorted(r[1] for r in agencies if r[4] == "X") == ["Sở Xây dựng", "Thanh tra tỉnh"]
    assert rows[-1][1:5] == ["Tổng số", "28", "0", "2"]
    assert [r[1] for r in rows if not r[0].isdigit()][1:3] == ["CẤP TỈNH", "CẤP HUYỆN"]
    markdown = run(capsys, *args, "--format", "md").out
    assert "Không có báo cáo: Sở Xây dựng, Thanh tra tỉnh." in markdown
    path = tmp_path / "phu-luc.xlsx"
    assert run(capsys, *args, "--format", "xlsx", "--output", str(path)).code == 0
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    assert "4515/KH-UBND" in str(sheet["A1"].value)
    assert sheet.freeze_panes == "A3" and sheet["B2"].value == "Cơ quan"
    values = [row for row in sheet.iter_rows(min_row=3, values_only=True) if isinstance(row[0], int)]
    assert sum(1 for row in values if row[4] == "X") == 2


def test_scoreboard_figures_match_a_hand_count(db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    t = tracker.open(db_url, today="1/6/2020")
    t.jurisdiction("x", "Tỉnh X")
    for name in ("Sở A", "Sở B"):
        t.agency(name, kind="department")
    d = t.directive("1/KH")
    ids = {}
    plan = [
        ("1", "Sở A", "10/5/2020"),
        ("2", "Sở A", "20/5/2020"),
        ("3", "Sở A", "30/6/2020"),
        ("4", "Sở B", "10/5/2020"),
        ("5", "Sở B", "thường xuyên"),
        ("6", "Sở B", "15/5/2020"),
    ]
    for ref, lead, due in plan:
        ids[ref] = d.assign(ref, f"việc {ref}", lead=lead, due=due).assignment_ids[0]
    t.complete(ids["1"], "9/5/2020")  # A: on time
    t.complete(ids["2"], "25/5/2020")  # A: late; "3" in progress
    t.withdraw(ids["6"], reason="x", on="1/5/2020")  # B: withdrawn; "4" overdue; "5" standing
    t.close()
    rows = _csv(
        run(capsys, "--db", db_url, "--as-of", "1/6/2020", "--lang", "en", "report", "agencies", "--format", "csv").out
    )
    assert rows[0] == [
        "Agency",
        "Jurisdiction",
        "Assigned",
        "On time",
        "Late",
        "In progress",
        "Overdue",
        "On-time rate",
    ]
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Sở A"][2:] == ["3", "1", "1", "1", "0", "50%"]
    assert by_name["Sở B"][2:] == ["2", "0", "0", "0", "1", "0%"]
    assert by_name["Total"][2:] == ["5", "1", "1", "1", "1", "33%"]
    ranged = _csv(
        run(
            capsys,
            "--db",
            db_url,
            "--as-of",
            "1/6/2020",
            "--lang",
            "en",
            "report",
            "agencies",
            "--from",
            "15/5/2020",
            "--to",
            "31/5/2020",
            "--format",
            "csv",
        ).out
    )
    assert {r[0]: r[2:] for r in ranged[1:]}["Sở A"] == ["1", "0", "1", "0", "0", "0%"]
    path = tmp_path / "bang-xep-hang.xlsx"
    assert run(capsys, "--db", db_url, "report", "agencies", "--format", "xlsx", "--output", str(path)).code == 0
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None and len(getattr(sheet, "_charts", [])) == 1  # the on-time rate as a bar chart


def test_directive_report_lists_every_assignment(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _csv(
        run(
            capsys, "--db", demo_url, "--as-of", "15/6/2020", "report", "directive", "34/KH-UBND", "--format", "csv"
        ).out
    )
    assert len(rows) - 1 == 78
    assert {r[0] for r in rows[1:]} >= {"3.1.a", "3.1.b.(1)", "3.2", "III.1.e"}


def test_unknown_task_is_one_line(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "--db", demo_url, "report", "submissions", "--task", "XYZ", "--period", "2020-02")
    assert result.code == 1 and "task 'XYZ' does not exist" in result.err
    xlsx = run(capsys, "--db", demo_url, "report", "agencies", "--format", "xlsx")
    assert xlsx.code == 1 and "--output" in xlsx.err


def test_submissions_docx_is_in_the_administrative_form(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx
    from docx.oxml.ns import qn

    path = tmp_path / "phu-luc.docx"
    args = [
        "--db",
        demo_url,
        "--as-of",
        "21/3/2020",
        "--lang",
        "vi",
        "report",
        "submissions",
        "--task",
        "4515/KH-UBND:BC-HT",
        "--period",
        "2020-02",
        "--format",
        "docx",
        "--output",
        str(path),
    ]
    assert run(capsys, *args).code == 0
    document = docx.Document(str(path))
    head, table, foot = document.tables
    assert head.cell(0, 0).text == "UBND TỈNH BẮC GIANG\nVĂN PHÒNG"
    assert head.cell(0, 1).text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    assert head.cell(0, 1).paragraphs[1].runs[0].underline
    assert head.cell(1, 0).text.startswith("Số:")
    assert head.cell(1, 1).text == "Bắc Giang, ngày 21 tháng 3 năm 2020"
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[:2] == ["BÁO CÁO", "Các cơ quan, địa phương thực hiện báo cáo 4515/KH-UBND (BC-HT) kỳ 2020-02"]
    assert "Không có báo cáo: Sở Xây dựng, Thanh tra tỉnh." in paragraphs
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0][:2] == ["STT", "Cơ quan"]
    agencies = [row for row in cells[1:] if row[0].isdigit()]
    assert len(agencies) == 30
    assert sorted(row[1] for row in agencies if row[4] == "X") == ["Sở Xây dựng", "Thanh tra tỉnh"]
    assert cells[-1][1:5] == ["Tổng số", "28", "0", "2"]
    repeated = [
        (table_index, row_index)
        for table_index, element in enumerate(document.element.body.findall(qn("w:tbl")))
        for row_index, row in enumerate(element.findall(qn("w:tr")))
        if row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    ]
    assert repeated == [(1, 0)]  # the table's header row, and only it, repeats on every printed page
    assert foot.cell(0, 0).text.startswith("Nơi nhận:")
    assert "CHÁNH VĂN PHÒNG" in foot.cell(0, 1).text
    section = document.sections[0]
    assert section.page_width is not None and section.left_margin is not None
    assert round(section.left_margin.mm) == 30


def test_docx_letterhead_can_be_set_and_speaks_english(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx

    path = tmp_path / "scoreboard.docx"
    args = [
        "--db",
        demo_url,
        "--as-of",
        "15/6/2020",
        "--lang",
        "en",
        "report",
        "agencies",
        "--format",
        "docx",
        "--output",
        str(path),
        "--issuer",
        "UBND tỉnh Thanh Hóa",
        "--issuer",
        "Sở Nội vụ",
        "--place",
        "Thanh Hóa",
        "--signer",
        "GIÁM ĐỐC",
    ]
    assert run(capsys, *args).code == 0
    document = docx.Document(str(path))
    head, table, foot = document.tables
    assert head.cell(0, 0).text == "UBND TỈNH THANH HÓA\nSỞ NỘI VỤ"
    assert [r.bold for p in head.cell(0, 0).paragraphs for r in p.runs] == [False, True]
    assert head.cell(1, 1).text == "Thanh Hóa, 15/6/2020"
    assert document.paragraphs[0].text == "REPORT"
    assert [c.text for c in table.rows[0].cells][-1] == "On-time rate"
    assert table.rows[-1].cells[0].text == "Total"
    assert "GIÁM ĐỐC" in foot.cell(0, 1).text


def test_ics_export_has_one_event_per_dated_deadline(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import date

    import icalendar

    path = tmp_path / "so-xay-dung.ics"
    args = [
        "--db",
        demo_url,
        "--as-of",
        "15/6/2020",
        "--lang",
        "vi",
        "export",
        str(path),
        "--agency",
        "bac-giang:Sở Xây dựng",
    ]
    result = run(capsys, *args)
    assert result.code == 0, result.err
    listed = run(
        capsys,
        "--db",
        demo_url,
        "--as-of",
        "15/6/2020",
        "list",
        "--agency",
        "bac-giang:Sở Xây dựng",
        "--format",
        "json",
    ).out
    import json

    expected = [r for r in json.loads(listed) if r["due_on"]]
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(expected) > 0
    assert len({str(e["UID"]) for e in events}) == len(events)
    by_start = {e.decoded("DTSTART"): e for e in events}
    february = by_start[date(2020, 2, 20)]
    assert str(february["SUMMARY"]).startswith("Sở Xây dựng: Báo cáo kết quả công tác cải cách hành chính")
    assert february.decoded("DTEND") == date(2020, 2, 21)
    description = str(february["DESCRIPTION"])
    assert "4515/KH-UBND (18/12/2019)" in description and "Thời hạn: trước ngày 20 hàng tháng" in description
    assert february.walk("VALARM"), "an open deadline has a reminder"
    january = by_start[date(2020, 1, 20)]
    assert str(january["SUMMARY"]).startswith("✓ ") and not january.walk("VALARM")
    # Re-export after an extension: the same UID, a later date and a higher SEQUENCE.
    row_id = next(r["id"] for r in expected if r["due_on"] == "2020-02-20")
    assert (
        run(
            capsys,
            "--db",
            demo_url,
            "--as-of",
            "15/6/2020",
            "extend",
            str(row_id),
            "--to",
            "30/6/2020",
            "--reason",
            "xin gia hạn",
        ).code
        == 0
    )
    assert run(capsys, *args).code == 1, "an existing file is not written over without --force"
    assert run(capsys, *args, "--force").code == 0
    moved = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")}
    event = moved[str(february["UID"])]
    assert event.decoded("DTSTART") == date(2020, 6, 30)
    assert int(str(event["SEQUENCE"])) > int(str(february["SEQUENCE"]))
