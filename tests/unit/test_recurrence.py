"""Recurring deadlines on days 29-31: one occurrence per period, never a skipped month."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.core.calendar import next_working_day
from tracker.core.deadlines import DEFAULT_RULES, DeadlineRules, parse_deadline
from tracker.core.errors import DeadlineError
from tracker.core.recurrence import occurrences

ROLLING = DeadlineRules(roll_to_working_day=True)


def _rule(text: str, rules: DeadlineRules = DEFAULT_RULES) -> str:
    rule = parse_deadline(text, rules).rule
    assert rule is not None
    return rule


def test_before_the_31st_of_each_month_falls_on_every_month_s_last_day() -> None:
    found = occurrences(_rule("trước ngày 31 hàng tháng"), date(2020, 1, 1), date(2020, 12, 31))
    assert [o.period for o in found] == [f"2020-{month:02d}" for month in range(1, 13)]
    assert [o.due_on for o in found] == [
        date(2020, month, calendar.monthrange(2020, month)[1]) for month in range(1, 13)
    ]


def test_the_30th_of_each_month_keeps_february() -> None:
    leap = occurrences(_rule("ngày 30 hàng tháng"), date(2020, 1, 1), date(2020, 3, 31))
    assert [(o.period, o.due_on) for o in leap] == [
        ("2020-01", date(2020, 1, 30)),
        ("2020-02", date(2020, 2, 29)),
        ("2020-03", date(2020, 3, 30)),
    ]
    common = occurrences(_rule("ngày 30 hàng tháng"), date(2021, 2, 1), date(2021, 2, 28))
    assert [(o.period, o.due_on) for o in common] == [("2021-02", date(2021, 2, 28))]


def test_the_29th_of_each_month_in_a_common_february_is_the_28th() -> None:
    found = occurrences(_rule("ngày 29 hàng tháng"), date(2021, 1, 1), date(2021, 3, 31))
    assert [o.due_on for o in found] == [date(2021, 1, 29), date(2021, 2, 28), date(2021, 3, 29)]


def test_29_february_every_year_is_the_28th_in_common_years() -> None:
    found = occurrences(_rule("29/2 hằng năm"), date(2019, 1, 1), date(2024, 12, 31))
    assert [(o.period, o.due_on) for o in found] == [
        ("2019", date(2019, 2, 28)),
        ("2020", date(2020, 2, 29)),
        ("2021", date(2021, 2, 28)),
        ("2022", date(2022, 2, 28)),
        ("2023", date(2023, 2, 28)),
        ("2024", date(2024, 2, 29)),
    ]


@pytest.mark.parametrize(
    "text",
    ["30/2 hằng năm", "trước ngày 31/2 hằng năm", "31/4 hằng năm", "ngày 31 tháng 6 hằng năm", "31/11 hằng năm"],
)
def test_an_impossible_yearly_date_is_an_error_quoting_the_wording(text: str) -> None:
    with pytest.raises(DeadlineError, match=text):
        parse_deadline(text)


def test_an_impossible_yearly_date_is_an_error_even_when_before_excludes_the_day() -> None:
    # "before 30/2" would otherwise quietly become 29/2.
    with pytest.raises(DeadlineError, match="30/2"):
        parse_deadline("trước 30/2 hằng năm", DeadlineRules(before_inclusive=False))


@pytest.mark.parametrize("text", ["32/1 hằng năm", "0/1 hằng năm", "ngày 32 hàng tháng"])
def test_a_day_no_month_has_is_an_error(text: str) -> None:
    with pytest.raises(DeadlineError, match=text):
        parse_deadline(text)


@pytest.mark.parametrize("text", ["29/2 hằng năm", "31/12 hằng năm", "30/4 hằng năm", "31/1 hằng năm"])
def test_possible_yearly_dates_still_parse(text: str) -> None:
    assert parse_deadline(text).rule is not None


def test_day_31_of_the_quarter_s_last_month_keeps_june_and_september() -> None:
    found = occurrences(_rule("trước ngày 31 tháng cuối quý"), date(2020, 1, 1), date(2020, 12, 31))
    assert [(o.period, o.due_on) for o in found] == [
        ("2020-Q1", date(2020, 3, 31)),
        ("2020-Q2", date(2020, 6, 30)),
        ("2020-Q3", date(2020, 9, 30)),
        ("2020-Q4", date(2020, 12, 31)),
    ]


def test_day_31_of_each_half_year_keeps_june() -> None:
    found = occurrences("FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=31", date(2020, 1, 1), date(2021, 12, 31))
    assert [(o.period, o.due_on) for o in found] == [
        ("2020-H1", date(2020, 6, 30)),
        ("2020-H2", date(2020, 12, 31)),
        ("2021-H1", date(2021, 6, 30)),
        ("2021-H2", date(2021, 12, 31)),
    ]


def test_rolling_keeps_the_period_of_the_nominal_day() -> None:
    # 31/1/2021 is a Sunday: due on Monday 1/2, still the January report. 28/2/2021 is a Sunday too.
    found = occurrences(_rule("ngày 31 hàng tháng"), date(2021, 1, 1), date(2021, 3, 31), ROLLING)
    assert [(o.period, o.due_on) for o in found] == [
        ("2021-01", date(2021, 2, 1)),
        ("2021-02", date(2021, 3, 1)),
        ("2021-03", date(2021, 3, 31)),
    ]


def test_a_start_after_a_short_month_s_last_day_skips_that_month_only() -> None:
    found = occurrences(_rule("ngày 31 hàng tháng"), date(2021, 4, 30), date(2021, 6, 30))
    assert [(o.period, o.due_on) for o in found] == [
        ("2021-04", date(2021, 4, 30)),
        ("2021-05", date(2021, 5, 31)),
        ("2021-06", date(2021, 6, 30)),
    ]
    later = occurrences(_rule("ngày 31 hàng tháng"), date(2021, 5, 1), date(2021, 6, 30))
    assert [o.period for o in later] == ["2021-05", "2021-06"]


@given(
    day=st.integers(min_value=1, max_value=31),
    year=st.integers(min_value=1990, max_value=2100),
    roll=st.booleans(),
)
def test_any_monthly_day_gives_one_occurrence_in_every_month(day: int, year: int, roll: bool) -> None:
    rules = DeadlineRules(roll_to_working_day=roll)
    found = occurrences(_rule(f"ngày {day} hàng tháng", rules), date(year, 1, 1), date(year, 12, 31), rules)
    assert [o.period for o in found] == [f"{year}-{month:02d}" for month in range(1, 13)]
    for month, occurrence in enumerate(found, start=1):
        nominal = date(year, month, min(day, calendar.monthrange(year, month)[1]))
        assert occurrence.due_on == (next_working_day(nominal) if roll else nominal)


@given(
    day=st.integers(min_value=1, max_value=31),
    month=st.integers(min_value=1, max_value=12),
    year=st.integers(min_value=1990, max_value=2100),
)
def test_any_yearly_date_either_is_an_error_or_falls_once_in_every_year(day: int, month: int, year: int) -> None:
    text = f"{day}/{month} hằng năm"
    if day > calendar.monthrange(2000, month)[1]:  # 2000 is a leap year: the longest each month gets
        with pytest.raises(DeadlineError, match=text):
            parse_deadline(text)
        return
    found = occurrences(_rule(text), date(year, 1, 1), date(year + 1, 12, 31))
    assert [o.period for o in found] == [str(year), str(year + 1)]
    for occurrence in found:
        y = occurrence.due_on.year
        assert occurrence.due_on == date(y, month, min(day, calendar.monthrange(y, month)[1]))


@given(
    day=st.integers(min_value=1, max_value=31),
    start=st.dates(min_value=date(2015, 1, 1), max_value=date(2024, 12, 31)),
    months=st.integers(min_value=0, max_value=30),
)
def test_monthly_occurrences_from_any_start_are_consecutive_months(day: int, start: date, months: int) -> None:
    until_month = start.month - 1 + months
    until_year, until_month = start.year + until_month // 12, until_month % 12 + 1
    until = date(until_year, until_month, calendar.monthrange(until_year, until_month)[1])
    found = occurrences(f"FREQ=MONTHLY;BYMONTHDAY={day}", start, until)
    assert all(start <= o.due_on <= until for o in found)
    keys = [(o.due_on.year, o.due_on.month) for o in found]
    assert len(set(keys)) == len(keys)
    first = date(start.year, start.month, min(day, calendar.monthrange(start.year, start.month)[1]))
    expected = [(start.year, start.month)] if first >= start else []
    year, month = start.year, start.month
    for _ in range(months):
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        expected.append((year, month))
    assert keys == expected
