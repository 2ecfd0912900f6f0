"""``tracker draft``: the draft of a real directive imports unchanged (``tracker import --dry-run``) on
both backends, in every format; the scorer's figures on the two development documents; bad input."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import tracker
from tests.integration.cli_runner import run

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
DOMAIN = SHARED / "domain"
needs_shared = pytest.mark.skipif(not DOMAIN.is_dir(), reason="the shared domain folder is not beside the clone")


def _document(prefix: str) -> Path:
    return next(DOMAIN.glob(f"{prefix}_*.txt"))


PLAN = """ỦY BAN NHÂN DÂN
TỈNH THANH HÓA
Số: 77/KH-UBND
Thanh Hóa, ngày 10 tháng 3 năm 2020

KẾ HOẠCH
Triển khai chuyển đổi số

I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm thống nhất.
II. NHIỆM VỤ
1. Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Nội vụ xây dựng kế hoạch, trình UBND tỉnh trước 30/4/2020.
2. Sở TN&MT: Rà soát dữ liệu đất đai vào quý III năm 2020.
3. UBND các huyện, thị xã, thành phố báo cáo kết quả trước ngày 20 hằng tháng.
4. Sở Thủy sản tham mưu đề án phát triển./.
Nơi nhận:
- Sở Nội vụ;
- Lưu: VT.
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "kh-77.txt"
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", ["json", "csv", "xlsx"])
def test_draft_imports_unchanged_on_a_database_with_agencies(
    capsys: pytest.CaptureFixture[str], demo_url: str, plan: Path, tmp_path: Path, suffix: str
) -> None:
    output = tmp_path / f"draft.{suffix}"
    drafted = run(capsys, "--db", demo_url, "draft", str(plan), "--jurisdiction", "thanh-hoa", "-o", str(output))
    assert drafted.code == 0, drafted.err
    assert "4 task(s) drafted" in drafted.err and drafted.out == ""
    # Names go through the database's aliases: "Sở TN&MT" is the demo's Sở Tài nguyên và Môi trường.
    if suffix == "xlsx":
        sheet = openpyxl.load_workbook(output).active
        assert sheet is not None
        cells = [[c.value for c in row] for row in sheet.iter_rows()]
        header = cells[0]
        leads = {row[header.index("ref")]: row[header.index("lead")] for row in cells[1:]}
        assert leads["II.2"] == "Sở Tài nguyên và Môi trường"
    # The agency the database lacks is named in the note, and the import says so too.
    strict = run(capsys, "--db", demo_url, "import", str(output), "--dry-run")
    assert strict.code == 1 and "Sở Thủy sản" in strict.err
    checked = run(capsys, "--db", demo_url, "import", str(output), "--dry-run", "--create-agencies")
    assert checked.code == 0, checked.err
    assert "4 task(s) would be created" in checked.out
    imported = run(capsys, "--db", demo_url, "import", str(output), "--create-agencies")
    assert imported.code == 0, imported.err
    with tracker.open(demo_url) as t:
        rows = {(r.ref, r.agency, r.role): r for r in t.by_directive("77/KH-UBND")}
    assert str(rows[("II.1", "Sở Thông tin và Truyền thông", "lead")].due_on) == "2020-04-30"
    assert ("II.1", "Sở Nội vụ", "coordinating") in rows
    assert str(rows[("II.2", "Sở Tài nguyên và Môi trường", "lead")].due_on) == "2020-09-30"
    assert len({key for key in rows if key[0] == "II.3"}) == 27  # the district group, expanded


@needs_shared
@pytest.mark.parametrize("suffix", ["json", "xlsx"])
def test_draft_of_the_plan_imports_on_an_empty_database(
    capsys: pytest.CaptureFixture[str], db_url: str, tmp_path: Path, suffix: str
) -> None:
    output = tmp_path / f"kl.{suffix}"
    drafted = run(capsys, "--db", db_url, "draft", str(_document("003")), "-o", str(output))
    assert drafted.code == 0, drafted.err
    checked = run(capsys, "--db", db_url, "import", str(output), "--dry-run", "--create-agencies")
    assert checked.code == 0, checked.err
    assert "1 directive(s) would be created" in checked.out and "30 task(s) would be created" in checked.out


@needs_shared
@pytest.mark.parametrize(("prefix", "gold"), [("002", "gold_002.json"), ("003", "gold_003.json")])
def test_scorer_on_the_development_documents(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, prefix: str, gold: str
) -> None:
    output = tmp_path / f"{prefix}.json"
    drafted = run(capsys, "draft", str(_document(prefix)), "-o", str(output))
    assert drafted.code == 0, drafted.err
    scored = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score_draft.py"), str(DOMAIN / "gold" / gold), str(output)],
        capture_output=True,
        text=True,
        check=False,
    )
    match = re.search(r"recall ([0-9.]+).*precision ([0-9.]+)", scored.stdout)
    assert match, scored.stdout + scored.stderr
    recall, precision = float(match.group(1)), float(match.group(2))
    assert recall >= 0.9 and precision >= 0.8, scored.stdout


