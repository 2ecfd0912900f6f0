"""The first hour of a province the demo does not know, with the command line alone: an empty database,
the province's own spreadsheet, its agencies given aliases and emails, a list, a DOCX report with the
province's letterhead and a digest to the new address; on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from tests.integration.cli_runner import run
from tests.integration.mailbox import Mailbox, mailbox

__all__ = ["mailbox"]

HEADER = [
    "STT",
    "Số hiệu văn bản",
    "Ngày ban hành",
    "Trích yếu",
    "Cơ quan ban hành",
    "Mã nhiệm vụ",
    "Nội dung nhiệm vụ",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời hạn",
]
PLAN = ("125/KH-UBND", "10/01/2024", "Kế hoạch cải cách hành chính năm 2024", "UBND tỉnh Quảng Ninh")
ORDER = ("07/CT-UBND", "15/02/2024", "Chỉ thị về tăng cường kỷ luật, kỷ cương", "Chủ tịch UBND tỉnh Quảng Ninh")
ROWS = [
    [1, *PLAN, "1", "Rà soát, đơn giản hóa thủ tục hành chính", "Sở Nội vụ", "Sở Tư pháp", "trước 30/3/2024"],
    [2, *PLAN, "2", "Đánh giá chỉ số cải cách hành chính", "Sở Tư pháp", "Sở Nội vụ", "trước 30/6/2024"],
    [3, *PLAN, "3", "Báo cáo kết quả hằng tháng", "UBND thành phố Hạ Long", "", "trước ngày 20 hàng tháng"],
    [4, *ORDER, "1", "Công khai kết quả kiểm tra công vụ", "Văn phòng UBND tỉnh", "Sở Nội vụ", "trước 30/4/2024"],
]
AS_OF = "15/4/2024"  # task 1 of the plan is overdue for Sở Nội vụ


def _workbook(path: Path) -> Path:
    """The province's own sheet: a title and a blank row above Vietnamese headers, no province column."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Nhiệm vụ"
    sheet.append(["DANH MỤC NHIỆM VỤ UBND TỈNH GIAO NĂM 2024"])
    sheet.append([])
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    book.save(path)
    return path


def test_from_an_empty_database_to_a_digest(
    blank_url: str, tmp_path: Path, mailbox: Mailbox, capsys: pytest.CaptureFixture[str]
) -> None:
    def tracker(*args: str, lang: str = "en") -> tuple[int, str, str]:
        result = run(capsys, "--db", blank_url, "--lang", lang, "--as-of", AS_OF, *args)
        return result.code, result.out, result.err

    assert tracker("db", "init")[0] == 0
    sheet = _workbook(tmp_path / "nhiem-vu-2024.xlsx")

    # Without --create-agencies the province is not made up: each row says which flag or command does it.
    code, out, err = tracker("import", str(sheet), lang="vi")
    assert code == 1
    assert "--create-agencies" in err and 'tracker jurisdiction add quang-ninh "Tỉnh Quảng Ninh"' in err
    assert "có 4 lỗi; chưa nhập gì" in err
    assert json.loads(tracker("jurisdiction", "list", "--format", "json")[1]) == []

    code, out, err = tracker("import", str(sheet), "--create-agencies", lang="vi")
    assert code == 0, err
    assert "4 dòng; phân công: 12 tạo mới" in out and "tỉnh, thành phố: 1 tạo mới (Tỉnh Quảng Ninh)" in out
    code, out, _ = tracker("import", str(sheet))
    assert code == 0 and "assignments: 0 created, 0 updated, 12 unchanged" in out
    listed = json.loads(tracker("jurisdiction", "list", "--format", "json")[1])
    assert listed == [{"code": "quang-ninh", "name": "Tỉnh Quảng Ninh"}]

    # The agencies the sheet named get their kinds, aliases and emails.
    edits = [
        [
            "Sở Nội vụ",
            "--kind",
            "sở",
            "--short",
            "Sở NV",
            "--add-alias",
            "SNV",
            "--add-email",
            "snv@quangninh.example.org",
        ],
        ["Sở Tư pháp", "--kind", "department", "--add-alias", "STP", "--add-email", "stp@quangninh.example.org"],
        ["UBND thành phố Hạ Long", "--kind", "huyện", "--add-alias", "TP Hạ Long"],
    ]
    for edit in edits:
        code, out, err = tracker("agency", "edit", *edit, lang="vi")
        assert code == 0 and "đã cập nhật cơ quan" in out, err
    agencies = {a["name"]: a for a in json.loads(tracker("agency", "list", "--format", "json")[1])}
    assert agencies["Sở Nội vụ"] == {
        "name": "Sở Nội vụ",
        "jurisdiction": "quang-ninh",
        "kind": "department",
        "short_name": "Sở NV",
        "aliases": ["SNV"],
        "emails": ["snv@quangninh.example.org"],
        "groups": [],
    }
    assert agencies["UBND thành phố Hạ Long"]["kind"] == "district"
    assert agencies["Văn phòng UBND tỉnh"]["kind"] == "department"  # the kind its name shows, from the import

    # The alias finds the agency's work.
    code, out, err = tracker("list", "--agency", "SNV", "--format", "json")
    assert code == 0, err
    rows = json.loads(out)
    assert {(r["directive"], r["ref"], r["role"]) for r in rows} == {
        ("125/KH-UBND", "1", "lead"),
        ("125/KH-UBND", "2", "coordinating"),
        ("07/CT-UBND", "1", "coordinating"),
    }
    assert {r["agency"] for r in rows} == {"Sở Nội vụ"}

    # A report of the plan with the province's own letterhead; the number in any case.
    report = tmp_path / "bao-cao.docx"
    code, out, err = tracker("report", "directive", "125/kh-ubnd", "--output", str(report), lang="vi")
    assert code == 0, err
    document = Document(str(report))
    head = document.tables[0]
    assert head.cell(0, 0).paragraphs[0].text == "UBND TỈNH QUẢNG NINH"
    assert head.cell(0, 0).paragraphs[1].text == "VĂN PHÒNG"
    assert head.cell(1, 1).paragraphs[0].text == "Quảng Ninh, ngày 15 tháng 4 năm 2024"
    body = "\n".join(p.text for p in document.paragraphs)
    assert "125/KH-UBND" in body

    # The digest goes to the address just given.
    code, out, err = tracker("notify", lang="vi")
    assert code == 0, err
    sent = {m["X-Envelope-To"]: m for m in mailbox.messages}
    assert "snv@quangninh.example.org" in sent
    digest = sent["snv@quangninh.example.org"]
    text = digest.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Rà soát, đơn giản hóa thủ tục hành chính" in text

    # Every change of the hour is in the audit log.
    code, out, _ = tracker("agency", "list", "--format", "csv")
    assert out.splitlines()[0] == "name,jurisdiction,kind,short_name,aliases,emails,groups"
    import tracker as api

    opened = api.open(blank_url)
    audited = opened.reader.rows(
        "SELECT a.field, a.new_value FROM audit_log a JOIN agency g ON g.id = a.entity_id "
        "WHERE a.entity = 'agency' AND g.name = 'Sở Nội vụ' AND a.action = 'update' ORDER BY a.id"
    )
    opened.close()
    assert ("aliases", "SNV") in audited and ("emails", "snv@quangninh.example.org") in audited
    assert ("short_name", "Sở NV") in audited
