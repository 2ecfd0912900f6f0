from __future__ import annotations

import calendar
import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.core.deadlines import DeadlineKind, DeadlineRules, parse_date, parse_deadline
from tracker.core.errors import DeadlineError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-04-30", date(2020, 4, 30)),
        ("30/4/2020", date(2020, 4, 30)),
        ("5/4/2020", date(2020, 4, 5)),  # day first: 5 April, not 4 May
        ("05/04/2020", date(2020, 4, 5)),
        ("30-04-2020", date(2020, 4, 30)),
        ("30.04.2020", date(2020, 4, 30)),
        ("ngày 30 tháng 4 năm 2020", date(2020, 4, 30)),
        ("Ngày 05 tháng 02 năm 2020", date(2020, 2, 5)),
        ("trước 30/4/2020", date(2020, 4, 30)),
        ("trước ngày 30/4/2020", date(2020, 4, 30)),
        ("Trước ngày 20 tháng 5 năm 2020", date(2020, 5, 20)),
        ("chậm nhất ngày 20/6/2020", date(2020, 6, 20)),
        ("báo cáo trước 20/5/2020", date(2020, 5, 20)),
        ("quý III năm 2020", date(2020, 9, 30)),
        ("quý I năm 2021", date(2021, 3, 31)),
        ("quý 2/2020", date(2020, 6, 30)),
        ("trong quý IV năm 2020", date(2020, 12, 31)),
        ("6 tháng đầu năm 2020", date(2020, 6, 30)),
        ("6 tháng cuối năm 2020", date(2020, 12, 31)),
        ("trong năm 2019", date(2019, 12, 31)),
        ("năm 2021", date(2021, 12, 31)),
        ("tháng 2/2020", date(2020, 2, 29)),
        ("trong tháng 5 năm 2020", date(2020, 5, 31)),
        # 10/02/2020 is a Monday: five working days later is Monday 17/02.
        ("05 ngày làm việc kể từ ngày 10/02/2020", date(2020, 2, 17)),
        # 28/04/2020 (Tue): 29/04 counts, 30/04 and 01/05 are holidays, 02-03/05 weekend.
        ("03 ngày làm việc kể từ ngày 28/4/2020", date(2020, 5, 5)),
        ("10 ngày kể từ ngày 10/02/2020", date(2020, 2, 20)),
    ],
)
def test_one_off_deadlines(text: str, expected: date) -> None:
    deadline = parse_deadline(text)
    assert deadline.kind is DeadlineKind.DATE
    assert deadline.due_on == expected
    assert deadline.text == text


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("trước ngày 20 hàng tháng", "FREQ=MONTHLY;BYMONTHDAY=20"),
        ("trước ngày 20 hằng tháng", "FREQ=MONTHLY;BYMONTHDAY=20"),
        ("hằng tháng", "FREQ=MONTHLY;BYMONTHDAY=-1"),
        ("hằng quý", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
        ("trước ngày 15 tháng cuối quý", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15"),
        ("định kỳ 6 tháng", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
        ("hằng năm", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1"),
        ("trước ngày 15/12 hằng năm", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15"),
    ],
)
def test_recurring_deadlines(text: str, rule: str) -> None:
    deadline = parse_deadline(text)
    assert deadline.kind is DeadlineKind.RECURRING
    assert deadline.rule == rule
    assert deadline.due_on is None


@pytest.mark.parametrize("text", ["thường xuyên", "Thường xuyên", "", "không thời hạn"])
def test_standing_duties_have_no_deadline(text: str) -> None:
    assert parse_deadline(text).kind is DeadlineKind.STANDING


def test_before_can_exclude_the_named_day() -> None:
    strict = DeadlineRules(before_inclusive=False)
    assert parse_deadline("trước 30/4/2020", strict).due_on == date(2020, 4, 29)
    assert parse_deadline("30/4/2020", strict).due_on == date(2020, 4, 30)
    assert parse_deadline("trước ngày 20 hàng tháng", strict).rule == "FREQ=MONTHLY;BYMONTHDAY=19"


def test_deadline_on_a_holiday_can_roll_to_the_next_working_day() -> None:
    rolling = DeadlineRules(roll_to_working_day=True)
    # 30/4 and 1/5/2020 are public holidays, 2-3/5 a weekend.
    assert parse_deadline("trước 30/4/2020", rolling).due_on == date(2020, 5, 4)
    assert parse_deadline("trước 30/4/2020").due_on == date(2020, 4, 30)


@pytest.mark.parametrize("text", ["30/2/2020", "31/4/2020", "29/2/2019", "0/1/2020", "12/13/2020"])
def test_impossible_dates_are_errors_quoting_the_input(text: str) -> None:
    with pytest.raises(DeadlineError, match=text.replace(".", r"\.")):
        parse_deadline(text)


@pytest.mark.parametrize("text", ["sớm nhất có thể", "hạn chót", "30/4", "next week", "quý V năm 2020"])
def test_unknown_phrases_are_errors_quoting_the_input(text: str) -> None:
    with pytest.raises(DeadlineError) as raised:
        parse_deadline(text)
    assert f'"{text}"' in str(raised.value)


def _formats(day: date) -> list[str]:
    return [
        day.isoformat(),
        f"{day.day}/{day.month}/{day.year}",
        f"{day:%d/%m/%Y}",
        f"ngày {day.day} tháng {day.month} năm {day.year}",
        f"trước {day.day}/{day.month}/{day.year}",
        f"Trước ngày {day:%d/%m/%Y}",
    ]


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_every_written_form_of_a_date_reads_back_as_that_date(day: date) -> None:
    for text in _formats(day):
        assert parse_deadline(text).due_on == day, text
    assert parse_date(f"{day.day}/{day.month}/{day.year}") == day


@given(st.integers(1990, 2099), st.integers(1, 12), st.integers(29, 31))
def test_days_past_the_end_of_a_month_are_rejected(year: int, month: int, day: int) -> None:
    if day <= calendar.monthrange(year, month)[1]:
        assert parse_date(f"{day}/{month}/{year}") == date(year, month, day)
    else:
        with pytest.raises(DeadlineError, match=f"{day}/{month}/{year}"):
            parse_date(f"{day}/{month}/{year}")


@given(st.text(max_size=60))
def test_any_text_gives_a_deadline_or_a_deadline_error(text: str) -> None:
    try:
        deadline = parse_deadline(text)
    except DeadlineError as error:
        assert str(error).startswith('"')
    else:
        assert deadline.kind in set(DeadlineKind)


@given(st.from_regex(r"(trước )?(ngày )?[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4}", fullmatch=True))
def test_numeric_dates_never_fail_with_anything_but_a_deadline_error(text: str) -> None:
    with contextlib.suppress(DeadlineError):
        parse_deadline(text)
