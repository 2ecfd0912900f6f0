"""Checks of the search index (migration 0007) that word look-ups read (see tracker.store.search)."""

from __future__ import annotations

import tracker
from tracker.core.text import fold
from tracker.store.search import word_match


def found_by_folding(t: tracker.Tracker, word: str) -> tuple[set[int], set[int]]:
    """The agencies and the tasks that hold ``word``, by folding every name, text and number in Python."""
    agencies = {int(i) for i, name in t.reader.rows("SELECT id, name FROM agency") if word in fold(str(name))}
    tasks = {
        int(i)
        for i, text, number in t.reader.rows(
            "SELECT t.id, t.text, d.number FROM task t JOIN directive d ON d.id = t.directive_id"
        )
        if word in fold(str(text)) or word in fold(str(number))
    }
    return agencies, tasks


def assert_found_as_by_folding(t: tracker.Tracker, *words: str) -> None:
    """Each word's look-up finds what folding finds (its task list left out when it is too long)."""
    from tracker.store import search

    for word in words:
        match = word_match(t.reader, word)
        agencies, tasks = found_by_folding(t, word)
        assert set(match.agency_ids) == agencies, word
        most = search.MOST_TASKS if len(word) >= 3 else search.MOST_TASKS_UNINDEXED
        if len(tasks) > most:
            assert match.task_ids is None, word
        else:
            assert match.task_ids is not None and set(match.task_ids) == tasks, word


def assert_index_is_whole(t: tracker.Tracker) -> None:
    """SQLite: FTS5's own check of both indexes against their tables (it raises when they differ).
    PostgreSQL keeps its GIN indexes itself."""
    from sqlalchemy import text

    if t.reader.dialect == "sqlite":
        with t.engine.begin() as connection:
            for index in ("task_search", "directive_search"):
                connection.execute(text(f"INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)"))


def search_triggers(t: tracker.Tracker) -> list[tuple[str, str]]:
    """The search index's triggers (SQLite), by name, with their definitions."""
    return (
        [
            (str(name), str(sql))
            for name, sql in t.reader.rows(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%search%' ORDER BY name"
            )
        ]
        if t.reader.dialect == "sqlite"
        else []
    )
