"""Insert triggers turned off during bulk loads, and their work done once at the end.

Triggers keep derived tables up to date for every writer: the completion tally
(:class:`tracker.store.models.CompletionTally`) and, on SQLite, the search indexes of tasks and
directives (migration 0007). On SQLite they run for each row, and a trigger makes every INSERT keep a
statement journal of each page it changes, in case the trigger fails halfway. With the indexes kept
up to date, as an import's child does, 100k assignments took 3.6 s to insert with the tally's trigger
instead of 1.2 s; the search triggers added 8 s to the synthetic load of 1M assignments (30 -> 38 s).

So a bulk load turns the insert triggers off inside its transaction, then does their work for the
rows it inserted in one statement each, and puts the triggers back before it commits. A load that
fails rolls back, and the triggers are back as they were. On PostgreSQL the tally's triggers run once
per statement (a ``COPY`` included) over its rows, and the search indexes are GIN indexes, so an
import leaves them alone. The synthetic load, a million rows into an empty database, turns the
tally's trigger off on both: on PostgreSQL at 1M it took 43.9 s with the trigger on and 38.8 s off.

A load inserts new rows only: the rows a trigger's work is done for are those with a larger id than
any row before the trigger was turned off. The loads that use this never update or delete a row they
inserted.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.store.deferred_indexes import SMALLEST_LOAD
from tracker.store.rawsql import RawSql


@dataclass(frozen=True)
class InsertTrigger:
    """An insert trigger on ``table`` and the statement doing its work for the rows whose id is above
    ``:after``."""

    table: str
    name: str
    catch_up: str


TALLY = InsertTrigger(
    "assignment",
    "completion_tally_insert",
    "INSERT INTO completion_tally (completed_on, live_until, on_time, assignments) "
    "SELECT completed_on, coalesce(withdrawn_on, '9999-12-31'), completed_on <= due_on, count(*) "
    "FROM assignment WHERE id > :after AND completed_on IS NOT NULL AND due_on IS NOT NULL "
    "GROUP BY 1, 2, 3 ON CONFLICT (completed_on, live_until, on_time) "
    "DO UPDATE SET assignments = completion_tally.assignments + excluded.assignments",
)
TASK_SEARCH = InsertTrigger(
    "task",
    "task_search_insert",
    "INSERT INTO task_search (rowid, folded_text) SELECT id, folded_text FROM task WHERE id > :after",
)
DIRECTIVE_SEARCH = InsertTrigger(
    "directive",
    "directive_search_insert",
    "INSERT INTO directive_search (rowid, folded_number) "
    "SELECT id, folded_number FROM directive_search_source WHERE id > :after",
)
LOAD_TRIGGERS = (TALLY, TASK_SEARCH, DIRECTIVE_SEARCH)


def catch_up(sql: RawSql, trigger: InsertTrigger, after_id: int) -> None:
    """Do ``trigger``'s work for the rows of its table whose id is larger than ``after_id``."""
    sql.rows(trigger.catch_up, {"after": after_id})


def turn_off(sql: RawSql, trigger: InsertTrigger) -> str | None:
    """Drop ``trigger``; its definition, to create it again with ``sql.rows(definition)``, or None if
    there is none (the search triggers exist on SQLite only)."""
    definition, drop = sql.backend.trigger_definition(sql, trigger.name, trigger.table)
    if definition is None:
        return None
    sql.rows(drop)
    return str(definition)


class DeferredTriggers:
    """Tell it before each batch of assignment inserts; call :meth:`restore` before committing.

    From ``smallest_load`` assignments loaded on, the insert triggers of :data:`LOAD_TRIGGERS` are off
    until :meth:`restore`. Only inside a transaction (a DROP outside one could not be undone), and only
    on SQLite."""

    def __init__(self, sql: RawSql, *, smallest_load: int = SMALLEST_LOAD) -> None:
        self.sql = sql
        self.smallest_load = smallest_load
        self.loaded = 0
        self.turned_off: list[tuple[InsertTrigger, str, int]] = []
        """Each trigger that is off, with its definition and the largest id of its table before."""

    def before_insert(self, count: int) -> None:
        """``count`` assignment rows are about to be inserted."""
        self.loaded += count
        if not self.sql.backend.search_triggers or self.turned_off or self.loaded < self.smallest_load:
            return
        if not self.sql.connection.in_transaction:
            return
        for trigger in LOAD_TRIGGERS:
            after_id = int(self.sql.scalar(f"SELECT coalesce(max(id), 0) FROM {trigger.table}"))
            definition = turn_off(self.sql, trigger)
            if definition is not None:
                self.turned_off.append((trigger, definition, after_id))

    def restore(self) -> None:
        """Do the triggers' work for the rows inserted while they were off, and turn them back on."""
        turned_off, self.turned_off = self.turned_off, []
        for trigger, definition, after_id in turned_off:
            catch_up(self.sql, trigger, after_id)
            self.sql.rows(definition)
