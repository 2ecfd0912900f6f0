"""The lines of the daily digests: every open assignment that is overdue or due soon, grouped into lines
(one task, period, due date and wording) and rendered once as text and as an HTML table row.

A national database has about 220k such rows in 120k lines, from 76k tasks but only about 900 distinct
endings (due date, wording, period). So a line is rendered as its task's beginning and an ending, each
made once, and kept as the two parts: a digest joins the parts of the lines it lists.

The parts are UTF-8, the encoding the messages are sent in: a run's digests come to 140M characters,
which as Python text take 2 bytes each (Vietnamese letters are beyond Latin-1) and as UTF-8 about 1.15.
Joining bytes touches half the memory, and the sender need not encode them again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from typing import Any

from tracker.core.text import one_line
from tracker.i18n import t
from tracker.store import queries
from tracker.store.queries import AssignmentFilter
from tracker.store.reader import Reader

Line = tuple[int, tuple[Any, Any, Any]]
"""(task id, (period, due date, wording)); the due date as the driver gives it (ISO text on SQLite)."""
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
    html: list[tuple[bytes, bytes, bytes]]
    """Each line's HTML row: beginning, the ending's cells, and the closing ``</tr>`` (the secretariat's
    summary puts one more cell before it)."""
    by_agency: ByAgency
    """agency id -> the line numbers where it leads and is overdue, leads and is due soon, coordinates."""
    late_leads: dict[int, list[int]]
    """line number -> the lead agencies overdue on it."""


def digest_lines(reader: Reader, criteria: AssignmentFilter, as_of: date, lang: str) -> DigestLines:
    """The lines of every digest due at ``as_of`` under ``criteria`` (overdue and due-soon)."""
    found = _read(reader, criteria, as_of)
    return _Renderer(reader, found[0], as_of, lang).render(*found)


def _read(reader: Reader, criteria: AssignmentFilter, as_of: date) -> tuple[list[Line], ByAgency, dict[int, list[int]]]:
    """One query over the assignment table alone, sorted by the database; one pass groups its rows into
    lines: (task id, (period, due date, wording)), by agency, and the late lead agencies of each line.
    Lines with the same period, date and wording share one ending tuple."""
    params: dict[str, Any] = {}
    columns = (
        f"SELECT a.agency_id, CASE WHEN a.role = 'coordinating' THEN {COORDINATING} WHEN a.due_on < :as_of "
        f"THEN {OVERDUE} ELSE {DUE_SOON} END, a.task_id, a.period, a.due_on, a.deadline_text FROM assignment a"
    )
    order = " ORDER BY a.due_on, a.task_id, a.period, a.deadline_text"
    if criteria.agency_ids is None:
        sql = _every_agency(reader, columns, criteria, as_of, params)
    else:
        where, _ = queries.where_clause(criteria, as_of, params)
        sql = f"{columns}{where}{order}"
    lines: list[Line] = []
    by_agency: ByAgency = {}
    late_leads: dict[int, list[int]] = {}
    endings: dict[tuple[Any, Any, Any], tuple[Any, Any, Any]] = {}
    line = -1
    task = period = due = wording = None
    for agency_id, kind, row_task, row_period, row_due, row_wording in reader.stream(sql, params):
        if row_task != task or row_due != due or row_period != period or row_wording != wording:
            task, period, due, wording = row_task, row_period, row_due, row_wording
            ending = (period, due, wording)
            lines.append((task, endings.setdefault(ending, ending)))
            line += 1
        parts = by_agency.get(agency_id)
        if parts is None:
            parts = by_agency[agency_id] = ([], [], [])
        parts[kind].append(line)
        if kind == OVERDUE:
            late = late_leads.get(line)
            if late is None:
                late_leads[line] = [agency_id]
            else:
                late.append(agency_id)
    return lines, by_agency, late_leads


def _every_agency(reader: Reader, columns: str, criteria: AssignmentFilter, as_of: date, params: dict[str, Any]) -> str:
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
    hints = ("", "")
    if reader.dialect == "sqlite":
        hints = (" INDEXED BY ix_assignment_open", " INDEXED BY ix_assignment_state")
    open_now = f"{columns}{hints[0]} WHERE {now}"
    closed_since = f"{columns}{hints[1]} WHERE {' OR '.join(since)}"
    if reader.scalar(f"SELECT EXISTS ({closed_since})", params):
        # (PostgreSQL would sort this union even with the parts in order.)
        return f"{open_now} UNION ALL {closed_since} ORDER BY 5, 3, 4, 6"
    return f"{open_now} ORDER BY a.due_on, a.task_id, a.period, a.deadline_text"


def _rows_by_id(reader: Reader, select: str, table: str, ids: set[int]) -> dict[int, tuple[Any, ...]]:
    """The rows of ``table`` whose id is in ``ids``, by id. PostgreSQL probes the primary key once per id,
    which at 1M assignments took 0.45 s for the 76k tasks the digests list, where reading all 140k took
    0.2 s: when the ids are more than a quarter of the table (by the planner's estimate, once the table
    has been analysed), it reads the whole table and keeps what is wanted. SQLite's probes are the
    faster (0.23 s against 0.30 s)."""
    if reader.dialect == "postgresql" and ids:
        estimate = reader.scalar(
            "SELECT reltuples FROM pg_class WHERE oid = CAST(:table AS regclass)", {"table": table}
        )
        if estimate is not None and 0 <= estimate < 4 * len(ids):  # -1: never analysed, size unknown
            return {row[0]: row for row in reader.stream(f"{select} FROM {table}") if row[0] in ids}
    return {row[0]: row for row in reader.rows_for_ids(f"{select} FROM {table} WHERE id IN ({{ids}})", ids)}


def _escape(text: str) -> str:
    """:func:`html.escape`, skipped for the many texts with nothing to escape (five membership tests
    take half the time of its five replacements)."""
    if "&" in text or "<" in text or ">" in text or '"' in text or "'" in text:
        return escape(text)
    return text


class _Renderer:
    """Renders lines as their task's beginning (directive heading and task) and an ending (due date,
    wording, period and state); each beginning and ending is rendered once."""

    def __init__(self, reader: Reader, lines: list[Line], as_of: date, lang: str) -> None:
        self.reader = reader
        self.as_of = as_of
        self.lang = lang
        self.tasks = _rows_by_id(reader, "SELECT id, ref, text, directive_id", "task", {line[0] for line in lines})
        """id -> (id, ref, text, directive id)"""
        directive_ids = {task[3] for task in self.tasks.values()}
        self.directives = _rows_by_id(reader, "SELECT id, number, issued_on, title", "directive", directive_ids)
        """id -> (id, number, issued on, title)"""
        self.deadline_word = t("show.deadline", lang)
        self.overdue_template = t("status.days_overdue", lang, days="{days}")
        self.due_in_template = t("status.due_in", lang, days="{days}")
        self.heads: dict[int, tuple[bytes, bytes]] = {}
        self.issued: dict[Any, str] = {}
        self.wordings: dict[tuple[str, str], tuple[bytes, bytes]] = {}
        self.beginnings: dict[int, tuple[bytes, bytes]] = {}
        self.endings: dict[tuple[Any, Any, Any], tuple[bytes, bytes]] = {}

    def render(
        self,
        lines: list[Line],
        by_agency: ByAgency,
        late_leads: dict[int, list[int]],
    ) -> DigestLines:
        text: list[tuple[bytes, bytes]] = []
        html: list[tuple[bytes, bytes, bytes]] = []
        beginnings, endings = self.beginnings, self.endings
        text_append, html_append = text.append, html.append
        for task_id, ending in lines:
            begins = beginnings.get(task_id) or self._beginning(task_id)
            ends = endings.get(ending) or self._ending(ending)
            text_append((begins[0], ends[0]))
            html_append((begins[1], ends[1], b"</tr>"))
        return DigestLines(text, html, by_agency, late_leads)

    def _beginning(self, task_id: int) -> tuple[bytes, bytes]:
        """The directive heading and the task, as text and as HTML."""
        _, ref, text, directive_id = self.tasks[task_id]
        head = self.heads.get(directive_id)
        if head is None:
            _, number, issued_on, title = self.directives[directive_id]
            issued = self.issued.get(issued_on)
            if issued is None:  # directives share their dates: each is formatted once
                day = self.reader.to_date(issued_on)
                issued = self.issued[issued_on] = f" {t('show.issued', self.lang)} {day:%d/%m/%Y}" if day else ""
            heading = f"- {number}{issued} - {one_line(title)}\n  "
            head = self.heads[directive_id] = (heading.encode(), f"<tr><td>{escape(heading[2:-3])}</td><td>".encode())
        cell = self.wordings.get((ref, text))
        if cell is None:  # many tasks share a wording (every province's copy of a national plan)
            task = f"{ref}: {one_line(text)}"
            cell = self.wordings[(ref, text)] = (
                f"{task}\n  {self.deadline_word}: ".encode(),
                f"{_escape(task)}</td><td>".encode(),
            )
        found = self.beginnings[task_id] = (head[0] + cell[0], head[1] + cell[1])
        return found

    def _ending(self, ending: tuple[Any, Any, Any]) -> tuple[bytes, bytes]:
        """The due date with its wording and period, and the state at the as-of date."""
        period, due, wording = ending
        due_on = self.reader.to_date(due) or date.max  # the filter admits dated rows only
        days = (due_on - self.as_of).days
        state = self.overdue_template.format(days=-days) if days < 0 else self.due_in_template.format(days=days)
        said = one_line(wording)
        named = f", {period}" if period else ""
        found = self.endings[ending] = (
            f"{due_on:%d/%m/%Y} (\u201c{said}\u201d){named} - {state}\n".encode(),
            f"{due_on:%d/%m/%Y} (\u201c{escape(said)}\u201d){escape(named)}</td><td>{escape(state)}</td>".encode(),
        )
        return found