@needs_shared
def test_a_report_without_its_number_is_a_draft_the_import_asks_to_complete(
    capsys: pytest.CaptureFixture[str], db_url: str, tmp_path: Path
) -> None:
    drafted = run(capsys, "--db", db_url, "draft", str(_document("002")))
    assert drafted.code == 0, drafted.err
    directive = json.loads(drafted.out)["directives"][0]
    assert directive["number"] == "" and "number not found" in directive["doubts"]
    assert {t["due_on"] for t in directive["tasks"]} == {"2020-03-31"}
    output = tmp_path / "bc.json"
    output.write_text(drafted.out, encoding="utf-8")
    checked = run(capsys, "--db", db_url, "import", str(output), "--dry-run", "--create-agencies")
    assert checked.code == 1 and "directive" in checked.err


def test_stdout_csv_has_the_import_columns(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    drafted = run(capsys, "draft", str(plan), "--format", "csv")
    assert drafted.code == 0, drafted.err
    lines = drafted.out.splitlines()
    assert lines[0].startswith("jurisdiction,directive,issued_on,kind,title,issuer,ref,task,lead,coordinating,deadline")
    assert len(lines) == 5


def test_empty_file_is_one_line_and_nothing_written(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    output = tmp_path / "out.json"
    result = run(capsys, "draft", str(empty), "-o", str(output))
    assert result.code == 1 and result.err.count("\n") == 1 and str(empty) in result.err
    assert not output.exists()


def test_no_numbered_sections_writes_the_header_and_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    letter = tmp_path / "cv.txt"
    letter.write_text(PLAN.split("I. MỤC")[0] + "Đề nghị các cơ quan nghiên cứu, góp ý.\n", encoding="utf-8")
    output = tmp_path / "out.json"
    result = run(capsys, "draft", str(letter), "-o", str(output))
    assert result.code == 1 and result.err.count("\n") == 1
    assert "no numbered sections" in result.err and "77/KH-UBND" in result.err
    assert json.loads(output.read_text(encoding="utf-8"))["directives"][0]["number"] == "77/KH-UBND"


def test_xlsx_needs_an_output_file(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    result = run(capsys, "draft", str(plan), "--format", "xlsx")
    assert result.code == 1 and "--output" in result.err


def test_api_draft_matches_the_database_names(demo_url: str, plan: Path) -> None:
    with tracker.open(demo_url) as t:
        found = t.draft(plan, jurisdiction="thanh-hoa", lang="en")
    leads = {task.ref: task.lead for task in found.tasks}
    assert leads["II.2"] == ["Sở Tài nguyên và Môi trường"]
    assert (found.number, found.kind, found.issuer) == ("77/KH-UBND", "Kế hoạch", "UBND tỉnh Thanh Hóa")


def _set_note(path: Path, ref: str, note: str) -> None:
    """What a clerk does in the draft: write a note on one task, in the file's own format."""
    if path.suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        for task in data["directives"][0]["tasks"]:
            if task["ref"] == ref:
                task["note"] = note
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    elif path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        header = rows[0]
        for row in rows[1:]:
            if row[header.index("ref")] == ref:
                row[header.index("note")] = note
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows(rows)
    else:
        workbook = openpyxl.load_workbook(path)
        sheet = workbook.active
        assert sheet is not None
        columns = [c.value for c in sheet[1]]
        for cells in sheet.iter_rows(min_row=2):
            if cells[columns.index("ref")].value == ref:
                cells[columns.index("note")].value = note
        workbook.save(path)


@pytest.mark.parametrize("suffix", ["json", "csv", "xlsx"])
def test_the_drafters_doubts_are_never_imported_as_notes(
    capsys: pytest.CaptureFixture[str], demo_url: str, tmp_path: Path, suffix: str
) -> None:
    undated = tmp_path / "kh-77.txt"  # no date line: a doubt on the directive; Sở Thủy sản: one on II.4
    undated.write_text(PLAN.replace("Thanh Hóa, ngày 10 tháng 3 năm 2020\n", ""), encoding="utf-8")
    output = tmp_path / f"draft.{suffix}"
    drafted = run(capsys, "--db", demo_url, "draft", str(undated), "--jurisdiction", "thanh-hoa", "-o", str(output))
    assert drafted.code == 0, drafted.err
    if suffix != "xlsx":
        assert "Date of issue not found" in output.read_text(encoding="utf-8-sig")
    imported = run(capsys, "--db", demo_url, "import", str(output), "--create-agencies")
    assert imported.code == 0, imported.err
    assert "'doubts'" in imported.out or "“doubts”" in imported.out  # the import says it leaves them out
    with tracker.open(demo_url) as t:
        rows = t.by_directive("77/KH-UBND")
    assert rows and {r.note for r in rows} == {""}
    # The clerk's own note, written in the note column, is what the import stores.
    _set_note(output, "II.1", "Gọi điện nhắc Sở")
    again = run(capsys, "--db", demo_url, "import", str(output))
    assert again.code == 0, again.err
    with tracker.open(demo_url) as t:
        notes = {(r.ref, r.agency): r.note for r in t.by_directive("77/KH-UBND")}
    assert notes[("II.1", "Sở Thông tin và Truyền thông")] == "Gọi điện nhắc Sở"
    assert {note for (ref, _), note in notes.items() if ref != "II.1"} == {""}
