"""Index the open assignments in the order the daily digests list them.

The digests read every open assignment that is overdue or due soon (a fifth of the table at 1M),
sorted by due date, task, period and wording. Without this index SQLite scans the whole table and
sorts the rows (0.6-0.7 s at 1M); with it the run walks one range of a covering index in order (0.3 s).
The index holds only rows that are neither completed nor withdrawn, so over the years, as most
assignments are done, it stays small.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN = sa.text("completed_on IS NULL AND withdrawn_on IS NULL")


def upgrade() -> None:
    op.create_index(
        "ix_assignment_open",
        "assignment",
        ["due_on", "task_id", "period", "deadline_text", "agency_id", "role"],
        sqlite_where=OPEN,
        postgresql_where=OPEN,
    )


def downgrade() -> None:
    op.drop_index("ix_assignment_open", table_name="assignment")
