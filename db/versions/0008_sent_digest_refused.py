"""The sent log keeps what was refused: the addresses of a digest that were not sent to, and why.

A digest row now says which of its addresses the mail server accepted (``recipients``) and which it
refused or could not be sent to (``refused``: one "address: reason" a line). A digest is complete for
the day when every address it has is among its recipients; the next run sends it to the others only.
A row may list no recipient at all: every address of the digest was refused.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "sent_digest",
        sa.Column("refused", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""),
    )


def downgrade() -> None:
    # A row that reached none of its addresses was never sent: the older schema has no such rows.
    op.execute("DELETE FROM sent_digest WHERE recipients = ''")
    with op.batch_alter_table("sent_digest") as batch:
        batch.drop_column("refused")
