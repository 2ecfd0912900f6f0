"""The search index (migration 0007) and the word look-ups that read it, on both databases."""

from __future__ import annotations

import pytest
from sqlalchemy import text

import tracker
from tests.integration.search_index import assert_found_as_by_folding, assert_index_is_whole, search_triggers
from tracker.store import search
from tracker.store.engine import make_engine
from tracker.store.migrate import upgrade
from tracker.store.search import WordMatch, word_match

pytestmark = pytest.mark.usefixtures("backend")

WORDS = ("s", "so", "noi", "vu", "dau", "bao", "4515", "kh-ubnd", "12/qd", "qd-ubnd", "xyzq", "ubnd", "thang")


@pytest.mark.parametrize("most", [1000, 3], ids=["every-list", "short-lists"])
def test_each_word_is_found_where_folding_finds_it(demo_url: str, most: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Agencies by name, tasks by text and by directive number (QĐ read as qd), against Python's folding
    of every row; a word in more tasks than the limit has no task list."""
    monkeypatch.setattr(search, "MOST_TASKS", most)
    monkeypatch.setattr(search, "MOST_TASKS_UNINDEXED", most)
    t = tracker.open(demo_url)
    directive = t.directive("12/QĐ-UBND", jurisdiction="thanh-hoa")
    directive.assign("1", "Báo cáo kết quả thí điểm", lead="Sở Nội vụ", due="1/1/2020")
    assert_found_as_by_folding(t, *WORDS)
    assert word_match(t.reader, "12/qd").task_ids  # found through the number alone
    t.close()


def test_the_index_follows_every_write(demo_url: str) -> None:
    """Written through the services and through plain SQL (as a script might): new, changed and deleted
    tasks and directive numbers are found, or no longer found, at once."""
    t = tracker.open(demo_url)
    directive = t.directive("12/QĐ-UBND", jurisdiction="thanh-hoa")
    [assignment_id] = directive.assign("1", "Thí điểm Zalo", lead="Sở Nội vụ").assignment_ids
    task_id = int(t.reader.scalar("SELECT task_id FROM assignment WHERE id = :id", {"id": assignment_id}))
    assert word_match(t.reader, "zalo").task_ids == (task_id,)
    assert task_id in (word_match(t.reader, "12/qd").task_ids or ())
    with t.engine.begin() as connection:
        connection.execute(
            text("UPDATE task SET text = 'Thí điểm Viber', folded_text = 'thi diem viber' WHERE id = :id"),
            {"id": task_id},
        )
        connection.execute(text("UPDATE directive SET number = '13/QĐ-UBND' WHERE number = '12/QĐ-UBND'"))
    assert word_match(t.reader, "zalo").task_ids == () and word_match(t.reader, "viber").task_ids == (task_id,)
    assert word_match(t.reader, "12/qd").task_ids == () and word_match(t.reader, "13/qd").task_ids == (task_id,)
    assert_index_is_whole(t)
    with t.engine.begin() as connection:
        connection.execute(
            text("DELETE FROM audit_log WHERE entity = 'assignment' AND entity_id = :id"), {"id": assignment_id}
        )
        connection.execute(text("DELETE FROM assignment WHERE task_id = :id"), {"id": task_id})
        connection.execute(text("DELETE FROM task WHERE id = :id"), {"id": task_id})
        connection.execute(text("DELETE FROM directive WHERE number = '13/QĐ-UBND'"))
    assert word_match(t.reader, "viber") == WordMatch((), ())
    assert word_match(t.reader, "13/qd") == WordMatch((), ())
    assert_index_is_whole(t)
    t.close()


def test_the_upgrade_indexes_the_rows_already_there(blank_url: str) -> None:
    engine = make_engine(blank_url)
    upgrade(engine, "0006")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO jurisdiction (id, code, name) VALUES (1, 'x', 'Tỉnh X')"))
        connection.execute(
            text(
                "INSERT INTO directive (id, jurisdiction_id, number, issuer, kind, title) "
                "VALUES (1, 1, '7/QĐ-UBND', '', '', '')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO task (id, directive_id, ref, text, folded_text, deadline_text) "
                "VALUES (1, 1, '1', 'Rà soát hồ sơ', 'ra soat ho so', '')"
            )
        )
    upgrade(engine)
    engine.dispose()
    t = tracker.open(blank_url, create=False)
    assert word_match(t.reader, "soat").task_ids == (1,)
    assert word_match(t.reader, "7/qd").task_ids == (1,)
    assert_index_is_whole(t)
    t.close()


def test_a_bulk_load_indexes_what_it_wrote_and_puts_the_triggers_back(db_url: str) -> None:
    """The synthetic load turns the search triggers off (SQLite) and indexes its rows at the end."""
    from tracker.services.synthetic import generate

    t = tracker.open(db_url, create=False)
    triggers = search_triggers(t)
    generate(t.engine, 3000, seed=5)
    assert search_triggers(t) == triggers
    assert len(triggers) == (6 if t.reader.dialect == "sqlite" else 0)
    assert_index_is_whole(t)
    assert_found_as_by_folding(t, "so", "kiem", "dau", "ubnd", "/kh-")
    t.close()


@pytest.mark.parametrize("most", [1000, 0], ids=["by-ids", "row-by-row"])
def test_a_directive_number_is_found_without_its_diacritics(
    demo_url: str, most: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QĐ is found as qd (and as typed), whether the word is matched by ids or row by row."""
    from tracker.store.queries import AssignmentFilter

    monkeypatch.setattr(search, "MOST_TASKS", most)
    monkeypatch.setattr(search, "MOST_TASKS_UNINDEXED", most)
    t = tracker.open(demo_url)
    directive = t.directive("12/QĐ-UBND", jurisdiction="thanh-hoa")
    [assignment_id] = directive.assign("1", "Thí điểm", lead="Sở Nội vụ").assignment_ids
    for query in ("12/qd", "QĐ-UBND", "qđ-ubnd 12/"):
        assert [row.id for row in t.assignments(AssignmentFilter(search=query))] == [assignment_id], query
    t.close()


def test_the_searches_fold_numbers_as_the_index_does() -> None:
    """Migration 0007 keeps its own copy of the folding (a migration stays as it was written); the
    queries' copy must agree with it, or a number would be found by one path and not the other."""
    import importlib.util

    from tracker.store.migrate import migrations_dir

    spec = importlib.util.spec_from_file_location(
        "search_migration", migrations_dir() / "versions/0007_search_index.py"
    )
    assert spec is not None and spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    assert migration.FOLDED_NUMBER == search.FOLDED_NUMBER


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _looked_up(t: tracker.Tracker, monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """From now on, the words of each call of :func:`search.word_matches`."""
    calls: list[list[str]] = []
    look_up = search.word_matches

    def recording(reader: object, words: list[str]) -> list[WordMatch]:
        calls.append(list(words))
        return look_up(reader, words)  # type: ignore[arg-type]

    monkeypatch.setattr(search, "word_matches", recording)
    return calls


def test_kept_look_ups_look_up_only_the_words_not_found_a_moment_ago(
    demo_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typing "so noi vu" looks each word up once, with the answers of a look-up every time; a task
    added by another writer is found once the words are no longer kept."""
    t = tracker.open(demo_url)
    clock = _Clock()
    lookups = search.WordLookups(kept_s=5.0, clock=clock)
    calls = _looked_up(t, monkeypatch)
    looked_up: list[list[str]] = []
    for typed in ("so", "so n", "so no", "so noi", "so noi v", "so noi vu", "so noi vu"):
        words = typed.split()
        calls.clear()
        answers = lookups.matches(t.reader, words)
        looked_up.extend(calls)
        assert answers == [word_match(t.reader, word) for word in words]
        clock.now += 0.2
    assert looked_up == [["so"], ["n"], ["no"], ["noi"], ["v"], ["vu"]]

    [kept] = lookups.matches(t.reader, ["zalo"])
    assert kept == WordMatch((), ())
    other = tracker.open(demo_url)  # another clerk, or an import
    other.directive("12/QĐ-UBND", jurisdiction="thanh-hoa").assign("1", "Kiểm tra Zalo", lead="Sở Nội vụ")
    other.close()
    clock.now += 1.0
    assert lookups.matches(t.reader, ["zalo"]) == [kept]  # still kept
    clock.now += 5.0
    [again] = lookups.matches(t.reader, ["zalo"])
    assert again.task_ids and len(again.task_ids) == 1
    lookups.forget()
    calls.clear()
    lookups.matches(t.reader, ["so", "so"])
    assert calls == [["so"]]
    t.close()
