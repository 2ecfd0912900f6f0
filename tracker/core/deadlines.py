"""Reading deadlines as Vietnamese directives write them.

Dates are day-first everywhere: ``5/4/2020`` is 5 April. A :class:`Deadline` keeps the original
wording beside the normalised *last permitted day* (one-off deadlines) or a calendar rule
(recurring deadlines, an RFC 5545 ``RRULE`` body understood by :mod:`dateutil.rrule`).

Matching is done on folded text (:func:`tracker.core.text.fold`), so "trước", "TRƯỚC" and "truoc"
read alike, and so do "hàng tháng" and "hằng tháng".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from tracker.core.calendar import add_working_days, next_working_day
from tracker.core.errors import DeadlineError
from tracker.core.text import fold, one_line


class DeadlineKind(StrEnum):
    DATE = "date"
    RECURRING = "recurring"
    STANDING = "standing"


@dataclass(frozen=True)
class DeadlineRules:
    """Settings that change how a deadline is read.

    ``before_inclusive``: whether "trước ngày X" still admits day X (default: it does).
    ``roll_to_working_day``: move a deadline that falls on a weekend or public holiday to the next
    working day (Civil Code art. 148); off by default.
    """

    before_inclusive: bool = True
    roll_to_working_day: bool = False


DEFAULT_RULES = DeadlineRules()


@dataclass(frozen=True)
class Deadline:
    """A deadline as written (``text``) and as understood (``due_on`` or ``rule``)."""

    text: str
    due_on: date | None = None
    rule: str | None = None

    @property
    def kind(self) -> DeadlineKind:
        if self.rule is not None:
            return DeadlineKind.RECURRING
        if self.due_on is not None:
            return DeadlineKind.DATE
        return DeadlineKind.STANDING


# --- date forms -------------------------------------------------------------------------------

_NUMERIC = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"
_ISO = r"(\d{4})-(\d{2})-(\d{2})"
_WORDS = r"(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s*(?:,\s*)?nam\s+(\d{4})"
_ANY_DATE = rf"(?:{_ISO}|{_NUMERIC}|{_WORDS})"

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


MIN_YEAR, MAX_YEAR = 1900, 2200


def _make_date(year: int, month: int, day: int, original: str) -> date:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DeadlineError(key="date.year_out_of_range", original=original, year=year, low=MIN_YEAR, high=MAX_YEAR)
    if not 1 <= month <= 12:
        raise DeadlineError(key="date.no_such_month", original=original, month=month)
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DeadlineError(key="date.no_such_day", original=original, day=day, month=month, year=year, last=last)
    return date(year, month, day)


def _date_from_groups(groups: tuple[str | None, ...], original: str) -> date:
    """Build a date from the groups of one :data:`_ANY_DATE` match."""
    iso_y, iso_m, iso_d, num_d, num_m, num_y, w_d, w_m, w_y = groups
    if iso_y is not None:
        return _make_date(int(iso_y), int(iso_m or 0), int(iso_d or 0), original)
    if num_y is not None:
        return _make_date(int(num_y), int(num_m or 0), int(num_d or 0), original)
    return _make_date(int(w_y or 0), int(w_m or 0), int(w_d or 0), original)


_DATE_ONLY = re.compile(rf"^{_ANY_DATE}$")


def parse_date(text: str) -> date:
    """Parse one calendar date: ISO ``2020-04-30``, ``30/4/2020`` (also ``-`` or ``.``) or
    "ngày 30 tháng 4 năm 2020". Day first always."""
    original = one_line(text)
    folded = fold(original)
    match = _DATE_ONLY.match(folded)
    if not match:
        raise DeadlineError(key="date.unreadable", original=original)
    return _date_from_groups(match.groups(), original)


# --- deadline phrases -------------------------------------------------------------------------

_STANDING = re.compile(r"^(?:|-|thuong xuyen|khong thoi han|khong co thoi han|khong xac dinh thoi han|hang ngay)$")
_PREFIX = re.compile(
    r"^(?:(?:bao cao|hoan thanh|gui|thuc hien|trinh|phan dau)\s+)*"
    r"(?:(?P<word>truoc|cham nhat(?:\s+la)?|den|han|khong qua|trong|vao)\b\s*)?"
)
_BEFORE_WORDS = {"truoc"}

_ONE_DATE = re.compile(rf"^{_ANY_DATE}$")
_QUARTER = re.compile(r"^(?:cuoi\s+)?quy\s+(iv|i{1,3}|[1-4])\s*(?:nam\s+|/\s*)(\d{4})$")
_HALF = re.compile(r"^(?:6|sau)\s+thang\s+(dau|cuoi)\s+nam\s*(?:nam\s+)?(\d{4})$")
_YEAR = re.compile(r"^(?:cuoi\s+)?nam\s+(\d{4})$")
_MONTH = re.compile(r"^(?:cuoi\s+)?thang\s+(\d{1,2})\s*(?:nam\s+|/\s*)(\d{4})$")
_AFTER_DAYS = re.compile(
    rf"^(\d{{1,3}})\s+ngay(\s+lam\s+viec)?\s+(?:ke\s+tu|tinh\s+tu|tu|sau)\s+(?:ngay\s+)?{_ANY_DATE}$"
)

# Recurring forms.
_MONTHLY = re.compile(r"^(?:ngay\s+)?(\d{1,2})\s+(?:hang|moi|cua\s+moi)\s+thang$")
_MONTHLY_PLAIN = re.compile(r"^(?:hang|moi|dinh\s+ky\s+hang|dinh\s+ky)\s+thang$")
_QUARTERLY = re.compile(
    r"^(?:(?:ngay\s+)?(\d{1,2})\s+(?:cua\s+)?(?:thang\s+cuoi\s+quy\s*,?\s*)?)?"
    r"(?:hang|moi|dinh\s+ky|dinh\s+ky\s+hang)\s+quy$"
    r"|^(?:ngay\s+)?(\d{1,2})\s+(?:cua\s+)?thang\s+cuoi\s+(?:moi\s+)?quy$"
)
_HALF_YEARLY = re.compile(
    r"^(?:(?:ngay\s+)?(\d{1,2})\s+(?:cua\s+)?(?:thang\s+cuoi\s+ky\s*,?\s*)?)?"
    r"(?:hang|moi|dinh\s+ky|dinh\s+ky\s+hang)\s+(?:6|sau)\s+thang$"
)
_YEARLY = re.compile(
    r"^(?:(?:ngay\s+)?(\d{1,2})\s*(?:/|\s+thang\s+)\s*(\d{1,2})\s+)?(?:hang|moi|dinh\s+ky\s+hang)\s+nam$"
)

QUARTER_MONTHS = "3,6,9,12"
HALF_MONTHS = "6,12"


def _month_end(year: int, month: int, original: str) -> date:
    """The last day of a month, after checking the year and month are plausible."""
    _make_date(year, month, 1, original)
    return date(year, month, calendar.monthrange(year, month)[1])


def _before(day: date, is_before: bool, rules: DeadlineRules) -> date:
    return day - timedelta(days=1) if is_before and not rules.before_inclusive else day


def _monthday(
    day_text: str | None, is_before: bool, rules: DeadlineRules, original: str, month: int | None = None
) -> int:
    """BYMONTHDAY for a recurring deadline: the named day, or -1 (the month's last day).

    A day some months lack (29-31) is kept: :mod:`tracker.core.recurrence` puts it on the last day of
    a shorter month, so "29/2 hằng năm" falls on 28/2 in common years. With ``month`` (a yearly date)
    the day must exist in that month in some year: 30/2 or 31/4 is an error.
    """
    if day_text is None:
        return -1
    day = int(day_text)
    if not 1 <= day <= 31:
        raise DeadlineError(key="deadline.no_such_monthday", original=original, day=day)
    if month is not None:
        longest = calendar.monthrange(2000, month)[1]  # 2000 is a leap year: February's longest
        if day > longest:
            raise DeadlineError(
                key="deadline.no_such_yearday", original=original, day=day, month=month, longest=longest
            )
    if is_before and not rules.before_inclusive:
        if day == 1:
            raise DeadlineError(key="deadline.before_first", original=original)
        day -= 1
    return day


def parse_deadline(text: str | None, rules: DeadlineRules = DEFAULT_RULES) -> Deadline:
    """Read a deadline phrase; raise :class:`DeadlineError` quoting the input when it cannot."""
    original = one_line(text or "")
    folded = fold(original).rstrip(".;,")
    if _STANDING.match(folded):
        return Deadline(original)
    prefix = _PREFIX.match(folded)
    word = prefix.group("word") if prefix else None
    is_before = word in _BEFORE_WORDS
    body = folded[prefix.end() :].strip() if prefix else folded
    body = re.sub(r"^ngay\s+(?=\d)", "", body) if not re.match(r"^ngay\s+\d{1,2}\s+thang", body) else body

    due = _one_off(body, is_before, rules, original)
    if due is not None:
        if rules.roll_to_working_day:
            due = next_working_day(due)
        return Deadline(original, due_on=due)
    rule = _recurrence(body, is_before, rules, original)
    if rule is not None:
        return Deadline(original, rule=rule)
    raise DeadlineError(key="deadline.unreadable", original=original)


def _one_off(body: str, is_before: bool, rules: DeadlineRules, original: str) -> date | None:
    if match := _ONE_DATE.match(body):
        return _before(_date_from_groups(match.groups(), original), is_before, rules)
    if match := _QUARTER.match(body):
        quarter_text, year = match.groups()
        quarter = _ROMAN.get(quarter_text) or int(quarter_text)
        return _month_end(int(year), quarter * 3, original)
    if match := _HALF.match(body):
        half, year = match.groups()
        return _make_date(int(year), 6, 30, original) if half == "dau" else _make_date(int(year), 12, 31, original)
    if match := _YEAR.match(body):
        return _make_date(int(match.group(1)), 12, 31, original)
    if match := _MONTH.match(body):
        return _month_end(int(match.group(2)), int(match.group(1)), original)
    if match := _AFTER_DAYS.match(body):
        count, working, *date_groups = match.groups()
        start = _date_from_groups(tuple(date_groups), original)
        if working:
            return add_working_days(start, int(count))
        return start + timedelta(days=int(count))
    return None


def _recurrence(body: str, is_before: bool, rules: DeadlineRules, original: str) -> str | None:
    if match := _MONTHLY.match(body):
        return f"FREQ=MONTHLY;BYMONTHDAY={_monthday(match.group(1), is_before, rules, original)}"
    if _MONTHLY_PLAIN.match(body):
        return "FREQ=MONTHLY;BYMONTHDAY=-1"
    if match := _QUARTERLY.match(body):
        day = match.group(1) or match.group(2)
        return f"FREQ=YEARLY;BYMONTH={QUARTER_MONTHS};BYMONTHDAY={_monthday(day, is_before, rules, original)}"
    if match := _HALF_YEARLY.match(body):
        return f"FREQ=YEARLY;BYMONTH={HALF_MONTHS};BYMONTHDAY={_monthday(match.group(1), is_before, rules, original)}"
    if match := _YEARLY.match(body):
        day_text, month_text = match.groups()
        month = int(month_text) if month_text else 12
        if not 1 <= month <= 12:
            raise DeadlineError(key="deadline.no_such_month", original=original, month=month)
        day = _monthday(day_text, is_before, rules, original, month)
        return f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={day}"
    return None
