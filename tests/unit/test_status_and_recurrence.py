from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from tracker.core.deadlines import DeadlineRules
from tracker.core.recurrence import occurrences, period_label
from tracker.core.status import Status, derive_status

DUE = date(2020, 4, 30)


def test_the_two_by_two_of_government_reports() -> None:
    assert derive_status(DUE, date(2020, 4, 30), date(2020, 6, 1)).status is Status.DONE_ON_TIME
    late = derive_status(DUE, date(2020, 5, 12), date(2020, 6, 1))
    assert (late.status, late.days_overdue) == (Status.DONE_LATE, 12)
    assert derive_status(DUE, None, date(2020, 4, 30)).status is Status.IN_PROGRESS
    overdue = derive_status(DUE, None, date(2020, 5, 1))
    assert (overdue.status, overdue.days_overdue) == (Status.OVERDUE, 1)


def test_due_soon_window_and_long_overdue_flag() -> None:
    assert derive_status(DUE, None, date(2020, 4, 23)).due_soon
    assert not derive_status(DUE, None, date(2020, 4, 22)).due_soon
    assert derive_status(DUE, None, date(2020, 4, 20), due_soon_days=10).due_soon
    assert derive_status(DUE, None, date(2020, 6, 1)).long_overdue
    assert not derive_status(DUE, None, date(2020, 5, 30)).long_overdue


def test_events_after_the_as_of_date_have_not_happened_yet() -> None:
    # Completed on 12/5: on 1/5 it was still overdue.
    assert derive_status(DUE, date(2020, 5, 12), date(2020, 5, 1)).status is Status.OVERDUE
    assert derive_status(DUE, None, date(2020, 5, 1), withdrawn_on=date(2020, 5, 10)).status is Status.OVERDUE
    assert derive_status(DUE, None, date(2020, 5, 11), withdrawn_on=date(2020, 5, 10)).status is Status.WITHDRAWN


def test_no_due_date_is_a_standing_duty() -> None:
    assert derive_status(None, None, date(2020, 5, 1)).status is Status.STANDING
    assert derive_status(None, date(2020, 3, 1), date(2020, 5, 1)).status is Status.STANDING


@given(st.dates(), st.one_of(st.none(), st.dates()), st.dates())
def test_days_overdue_is_positive_exactly_when_late(due: date, completed: date | None, as_of: date) -> None:
    reading = derive_status(due, completed, as_of)
    assert (reading.days_overdue > 0) == (reading.status in {Status.OVERDUE, Status.DONE_LATE})


def test_monthly_occurrences_are_calendar_days_with_period_labels() -> None:
    found = occurrences("FREQ=MONTHLY;BYMONTHDAY=20", date(2020, 1, 1), date(2020, 4, 30))
    assert [(o.period, o.due_on) for o in found] == [
        ("2020-01", date(2020, 1, 20)),
        ("2020-02", date(2020, 2, 20)),
        ("2020-03", date(2020, 3, 20)),
        ("2020-04", date(2020, 4, 20)),
    ]


def test_last_day_of_month_rule_handles_short_months() -> None:
    found = occurrences("FREQ=MONTHLY;BYMONTHDAY=-1", date(2020, 1, 1), date(2020, 3, 31))
    assert [o.due_on for o in found] == [date(2020, 1, 31), date(2020, 2, 29), date(2020, 3, 31)]


def test_quarterly_half_yearly_and_yearly_labels() -> None:
    quarterly = occurrences("FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15", date(2020, 1, 1), date(2020, 12, 31))
    assert [o.period for o in quarterly] == ["2020-Q1", "2020-Q2", "2020-Q3", "2020-Q4"]
    assert period_label("FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1", date(2020, 12, 31)) == "2020-H2"
    assert period_label("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15", date(2020, 12, 15)) == "2020"


def test_occurrences_can_roll_off_holidays() -> None:
    # 20/12/2020 is a Sunday.
    rolled = occurrences(
        "FREQ=MONTHLY;BYMONTHDAY=20", date(2020, 12, 1), date(2020, 12, 31), DeadlineRules(roll_to_working_day=True)
    )
    assert [(o.period, o.due_on) for o in rolled] == [("2020-12", date(2020, 12, 21))]


@given(
    rule=st.sampled_from(
        [
            "FREQ=MONTHLY;BYMONTHDAY=20",
            "FREQ=MONTHLY;BYMONTHDAY=-1",
            "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15",
            "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1",
            "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31",
        ]
    ),
    start=st.dates(min_value=date(2015, 1, 1), max_value=date(2024, 12, 31)),
    span=st.integers(min_value=0, max_value=900),
    roll=st.booleans(),
)
def test_occurrences_shared_per_start_year_match_the_rule_started_that_day(
    rule: str, start: date, span: int, roll: bool
) -> None:
    """Occurrences come from a list shared by every start in the same year; they must be exactly what
    the rule gives when started on the day itself."""
    from datetime import datetime, timedelta

    from dateutil.rrule import rrulestr

    from tracker.core.calendar import next_working_day

    until = start + timedelta(days=span)
    found = occurrences(rule, start, until, DeadlineRules(roll_to_working_day=roll))
    moments = rrulestr(rule, dtstart=datetime(start.year, start.month, start.day)).between(
        datetime(start.year, start.month, start.day), datetime(until.year, until.month, until.day), inc=True
    )
    nominal = [moment.date() for moment in moments]
    assert [o.due_on for o in found] == [next_working_day(day) if roll else day for day in nominal]
    assert [o.period for o in found] == [period_label(rule, day) for day in nominal]
