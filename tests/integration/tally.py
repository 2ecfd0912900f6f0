"""Checks of the completion tally that the status counts read (see tracker.store.models.CompletionTally)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import tracker
from tracker.core.status import Status
from tracker.store.models import LIVE_FOREVER

TallyRow = tuple[date | None, date | None, bool, int]


def _normalised(t: tracker.Tracker, rows: list[tuple[object, ...]]) -> set[TallyRow]:
    to_date = t.reader.to_date
    return {(to_date(done), to_date(until), bool(on_time), int(str(n))) for done, until, on_time, n in rows}


def kept_tally(t: tracker.Tracker) -> set[TallyRow]:
    """The tally as the triggers kept it (a key whose assignments all went elsewhere reads 0: left out)."""
    rows = t.reader.rows(
        "SELECT completed_on, live_until, on_time, assignments FROM completion_tally WHERE assignments <> 0"
    )
    return _normalised(t, rows)


def tally_from_scratch(t: tracker.Tracker) -> set[TallyRow]:
    """The tally counted anew from the assignments."""
    rows = t.reader.rows(
        "SELECT completed_on, coalesce(withdrawn_on, :forever), completed_on <= due_on, count(*) FROM assignment "
        "WHERE completed_on IS NOT NULL AND due_on IS NOT NULL GROUP BY 1, 2, 3",
        {"forever": LIVE_FOREVER},
    )
    return _normalised(t, rows)


def assert_counts_are_exact(t: tracker.Tracker, *days: date) -> None:
    """The tally equals a recount, and the status counts at each day equal every row's derived status."""
    assert kept_tally(t) == tally_from_scratch(t)
    for day in days:
        derived = Counter(row.status for row in t.assignments(as_of=day))
        assert t.status_counts(day) == {status: derived.get(status, 0) for status in Status}, day


def trigger_definitions(t: tracker.Tracker) -> list[tuple[str, str]]:
    """The triggers on the assignment table, by name, with their definitions."""
    if t.engine.dialect.name == "sqlite":
        query = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'assignment' ORDER BY name"
    else:
        query = (
            "SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger "
            "WHERE tgrelid = 'assignment'::regclass AND NOT tgisinternal ORDER BY tgname"
        )
    return [(str(name), str(definition)) for name, definition in t.reader.rows(query)]
