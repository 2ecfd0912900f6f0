"""The lines of the daily digests: every open assignment that is overdue or due soon, grouped into lines
(one task, period, due date and wording) and rendered once as text and as an HTML table row.

A national database has about 220k such rows in 120k lines, from 76k tasks but only about 900 distinct
endings (due date, wording, period). So a line is rendered as its task's beginning and an ending, each
made once, and kept as the two parts: a digest joins the parts of the lines it lists.

The parts are UTF-8, the encoding the messages are sent in: a run's digests come to 140M characters,
which as Python text take 2 bytes each (Vietnamese letters are beyond Latin-1) and as UTF-8 about 1.15.
Joining bytes touches half the memory, and the sender need not encode them again.

Everything runs in the calling process on the reader's one connection: two plain reads (the rows, then
the tasks they name with their directives), then the rendering.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from typing import Any

from tracker.core.text import one_line
from tracker.i18n import t
from tracker.store import queries
from tracker.store.backends import Backend
from tracker.store.queries import AssignmentFilter
from tracker.store.reader import Reader

Line = tuple[int, str]
"""(task id, ending): the ending is the due date, period and wording in one text (:func:`_ending_sql`)."""
ByAgency = dict[int, tuple[list[int], list[int], list[int]]]

OVERDUE, DUE_SOON, COORDINATING = 0, 1, 2
"""The kind of an agency's place on a line, and the index of its list in :attr:`DigestLines.by_agency`."""


@dataclass
class DigestLines:
    """Every digest line, by due date, task, period and wording; a digest is a join of the lines it
    lists."""

    text: list[tuple[bytes, bytes]]
    """Each line's text in two parts, its beginning (directive heading, task) and its ending (due date,
    wording, state): beginnings are shared by the lines of a task and joined without another copy."""
    html: list[tuple[bytes, bytes]]
    """Each line's HTML row: its beginning, and the ending's cells with the row's close."""
    open_endings: list[bytes]
    """Each line's ending cells without the row's close: the secretariat's summary adds a cell."""
    by_agency: ByAgency
    """agency id -> the line numbers where it leads and is overdue, leads and is due soon, coordinates."""
    late_leads: dict[int, list[int]]
    """line number -> the lead agencies overdue on it, in the order of the lines."""


@dataclass
class ReadLines:
    """The lines as read, before they are rendered (see :func:`read_lines`)."""

    lines: list[Line]
    by_agency: ByAgency
    late_leads: dict[int, list[int]]


def read_lines(reader: Reader, criteria: AssignmentFilter, as_of: date) -> ReadLines:
    """The lines of every digest due at ``as_of`` under ``criteria`` (overdue and due-soon), as read.
    One sorted query: the lines come out grouped, so nothing is sorted or grouped in Python."""
    params: dict[str, Any] = {}
    sources = _row_sources(reader, criteria, as_of, params)
    return ReadLines(*_read(reader, _lines_sql(sources, reader.backend), params))


def render_lines(reader: Reader, read: ReadLines, as_of: date, lang: str) -> DigestLines:
    """The lines ``read``, rendered. The tasks they name are read and rendered once each, on the same
    connection, since many lines share a task."""
    beginnings = _Beginnings(reader, lang).render({line[0] for line in read.lines})
    return _Renderer(as_of, lang).render(read.lines, beginnings, read.by_agency, read.late_leads)


def _ending_sql(backend: Backend) -> str:
    """A line's ending as one column: the ISO due date, the period's length, "|", the period, the
    wording. Read back by :func:`_split_ending` whatever the period and wording hold (a period typed in
    an imported file is free text). One text column instead of three: Python 3.11's sqlite3 lets go of
    the GIL and takes it back for every column of every row it reads (with the locks it takes, about 15%
    of a run's instructions at six columns). The joins cost SQLite about half of what they save."""
    due = backend.iso_day("a.due_on")
    return f"{due} || length(a.period) || '|' || a.period || a.deadline_text"


def _split_ending(ending: str) -> tuple[str, date, str]:
    """(period, due date, wording) of an ending made by :func:`_ending_sql`."""
    size, _, rest = ending[10:].partition("|")
    return rest[: int(size)], date.fromisoformat(ending[:10]), rest[int(size) :]


def _row_sources(reader: Reader, criteria: AssignmentFilter, as_of: date, params: dict[str, Any]) -> list[str]:
    """The ``FROM ... WHERE ...`` of the rows the digests list: one, or two to be read together."""
    if criteria.agency_ids is None:
        return _every_agency(reader, criteria, as_of, params)
    where, _ = queries.where_clause(criteria, as_of, params)
    return [f"FROM assignment a{where}"]


