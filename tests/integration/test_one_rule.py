"""Every former writer of directives, tasks and assignments goes through the one rule
(:mod:`tracker.core.changes`): the same changes, the same deadline steps, the same audit wording."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

import tracker
from tracker.api import TaskSpec
from tracker.core.changes import Action, Reason
from tracker.services.synthetic import generate

pytestmark = pytest.mark.usefixtures("backend")


@pytest.fixture
def demo(demo_url: str) -> Iterator[tracker.Tracker]:
    opened = tracker.open(demo_url, today="15/06/2020")
    yield opened
    opened.close()


def _audit(t: tracker.Tracker, entity: str) -> list[tuple[object, ...]]:
    return t.reader.rows(
        "SELECT action, field, old_value, new_value FROM audit_log WHERE entity = :e ORDER BY id", {"e": entity}
    )


def _task(t: tracker.Tracker, number: str, ref: str) -> tuple[object, ...]:
    found = t.reader.rows(
        "SELECT t.id, t.text, t.deadline_text FROM task t JOIN directive d ON d.id = t.directive_id "
        "WHERE d.number = :n AND t.ref = :r",
        {"n": number, "r": ref},
    )
    return found[0]


def test_the_directive_form_on_an_existing_number_reports_and_audits_what_it_changes(demo: tracker.Tracker) -> None:
    """What the TUI's N saves (Tracker.add_directive): an existing number's new title is said and audited."""
    row = demo.by_directive("34/KH-UBND")[0]
    tally = demo.add_directive(
        "34/KH-UBND",
        [TaskSpec(row.ref, row.task, [row.agency], due=row.deadline_text)],
        title="Tên mới của kế hoạch",
        jurisdiction=row.jurisdiction,
    )
    assert any("34/KH-UBND: title:" in change and "Tên mới của kế hoạch" in change for change in tally.record_changes)
    assert (Action.UPDATE.value, "title") in [entry[:2] for entry in _audit(demo, "directive")]


def test_a_changed_wording_is_the_same_deadline_step_from_the_api_and_from_a_file(
    demo: tracker.Tracker, tmp_path: Path
) -> None:
    row = next(r for r in demo.by_directive("34/KH-UBND") if r.role == "lead" and r.period == "")
    handle = demo.directive("34/KH-UBND", jurisdiction=row.jurisdiction)
    handle.assign(row.ref, row.task, lead=row.agency, due="trước 31/7/2020")
    by_api = demo.reader.rows(
        "SELECT reason, source FROM deadline_change WHERE assignment_id = :a ORDER BY id DESC", {"a": row.id}
    )[0]
    assert by_api == (Reason.AT_SOURCE.value, "api")

    path = tmp_path / "changed.csv"
    with path.open("w", encoding="utf-8", newline="") as handle_file:
        writer = csv.writer(handle_file)
        writer.writerow(["jurisdiction", "directive", "ref", "task", "lead", "deadline"])
        writer.writerow([row.jurisdiction, "34/KH-UBND", row.ref, row.task + " (sửa)", row.agency, "trước 15/8/2020"])
    report = demo.import_file(path)
    assert report.ok, report.errors
    by_file = demo.reader.rows(
        "SELECT reason, source FROM deadline_change WHERE assignment_id = :a ORDER BY id DESC", {"a": row.id}
    )[0]
    assert by_file == (Reason.AT_SOURCE.value, "changed.csv")
    deadline_audits = [e for e in _audit(demo, "assignment") if e[0] == Action.DEADLINE.value and e[1] == "due_on"]
    assert [e[3] for e in deadline_audits[-2:]] == ["2020-07-31", "2020-08-15"]
    task_audits = [e for e in _audit(demo, "task") if e[1] == "text"]
    assert task_audits and task_audits[-1][3] == row.task + " (sửa)"
    assert _task(demo, "34/KH-UBND", row.ref)[1] == row.task + " (sửa)"


def test_the_synthetic_loader_writes_what_the_rule_makes(db_url: str) -> None:
    """The rule gives a completion and its report to the lead alone; generated rows follow it."""
    t = tracker.open(db_url)
    try:
        generate(t.engine, 3_000, seed=7)
        coordinating = t.reader.rows(
            "SELECT count(*), count(completed_on), count(NULLIF(result_ref, '')) FROM assignment "
            "WHERE role = 'coordinating'"
        )[0]
        assert coordinating[0] > 0 and coordinating[1:] == (0, 0)
        assert t.reader.scalar("SELECT count(*) FROM assignment WHERE due_on IS DISTINCT FROM original_due_on") == 0
    finally:
        t.close()


def test_an_agency_list_without_a_kind_column_keeps_every_kind(demo: tracker.Tracker, tmp_path: Path) -> None:
    before = dict(demo.reader.rows("SELECT name, kind FROM agency"))
    assert set(before.values()) - {"other"}, "the demo has agencies of other kinds"
    path = tmp_path / "agencies.csv"
    jurisdiction = demo.reader.scalar("SELECT code FROM jurisdiction ORDER BY code")
    rows = demo.reader.rows(
        "SELECT a.name FROM agency a JOIN jurisdiction j ON j.id = a.jurisdiction_id WHERE j.code = :c",
        {"c": jurisdiction},
    )
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Tên cơ quan", "Tên ngắn"])
        writer.writerows([name, ""] for (name,) in rows)
    report = demo.import_file(path, agencies=True, jurisdiction=jurisdiction)
    assert report.ok, report.errors
    assert report.updated == 0 and report.unchanged == len(rows)
    assert dict(demo.reader.rows("SELECT name, kind FROM agency")) == before


def test_an_agency_kind_is_read_in_vietnamese_and_its_change_audited(demo: tracker.Tracker) -> None:
    jurisdiction = demo.reader.scalar("SELECT code FROM jurisdiction ORDER BY code")
    agency_id = demo.agency("Trung tâm Phục vụ hành chính công", kind="sở", jurisdiction=jurisdiction)
    assert demo.reader.scalar("SELECT kind FROM agency WHERE id = :a", {"a": agency_id}) == "department"
    demo.agency("Trung tâm Phục vụ hành chính công", kind="khác", jurisdiction=jurisdiction)
    assert ("update", "kind", "department", "other") in _audit(demo, "agency")
