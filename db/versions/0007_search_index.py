"""Trigram search indexes over task texts and directive numbers.

A free-text search matches each word anywhere in a task's folded text, an agency's folded name or a
directive's number. Finding the tasks and directives a word is in read both tables whole with LIKE
(30-70 ms at 1M assignments, for every keystroke). These indexes find them from the word's trigrams.

SQLite: FTS5 tables with the trigram tokenizer over the rows of ``task`` (its folded text) and of
``directive`` (its number, folded by :data:`FOLDED_NUMBER`, through a view), kept up to date by
triggers, so every writer keeps them right. A phrase query of a word finds the rows holding it as a
substring from the trigrams' positions alone, without reading the text.

PostgreSQL: ``pg_trgm`` GIN indexes on the same two values. Where the extension is not available,
or the database's owner may not create it, the upgrade leaves them out and searches read the tables
as before.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FOLDED_NUMBER = "replace(replace(lower({row}.number), 'Đ', 'd'), 'đ', 'd')"
"""A directive number as searches compare it: lower case, with Đ read as d (the one letter with a
diacritic that Vietnamese document numbers use, as in QĐ and BCĐ). SQLite's ``lower`` changes ASCII
letters only, hence both cases of Đ."""

_FTS = "USING fts5({column}, content='{source}', content_rowid='id', tokenize='trigram', columnsize=0)"


def _sqlite_triggers(index: str, table: str, column: str, value: str, changed: str) -> list[str]:
    """Triggers that keep the FTS5 table ``index`` in step with ``table``; ``value`` is the indexed
    value of a row (``{row}`` for NEW or OLD), ``changed`` the columns it is made from."""
    add = f"INSERT INTO {index} (rowid, {column}) VALUES (NEW.id, {value.format(row='NEW')});"
    remove = f"INSERT INTO {index} ({index}, rowid, {column}) VALUES ('delete', OLD.id, {value.format(row='OLD')});"
    return [
        f"CREATE TRIGGER {index}_insert AFTER INSERT ON {table} BEGIN {add} END",
        f"CREATE TRIGGER {index}_delete AFTER DELETE ON {table} BEGIN {remove} END",
        f"CREATE TRIGGER {index}_update AFTER UPDATE OF {changed} ON {table} BEGIN {remove} {add} END",
    ]


SQLITE_UPGRADE = [
    f"CREATE VIRTUAL TABLE task_search {_FTS.format(column='folded_text', source='task')}",
    *_sqlite_triggers("task_search", "task", "folded_text", "{row}.folded_text", "folded_text"),
    "INSERT INTO task_search (task_search) VALUES ('rebuild')",
    f"CREATE VIEW directive_search_source AS SELECT id, {FOLDED_NUMBER.format(row='directive')} AS folded_number "
    "FROM directive",
    f"CREATE VIRTUAL TABLE directive_search {_FTS.format(column='folded_number', source='directive_search_source')}",
    *_sqlite_triggers("directive_search", "directive", "folded_number", FOLDED_NUMBER, "number"),
    "INSERT INTO directive_search (directive_search) VALUES ('rebuild')",
]

SQLITE_DOWNGRADE = [
    *(f"DROP TRIGGER {index}_{event}" for index in ("task_search", "directive_search")
      for event in ("insert", "delete", "update")),
    "DROP TABLE task_search",
    "DROP TABLE directive_search",
    "DROP VIEW directive_search_source",
]  # fmt: skip

POSTGRESQL_INDEXES = {
    "ix_task_search": "task USING gin (folded_text gin_trgm_ops)",
    "ix_directive_search": f"directive USING gin (({FOLDED_NUMBER.format(row='directive')}) gin_trgm_ops)",
}


def _postgresql_upgrade() -> None:
    bind = op.get_bind()
    available = bind.exec_driver_sql("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'").scalar()
    if not available:
        return
    # Creating the extension needs a privilege the database's owner may lack; a savepoint keeps the
    # rest of the upgrade when it fails.
    savepoint = bind.begin_nested()
    try:
        bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception:  # noqa: BLE001 (any refusal leaves the indexes out, as documented above)
        savepoint.rollback()
        return
    savepoint.commit()
    for name, target in POSTGRESQL_INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON {target}")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_UPGRADE:
            op.execute(statement)
        return
    _postgresql_upgrade()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_DOWNGRADE:
            op.execute(statement)
        return
    for name in POSTGRESQL_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
