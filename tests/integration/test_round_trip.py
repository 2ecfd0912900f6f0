"""Export → import loses nothing: into the same database nothing changes, into an empty one the same
assignments, wordings, deadline changes and withdrawals come back (CSV, XLSX, JSON; both backends)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import tracker
from tracker.importing.export import export_records, write_records
from tracker.importing.seeding import seeds_dir
from tracker.store.queries import AssignmentFilter

FORMATS = ["csv", "xlsx", "json"]


@pytest.fixture
def demo(demo_url: str) -> Iterator[tracker.Tracker]:
    opened = tracker.open(demo_url, today="15/06/2020")
    yield opened
    opened.close()


def _export(t: tracker.Tracker, path: Path) -> Path:
    rows = t.assignments(AssignmentFilter(), as_of=t.today)
    write_records(path, path.suffix[1:], export_records(t.reader, rows))
    return path


def _contents(t: tracker.Tracker) -> list[list[tuple[object, ...]]]:
    """What an export must carry, keyed by names rather than ids."""
    key = (
        "FROM assignment a JOIN task t ON t.id = a.task_id JOIN directive d ON d.id = t.directive_id "
        "JOIN agency g ON g.id = a.agency_id"
    )
    return [
        sorted(
            t.reader.rows(
                "SELECT d.number, d.title, d.issued_on, t.ref, t.text, t.deadline_text, g.name, a.role, a.period, "
                "a.due_on, a.deadline_text, a.original_due_on, a.completed_on, a.result_ref, a.note, a.withdrawn_on "
                + key
            )
        ),
        sorted(
            t.reader.rows(
                "SELECT d.number, t.ref, g.name, a.period, x.old_due_on, x.new_due_on, x.reason, x.decision_ref "
                "FROM deadline_change x JOIN assignment a ON a.id = x.assignment_id"
                + key.removeprefix("FROM assignment a")
            )
        ),
        sorted(
            t.reader.rows(
                "SELECT g.name, w.reason, w.decision_ref FROM withdrawal w JOIN assignment a ON a.id = w.assignment_id "
                "JOIN agency g ON g.id = a.agency_id"
            )
        ),
    ]


@pytest.mark.parametrize("suffix", FORMATS)
def test_importing_an_export_into_the_same_database_changes_nothing(
    demo: tracker.Tracker, tmp_path: Path, suffix: str
) -> None:
    before = _contents(demo)
    audit_rows = demo.reader.scalar("SELECT count(*) FROM audit_log")
    assert before[1], "the demo has a deadline change, which the export must carry"
    report = demo.import_file(_export(demo, tmp_path / f"all.{suffix}"))
    assert report.ok, report.errors
    assert (report.created, report.updated, report.tasks_updated, report.directives_updated) == (0, 0, 0, 0)
    assert report.unchanged == demo.count()
    assert _contents(demo) == before
    assert demo.reader.scalar("SELECT count(*) FROM audit_log") == audit_rows + 1  # the import's own line


def test_a_leads_own_note_and_a_coordinators_own_record_survive_an_export_and_its_import(
    demo: tracker.Tracker, tmp_path: Path
) -> None:
    """Seen: the lead's note, written on its row, was put on the row's coordinators by the import of the
    export ("2 updated"), and a coordinator's own completion was taken as the lead's."""
    every = demo.assignments()
    coordinating = {(r.task_id, r.period) for r in every if r.role == "coordinating"}
    lead = next(
        r for r in every if r.role == "lead" and (r.task_id, r.period) in coordinating and r.completed_on is None
    )
    coordinators = [
        r for r in every if r.role == "coordinating" and (r.task_id, r.period) == (lead.task_id, lead.period)
    ]
    demo.note(lead.id, "Đã gọi điện nhắc chị Lan")
    demo.complete(coordinators[0].id, "10/06/2020", ref="5/BC-PH")
    before = _contents(demo)
    report = demo.import_file(_export(demo, tmp_path / "all.csv"))
    assert report.ok, report.errors
    assert (report.created, report.updated) == (0, 0), report.summary()
    assert _contents(demo) == before
    assert demo.get(coordinators[0].id).note == coordinators[0].note
    assert demo.get(lead.id).completed_on is None


@pytest.mark.parametrize("suffix", FORMATS)
def test_importing_an_export_into_an_empty_database_gives_the_same_record(
    demo: tracker.Tracker, db_url: str, tmp_path: Path, suffix: str
) -> None:
    path = _export(demo, tmp_path / f"all.{suffix}")
    empty = tracker.open(db_url, today="15/06/2020")
    try:
        for code, name in demo.reader.rows("SELECT code, name FROM jurisdiction ORDER BY code"):
            empty.jurisdiction(code, name)
            assert empty.import_file(seeds_dir() / code / "agencies.csv", jurisdiction=code).ok
        report = empty.import_file(path)
        assert report.ok, report.errors
        assert report.created == demo.count()
        assert _contents(empty) == _contents(demo)
    finally:
        empty.close()


def test_an_export_with_a_province_code_of_its_own_makes_its_province_in_an_empty_database(
    db_url: str, tmp_path: Path
) -> None:
    """Seen: a province kept under a code of the clerk's own ("hg") could not be exported and imported
    into a new database with --create-agencies: the code is no province's, and the name was not read."""
    first_url = f"sqlite:///{tmp_path / 'first.db'}"
    first = tracker.open(first_url, today="03/12/2026")
    try:
        first.add_jurisdiction("hg", "Tỉnh Hà Giang")
        first.agency("Sở Nội vụ")
        sheet = tmp_path / "hg.csv"
        sheet.write_text(
            "Số hiệu văn bản,Cơ quan ban hành,Mã nhiệm vụ,Nội dung,Cơ quan chủ trì,Thời hạn\n"
            "5/KH-UBND,UBND tỉnh Hà Giang,1,Báo cáo,Sở Nội vụ,30/4/2026\n",
            encoding="utf-8",
        )
        assert first.import_file(sheet).ok
        path = _export(first, tmp_path / "hg-export.csv")
    finally:
        first.close()
    empty = tracker.open(db_url, today="03/12/2026")
    try:
        refused = empty.import_file(path)
        assert not refused.ok and "--create-agencies" in refused.errors[0]
        report = empty.import_file(path, create_agencies=True)
        assert report.ok, report.errors
        assert empty.jurisdictions() == [("hg", "Tỉnh Hà Giang")]
        again = empty.import_file(path)
        assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    finally:
        empty.close()


