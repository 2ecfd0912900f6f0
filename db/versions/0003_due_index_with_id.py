"""Order the due-date index by (due_on, id), the order every list uses.

SQLite's index already ends in the rowid; PostgreSQL's did not, so a page of the list had to fetch and
sort every row sharing the first due date (35k rows at 1M assignments) before taking 100.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_assignment_due", table_name="assignment")
    op.create_index("ix_assignment_due", "assignment", ["due_on", "id"])


def downgrade() -> None:
    op.drop_index("ix_assignment_due", table_name="assignment")
    op.create_index("ix_assignment_due", "assignment", ["due_on"])
