"""The command line: the scripting contract, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import tracker
from tests.integration.cli_runner import run
from tracker.store.schema import SCHEMA_REVISION

pytestmark = pytest.mark.usefixtures("backend")


def test_overdue_on_1_may_lists_the_unsubmitted_30_april_reports(
    demo_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run(capsys, "--db", demo_url, "list", "--overdue", "--as-of", "2020-05-01", "--format", "json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    april = [r for r in rows if r["due_on"] == "2020-04-30"]
    assert {r["agency"] for r in april if r["ref"] == "3.1.a"} == {
        "Sở Xây dựng",
        "Cục Hải quan tỉnh",
        "Ban Dân tộc",  # submitted late, after 1 May
        "Sở Giao thông vận tải",
        "Ngân hàng Nhà nước Chi nhánh tỉnh Thanh Hóa",
        "Cục Thống kê tỉnh",
    }
    assert {r["agency"] for r in april if r["ref"] == "3.2"} == {
        "UBND huyện Mường Lát",
        "UBND huyện Quan Sơn",
        "UBND huyện Lang Chánh",
        "UBND huyện Như Xuân",
        "UBND huyện Thạch Thành",
    }
    assert {r["days_overdue"] for r in april} == {1}
    assert all(r["status"] == "overdue" and r["deadline_text"] == "trước 30/4/2020" for r in april)
    required = {
        "id",
        "directive",
        "ref",
        "task",
        "agency",
        "role",
        "due_on",
        "deadline_text",
        "period",
        "status",
        "days_overdue",
        "completed_on",
    }
    assert required <= set(rows[0])


def test_february_2020_monthly_reports_missing_on_21_march(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    result = run(
        capsys, "--db", demo_url, "list", "--overdue", "--as-of", "2020-03-21", "--period", "2020-02", "--format", "csv"
    )
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert sorted(r["agency"] for r in rows) == ["Sở Xây dựng", "Thanh tra tỉnh"]
    assert {r["days_overdue"] for r in rows} == {"30"}
    table = run(capsys, "--db", demo_url, "list", "--overdue", "--as-of", "2020-03-21", "--period", "2020-02")
    assert "Sở Xây dựng" in table.out and "Thanh tra tỉnh" in table.out and "Sở Nội vụ" not in table.out


def test_count_and_filters_combine(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    every = int(run(capsys, "--db", demo_url, "--as-of", "15/6/2020", "list", "--count").out)
    overdue = int(run(capsys, "--db", demo_url, "--as-of", "15/6/2020", "list", "--overdue", "--count").out)
    agency = run(
        capsys,
        "--db",
        demo_url,
        "--as-of",
        "15/6/2020",
        "list",
        "--agency",
        "bac-giang:Sở Xây dựng",
        "--overdue",
        "--format",
        "json",
    )
    assert 0 < overdue < every
    assert [(r["period"], r["agency"]) for r in json.loads(agency.out)] == [
        ("2020-02", "Sở Xây dựng"),
        ("2020-05", "Sở Xây dựng"),
    ]
    statuses = run(
        capsys, "--db", demo_url, "--as-of", "15/6/2020", "list", "--status", "withdrawn", "--format", "json"
    )
    assert [r["ref"] for r in json.loads(statuses.out)] == ["III.1.c"]


def test_done_extend_withdraw_reopen_round_trip(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = json.loads(
        run(
            capsys,
            "--db",
            demo_url,
            "list",
            "--as-of",
            "15/6/2020",
            "--overdue",
            "--directive",
            "34/KH-UBND",
            "--format",
            "json",
        ).out
    )
    target = next(r for r in rows if r["agency"] == "Sở Giao thông vận tải")
    aid = str(target["id"])
    assert (
        run(
            capsys,
            "--db",
            demo_url,
            "--as",
            "chi.lan",
            "extend",
            aid,
            "--to",
            "20/6/2020",
            "--reason",
            "Xin gia hạn",
            "--decision",
            "45/UBND-THKH",
        ).code
        == 0
    )
    assert run(capsys, "--db", demo_url, "done", aid, "--on", "18/6/2020", "--ref", "18/BC-SGTVT").code == 0
    shown = json.loads(run(capsys, "--db", demo_url, "--as-of", "30/6/2020", "show", aid, "--format", "json").out)
    assert shown["assignment"]["status"] == "done_on_time"
    assert shown["assignment"]["result_ref"] == "18/BC-SGTVT"
    assert shown["changes"][0]["old_due_on"] == "2020-04-30" and shown["changes"][0]["new_due_on"] == "2020-06-20"
    assert shown["changes"][0]["actor"] == "chi.lan"
    assert run(capsys, "--db", demo_url, "reopen", aid).code == 0
    assert run(capsys, "--db", demo_url, "withdraw", aid, "--reason", "Đã sáp nhập", "--on", "1/7/2020").code == 0
    after = json.loads(run(capsys, "--db", demo_url, "--as-of", "2/7/2020", "show", aid, "--format", "json").out)
    assert after["assignment"]["status"] == "withdrawn"
    assert after["withdrawal"]["reason"] == "Đã sáp nhập"
    text = run(capsys, "--db", demo_url, "--as-of", "2/7/2020", "show", aid)
    assert "Xin gia hạn" in text.out and "trước 30/4/2020" in text.out


def test_stale_version_is_refused(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    def version() -> int:
        return int(
            json.loads(run(capsys, "--db", demo_url, "show", "1", "--format", "json").out)["assignment"]["version"]
        )

    read = version()
    assert run(capsys, "--db", demo_url, "note", "1", "gọi điện nhắc", "--version", str(read)).code == 0
    result = run(capsys, "--db", demo_url, "done", "1", "--version", str(read))
    assert result.code == 1
    assert "changed by someone else" in result.err
    assert version() == read + 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--agency", "Sở TNMTT"], "agency 'Sở TNMTT' is unknown; did you mean"),
        (["list", "--agency", "Sở Nội vụ"], "ambiguous"),
        (["list", "--directive", "99/KH-UBND"], "directive '99/KH-UBND' does not exist"),
        (["extend", "5", "--to", "31/4/2020", "--reason", "x"], "31/4/2020 is not a date"),
        (["--as-of", "30/2/2020", "list"], "30/2/2020 is not a date"),
        (["done", "5", "--on", "next week"], '"next week" is not a date'),
        (["done", "999999"], "assignment 999999 does not exist"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_1(
    demo_url: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    before = run(capsys, "--db", demo_url, "list", "--format", "json").out
    result = run(capsys, "--db", demo_url, *args)
    assert result.code == 1
    assert message in result.err
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert run(capsys, "--db", demo_url, "list", "--format", "json").out == before


def test_db_init_refuses_an_existing_database(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "--db", db_url, "db", "init")
    assert result.code == 1 and "already exists" in result.err


def test_db_init_demo_then_upgrade(blank_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--db", blank_url, "db", "init", "--demo").code == 0
    assert run(capsys, "--db", blank_url, "db", "upgrade").code == 0
    assert int(run(capsys, "--db", blank_url, "list", "--count").out) > 400


def test_a_database_without_tables_says_what_to_run(blank_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "--db", blank_url, "list")
    assert result.code == 1 and "tracker db init" in result.err


def test_list_as_a_process_imports_neither_textual_nor_sqlalchemy(demo_url: str, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "tracker", "--db", demo_url, "list", "--overdue", "--count"],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 0
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert "tracker.cli" in imported  # the import log is really there
    heavy = {"textual", "sqlalchemy", "sqlmodel", "alembic"}
    assert not {name for name in imported if name.split(".")[0] in heavy}


def test_english_and_vietnamese_output(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    vi = run(
        capsys, "--db", demo_url, "--lang", "vi", "--as-of", "21/3/2020", "list", "--overdue", "--period", "2020-02"
    )
    en = run(
        capsys, "--db", demo_url, "--lang", "en", "--as-of", "21/3/2020", "list", "--overdue", "--period", "2020-02"
    )
    assert "quá hạn 30 ngày" in vi.out
    assert "30 days overdue" in en.out


def test_hostile_text_is_shown_without_control_sequences(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    t = tracker.open(db_url)
    t.jurisdiction("x")
    t.agency("Sở Nội vụ")
    t.directive("1/KH").assign("1", "Báo cáo\x1b[2J\x1b]0;pwned\x07 ngay", lead="Sở Nội vụ", due="1/1/2020")
    t.close()
    result = run(capsys, "--db", db_url, "--as-of", "2/1/2020", "list")
    assert "\x1b" not in result.out and "Báo cáo" in result.out


def test_a_directive_without_a_title_or_kind_is_shown_without_a_dangling_dash(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    t = tracker.open(db_url)
    t.jurisdiction("x")
    t.agency("Sở Nội vụ")
    t.directive("88/TB-UBND", issued_on="2/10/2026").assign("1", "Việc một", lead="Sở Nội vụ", due="31/12/2026")
    t.close()
    shown = run(capsys, "--db", db_url, "--lang", "vi", "show", "1")
    assert shown.code == 0, shown.err
    lines = shown.out.splitlines()
    line = next(line for line in lines if "88/TB-UBND" in line)
    task = next(line for line in lines if "1: Việc một" in line)
    start = task.index("1: Việc một")  # where the values column starts: no blank for the missing kind
    assert line[start:].rstrip() == "88/TB-UBND ngày 02/10/2026", line


def test_search_ignores_case_and_diacritics(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    plain = json.loads(run(capsys, "--db", demo_url, "list", "--search", "ke hoach va dau tu", "--format", "json").out)
    marked = json.loads(run(capsys, "--db", demo_url, "list", "--search", "KẾ HOẠCH VÀ ĐẦU TƯ", "--format", "json").out)
    assert plain == marked
    assert {r["agency"] for r in plain} == {"Sở Kế hoạch và Đầu tư"}


def test_pages_follow_the_full_list_with_standing_duties_last(demo_url: str) -> None:
    from tracker.store.queries import AssignmentFilter, list_assignments

    t = tracker.open(demo_url)
    every = list(list_assignments(t.reader, AssignmentFilter(), t.today))
    paged = []
    for offset in range(0, len(every) + 10, 7):
        paged += list(list_assignments(t.reader, AssignmentFilter(), t.today, limit=7, offset=offset))
    assert [r.id for r in paged] == [r.id for r in every]
    dated = [r.due_on for r in every if r.due_on is not None]
    assert dated == sorted(dated) and all(r.due_on is None for r in every[len(dated) :])
    t.close()


def test_a_demo_made_by_an_earlier_version_is_upgraded_keeping_its_changes(capsys: pytest.CaptureFixture[str]) -> None:
    """The demo is an embedded SQLite file in the user's data directory, whatever the backend."""
    from tracker.settings import demo_database_path, sqlite_url

    assert run(capsys, "demo", "--print").code == 0
    url = sqlite_url(demo_database_path())
    assert run(capsys, "--db", url, "note", "1", "kept across the upgrade").code == 0
    assert run(capsys, "--db", url, "db", "downgrade", "0003", "--yes").code == 0
    assert run(capsys, "--db", url, "list", "--count").code == 1  # an older schema is refused

    result = run(capsys, "demo", "--print")
    assert result.code == 0 and SCHEMA_REVISION in result.err
    assert "kept across the upgrade" in run(capsys, "--db", url, "show", "1").out
