"""What the main list shows: the filter, the as-of date, the count and cached pages of rows.

No Textual here: the widgets ask this model for rows by index; it reads small pages with SQL and
keeps the most recent ones, so a list of a million assignments costs a page at a time.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from tracker.core.status import Status
from tracker.store import queries
from tracker.store.queries import AssignmentFilter, AssignmentRow
from tracker.store.reader import Reader
from tracker.store.search import WordLookups

PAGE_SIZE = 50
MAX_PAGES = 40


class Superseded(Exception):
    """A newer view was asked for while this one's first page was being read: it is not shown."""


@dataclass(frozen=True)
class View:
    """The filter the clerk has set up; every change makes a new one."""

    criteria: AssignmentFilter
    as_of: date


class ListModel:
    """Rows of the current view, by index, from an LRU cache of pages. Thread-safe: a worker thread
    may load pages while the UI thread reads them."""

    def __init__(self, url: str, view: View, due_soon_days: int = 7) -> None:
        self.url = url
        self.due_soon_days = due_soon_days
        self.view = view
        self.total = 0
        self.total_known = False
        self.counts: dict[Status, int] = dict.fromkeys(Status, 0)
        self._pages: OrderedDict[int, list[AssignmentRow]] = OrderedDict()
        self._lock = threading.Lock()
        self._idle: list[Reader] = []
        """Connections not in use (see :meth:`_borrowed`)."""
        self._counted_as_of: date | None = None
        self._counting: dict[Reader, View] = {}
        """The readers counting the rows of a view, in worker threads."""
        self._wanted = view
        """The view of the latest load, current once its first page is read."""
        self.lookups = WordLookups()
        """Where search words were found a moment ago, shared by the keystrokes, pages and counts of a
        search."""

    @contextmanager
    def _borrowed(self) -> Iterator[Reader]:
        """A connection for one worker's queries, kept for the next worker after. Textual runs each
        worker in a thread of its own, and one connection per thread meant a new connection for every
        keystroke: on PostgreSQL a connection's start-up, on SQLite an empty page cache. The pages of
        typing "so noi vu" at 1M took 29-44 ms each on new connections and 16-29 ms on one (PostgreSQL),
        7-35 ms and 4-14 ms (SQLite)."""
        with self._lock:
            reader = self._idle.pop() if self._idle else None
        if reader is None:
            reader = Reader(self.url)
        try:
            yield reader
        finally:
            if reader.interrupted:
                reader.close()
            else:
                with self._lock:
                    self._idle.append(reader)

    def refresh(self, view: View | None = None, *, recount: bool = False) -> None:
        """The first page and the exact count for ``view`` (or the current one), forgetting cached pages.
        The status counts of the summary depend on the as-of date only: they are recomputed when
        ``recount`` is set (see :meth:`recount` for the as-of date changing). Called after a change
        made here, it looks search words up again."""
        self.lookups.forget()
        view = self.load_first(view or self.view)
        self.count(view)
        if recount:
            self.recount()

    def load_first(self, view: View) -> View:
        """Make ``view`` current with its first page. When the page is full, :attr:`total` is only what
        is loaded so far (:attr:`total_known` False) until :meth:`count` has run: the rows show first.
        Raises :class:`Superseded` when another load began meanwhile (the clerk typed on)."""
        self._stop_counts_other_than(view)
        with self._borrowed() as reader:
            first = queries.with_coordinators(
                reader,
                list(queries.list_assignments(reader, view.criteria, view.as_of, due_soon_days=self.due_soon_days,
                                              limit=PAGE_SIZE, lookups=self.lookups)),
            )  # fmt: skip
        with self._lock:
            if view is not self._wanted:  # a later load has begun: it decides what the list shows
                raise Superseded
            self.view, self.total = view, len(first)
            self.total_known = len(first) < PAGE_SIZE
            self._pages = OrderedDict({0: first})
        return view

    def count(self, view: View) -> bool:
        """Count the rows of ``view``; False if another view became current meanwhile (which stops the
        count: see :meth:`load_first`)."""
        with self._borrowed() as reader:
            with self._lock:
                if view is not self._wanted:
                    return False
                self._counting[reader] = view
            try:
                total = queries.count_assignments(reader, view.criteria, view.as_of, self.lookups)
            except Exception as error:
                if reader.was_interrupted(error):
                    return False
                raise
            finally:
                with self._lock:
                    self._counting.pop(reader, None)
        with self._lock:
            if view is not self.view:
                return False
            self.total, self.total_known = total, True
        return True

    def _stop_counts_other_than(self, view: View) -> None:
        """Interrupt the counts of views that are no longer wanted. A count of a search can take most of
        a second at a million rows; while the clerk types on, each keystroke's count would otherwise go
        on beside the next keystroke's first page, and on two cores slow it down."""
        with self._lock:
            self._wanted = view
            for reader, counted in self._counting.items():
                if counted is not view:
                    reader.interrupt()

    def counts_stale(self) -> bool:
        return self._counted_as_of != self.view.as_of

    def recount(self) -> None:
        """The summary's status counts at the view's as-of date (an aggregate over every assignment,
        so the UI runs it after the list is on screen)."""
        as_of = self.view.as_of
        with self._borrowed() as reader:
            counts = queries.status_counts(reader, as_of)
        with self._lock:
            self.counts, self._counted_as_of = counts, as_of

    def row(self, index: int) -> AssignmentRow | None:
        """The row at ``index``, or None when its page is not loaded yet (see :meth:`load_page`)."""
        if not 0 <= index < self.total:
            return None
        page = index // PAGE_SIZE
        with self._lock:
            rows = self._pages.get(page)
            if rows is None:
                return None
            self._pages.move_to_end(page)
            offset = index % PAGE_SIZE
            return rows[offset] if offset < len(rows) else None

    def load_page(self, page: int) -> None:
        view = self.view
        with self._borrowed() as reader:
            rows = queries.with_coordinators(
                reader,
                list(queries.list_assignments(reader, view.criteria, view.as_of, due_soon_days=self.due_soon_days,
                                              limit=PAGE_SIZE, offset=page * PAGE_SIZE, lookups=self.lookups)),
            )  # fmt: skip
        with self._lock:
            if view is not self.view:
                return
            self._pages[page] = rows
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)

    def missing_pages(self, first: int, last: int) -> list[int]:
        with self._lock:
            return [p for p in range(first // PAGE_SIZE, last // PAGE_SIZE + 1) if p not in self._pages]

    def reload_row(self, index: int) -> None:
        """Re-read the page holding ``index`` (after an edit)."""
        self.load_page(index // PAGE_SIZE)

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for reader in idle:
            reader.close()