def _lines_sql(sources: list[str], backend: Backend) -> str:
    """The rows the digests list, by due date, task, period and wording. Each row is three columns: the
    agency and its kind of place in one number (agency id * 4 + kind), the task, the ending."""
    kind = (
        f"CASE WHEN a.role = 'coordinating' THEN {COORDINATING} WHEN a.due_on < :as_of THEN {OVERDUE} "
        f"ELSE {DUE_SOON} END"
    )
    columns = f"SELECT a.agency_id * 4 + {kind} AS place, a.task_id, {_ending_sql(backend)} AS ending"
    if len(sources) == 1:
        return f"{columns} {sources[0]} ORDER BY {_LINE_ORDER}"
    # (PostgreSQL would sort this union even with the parts in order.)
    keys = "a.due_on, a.period, a.deadline_text"  # with the task id, what the union is sorted by
    both = " UNION ALL ".join(f"{columns}, {keys} {source}" for source in sources)
    return f"SELECT place, task_id, ending FROM ({both}) AS a ORDER BY {_LINE_ORDER}"


def _read(reader: Reader, sql: str, params: dict[str, Any]) -> tuple[list[Line], ByAgency, dict[int, list[int]]]:
    """One pass over the rows of :func:`_lines_sql` groups them into lines (task id, ending), by agency,
    and the late lead agencies of each line."""
    lines: list[Line] = []
    by_place: dict[int, list[int]] = {}
    late_leads: dict[int, list[int]] = {}
    endings: dict[str, str] = {}
    line = -1
    task = ending = late = None
    for place, row_task, row_ending in reader.stream(sql, params):
        if row_task != task or row_ending != ending:
            task, late = row_task, None
            ending = endings.setdefault(row_ending, row_ending)  # one string for the lines that share it
            lines.append((task, ending))
            line += 1
        found = by_place.get(place)
        if found is None:
            by_place[place] = [line]
        else:
            found.append(line)
        if not place & 3:  # OVERDUE
            if late is None:
                late = late_leads[line] = []
            late.append(place >> 2)
    by_agency: ByAgency = {}
    for place, numbers in by_place.items():
        agency_id, kind_of_place = divmod(place, 4)
        by_agency.setdefault(agency_id, ([], [], []))[kind_of_place].extend(numbers)
    return lines, by_agency, late_leads


_LINE_ORDER = "a.due_on, a.task_id, a.period, a.deadline_text"


def _every_agency(reader: Reader, criteria: AssignmentFilter, as_of: date, params: dict[str, Any]) -> list[str]:
    """The digests of every agency. On the day itself, every row to list is open now: they are walked in
    order along the covering index ``ix_assignment_open``, and nothing is sorted. For a past day, the
    rows completed or withdrawn since then are added, and the database sorts the two parts together."""
    params["as_of"] = as_of
    due = "a.due_on < :as_of"  # overdue
    if criteria.due_within is not None:
        params["window_end"] = as_of + timedelta(days=criteria.due_within)
        due = "a.due_on <= :window_end" if criteria.overdue else "a.due_on >= :as_of AND a.due_on <= :window_end"
    now, *since = queries.open_terms(due)
    # SQLite's planner prefers the state index for the open rows (two equalities), which then needs a
    # sort; it is told which index to walk.
    hints = (reader.backend.index_hint("ix_assignment_open"), reader.backend.index_hint("ix_assignment_state"))
    open_now = f"FROM assignment a{hints[0]} WHERE {now}"
    closed_since = f"FROM assignment a{hints[1]} WHERE {' OR '.join(since)}"
    if reader.scalar(f"SELECT EXISTS (SELECT 1 {closed_since})", params):
        return [open_now, closed_since]
    return [open_now]


def _rows_by_id(reader: Reader, select: str, table: str, ids: set[int]) -> dict[int, tuple[Any, ...]]:
    """The rows of ``table`` whose id is in ``ids``, by id. On PostgreSQL, when the ids are more than a
    quarter of the table (by the planner's estimate, once the table has been analysed), the whole table
    is read and filtered here: one scan is cheaper than a primary-key probe per id. SQLite's probes are
    cheaper than its scan, so it always probes."""
    if ids:
        estimate = reader.backend.row_estimate(reader.raw, table)
        if estimate is not None and 0 <= estimate < 4 * len(ids):  # -1: never analysed, size unknown
            return {row[0]: row for row in reader.stream(f"{select} FROM {table}") if row[0] in ids}
    return {row[0]: row for row in reader.rows_for_ids(f"{select} FROM {table} WHERE id IN ({{ids}})", ids)}


