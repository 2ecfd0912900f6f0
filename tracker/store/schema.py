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
        raise SchemaError(key="db.no_tables", where=where)
    raise SchemaError(key="db.old_schema", where=where, found=found, needed=SCHEMA_REVISION)
