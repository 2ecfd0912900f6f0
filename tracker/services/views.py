"""What the terminal UI reads: pages and counts of the assignments list, the pickers' choices, the
other screens' tables, previews of what a form would change, and whether the database changed.

The UI reaches the store only through this module (and :mod:`tracker.api`). Everything here is plain
reads on a :class:`Reader` (DB-API, no ORM), safe to call from a worker thread with a reader of its
own; nothing here knows about widgets.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from tracker.core.changes import AuditEntry, plan_record
from tracker.core.status import Status
from tracker.core.text import clean_name, fold, one_line
from tracker.store import names, queries
from tracker.store.queries import (
    ORDERS,
    AgencyScore,
    AssignmentFilter,
    AssignmentRow,
    DirectiveProgress,
    RecurringTask,
)
from tracker.store.reader import Reader
from tracker.store.search import WordLookups

__all__ = [
    "ORDERS",
    "AgencyChoice",
    "AgencyScore",
    "AssignmentFilter",
    "AssignmentRow",
    "DirectiveProgress",
    "ListSource",
    "Page",
    "Reader",
    "RecurringTask",
    "View",
    "WordLookups",
]

PAGE_SIZE = 50


@dataclass(frozen=True)
class View:
    """The filter the clerk has set up and the as-of date; every change makes a new one."""

    criteria: AssignmentFilter
    as_of: date


@dataclass(frozen=True)
class Page:
    """Rows ``offset``… of ``view``; ``last`` when no row follows them."""

    view: View
    offset: int
    rows: tuple[AssignmentRow, ...]

    @property
    def last(self) -> bool:
        return len(self.rows) < PAGE_SIZE


class Superseded(Exception):
    """A newer view was asked for while this one was being read: its result is not wanted."""


def open_reader(url: str) -> Reader:
    return Reader(url)


class ListSource:
    """Reads of the assignments list for worker threads, on a few connections kept between workers.

    Textual runs each worker in a thread of its own, and one connection per thread meant a new
    connection for every keystroke. :meth:`want` names the view the UI waits for: counts of other
    views are interrupted (a count of a search can take most of a second at a million rows), and a
    page of another view raises :class:`Superseded`. Holds no rows: the UI keeps what it shows."""

    def __init__(self, url: str, due_soon_days: int) -> None:
        self.url = url
        self.due_soon_days = due_soon_days
        self.lookups = WordLookups()
        """Where search words were found a moment ago, shared by a search's keystrokes, pages and count."""
        self._lock = threading.Lock()
        self._idle: list[Reader] = []
        self._counting: dict[Reader, View] = {}
        self._wanted: View | None = None

    @contextmanager
    def _borrowed(self) -> Iterator[Reader]:
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

    def want(self, view: View) -> None:
        """``view`` is the one the UI shows next: stop reading any other."""
        with self._lock:
            self._wanted = view
            for reader, counted in self._counting.items():
                if counted is not view:
                    reader.interrupt()

    def forget_lookups(self) -> None:
        """After a change, search words are looked up again."""
        self.lookups.forget()

    def page(self, view: View, offset: int) -> Page:
        with self._borrowed() as reader:
            rows = queries.with_coordinators(
                reader,
                list(queries.list_assignments(reader, view.criteria, view.as_of, due_soon_days=self.due_soon_days,
                                              limit=PAGE_SIZE, offset=offset, lookups=self.lookups)),
            )  # fmt: skip
        return Page(view, offset, tuple(rows))

    def first_page(self, view: View) -> Page:
        """The first page of ``view``; :class:`Superseded` when another view was wanted meanwhile."""
        page = self.page(view, 0)
        with self._lock:
            if view is not self._wanted:
                raise Superseded
        return page

    def count(self, view: View) -> int | None:
        """The rows of ``view``; None if another view became wanted meanwhile (which stops the count)."""
        with self._borrowed() as reader:
            with self._lock:
                if view is not self._wanted:
                    return None
                self._counting[reader] = view
            try:
                return queries.count_assignments(reader, view.criteria, view.as_of, self.lookups)
            except Exception as error:
                if reader.was_interrupted(error):
                    return None
                raise
            finally:
                with self._lock:
                    self._counting.pop(reader, None)

    def status_counts(self, as_of: date) -> dict[Status, int]:
        with self._borrowed() as reader:
            return queries.status_counts(reader, as_of)

    def find(self, view: View, assignment_id: int, near: int, most_pages: int) -> tuple[int, list[Page]] | None:
        """The index of ``assignment_id`` in ``view`` and the pages read to find it: first the page
        around ``near`` (where it was before a reload), then from the top, at most ``most_pages``
        pages. None when it is not among them."""
        pages: list[Page] = []
        offsets = [near // PAGE_SIZE * PAGE_SIZE] if near >= PAGE_SIZE else []
        offsets += [n * PAGE_SIZE for n in range(most_pages) if n * PAGE_SIZE not in offsets]
        for offset in offsets:
            page = self.page(view, offset)
            pages.append(page)
            for index, row in enumerate(page.rows):
                if row.id == assignment_id:
                    return offset + index, pages
            if page.last and offset >= near:
                break
        return None

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for reader in idle:
            reader.close()


# --- the database changed? ---------------------------------------------------------------------


def change_mark(reader: Reader) -> object:
    """Something that differs once another connection has written (:meth:`Backend.change_mark`, the
    mark an import compares before it writes)."""
    return reader.backend.change_mark(reader.raw)


# --- pickers and screens -----------------------------------------------------------------------


@dataclass(frozen=True)
class AgencyChoice:
    id: int
    name: str
    jurisdiction: str
    """The province's name."""
    also: str
    """Short name and aliases, joined by "; "."""


def jurisdiction_names(reader: Reader) -> dict[str, str]:
    """Code → name of every jurisdiction."""
    return {code: name for code, name in reader.rows("SELECT code, name FROM jurisdiction ORDER BY name")}


def agency_choices(reader: Reader) -> list[AgencyChoice]:
    provinces = jurisdiction_names(reader)
    return [
        AgencyChoice(agency_id, name, provinces.get(code, code), also)
        for agency_id, name, code, also in queries.agency_names(reader)
    ]


def periods(reader: Reader) -> list[str]:
    return queries.periods(reader)


def agency_scoreboard(reader: Reader, as_of: date) -> list[AgencyScore]:
    return queries.agency_scoreboard(reader, as_of)


def directive_progress(reader: Reader, as_of: date) -> list[DirectiveProgress]:
    return queries.directive_progress(reader, as_of)


def recurring_tasks(reader: Reader) -> list[RecurringTask]:
    return queries.recurring_tasks(reader)


def assignment_row(reader: Reader, assignment_id: int, as_of: date, due_soon_days: int) -> AssignmentRow:
    return queries.get_assignment_row(reader, assignment_id, as_of, due_soon_days)


def is_empty(reader: Reader) -> bool:
    """No directive yet: a database just made, or with its agencies only."""
    return not reader.scalar("SELECT count(*) FROM (SELECT id FROM directive LIMIT 1) x")


def agency_count(reader: Reader) -> int:
    return int(reader.scalar("SELECT count(*) FROM agency"))


def agency_contacts(reader: Reader, agency_id: int) -> list[str]:
    return [email for (email,) in reader.rows("SELECT email FROM agency_contact WHERE agency_id = :id ORDER BY email",
                                              {"id": agency_id})]  # fmt: skip


# --- checks and previews for the forms -----------------------------------------------------------


def check_agencies(reader: Reader, agencies: Sequence[str], jurisdiction: str) -> None:
    """Raises the error naming the first agency (or province) that does not exist."""
    names.resolve_agencies(reader, agencies, names.find_jurisdiction_id(reader, jurisdiction or None))


def _jurisdiction_id(reader: Reader, jurisdiction: str) -> int | None:
    try:
        return names.find_jurisdiction_id(reader, jurisdiction or None)
    except Exception:
        return None


def missing_province(reader: Reader, jurisdiction: str) -> tuple[str, str] | None:
    """(code, name) of the province ``jurisdiction`` names ("Tỉnh Hà Giang", "ha-giang") when the
    database does not hold it yet; None when it does, or names no province."""
    from tracker.core import provinces

    if not jurisdiction.strip() or _jurisdiction_id(reader, jurisdiction) is not None:
        return None
    province = provinces.by_code(jurisdiction)
    if province is None or _jurisdiction_id(reader, province.code) is not None:
        return None
    return province.code, province.name


def directive_preview(
    reader: Reader, number: str, jurisdiction: str, incoming: dict[str, Any]
) -> list[AuditEntry] | None:
    """What saving the directive ``number`` with ``incoming`` fields (issued_on, title, kind) would
    change in the one that exists already (:func:`tracker.core.changes.plan_record`); None when it
    does not exist."""
    where = _jurisdiction_id(reader, jurisdiction)
    if where is None:
        return None
    found = reader.rows(
        "SELECT issued_on, title, kind FROM directive WHERE jurisdiction_id = :j AND number = :n",
        {"j": where, "n": one_line(number)},
    )
    if not found:
        return None
    issued_on, title, kind = found[0]
    current = {"issued_on": reader.to_date(issued_on), "title": title, "kind": kind}
    wanted = {"issued_on": incoming.get("issued_on"), "title": clean_name(incoming.get("title") or ""),
              "kind": clean_name(incoming.get("kind") or "")}  # fmt: skip
    return list(plan_record(current, wanted).audits)


def task_preview(reader: Reader, number: str, jurisdiction: str, ref: str, text: str) -> list[AuditEntry]:
    """What a task's new wording would change in the task ``ref`` of directive ``number``."""
    where = _jurisdiction_id(reader, jurisdiction)
    if where is None:
        return []
    found = reader.rows(
        "SELECT t.text FROM task t JOIN directive d ON d.id = t.directive_id "
        "WHERE d.jurisdiction_id = :j AND d.number = :n AND t.ref = :r",
        {"j": where, "n": one_line(number), "r": one_line(ref)},
    )
    if not found:
        return []
    return list(plan_record({"text": found[0][0]}, {"text": clean_name(text)}).audits)


@dataclass(frozen=True)
class AgencyFacts:
    name: str
    kind: str
    short_name: str
    aliases: tuple[str, ...]
    emails: tuple[str, ...]


def existing_agency(reader: Reader, name: str, jurisdiction: str) -> AgencyFacts | None:
    """The agency of that name (folded, as names are unique) in the province, if there is one."""
    where = _jurisdiction_id(reader, jurisdiction)
    if where is None:
        return None
    found = reader.rows(
        "SELECT id, name, kind, short_name FROM agency WHERE jurisdiction_id = :j AND folded_name = :f",
        {"j": where, "f": fold(clean_name(name))},
    )
    if not found:
        return None
    agency_id, stored_name, kind, short_name = found[0]
    aliases = tuple(a for (a,) in reader.rows("SELECT alias FROM agency_alias WHERE agency_id = :id ORDER BY alias",
                                              {"id": agency_id}))  # fmt: skip
    return AgencyFacts(stored_name, kind, short_name or "", aliases, tuple(agency_contacts(reader, agency_id)))


def where(url: str) -> str:
    """The database URL without its password, to show."""
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.rpartition('@')[2]}" if "@" in rest else url
