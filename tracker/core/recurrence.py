"""Occurrences of a recurring deadline, each with the period label it is tracked under."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

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
    """(nominal date, occurrence) for each occurrence from ``start`` to ``until``."""
    label = _labeller(_rule_parts(rule))
    recurrence = rrulestr(rule, dtstart=datetime(start.year, start.month, start.day))
    found: list[tuple[date, Occurrence]] = []
    for moment in recurrence.between(
        datetime(start.year, start.month, start.day), datetime(until.year, until.month, until.day), inc=True
    ):
        nominal = moment.date()
        due = next_working_day(nominal) if roll else nominal
        found.append((nominal, Occurrence(label(nominal), due)))
    return found
