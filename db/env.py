"""Alembic environment: the tracker passes an open connection in ``config.attributes``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection
from sqlmodel import SQLModel

import tracker.store.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from tracker.store.search import outside_the_models

target_metadata = SQLModel.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=outside_the_models,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is None:
    from tracker.settings import load_settings
    from tracker.store.engine import make_engine

    url = context.config.get_main_option("sqlalchemy.url") or load_settings().resolved_database_url()
    with make_engine(url).connect() as new_connection:
        _run(new_connection)
else:
    _run(connection)
