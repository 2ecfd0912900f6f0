"""Schema migrations with Alembic. The scripts live in ``db/`` (shipped in the wheel as
``tracker/_db``); every database, new or old, is brought to the head by them."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from tracker.core.errors import TrackerError
from tracker.resources import shipped_dir


def migrations_dir() -> Path:
    """The Alembic script directory: inside the installed package, or ``db/`` of a source tree."""
    return shipped_dir("db", "env.py", "the database migrations")


def _config(engine: Engine):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision`` (creating every table in an empty database)."""
    from alembic import command

    config = _config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    config = _config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(migrations_dir())).get_current_head()
    if head is None:
        raise TrackerError("the database migrations have no head revision; reinstall tracker.")
    return head
