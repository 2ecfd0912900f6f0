"""Writes the import fixtures in this folder (run it to regenerate them; the files are committed).

python -m tests.data.make_files
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent

HEADER_VI = [
    "Số hiệu văn bản",
    "Ngày ban hành",
    "Loại văn bản",
    "Trích yếu",
    "Cơ quan ban hành",
    "Mã nhiệm vụ",
    "Nội dung",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời hạn",
    "Ngày hoàn thành",
    "Số văn bản báo cáo",
    "Ghi chú",
]
ROWS = [
    [
        "12/KH-UBND",
        "15/01/2021",
        "Kế hoạch",
        "Chuyển đổi số năm 2021",
        "UBND tỉnh Thanh Hóa",
        "1",
        "Báo cáo kết quả chuyển đổi số",
        "Sở Thông tin và Truyền thông",
        "Sở Nội vụ; Văn phòng UBND tỉnh",
        "trước 30/4/2021",
        "28/04/2021",
        "45/BC-STTTT",
        "",
    ],
    [
        "12/KH-UBND",
        "15/01/2021",
        "Kế hoạch",
        "Chuyển đổi số năm 2021",
        "UBND tỉnh Thanh Hóa",
        "2",
        "Rà soát thủ tục hành chính",
        "Sở TN&MT",
        "Sở Văn hóa, Thể thao và Du lịch, Sở Y tế",
        "quý II năm 2021",
        "",
        "",
        "Ưu tiên",
    ],
    [
        "12/KH-UBND",
        "15/01/2021",
        "Kế hoạch",
        "Chuyển đổi số năm 2021",
        "UBND tỉnh Thanh Hóa",
        "3",
        "Tổng kết của các huyện",
        "UBND các huyện, thị xã, thành phố",
        "",
        "ngày 15 tháng 6 năm 2021",
        "",
        "",
        "",
    ],
]
EXPECTED_ASSIGNMENTS = 2 + 1 + 2 + 27 + 1  # row 1: lead + 2; row 2: lead + 2; row 3: 27 districts


def write_csvs() -> None:
    for encoding, tag in (("utf-8", "utf8"), ("utf-8-sig", "utf8bom"), ("utf-16", "utf16")):
        for delimiter, name in ((",", "comma"), (";", "semicolon"), ("\t", "tab")):
            buffer = io.StringIO()
            writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
            writer.writerow(HEADER_VI)
            writer.writerows(ROWS)
            (HERE / f"assignments-{tag}-{name}.csv").write_bytes(buffer.getvalue().encode(encoding))


def write_xlsx() -> None:
    """Directive columns merged over the rows of their tasks; dates as Excel dates and as text."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Danh sách"
    sheet.append(HEADER_VI)
    for index, row in enumerate(ROWS):
        values: list[object] = list(row)
        if index == 0:
            values[1] = date(2021, 1, 15)  # a real Excel date
            values[10] = date(2021, 4, 28)
        else:
            values[:5] = [None] * 5  # merged below
        sheet.append(values)
    for column in "ABCDE":
        sheet.merge_cells(f"{column}2:{column}4")
    sheet["B2"].number_format = "DD/MM/YYYY"
    other = workbook.create_sheet("Khác")
    other.append(["Số hiệu văn bản", "Mã nhiệm vụ", "Nội dung", "Cơ quan chủ trì", "Thời hạn"])
    other.append(["13/KH-UBND", "1", "Việc khác", "Sở Y tế", "31/12/2021"])
    workbook.save(HERE / "assignments-merged.xlsx")


def write_json() -> None:
    directives = {
        "directives": [
            {
                "number": "12/KH-UBND",
                "issued_on": "2021-01-15",
                "kind": "Kế hoạch",
                "title": "Chuyển đổi số năm 2021",
                "issuer": "UBND tỉnh Thanh Hóa",
                "tasks": [
                    {
                        "ref": "1",
                        "text": "Báo cáo kết quả chuyển đổi số",
                        "lead": ["Sở Thông tin và Truyền thông"],
                        "coordinating": ["Sở Nội vụ", "Văn phòng UBND tỉnh"],
                        "deadline": "trước 30/4/2021",
                        "completed_on": "28/04/2021",
                        "result_ref": "45/BC-STTTT",
                    },
                    {
                        "ref": "2",
                        "text": "Rà soát thủ tục hành chính",
                        "lead": "Sở TN&MT",
                        "coordinating": ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế"],
                        "deadline": "quý II năm 2021",
                        "note": "Ưu tiên",
                    },
                    {
                        "ref": "3",
                        "text": "Tổng kết của các huyện",
                        "lead": ["UBND các huyện, thị xã, thành phố"],
                        "deadline": "ngày 15 tháng 6 năm 2021",
                    },
                ],
            }
        ]
    }
    (HERE / "directives.json").write_text(json.dumps(directives, ensure_ascii=False, indent=2), encoding="utf-8")
    flat = {
        "assignments": [
            dict(
                zip(
                    [
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
                        "completed_on",
                        "result_ref",
                        "note",
                    ],
                    row,
                    strict=True,
                )
            )
            for row in ROWS
        ]
    }
    (HERE / "assignments-flat.json").write_text(json.dumps(flat, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    write_csvs()
    write_xlsx()
    write_json()
