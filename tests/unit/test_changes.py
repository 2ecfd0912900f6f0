"""The one rule for incoming values (tracker.core.changes)."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from tracker.core.changes import (
    Action,
    DeadlineStep,
    IncomingAssignment,
    Reason,
    StoredAssignment,
    format_steps,
    parse_steps,
    plan_assignment,
    plan_record,
)

MAY_20 = date(2020, 5, 20)
JUNE_10 = date(2020, 6, 10)
EXTENSION = DeadlineStep(MAY_20, JUNE_10, "COVID-19", "Công văn 5990/UBND-THKH")


def _extended() -> StoredAssignment:
    return StoredAssignment(JUNE_10, "trước 20/5/2020", version=2, history=(EXTENSION,))


def test_an_unchanged_wording_keeps_an_extension() -> None:
    plan = plan_assignment(_extended(), IncomingAssignment("trước 20/5/2020", MAY_20))
    assert not plan.changed


def test_a_changed_wording_moves_the_due_date_and_records_a_step_at_the_source() -> None:
    plan = plan_assignment(_extended(), IncomingAssignment("trước 30/6/2020", date(2020, 6, 30)))
    assert plan.values == {"due_on": date(2020, 6, 30), "deadline_text": "trước 30/6/2020"}
    assert plan.new_steps == (DeadlineStep(JUNE_10, date(2020, 6, 30), Reason.AT_SOURCE.value),)
    assert {a.action for a in plan.audits} == {Action.DEADLINE}


def test_a_stated_due_date_and_its_listed_step_are_taken_once() -> None:
    stored = StoredAssignment(MAY_20, "trước 20/5/2020")
    incoming = IncomingAssignment("trước 20/5/2020", MAY_20, due_on=JUNE_10, history=(EXTENSION,))
    plan = plan_assignment(stored, incoming)
    assert plan.values == {"due_on": JUNE_10} and plan.new_steps == (EXTENSION,)
    again = plan_assignment(_extended(), incoming)
    assert not again.changed


def test_empty_values_never_clear_what_is_recorded() -> None:
    stored = StoredAssignment(MAY_20, "trước 20/5/2020", completed_on=MAY_20, result_ref="18/BC", note="đã nhắc")
    assert not plan_assignment(stored, IncomingAssignment("trước 20/5/2020", MAY_20)).changed


def test_a_coordinator_takes_no_completion() -> None:
    incoming = IncomingAssignment("trước 20/5/2020", MAY_20, completed_on=MAY_20, result_ref="18/BC")
    plan = plan_assignment(None, incoming, role_is_lead=False)
    assert plan.values["completed_on"] is None and plan.values["result_ref"] == ""


def test_a_new_assignment_from_an_export_keeps_its_original_date_and_history() -> None:
    incoming = IncomingAssignment("trước 20/5/2020", MAY_20, due_on=JUNE_10, history=(EXTENSION,))
    plan = plan_assignment(None, incoming)
    assert plan.create and plan.values["original_due_on"] == MAY_20 and plan.values["due_on"] == JUNE_10
    assert plan.new_steps == (EXTENSION,)
    assert [a.action for a in plan.audits] == [Action.CREATE]


def test_a_source_older_than_the_record_is_a_conflict_when_it_would_change_it() -> None:
    stale = IncomingAssignment("trước 20/5/2020", MAY_20, due_on=MAY_20, version=1)
    plan = plan_assignment(_extended(), stale)
    assert plan.conflict == ("due_on",) and not plan.values
    same = IncomingAssignment("trước 20/5/2020", MAY_20, due_on=JUNE_10, version=1)
    assert not plan_assignment(_extended(), same).conflict


def test_a_record_plan_audits_each_changed_field_and_ignores_empty_ones() -> None:
    plan = plan_record({"title": "Cũ", "kind": "Kế hoạch"}, {"title": "Mới", "kind": ""})
    assert plan.changes == {"title": "Mới"}
    assert [(a.action, a.field, a.old, a.new) for a in plan.audits] == [(Action.UPDATE, "title", "Cũ", "Mới")]


days = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
words = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=30).map(
    lambda text: " ".join(text.replace("|", " ").split())
)


@given(st.lists(st.builds(DeadlineStep, days, days, words, words), max_size=4))
def test_deadline_steps_read_back_from_their_cell(steps: list[DeadlineStep]) -> None:
    assert parse_steps(format_steps(steps)) == tuple(
        DeadlineStep(s.old_due_on, s.new_due_on, s.reason, s.decision_ref) for s in steps
    )