def test_a_file_older_than_the_record_is_a_conflict_and_changes_nothing(demo: tracker.Tracker, tmp_path: Path) -> None:
    path = _export(demo, tmp_path / "before.csv")
    overdue = demo.overdue()[0]
    demo.extend(overdue.id, "15/07/2020", reason="xin gia hạn")
    after_extension = _contents(demo)
    report = demo.import_file(path)
    assert not report.ok
    assert f"assignment {overdue.id} changed after this file was made" in report.errors[0]
    assert "due_on" in report.errors[0]
    assert _contents(demo) == after_extension


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_text_that_looks_like_a_formula_is_written_as_text_and_read_back(
    demo: tracker.Tracker, tmp_path: Path, suffix: str
) -> None:
    import openpyxl

    risky = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://example.org","x")', "+1", "-đã nhắc", "@SUM(A1)"]
    ids = [row.id for row in demo.assignments(AssignmentFilter(), as_of=demo.today) if row.role == "lead"]
    for assignment_id, text in zip(ids, risky, strict=False):
        demo.note(assignment_id, text)
    path = _export(demo, tmp_path / f"risky.{suffix}")
    if suffix == "csv":
        content = path.read_text(encoding="utf-8-sig")
        assert "'=cmd" in content and "'+1" in content and "'-đã nhắc" in content
    else:
        sheet = openpyxl.load_workbook(path).active
        assert sheet is not None
        formulas = [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
        assert formulas == []
    before = _contents(demo)
    report = demo.import_file(path)
    assert report.ok, report.errors
    assert report.updated == 0
    assert _contents(demo) == before
    notes = {demo.get(i).note for i in ids[: len(risky)]}
    assert notes == set(risky)
