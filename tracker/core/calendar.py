"""Working days: weekends and Vietnamese public holidays (from the ``holidays`` package)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from tracker.core.errors import DeadlineError


@lru_cache(maxsize=64)
def _holidays_of(year: int) -> frozenset[date]:
    """The public holidays of ``year``. The ``holidays`` package knows the lunar calendar (Tết) up to a
    last year (2100 today) and gives no holiday at all after it: counting working days there would be
    silently wrong, so it is an error naming the year."""
    import holidays  # imported lazily: it costs about 0.1 s and most commands never need it

    found = frozenset(holidays.country_holidays("VN", years=year).keys())
    if not found:  # every year has New Year's Day: no holiday means no calendar for the year
        raise DeadlineError(key="limits.no_holidays_for_year", year=year)
    return found


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a Vietnamese public holiday."""
    return day.weekday() < 5 and day not in _holidays_of(day.year)


def next_working_day(day: date) -> date:
    """``day`` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_working_days(start: date, count: int) -> date:
    """The ``count``-th working day after ``start`` (``start`` itself is not counted)."""
    if count < 0:
        raise ValueError("count must not be negative")
    day = start
    remaining = count
    while remaining:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day
