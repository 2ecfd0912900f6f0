"""Schema migrations on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

import tracker.store.models  # noqa: F401
from tracker.store.engine import current_revision, make_engine
from tracker.store.migrate import downgrade, head_revision, upgrade
from tracker.store.schema import SCHEMA_REVISION
from tracker.store.search import outside_the_models

pytestmark = pytest.mark.usefixtures("backend")


def test_code_expects_the_head_revision() -> None:
    assert head_revision() == SCHEMA_REVISION


def test_upgrade_from_empty_matches_the_models(blank_url: str) -> None:
    engine = make_engine(blank_url)
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == SCHEMA_REVISION
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": outside_the_models})
        differences = compare_metadata(context, SQLModel.metadata)
    engine.dispose()
    assert differences == []


def test_downgrade_to_base_and_upgrade_again(blank_url: str) -> None:
    engine = make_engine(blank_url)
    upgrade(engine)
    downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade(engine)
    assert "assignment" in inspect(engine).get_table_names()
    engine.dispose()


def test_a_database_made_by_the_first_version_upgrades_without_loss(blank_url: str) -> None:
    import tracker
    from tracker.core.errors import SchemaError

    engine = make_engine(blank_url)
    upgrade(engine, "0001")
    engine.dispose()
    with pytest.raises(SchemaError, match="tracker db upgrade"):
        tracker.open(blank_url, create=False)
    engine = make_engine(blank_url)
    with engine.begin() as connection:
        from sqlalchemy import text

        connection.execute(text("INSERT INTO jurisdiction (code, name) VALUES ('x', 'Tỉnh X')"))
    upgrade(engine)
    engine.dispose()
    t = tracker.open(blank_url, create=False)
    assert t.reader.rows("SELECT code, name FROM jurisdiction") == [("x", "Tỉnh X")]
    assert t.reader.rows("SELECT count(*) FROM sent_digest") == [(0,)]
    t.close()
