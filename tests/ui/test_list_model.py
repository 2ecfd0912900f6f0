"""The list's reads (no Textual): a count nobody waits for any more is stopped, on both backends."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

import pytest

import tracker
from tracker.core.text import fold
from tracker.services.views import ListSource, Superseded, View
from tracker.store import queries
from tracker.store.queries import AssignmentFilter
from tracker.store.reader import Reader
from tracker.store.search import WordLookups

pytestmark = pytest.mark.usefixtures("backend")

ENDLESS = {
    "sqlite": "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n LIMIT 1000000000000) "
    "SELECT count(*) FROM n",
    "postgresql": "SELECT pg_sleep(600)",
}
"""A query that would run for minutes."""


def test_an_endless_query_stops_when_interrupted_and_the_reader_goes_on(demo_url: str) -> None:
    readers: list[Reader] = []
    outcome: list[Any] = []
    opened = threading.Event()

    def run() -> None:  # a reader is used in the thread that opened it
        reader = Reader(demo_url)
        readers.append(reader)
        opened.set()
        try:
            reader.scalar(ENDLESS[reader.dialect])
        except Exception as error:
            outcome.append(Reader.was_interrupted(error))
        outcome.append(reader.scalar("SELECT count(*) FROM assignment"))
        reader.close()

    worker = threading.Thread(target=run)
    worker.start()
    assert opened.wait(30)
    worker.join(0.3)
    readers[0].interrupt()
    worker.join(60)
    assert not worker.is_alive()
    assert outcome == [True, 438]
    assert not Reader.was_interrupted(ValueError("interrupted"))


def test_a_new_view_stops_the_count_of_the_view_before(demo_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The clerk types on: the count of the previous keystroke's matches gives way to the next page."""
    counting = threading.Event()
    real_count = queries.count_assignments

    def count(reader: Reader, criteria: AssignmentFilter, as_of: date, lookups: WordLookups | None = None) -> int:
        if criteria.search == "so":
            counting.set()
            return int(reader.scalar(ENDLESS[reader.dialect]))
        return real_count(reader, criteria, as_of, lookups)

    monkeypatch.setattr(queries, "count_assignments", count)
    as_of = date(2020, 6, 15)
    source = ListSource(demo_url, 7)
    first = View(AssignmentFilter(search="so"), as_of)
    source.want(first)
    answers: list[Any] = []
    worker = threading.Thread(target=lambda: answers.append(source.count(first)))
    worker.start()
    assert counting.wait(30)
    worker.join(0.2)
    second = View(AssignmentFilter(search="so noi"), as_of)
    source.want(second)
    worker.join(60)
    if worker.is_alive():  # not stopped: end it before failing
        for reader in list(source._counting):
            reader.interrupt()
        worker.join(60)
        pytest.fail("the count of the view before went on")
    assert answers == [None]
    with source._borrowed() as reader:
        expected = real_count(reader, second.criteria, as_of)
    assert source.count(second) == expected > 0
    assert not source._counting
    source.close()


def test_a_first_page_overtaken_by_a_later_load_is_not_shown(demo_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two keystrokes' first pages read at once: the later one wins whichever finishes last."""
    as_of = date(2020, 6, 15)
    source = ListSource(demo_url, 7)
    reading = threading.Event()
    go_on = threading.Event()
    real_list = queries.list_assignments

    def slow_for_so(reader: Reader, criteria: AssignmentFilter, *args: Any, **kwargs: Any) -> Any:
        if criteria.search == "so":
            reading.set()
            assert go_on.wait(30)
        return real_list(reader, criteria, *args, **kwargs)

    monkeypatch.setattr(queries, "list_assignments", slow_for_so)
    raised: list[BaseException] = []

    def first_keystroke() -> None:
        view = View(AssignmentFilter(search="so"), as_of)
        source.want(view)
        try:
            source.first_page(view)
        except Exception as error:
            raised.append(error)

    worker = threading.Thread(target=first_keystroke)
    worker.start()
    assert reading.wait(30)
    later = View(AssignmentFilter(search="so noi"), as_of)
    source.want(later)
    page = source.first_page(later)
    go_on.set()
    worker.join(30)
    assert [type(error) for error in raised] == [Superseded]
    assert page.view is later and page.rows
    assert all("noi" in fold(f"{row.agency} {row.task} {row.directive}") for row in page.rows)
    source.close()


def test_loads_in_new_threads_share_a_connection(demo_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual runs each worker in a thread of its own: the loads take a connection from the model's pool
    rather than opening one each. A connection that was interrupted is closed, not used again (a cancel
    request on PostgreSQL could still stop its next query)."""
    opened: list[Reader] = []
    real_init = Reader.__init__

    def counted(self: Reader, url: str) -> None:
        real_init(self, url)
        opened.append(self)

    monkeypatch.setattr(Reader, "__init__", counted)
    as_of = date(2020, 6, 15)
    source = ListSource(demo_url, 7)
    pages: list[Any] = []

    def load_in_a_new_thread(search: str) -> None:
        view = View(AssignmentFilter(search=search), as_of)
        thread = threading.Thread(target=lambda: pages.append(source.page(view, 0)))
        thread.start()
        thread.join(30)

    for search in ("so", "so n", "so noi"):
        load_in_a_new_thread(search)
    assert len(opened) == 1 and pages[-1].rows
    with source._borrowed() as reader:
        reader.interrupt()  # nothing running: nothing stopped, but the reader is not trusted again
    assert reader is opened[0] and reader._connection is None
    load_in_a_new_thread("so noi vu")
    assert len(opened) == 2
    source.close()
    assert opened[1]._connection is None


def test_a_change_made_here_forgets_the_search_words_found(demo_url: str) -> None:
    """A search keeps where its words were found for a moment; the list's refresh after a change made
    in the app (a new directive, say) looks them up again, so the new task shows at once."""
    t = tracker.open(demo_url)
    criteria = AssignmentFilter(search="zalo")
    as_of = date(2020, 6, 15)
    source = ListSource(demo_url, 7)
    view = View(criteria, as_of)
    assert not source.page(view, 0).rows
    t.directive("12/QĐ-UBND", jurisdiction="thanh-hoa").assign("1", "Kiểm tra Zalo", lead="Sở Nội vụ", due="1/6/2020")
    assert not source.page(view, 0).rows  # the word is kept for a moment
    source.forget_lookups()
    rows = source.page(view, 0).rows
    assert len(rows) == 1 and rows[0].task == "Kiểm tra Zalo"
    source.close()
    t.close()
