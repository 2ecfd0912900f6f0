"""Occurrences of a recurring deadline, each with the period label it is tracked under."""

from __future__ import annotations

import calendar
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrulestr

from tracker.core.calendar import next_working_day
from tracker.core.deadlines import DEFAULT_RULES, HALF_MONTHS, QUARTER_MONTHS, DeadlineRules


@dataclass(frozen=True)
class Occurrence:
    period: str
    due_on: date


def _rule_parts(rule: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in rule.upper().split(";") if "=" in part)


def period_label(rule: str, due_on: date) -> str:
    """Label of the period an occurrence belongs to: ``2020-02``, ``2020-Q3``, ``2020-H1``, ``2020``."""
    return _labeller(_rule_parts(rule))(due_on)


def _labeller(parts: dict[str, str]) -> Callable[[date], str]:
    if parts.get("FREQ") == "MONTHLY":
        return lambda day: f"{day.year}-{day.month:02d}"
    months = parts.get("BYMONTH", "")
    if months == QUARTER_MONTHS:
        return lambda day: f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if months == HALF_MONTHS:
        return lambda day: f"{day.year}-H{1 if day.month <= 6 else 2}"
    return lambda day: str(day.year)


def periods_start(issued_on: date | None) -> date | None:
    """Where a directive's recurring periods begin: the day after it is signed. A directive signed on
    the 20th does not ask for "the report before the 20th of each month" on that same day."""
    return None if issued_on is None else issued_on + timedelta(days=1)


def occurrences(rule: str, start: date, until: date, rules: DeadlineRules = DEFAULT_RULES) -> list[Occurrence]:
    """Every occurrence of ``rule`` due from ``start`` to ``until`` inclusive."""
    parts = _rule_parts(rule)
    # With its days (and, yearly, its months) spelled out, a rule's dates do not depend on where it
    # starts: the year's list serves every start in that year (an import asks for thousands of starts).
    if "BYMONTHDAY" in parts and (parts.get("FREQ") == "MONTHLY" or "BYMONTH" in parts):
        found = _from_year(rule, start.year, until, rules.roll_to_working_day)
        return [occurrence for nominal, occurrence in found if nominal >= start]
    return [occurrence for _, occurrence in _between(rule, start, until, rules.roll_to_working_day)]


@functools.lru_cache(maxsize=256)
def _from_year(rule: str, year: int, until: date, roll: bool) -> tuple[tuple[date, Occurrence], ...]:
    return tuple(_between(rule, date(year, 1, 1), until, roll))


def _between(rule: str, start: date, until: date, roll: bool) -> list[tuple[date, Occurrence]]:
    """(nominal date, occurrence) for each occurrence from ``start`` to ``until``.

    The period label comes from the nominal date, so rolling a deadline to the next working day (which
    may be in the next month) keeps it in its own period.
    """
    parts = _rule_parts(rule)
    label = _labeller(parts)
    shape = _month_days(parts)
    nominals = _clamped(shape, start, until) if shape is not None else _rrule_days(rule, start, until)
    return [
        (nominal, Occurrence(label(nominal), next_working_day(nominal) if roll else nominal)) for nominal in nominals
    ]


def _month_days(parts: dict[str, str]) -> tuple[frozenset[int] | None, int] | None:
    """(months, day) of a rule that names one day in every month (months ``None``) or in some months,
    as :func:`tracker.core.deadlines.parse_deadline` writes them; ``None`` for any other rule.

    Day ``-1`` is the month's last day. A day beyond a month's length (the 31st of April, the 30th of
    February) falls on that month's last day; RFC 5545, and so :mod:`dateutil.rrule`, would skip the month.
    """
    freq, day_text, months_text = parts.get("FREQ"), parts.get("BYMONTHDAY", ""), parts.get("BYMONTH")
    if set(parts) - {"FREQ", "BYMONTH", "BYMONTHDAY"} or not day_text.lstrip("-").isdigit():
        return None
    day = int(day_text)
    if not (1 <= day <= 31 or day == -1):
        return None
    if freq == "MONTHLY" and months_text is None:
        return None, day
    if freq == "YEARLY" and months_text is not None:
        months = [int(month) for month in months_text.split(",") if month.strip().isdigit()]
        if len(months) == len(months_text.split(",")) and all(1 <= month <= 12 for month in months):
            return frozenset(months), day
    return None


def _clamped(shape: tuple[frozenset[int] | None, int], start: date, until: date) -> Iterator[date]:
    months, day = shape
    month_start = start.replace(day=1)
    while month_start <= until:
        if months is None or month_start.month in months:
            last = calendar.monthrange(month_start.year, month_start.month)[1]
            nominal = month_start.replace(day=last if day == -1 else min(day, last))
            if start <= nominal <= until:
                yield nominal
        month_start += relativedelta(months=1)


def _rrule_days(rule: str, start: date, until: date) -> list[date]:
    recurrence = rrulestr(rule, dtstart=datetime(start.year, start.month, start.day))
    moments = recurrence.between(
        datetime(start.year, start.month, start.day), datetime(until.year, until.month, until.day), inc=True
    )
    return [moment.date() for moment in moments]
