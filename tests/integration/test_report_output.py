"""Reports: the format from the output's name, a period that does not exist, a directive number in any
case, and the province's name (not its code) where a person reads it; on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from docx import Document

from tests.integration.cli_runner import run

AS_OF = ("--lang", "vi", "--as-of", "21/3/2020")


@pytest.mark.parametrize(("suffix", "check"), [(".xlsx", "xlsx"), (".docx", "docx"), (".csv", "csv"), (".md", "md")])
def test_the_output_name_picks_the_format(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str, check: str
) -> None:
    path = tmp_path / f"bao-cao{suffix}"
    result = run(capsys, "--db", demo_url, *AS_OF, "report", "directive", "34/KH-UBND", "--output", str(path))
    assert result.code == 0, result.err
    if check == "xlsx":
        assert openpyxl.load_workbook(path).active is not None
    elif check == "docx":
        head = Document(str(path)).tables[0]
        assert head.cell(0, 0).paragraphs[0].text == "UBND TỈNH THANH HÓA"
        assert head.cell(1, 1).paragraphs[0].text == "Thanh Hóa, ngày 21 tháng 3 năm 2020"
    elif check == "csv":
        assert path.read_text(encoding="utf-8-sig").splitlines()[0].startswith("Mục,")
    else:
        assert path.read_text(encoding="utf-8").startswith("## ")


def test_an_unknown_ending_a_period_that_does_not_exist_and_a_directive_in_any_case(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = run(capsys, "--db", demo_url, "report", "directive", "34/KH-UBND", "--output", str(tmp_path / "r.pdf"))
    assert odd.code == 1 and ".xlsx, .docx, .csv or .md" in odd.err and not (tmp_path / "r.pdf").exists()
    for period in ("2020-13", "2020-Q5", "tháng 2"):
        bad = run(
            capsys,
            "--db",
            demo_url,
            "--lang",
            "vi",
            "report",
            "submissions",
            "--task",
            "4515/KH-UBND:BC-HT",
            "--period",
            period,
        )
        assert bad.code == 1 and f"kỳ '{period}' không có" in bad.err and bad.err.count("\n") == 1
    good = run(
        capsys,
        "--db",
        demo_url,
        *AS_OF,
        "report",
        "submissions",
        "--task",
        "4515/KH-UBND:BC-HT",
        "--period",
        "2020-02",
        "--format",
        "csv",
    )
    assert good.code == 0, good.err
    lower = run(capsys, "--db", demo_url, *AS_OF, "report", "directive", "34/kh-ubnd", "--format", "csv")
    upper = run(capsys, "--db", demo_url, *AS_OF, "report", "directive", "34/KH-UBND", "--format", "csv")
    assert lower.code == 0 and lower.out == upper.out
    missing = run(capsys, "--db", demo_url, "--lang", "vi", "report", "directive", "99/xx")
    assert missing.code == 1 and "không có văn bản số '99/xx'" in missing.err


def test_the_scoreboard_names_provinces(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "--db", demo_url, *AS_OF, "report", "agencies", "--format", "csv")
    assert result.code == 0, result.err
    assert "Tỉnh Thanh Hóa" in result.out and "Tỉnh Bắc Giang" in result.out
    assert ",thanh-hoa," not in result.out
