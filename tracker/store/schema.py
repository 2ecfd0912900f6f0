"""The schema revision this code expects, and the error when a database is not at it."""

from __future__ import annotations

from tracker.core.errors import SchemaError

SCHEMA_REVISION = "0008"
"""The Alembic head this code expects (a test checks it against db/versions)."""


def require_revision(found: str | None, where: str) -> None:
    """Raise :class:`SchemaError` unless ``found`` is :data:`SCHEMA_REVISION`."""
    if found == SCHEMA_REVISION:
        return
    if found is None:
        raise SchemaError(f"the database {where} has no tracker tables; run 'tracker db init' first.")
    raise SchemaError(
        f"the database {where} is at schema {found}, this program needs {SCHEMA_REVISION}; run 'tracker db upgrade'."
    )
