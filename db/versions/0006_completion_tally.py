"""Tally the completed assignments by completion date, so status counts need not read them.

Counting the assignments done on time and done late at an as-of date read every completed assignment
(650k of 1M rows, 0.16-0.3 s on SQLite), and the main screen counts statuses every time it opens. The
``completion_tally`` table holds one row per (completion date, date the assignment stops counting,
on time or late) with how many completed assignments with a due date share it: a few thousand rows
whatever the table's size. Triggers on ``assignment`` keep it up to date, so every writer (the UI, the
importer, scripts using SQL) keeps it right without knowing about it. The upgrade fills it from the
assignments already there.

On SQLite the triggers run for each row. On PostgreSQL they run once per statement over its
transition tables, so a bulk insert adds one grouped upsert; an update that leaves the three dates alone
writes nothing to the tally, so concurrent edits of other fields never wait on its rows.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY = "completed_on, live_until, on_time"
FOREVER = "'9999-12-31'"


def _tallied(row: str) -> str:
    """The tally key of ``row`` (NEW, OLD, or a transition table) as a select list."""
    return f"{row}.completed_on, coalesce({row}.withdrawn_on, {FOREVER}), {row}.completed_on <= {row}.due_on"


def _counts(row: str) -> str:
    return f"{row}.completed_on IS NOT NULL AND {row}.due_on IS NOT NULL"


SQLITE_ADD = (
    f"INSERT INTO completion_tally ({KEY}, assignments) SELECT {_tallied('NEW')}, 1 WHERE {_counts('NEW')} "
    f"ON CONFLICT ({KEY}) DO UPDATE SET assignments = assignments + 1;"
)
SQLITE_REMOVE = (
    "UPDATE completion_tally SET assignments = assignments - 1 WHERE "
    f"{_counts('OLD')} AND ({KEY}) = ({_tallied('OLD')});"
)
SQLITE_TRIGGERS = (
    f"CREATE TRIGGER completion_tally_insert AFTER INSERT ON assignment WHEN {_counts('NEW')} "
    f"BEGIN {SQLITE_ADD} END",
    f"CREATE TRIGGER completion_tally_delete AFTER DELETE ON assignment WHEN {_counts('OLD')} "
    f"BEGIN {SQLITE_REMOVE} END",
    "CREATE TRIGGER completion_tally_update AFTER UPDATE OF completed_on, withdrawn_on, due_on ON assignment "
    "WHEN OLD.completed_on IS NOT NEW.completed_on OR OLD.withdrawn_on IS NOT NEW.withdrawn_on "
    f"OR OLD.due_on IS NOT NEW.due_on BEGIN {SQLITE_REMOVE} {SQLITE_ADD} END",
)


def _postgresql_change(parts: list[tuple[str, int]]) -> str:
    """A function adding each transition table's rows to the tally with its sign, in one upsert."""
    selects = " UNION ALL ".join(
        f"SELECT {_tallied(table)}, {sign} FROM {table} WHERE {_counts(table)}" for table, sign in parts
    )
    return f"""
        BEGIN
            INSERT INTO completion_tally AS t ({KEY}, assignments)
            SELECT completed_on, live_until, on_time, sum(change)
            FROM ({selects}) AS delta (completed_on, live_until, on_time, change)
            GROUP BY {KEY} HAVING sum(change) <> 0 ORDER BY {KEY}
            ON CONFLICT ({KEY}) DO UPDATE SET assignments = t.assignments + excluded.assignments;
            RETURN NULL;
        END"""


POSTGRESQL_TRIGGERS = {
    # trigger: (event, transition tables, rows added and removed)
    "completion_tally_insert": ("INSERT", "NEW TABLE AS after_rows", [("after_rows", 1)]),
    "completion_tally_delete": ("DELETE", "OLD TABLE AS before_rows", [("before_rows", -1)]),
    "completion_tally_update": (
        "UPDATE",
        "OLD TABLE AS before_rows NEW TABLE AS after_rows",
        [("after_rows", 1), ("before_rows", -1)],
    ),
}


def upgrade() -> None:
    op.create_table(
        "completion_tally",
        sa.Column("completed_on", sa.Date(), nullable=False),
        sa.Column("live_until", sa.Date(), nullable=False),
        sa.Column("on_time", sa.Boolean(), nullable=False),
        sa.Column("assignments", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("completed_on", "live_until", "on_time"),
    )
    op.execute(
        f"INSERT INTO completion_tally ({KEY}, assignments) SELECT {_tallied('a')}, count(*) "
        f"FROM assignment a WHERE {_counts('a')} GROUP BY 1, 2, 3"
    )
    if op.get_bind().dialect.name == "sqlite":
        for trigger in SQLITE_TRIGGERS:
            op.execute(trigger)
        return
    for name, (event, tables, parts) in POSTGRESQL_TRIGGERS.items():
        op.execute(
            f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $body${_postgresql_change(parts)}$body$"
        )
        op.execute(
            f"CREATE TRIGGER {name} AFTER {event} ON assignment REFERENCING {tables} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
        )


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for name in POSTGRESQL_TRIGGERS:  # the same names on both
        if sqlite:
            op.execute(f"DROP TRIGGER {name}")
        else:
            op.execute(f"DROP TRIGGER {name} ON assignment")
            op.execute(f"DROP FUNCTION {name}()")
    op.drop_table("completion_tally")
