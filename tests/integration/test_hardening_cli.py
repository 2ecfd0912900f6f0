"""Inputs that once gave a traceback, a silent wrong answer or an unasked loss, through the real
command: each is now one line naming what is wrong (exit 1) or the right answer."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

import tracker
from tests.integration.cli_runner import Result, run

pytestmark = pytest.mark.usefixtures("backend")


def _one_line_error(result: Result) -> str:
    assert result.code == 1, (result.code, result.out, result.err)
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.err, result.err
    return lines[0]


def _sql(url: str, statement: str, **params: object) -> list[tuple[object, ...]]:
    engine = create_engine(url)
    with engine.begin() as connection:
        result = connection.execute(text(statement), params)
        rows = [tuple(row) for row in result] if result.returns_rows else []
    engine.dispose()
    return rows


def _count(capsys: pytest.CaptureFixture[str], url: str, *options: str) -> int:
    result = run(capsys, "list", "--count", "--db", url, *options)
    assert result.code == 0, result.err
    return int(result.out.strip())


# --- limits and tracebacks (item 12) --------------------------------------------------------------


def test_a_file_that_is_not_a_database_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are not the tables you are looking for\n" * 100, encoding="utf-8")
    line = _one_line_error(run(capsys, "list", "--db", f"sqlite:///{path}"))
    assert "is not a database" in line and "check --db" in line and "unexpected" not in line


@pytest.mark.parametrize("port", ["99999", "abc"])
def test_a_database_url_with_a_bad_port_is_one_line_and_hides_the_password(
    capsys: pytest.CaptureFixture[str], port: str
) -> None:
    url = f"postgresql://clerk:S3cretPW@localhost:{port}/tracker"
    for command in (("list",), ("note", "1", "x")):
        line = _one_line_error(run(capsys, "--lang", "en", *command, "--db", url))
        assert "is not valid" in line and "S3cretPW" not in line and "unexpected" not in line, line


def test_an_unknown_revision_lists_the_revisions(capsys: pytest.CaptureFixture[str], demo_url: str) -> None:
    for command in (("db", "upgrade", "--revision", "bogus"), ("db", "downgrade", "bogus", "--yes")):
        line = _one_line_error(run(capsys, *command, "--db", demo_url))
        assert "no schema revision 'bogus'" in line and "0001" in line and "head" in line


@pytest.mark.parametrize("command", [("show",), ("done",), ("note", "_", "x"), ("extend", "_", "--to", "1/1/2030")])
def test_ids_beyond_any_integer_are_not_found(
    capsys: pytest.CaptureFixture[str], demo_url: str, command: tuple[str, ...]
) -> None:
    huge = str(10**30)
    args = [huge if part == "_" else part for part in command]
    if len(args) == 1:
        args.append(huge)
    line = _one_line_error(
        run(capsys, *args, "--reason", "x", "--db", demo_url)
        if "extend" in args
        else run(capsys, *args, "--db", demo_url)
    )
    assert f"assignment {huge} does not exist" in line


def test_a_due_window_past_the_last_date_counts_every_later_due_date(
    capsys: pytest.CaptureFixture[str], demo_url: str
) -> None:
    everything = _count(capsys, demo_url, "--due-within", "10000000", "--as-of", "01/01/2020")
    assert everything == _count(capsys, demo_url, "--due-within", "200000", "--as-of", "01/01/2020")
    assert everything > 0


def test_an_argument_that_is_not_utf8_is_one_line(capsys: pytest.CaptureFixture[str], demo_url: str) -> None:
    bad = b"s\xff noi vu".decode("utf-8", "surrogateescape")
    assert "not UTF-8" in _one_line_error(run(capsys, "list", "--search", bad, "--db", demo_url))


def test_searches_too_long_for_the_database_say_the_limit(capsys: pytest.CaptureFixture[str], demo_url: str) -> None:
    many = " ".join(f"tu{index}" for index in range(250))
    assert "more than a search may have (20)" in _one_line_error(
        run(capsys, "list", "--search", many, "--db", demo_url)
    )
    long = "x" * 50_000
    assert "more than a word may be (100)" in _one_line_error(run(capsys, "list", "--search", long, "--db", demo_url))


def test_a_note_longer_than_a_cell_says_the_limit(capsys: pytest.CaptureFixture[str], demo_url: str) -> None:
    line = _one_line_error(run(capsys, "note", "1", "ghi chú " * 5_000, "--db", demo_url))
    assert "more than a note may be (32,767)" in line


def _immutable(path: Path, on: bool) -> bool:
    """Make ``path`` immutable (or not again), as a read-only file system is even for root; False where
    the file system or the rights do not allow it."""
    result = subprocess.run(["chattr", "+i" if on else "-i", str(path)], capture_output=True, check=False)
    return result.returncode == 0


def test_a_read_only_database_is_one_line(
    capsys: pytest.CaptureFixture[str], demo_url: str, backend: str, tmp_path: Path
) -> None:
    if backend == "sqlite":
        folder = tmp_path / "ro"
        folder.mkdir()
        source = Path(demo_url.removeprefix("sqlite:///"))
        copy = folder / "d.db"
        shutil.copy(source, copy)
        url = f"sqlite:///{copy}"
        if not _immutable(copy, True):
            pytest.skip("chattr +i is not allowed here, and the tests run with the rights to write any file")
        try:
            line = _one_line_error(run(capsys, "note", "1", "x", "--db", url))
            assert "cannot write to the database: it is read-only" in line
            assert run(capsys, "list", "--overdue", "--count", "--db", url).code == 0  # reading still works
            for leftover in folder.glob("d.db-*"):
                leftover.unlink()
            assert _immutable(folder, True)  # a read-only file system: not even the journal can be written
            for command in (("note", "1", "x"), ("list", "--overdue", "--count")):
                line = _one_line_error(run(capsys, *command, "--db", url))
                assert "the folder holding it is read-only" in line, line
        finally:
            _immutable(folder, False)
            _immutable(copy, False)
        return
    database = demo_url.rsplit("/", 1)[1]
    _sql(demo_url, f"ALTER DATABASE {database} SET default_transaction_read_only = on")
    line = _one_line_error(run(capsys, "note", "1", "x", "--db", demo_url))
    assert "cannot write to the database: it is read-only" in line


# --- wildcards, dates before the directive, periods backwards (item 13) ---------------------------


def test_search_wildcards_are_taken_as_they_are(capsys: pytest.CaptureFixture[str], demo_url: str) -> None:
    assert _count(capsys, demo_url) > 0
    assert _count(capsys, demo_url, "--search", "%") == 0
    assert _count(capsys, demo_url, "--search", "_") == 0
    ids = _sql(demo_url, "SELECT id FROM task ORDER BY id LIMIT 1")
    _sql(demo_url, "UPDATE task SET folded_text = folded_text || ' dat 100% ke hoach' WHERE id = :id", id=ids[0][0])
    assert _count(capsys, demo_url, "--search", "100%") == _count(capsys, demo_url, "--search", "dat 100% ke") > 0


def test_a_deadline_cannot_move_before_the_directive_was_issued(
    capsys: pytest.CaptureFixture[str], demo_url: str
) -> None:
    found = _sql(
        demo_url,
        "SELECT a.id, d.issued_on FROM assignment a JOIN task t ON t.id = a.task_id "
        "JOIN directive d ON d.id = t.directive_id WHERE d.issued_on IS NOT NULL AND a.withdrawn_on IS NULL "
        "ORDER BY a.id LIMIT 1",
    )
    assignment_id = str(found[0][0])
    line = _one_line_error(
        run(capsys, "extend", assignment_id, "--to", "01/01/1990", "--reason", "nhầm năm", "--db", demo_url)
    )
    assert "before the directive was issued" in line
    assert _sql(demo_url, "SELECT count(*) FROM deadline_change WHERE assignment_id = :id", id=found[0][0]) == [(0,)]


def test_a_report_period_that_ends_before_it_starts_is_refused(
    capsys: pytest.CaptureFixture[str], demo_url: str
) -> None:
    line = _one_line_error(
        run(capsys, "report", "agencies", "--from", "31/12/2020", "--to", "01/01/2020", "--db", demo_url)
    )
    assert "--from 31/12/2020 is after --to 01/01/2020" in line


def test_working_days_past_the_holiday_calendar_are_an_error() -> None:
    from datetime import date

    from tracker.core.calendar import add_working_days
    from tracker.core.errors import DeadlineError

    assert add_working_days(date(2100, 12, 1), 5) > date(2100, 12, 1)
    with pytest.raises(DeadlineError, match="ends in 2100"):
        add_working_days(date(2100, 12, 28), 10)


# --- db downgrade (item 14) -----------------------------------------------------------------------


def _revision(url: str) -> object:
    found = _sql(url, "SELECT version_num FROM alembic_version")
    return found[0][0] if found else None


def test_a_downgrade_without_yes_and_without_a_terminal_is_refused(
    capsys: pytest.CaptureFixture[str], demo_url: str
) -> None:
    before = _revision(demo_url)
    result = run(capsys, "db", "downgrade", "base", "--db", demo_url)
    assert result.code == 1
    assert "every table and every record" in result.err and "assignment" in result.err
    assert "add --yes" in result.err.strip().splitlines()[-1]
    assert _revision(demo_url) == before


def test_a_downgrade_with_yes_says_what_it_undid(capsys: pytest.CaptureFixture[str], demo_url: str) -> None:
    before = _revision(demo_url)
    result = run(capsys, "db", "downgrade", "0001", "--yes", "--db", demo_url)
    assert result.code == 0, result.err
    assert "0002: The sent log of the daily digest email." in result.err  # what is lost: the sent log
    assert f"taken back from revision {before} to 0001" in result.out
    assert _revision(demo_url) == "0001"


# --- escape sequences (item 10) -------------------------------------------------------------------

HOSTILE = "ok\x1b]0;pwned\x07 \x1b]52;c;ZXZpbA==\x07 \x9b31m red \x1b[2J \u202egnp.exe"


def test_notes_and_names_keep_no_escape_sequences_and_show_bidi_controls(
    capsys: pytest.CaptureFixture[str], demo_url: str
) -> None:
    result = run(capsys, "note", "1", HOSTILE, "--as", "clerk\x1b[31m\u009b1m", "--db", demo_url)
    assert result.code == 0, result.err
    ((note,),) = _sql(demo_url, "SELECT note FROM assignment WHERE id = 1")
    ((actor,),) = _sql(demo_url, "SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1")
    assert isinstance(note, str) and isinstance(actor, str)
    assert not any(ch in note + actor for ch in "\x1b\x07\x9b")
    assert actor == "clerk"
    # Stored before this rule (or by SQL): printed without escapes, bidi controls shown.
    _sql(demo_url, "UPDATE assignment SET note = :note WHERE id = 1", note=HOSTILE)
    printed = run(capsys, "list", "--format", "csv", "--db", demo_url)
    assert printed.code == 0
    assert not any(ch in printed.out for ch in "\x1b\x07\x9b\u202e")
    assert "<U+202E>gnp.exe" in printed.out
    as_json = run(capsys, "list", "--format", "json", "--db", demo_url)
    assert not any(ch in as_json.out for ch in "\x1b\x07\x9b\u202e") and "\\u202e" in as_json.out


def test_an_export_to_xlsx_drops_what_a_workbook_cannot_hold(
    capsys: pytest.CaptureFixture[str], demo_url: str, tmp_path: Path
) -> None:
    import openpyxl

    _sql(demo_url, "UPDATE assignment SET note = :note WHERE id = 1", note="a\x1b[31mb\x01c\x07d")
    path = tmp_path / "out.xlsx"
    result = run(capsys, "export", str(path), "--db", demo_url)
    assert result.code == 0, result.err
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    notes = {cell.value for cell in next(sheet.iter_cols(min_col=18, max_col=18))}
    assert "abcd" in notes


def test_an_xlsx_report_writes_text_that_looks_like_a_formula_as_text(tmp_path: Path) -> None:
    import openpyxl

    from tracker.reports.model import Report
    from tracker.reports.tables import write_xlsx

    hostile = "=cmd|' /C calc'!A0"
    report = Report('=HYPERLINK("http://x")', ["Cơ quan", "Tỷ lệ"], [[hostile, 0.5], ["a\x1bb", 1.0]], notes=["=1+1"])
    path = tmp_path / "r.xlsx"
    write_xlsx(report, path)
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert {c.value for c in cells} >= {hostile, "=1+1", '=HYPERLINK("http://x")', "ab"}


def test_done_never_replaces_a_completion_or_takes_a_later_date_unasked(
    capsys: pytest.CaptureFixture[str], demo_url: str
) -> None:
    """Seen: `done` on an assignment done already replaced its date and cleared its report number, and a
    date after the as-of date was taken, the assignment staying overdue."""
    base = ("--db", demo_url, "--as-of", "15/06/2020", "--lang", "vi")
    target = next(r for r in tracker.open(demo_url).assignments() if r.completed_on is None and not r.withdrawn_on)
    assert run(capsys, *base, "done", str(target.id), "--on", "10/06/2020", "--ref", "1/BC").code == 0
    line = _one_line_error(run(capsys, *base, "done", str(target.id), "--on", "12/06/2020"))
    assert "đã được ghi nhận hoàn thành ngày 10/06/2020 (báo cáo 1/BC)" in line and "--replace" in line
    assert run(capsys, *base, "done", str(target.id), "--on", "12/06/2020", "--replace").code == 0
    after = tracker.open(demo_url).get(target.id)
    assert (after.completed_on, after.result_ref) == (date(2020, 6, 12), "1/BC")  # the report number is kept
    line = _one_line_error(run(capsys, *base, "done", str(target.id), "--on", "20/06/2020", "--replace"))
    assert "sau ngày tính (15/06/2020)" in line and "--later" in line
    assert run(capsys, *base, "done", str(target.id), "--on", "20/06/2020", "--replace", "--later").code == 0
