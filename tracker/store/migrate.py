"""Schema migrations with Alembic. The scripts live in ``db/`` (shipped in the wheel as
``tracker/_db``); every database, new or old, is brought to the head by them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

if TYPE_CHECKING:
    from alembic.script import ScriptDirectory

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


def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(migrations_dir()))


def known_revision(revision: str) -> str:
    """``revision`` as Alembic names it ("head", "base" or an id); an unknown one is an error that
    lists the revisions there are."""
    from alembic.util import CommandError

    if revision in ("head", "base"):
        return revision
    try:
        found = _script().get_revision(revision)
    except CommandError:
        found = None
    if found is None:
        ids = [script.revision for script in reversed(list(_script().walk_revisions()))]
        raise TrackerError(key="limits.unknown_revision", revision=revision, known=", ".join(["base", *ids, "head"]))
    return str(found.revision)


def revisions_undone(current: str | None, target: str) -> list[tuple[str, str]]:
    """(id, first line of its description) of each revision a downgrade from ``current`` to ``target``
    undoes, newest first."""
    if current is None:
        return []
    lower = None if target == "base" else target
    undone = []
    for script in _script().iterate_revisions(current, lower or "base"):
        if script.revision == lower:
            break
        undone.append((str(script.revision), (script.doc or "").strip().splitlines()[0] if script.doc else ""))
    return undone


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision`` (creating every table in an empty database)."""
    from alembic import command

    revision = known_revision(revision)
    config = _config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    revision = known_revision(revision)
    config = _config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(migrations_dir())).get_current_head()
    if head is None:
        raise TrackerError(key="db.no_head_revision")
    return head
