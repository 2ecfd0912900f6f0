"""What the main list shows: the view (filter and as-of date), its row count and the pages of rows
read so far. Owned by the UI thread: workers read pages (:class:`tracker.services.views.ListSource`)
and hand them here through messages; nothing else writes it."""

from __future__ import annotations

from datetime import date

from textual.cache import LRUCache

from tracker.core.status import Status
from tracker.services.views import PAGE_SIZE, AssignmentRow, Page, View

MAX_PAGES = 40


class ListModel:
    def __init__(self, view: View) -> None:
        self.view = view
        self.total = 0
        self.total_known = False
        self.counts: dict[Status, int] = {}
        self.counted_as_of: date | None = None
        self._pages: LRUCache[int, tuple[AssignmentRow, ...]] = LRUCache(MAX_PAGES)

    def show(self, page: Page) -> None:
        """A new view, with its first page: until its count arrives, the total is what is read."""
        self.view = page.view
        self._pages.clear()
        self._pages[0] = page.rows
        self.total = len(page.rows)
        self.total_known = page.last

    def add(self, page: Page) -> None:
        """A further page of the view shown (a page of another view is dropped)."""
        if page.view != self.view:
            return
        self._pages[page.offset // PAGE_SIZE] = page.rows
        if not self.total_known:
            end = page.offset + len(page.rows)
            self.total = max(self.total, end)
            if page.last:
                self.total, self.total_known = end, True

    def counted(self, view: View, total: int) -> bool:
        if view != self.view:
            return False
        self.total, self.total_known = total, True
        return True

    def row(self, index: int) -> AssignmentRow | None:
        """The row at ``index``, or None while its page is not read."""
        if not 0 <= index < self.total:
            return None
        rows = self._pages.get(index // PAGE_SIZE)
        if rows is None:
            return None
        offset = index % PAGE_SIZE
        return rows[offset] if offset < len(rows) else None

    def missing_pages(self, first: int, last: int) -> list[int]:
        """Offsets of the pages holding rows ``first``..``last`` that are not read."""
        last = min(last, self.total - 1)
        return [p * PAGE_SIZE for p in range(first // PAGE_SIZE, last // PAGE_SIZE + 1) if p not in self._pages]

    def index_of(self, assignment_id: int) -> int | None:
        """Where ``assignment_id`` is among the pages read, if it is."""
        for page in list(self._pages.keys()):
            rows = self._pages.get(page) or ()
            for offset, row in enumerate(rows):
                if row.id == assignment_id:
                    return page * PAGE_SIZE + offset
        return None

    def counts_stale(self) -> bool:
        return self.counted_as_of != self.view.as_of
