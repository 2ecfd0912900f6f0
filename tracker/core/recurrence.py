"""Occurrences of a recurring deadline, each with the period label it is tracked under."""

from __future__ import annotations

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
    parts = _rule_parts(rule)
    if parts.get("FREQ") == "MONTHLY":
        return f"{due_on.year}-{due_on.month:02d}"
    months = parts.get("BYMONTH", "")
    if months == QUARTER_MONTHS:
        return f"{due_on.year}-Q{(due_on.month - 1) // 3 + 1}"
    if months == HALF_MONTHS:
        return f"{due_on.year}-H{1 if due_on.month <= 6 else 2}"
    return str(due_on.year)


def occurrences(rule: str, start: date, until: date, rules: DeadlineRules = DEFAULT_RULES) -> list[Occurrence]:
    """Every occurrence of ``rule`` due from ``start`` to ``until`` inclusive."""
    recurrence = rrulestr(rule, dtstart=datetime(start.year, start.month, start.day))
    found: list[Occurrence] = []
    for moment in recurrence.between(
        datetime(start.year, start.month, start.day), datetime(until.year, until.month, until.day), inc=True
    ):
        nominal = moment.date()
        due = next_working_day(nominal) if rules.roll_to_working_day else nominal
        found.append(Occurrence(period_label(rule, nominal), due))
    return found