def _escape(text: str) -> str:
    """:func:`html.escape`, skipped for the many texts with nothing to escape (five membership tests
    take half the time of its five replacements)."""
    if "&" in text or "<" in text or ">" in text or '"' in text or "'" in text:
        return escape(text)
    return text


_TASK_COLUMNS = "SELECT id, ref, text, directive_id"


class _Beginnings:
    """Renders tasks' beginnings: the directive heading and the task, as text and as HTML. Directives,
    their dates and the tasks' wordings are each rendered once."""

    def __init__(self, reader: Reader, lang: str) -> None:
        self.reader = reader
        self.lang = lang
        self.deadline_word = t("show.deadline", lang)
        self.heads: dict[int, tuple[bytes, bytes]] = {}
        self.issued: dict[Any, str] = {}
        self.wordings: dict[tuple[str, str], tuple[bytes, bytes]] = {}

    def render(self, task_ids: set[int]) -> dict[int, tuple[bytes, bytes]]:
        """task id -> its beginning as text and as HTML, for each of ``task_ids``. The directives are read
        in one query for all the tasks, not one per task."""
        tasks = list(_rows_by_id(self.reader, _TASK_COLUMNS, "task", task_ids).values())
        directive_ids = {task[3] for task in tasks}
        directives = _rows_by_id(self.reader, "SELECT id, number, issued_on, title", "directive", directive_ids)
        heads, wordings = self.heads, self.wordings
        found: dict[int, tuple[bytes, bytes]] = {}
        for task_id, ref, text, directive_id in tasks:
            head = heads.get(directive_id) or self._head(directives[directive_id])
            cell = wordings.get((ref, text))
            if cell is None:  # many tasks share a wording (every province's copy of a national plan)
                task = f"{ref}: {one_line(text)}"
                cell = wordings[(ref, text)] = (
                    f"{task}\n  {self.deadline_word}: ".encode(),
                    f"{_escape(task)}</td><td>".encode(),
                )
            found[task_id] = (head[0] + cell[0], head[1] + cell[1])
        return found

    def _head(self, directive: tuple[Any, ...]) -> tuple[bytes, bytes]:
        directive_id, number, issued_on, title = directive
        issued = self.issued.get(issued_on)
        if issued is None:  # directives share their dates: each is formatted once
            day = self.reader.to_date(issued_on)
            issued = self.issued[issued_on] = f" {t('show.issued', self.lang)} {day:%d/%m/%Y}" if day else ""
        heading = f"- {number}{issued} - {one_line(title)}\n  "
        head = self.heads[directive_id] = (heading.encode(), f"<tr><td>{_escape(heading[2:-3])}</td><td>".encode())
        return head


class _Renderer:
    """Renders lines as their task's beginning and an ending (due date, wording, period and state at the
    as-of date); each ending is rendered once."""

    def __init__(self, as_of: date, lang: str) -> None:
        self.as_of = as_of
        self.overdue_template = t("status.days_overdue", lang, days="{days}")
        self.due_in_template = t("status.due_in", lang, days="{days}")
        self.endings: dict[str, tuple[bytes, bytes, bytes]] = {}
        """ending -> its text, its HTML cells, and the cells with the row's close"""

    def render(
        self,
        lines: list[Line],
        beginnings: dict[int, tuple[bytes, bytes]],
        by_agency: ByAgency,
        late_leads: dict[int, list[int]],
    ) -> DigestLines:
        text: list[tuple[bytes, bytes]] = []
        html: list[tuple[bytes, bytes]] = []
        open_endings: list[bytes] = []
        endings = self.endings
        text_append, html_append, open_append = text.append, html.append, open_endings.append
        for task_id, ending in lines:
            begins = beginnings[task_id]
            ends = endings.get(ending) or self._ending(ending)
            text_append((begins[0], ends[0]))
            html_append((begins[1], ends[2]))
            open_append(ends[1])
        return DigestLines(text, html, open_endings, by_agency, late_leads)

    def _ending(self, ending: str) -> tuple[bytes, bytes, bytes]:
        """The due date with its wording and period, and the state at the as-of date."""
        period, due_on, wording = _split_ending(ending)
        days = (due_on - self.as_of).days
        state = self.overdue_template.format(days=-days) if days < 0 else self.due_in_template.format(days=days)
        said = one_line(wording)
        named = f", {period}" if period else ""
        cells = f"{due_on:%d/%m/%Y} (\u201c{escape(said)}\u201d){escape(named)}</td><td>{escape(state)}</td>"
        found = self.endings[ending] = (
            f"{due_on:%d/%m/%Y} (\u201c{said}\u201d){named} - {state}\n".encode(),
            cells.encode(),
            f"{cells}</tr>".encode(),
        )
        return found
