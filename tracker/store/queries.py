"""Read queries that return plain rows (small dataclasses), run through :class:`Reader`.

Status is derived in SQL with the same rules as :func:`tracker.core.status.derive_status`, so that
filters and counts run in the database; a test checks the two agree on both databases.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from tracker.core.errors import NotFoundError
from tracker.core.status import DEFAULT_DUE_SOON_DAYS, Status, StatusReading, derive_status
from tracker.store.reader import Reader
from tracker.store.search import (
    ESCAPE,
    FOLDED_NUMBER,
    WordLookups,
    WordMatch,
    like_pattern,
    search_words,
    word_matches,
)


@dataclass(frozen=True)
class AssignmentFilter:
    """What to list. Set filters combine with AND, except ``overdue`` and ``due_within``, which
    together mean "overdue or due within N days" (the morning chase list)."""

    overdue: bool = False
    due_within: int | None = None
    agency_ids: Sequence[int] | None = None
    directive_ids: Sequence[int] | None = None
    task_ids: Sequence[int] | None = None
    statuses: Sequence[Status] | None = None
    period: str | None = None
    role: str | None = None
    search: str | None = None
    """Free text matched, without regard to case or diacritics, against the task, the agency and the
    directive number."""
    word_matches: tuple[WordMatch, ...] | None = None
    """Where each word of ``search`` is found, as :func:`narrowed_by_search` sets it for reading."""
    order: str = "due"
    """Sort: "due" (due date, undated last), "agency" (then due date) or "status" (overdue first)."""


ORDERS = ("due", "agency", "status")


@dataclass(frozen=True)
class AssignmentRow:
    """One assignment as lists show it."""

    id: int
    jurisdiction: str
    directive: str
    directive_id: int
    ref: str
    task: str
    task_id: int
    agency: str
    agency_id: int
    role: str
    period: str
    due_on: date | None
    deadline_text: str
    completed_on: date | None
    result_ref: str
    withdrawn_on: date | None
    note: str
    version: int
    reading: StatusReading = field(compare=False)
    coordinators: tuple[str, ...] = field(default=(), compare=False)
    """Short names of the task's other agencies in the same period, when read with
    :func:`with_coordinators` (the UI's list); empty otherwise."""

    @property
    def status(self) -> Status:
        return self.reading.status

    @property
    def days_overdue(self) -> int:
        return self.reading.days_overdue

    @property
    def due_soon(self) -> bool:
        return self.reading.due_soon

    def as_dict(self) -> dict[str, Any]:
        """The scripting contract of ``tracker list --format json``."""
        return {
            "id": self.id,
            "jurisdiction": self.jurisdiction,
            "directive": self.directive,
            "ref": self.ref,
            "task": self.task,
            "agency": self.agency,
            "role": self.role,
            "due_on": self.due_on.isoformat() if self.due_on else None,
            "deadline_text": self.deadline_text,
            "period": self.period,
            "status": self.status.value,
            "days_overdue": self.days_overdue,
            "due_soon": self.due_soon,
            "completed_on": self.completed_on.isoformat() if self.completed_on else None,
            "result_ref": self.result_ref,
            "note": self.note,
            "version": self.version,
        }


STATUS_SQL = f"""CASE
    WHEN a.withdrawn_on IS NOT NULL AND a.withdrawn_on <= :as_of THEN '{Status.WITHDRAWN.value}'
    WHEN a.due_on IS NULL THEN '{Status.STANDING.value}'
    WHEN a.completed_on IS NOT NULL AND a.completed_on <= :as_of THEN
        CASE WHEN a.completed_on <= a.due_on THEN '{Status.DONE_ON_TIME.value}' ELSE '{Status.DONE_LATE.value}' END
    WHEN a.due_on < :as_of THEN '{Status.OVERDUE.value}'
    ELSE '{Status.IN_PROGRESS.value}' END"""
"""SQL twin of :func:`derive_status` (status only), for an assignment aliased ``a``."""


def _open_plain(due: str) -> str:
    """The same condition as :func:`_open_at`, written so that an ordered, limited list walks the
    due-date index in order and stops after a page, instead of collecting and sorting every match."""
    return (
        f"({due} AND (a.completed_on IS NULL OR a.completed_on > :as_of)"
        " AND (a.withdrawn_on IS NULL OR a.withdrawn_on > :as_of))"
    )


def open_terms(due: str) -> list[str]:
    """Not completed and not withdrawn at ``:as_of``, and ``due``, as three disjoint conditions, each a
    range of the index (completed_on, withdrawn_on, due_on): open now; completed after the as-of date;
    withdrawn after it and never completed."""
    return [
        f"(a.completed_on IS NULL AND a.withdrawn_on IS NULL AND {due})",
        f"(a.completed_on > :as_of AND (a.withdrawn_on IS NULL OR a.withdrawn_on > :as_of) AND {due})",
        f"(a.completed_on IS NULL AND a.withdrawn_on > :as_of AND {due})",
    ]


def _open_at(due: str) -> str:
    """:func:`open_terms` joined by OR: SQLite (MULTI-INDEX OR) and PostgreSQL (BitmapOr) then read
    only those ranges."""
    return "(" + " OR ".join(open_terms(due)) + ")"


def _timing_dues(criteria: AssignmentFilter, params: dict[str, Any], as_of: date) -> list[str]:
    """The due-date conditions of the morning filters (overdue, due within N days), which do not overlap."""
    dues: list[str] = []
    if criteria.overdue:
        dues.append("a.due_on < :as_of")
    if criteria.due_within is not None:
        # A window past the last date there is reaches every date: no arithmetic that overflows.
        params["window_end"] = as_of + timedelta(days=min(criteria.due_within, (date.max - as_of).days))
        dues.append("a.due_on >= :as_of AND a.due_on <= :window_end")
    return dues


def _open_now(criteria: AssignmentFilter) -> str:
    """The morning filters for rows that are open now (not completed, not withdrawn): one range of the
    state index, or of the open-rows index, in due-date order. Overdue and due soon are adjacent ranges
    of due dates, so both together are one."""
    if criteria.overdue and criteria.due_within is not None:
        due = "a.due_on <= :window_end"
    elif criteria.overdue:
        due = "a.due_on < :as_of"
    else:
        due = "a.due_on >= :as_of AND a.due_on <= :window_end"
    return f"(a.completed_on IS NULL AND a.withdrawn_on IS NULL AND {due})"


def nothing_closed_after(reader: Reader, as_of: date) -> bool:
    """True when no assignment was completed or withdrawn after ``as_of`` (two probes of the state
    index). Then what is open at ``as_of`` is what is open now, and the morning filters need not look
    at closed rows (see :func:`_open_now`); that holds for today's date unless someone has recorded
    a completion ahead of time."""
    return not reader.scalar(
        "SELECT CASE WHEN EXISTS (SELECT 1 FROM assignment a WHERE a.completed_on > :as_of)"
        " OR EXISTS (SELECT 1 FROM assignment a WHERE a.completed_on IS NULL AND a.withdrawn_on > :as_of)"
        " THEN 1 ELSE 0 END",
        {"as_of": as_of},
    )


def _timing_terms(criteria: AssignmentFilter, params: dict[str, Any], as_of: date) -> list[str]:
    """The morning filters as disjoint conditions, each a range of the state index."""
    return [term for due in _timing_dues(criteria, params, as_of) for term in open_terms(due)]


def _in(column: str, values: Sequence[Any], prefix: str, params: dict[str, Any]) -> str:
    if not values:
        return "1 = 0"
    names = []
    for index, value in enumerate(values):
        params[f"{prefix}{index}"] = value
        names.append(f":{prefix}{index}")
    return f"{column} IN ({', '.join(names)})"


_NUMBER_OF_D = FOLDED_NUMBER.format(row="d")
_NUMBER_OF_SD = FOLDED_NUMBER.format(row="sd")


def _found_in(match: WordMatch, prefix: str, params: dict[str, Any], *, ordered: bool) -> str:
    """A search word as the agencies and tasks it is found in (see :mod:`tracker.store.search`).

    ``ordered``: the agencies do not choose the index. Planners would read every row of the agencies
    through their index and sort them (for "so noi vu", 17k rows of 50 agencies at 1M: 50-65 ms),
    where walking the due dates finds a page of them after some thousand rows (a few ms)."""
    parts = []
    if match.agency_ids:
        parts.append(_in("+a.agency_id" if ordered else "a.agency_id", match.agency_ids, f"{prefix}agency", params))
    if match.task_ids:
        parts.append(_in("a.task_id", match.task_ids, f"{prefix}task", params))
    return "(" + " OR ".join(parts or ["1 = 0"]) + ")"


def where_clause(
    criteria: AssignmentFilter,
    as_of: date,
    params: dict[str, Any],
    *,
    ordered: bool = False,
    search_by_ids: bool = False,
    open_now: bool = False,
) -> tuple[str, bool]:
    """The WHERE clause for ``criteria`` (filling ``params``), and whether it needs the task table.
    ``ordered``: for a list in due-date order rather than a count (see :func:`_open_plain`).
    ``search_by_ids``: match search words in the task, agency and directive tables first and keep the
    assignments whose task or agency is among the matches (no joins; for counting).
    ``open_now``: the caller has checked :func:`nothing_closed_after`; the morning filters then take
    the open rows alone (see :func:`_open_now`)."""
    params["as_of"] = as_of
    conditions: list[str] = []
    open_at = _open_plain if ordered else _open_at
    timing = [open_at(due) for due in _timing_dues(criteria, params, as_of)]  # also sets :window_end
    if timing and open_now:
        conditions.append(_open_now(criteria))
    elif timing:
        conditions.append("(" + " OR ".join(timing) + ")")
    if criteria.agency_ids is not None:
        conditions.append(_in("a.agency_id", list(criteria.agency_ids), "agency", params))
    if criteria.task_ids is not None:
        conditions.append(_in("a.task_id", list(criteria.task_ids), "task", params))
    if criteria.directive_ids is not None:
        conditions.append(_in("t.directive_id", list(criteria.directive_ids), "directive", params))
    if criteria.statuses:
        conditions.append(_in(f"({STATUS_SQL})", [s.value for s in criteria.statuses], "status", params))
    if criteria.period is not None:
        params["period"] = criteria.period
        # The period index holds named periods only; saying so lets the planner use it.
        conditions.append("a.period = :period" + (" AND a.period <> ''" if criteria.period else ""))
    if criteria.role is not None:
        params["role"] = criteria.role
        conditions.append("a.role = :role")
    needs_joins = criteria.directive_ids is not None
    words = search_words(criteria.search)
    matches = criteria.word_matches or (None,) * len(words)
    for index, (word, match) in enumerate(zip(words, matches, strict=True)):
        if match is not None and match.task_ids is not None:
            conditions.append(_found_in(match, f"word{index}_", params, ordered=ordered))
            continue
        params[f"word{index}"] = like_pattern(word)
        if search_by_ids:
            conditions.append(
                f"(a.task_id IN (SELECT st.id FROM task st WHERE st.folded_text LIKE :word{index}{ESCAPE} OR"
                f" st.directive_id IN (SELECT sd.id FROM directive sd WHERE {_NUMBER_OF_SD} LIKE :word{index}{ESCAPE}))"
                f" OR a.agency_id IN (SELECT sg.id FROM agency sg WHERE sg.folded_name LIKE :word{index}{ESCAPE}))"
            )
        else:
            conditions.append(
                f"(t.folded_text LIKE :word{index}{ESCAPE} OR g.folded_name LIKE :word{index}{ESCAPE}"
                f" OR {_NUMBER_OF_D} LIKE :word{index}{ESCAPE})"
            )
            needs_joins = True
    return (" WHERE " + " AND ".join(conditions) if conditions else ""), needs_joins


_ROW_SELECT = """SELECT a.id, j.code, d.number, d.id, t.ref, t.text, t.id, g.name, g.id, a.role, a.period,
       a.due_on, a.deadline_text, a.completed_on, a.result_ref, a.withdrawn_on, a.note, a.version
FROM assignment a
JOIN task t ON t.id = a.task_id
JOIN directive d ON d.id = t.directive_id
JOIN jurisdiction j ON j.id = d.jurisdiction_id
JOIN agency g ON g.id = a.agency_id"""


def _row(reader: Reader, v: Sequence[Any], as_of: date, due_soon_days: int) -> AssignmentRow:
    due_on, completed_on, withdrawn_on = reader.to_date(v[11]), reader.to_date(v[13]), reader.to_date(v[15])
    return AssignmentRow(
        id=v[0],
        jurisdiction=v[1],
        directive=v[2],
        directive_id=v[3],
        ref=v[4],
        task=v[5],
        task_id=v[6],
        agency=v[7],
        agency_id=v[8],
        role=v[9],
        period=v[10],
        due_on=due_on,
        deadline_text=v[12],
        completed_on=completed_on,
        result_ref=v[14],
        withdrawn_on=withdrawn_on,
        note=v[16],
        version=v[17],
        reading=derive_status(due_on, completed_on, as_of, withdrawn_on=withdrawn_on, due_soon_days=due_soon_days),
    )


def _walks_by_ids(criteria: AssignmentFilter) -> bool:
    """A page of ``criteria`` in the morning filters walks the open-rows index, whose entries hold the
    agency and task ids its search words are matched by: it then reads only the rows that match (a
    page of "so noi vu" at 1M: 6.7 -> 1.5 ms). Not when a word is in no agency's name: its few tasks
    are read through their own index, as SQLite's planner chooses (a page of "521/tb": 50 -> 1.2 ms)."""
    matches = criteria.word_matches or ()
    return any(m.task_ids is not None for m in matches) and all(m.agency_ids or m.task_ids is None for m in matches)


def list_assignments(
    reader: Reader,
    criteria: AssignmentFilter,
    as_of: date,
    *,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
    limit: int | None = None,
    offset: int = 0,
    lookups: WordLookups | None = None,
) -> Iterator[AssignmentRow]:
    """Assignments matching ``criteria``, by due date (undated, standing duties last) and id.

    Dated rows and undated rows are read by two queries, each in index order (due date, id), so a page
    never sorts the whole table; the undated part is reached only past the last dated row."""
    if offset and limit is None:
        raise ValueError("offset needs a limit")
    readable = narrowed_by_search(reader, criteria, lookups)
    if readable is None:
        return
    criteria = readable
    if criteria.order != "due":
        yield from _list_sorted(reader, criteria, as_of, due_soon_days, limit, offset)
        return
    params: dict[str, Any] = {}
    dated_only = criteria.overdue or criteria.due_within is not None
    # A page walks the due-date index and stops; a full read takes the index ranges of open rows. On
    # SQLite a page of the morning filters walks the open rows alone when nothing closed after the as-of
    # date: in due order, without visiting the many rows already done (a search of "so noi" at 1M: 41 ->
    # 25 ms). PostgreSQL's planner then sorts every open row instead (9 -> 200 ms), so it keeps the walk.
    open_now = (
        reader.backend.pages_walk_open_rows and limit is not None and dated_only and nothing_closed_after(reader, as_of)
    )
    where, _ = where_clause(criteria, as_of, params, ordered=limit is not None, open_now=open_now)
    joiner = " AND " if where else " WHERE "
    source = _ROW_SELECT
    if open_now and _walks_by_ids(criteria):
        hint = reader.backend.index_hint("ix_assignment_open")
        source = _ROW_SELECT.replace("FROM assignment a\n", f"FROM assignment a{hint}\n")
    dated_sql = f"{source}{where}{'' if dated_only else joiner + 'a.due_on IS NOT NULL'}\nORDER BY a.due_on, a.id"
    page: dict[str, Any] = {"limit": limit, "offset": offset} if limit is not None else {}
    tail = " LIMIT :limit OFFSET :offset" if limit is not None else ""
    read = reader.page_rows if limit is not None else reader.rows
    found = read(dated_sql + tail, {**params, **page})
    for values in found:
        yield _row(reader, values, as_of, due_soon_days)
    if dated_only or (limit is not None and len(found) == limit):
        return
    undated_sql = f"{_ROW_SELECT}{where}{joiner}a.due_on IS NULL\nORDER BY a.id"
    if limit is None:
        rest = reader.rows(undated_sql, params)
    else:
        dated_total = len(found) + offset if found else _count_dated(reader, where, params)
        undated_offset = max(0, offset - dated_total)
        rest = read(undated_sql + tail, {**params, "limit": limit - len(found), "offset": undated_offset})
    for values in rest:
        yield _row(reader, values, as_of, due_soon_days)


_STATUS_RANK = " ".join(
    f"WHEN '{status.value}' THEN {rank}"
    for rank, status in enumerate(
        [Status.OVERDUE, Status.IN_PROGRESS, Status.STANDING, Status.DONE_LATE, Status.DONE_ON_TIME, Status.WITHDRAWN]
    )
)


def _list_sorted(
    reader: Reader, criteria: AssignmentFilter, as_of: date, due_soon_days: int, limit: int | None, offset: int
) -> Iterator[AssignmentRow]:
    """Rows by agency or by status, then due date (undated last): one query that sorts the matches."""
    params: dict[str, Any] = {}
    where, _ = where_clause(criteria, as_of, params)
    first = "g.folded_name" if criteria.order == "agency" else f"CASE ({STATUS_SQL}) {_STATUS_RANK} END"
    sql = f"{_ROW_SELECT}{where}\nORDER BY {first}, CASE WHEN a.due_on IS NULL THEN 1 ELSE 0 END, a.due_on, a.id"
    if limit is not None:
        sql += " LIMIT :limit OFFSET :offset"
        params.update(limit=limit, offset=offset)
    for values in reader.rows(sql, params):
        yield _row(reader, values, as_of, due_soon_days)


def with_coordinators(reader: Reader, rows: list[AssignmentRow]) -> list[AssignmentRow]:
    """``rows`` with the coordinating agencies of each row's task and period (short names where the
    agency has one), read for the whole page in one query."""
    task_ids = sorted({row.task_id for row in rows})
    if not task_ids:
        return rows
    params: dict[str, Any] = {}
    found: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for task_id, period, agency_id, name in reader.rows(
        "SELECT a.task_id, a.period, a.agency_id, coalesce(nullif(g.short_name, ''), g.name) FROM assignment a "
        "JOIN agency g ON g.id = a.agency_id WHERE a.role = 'coordinating' AND "
        + _in("a.task_id", task_ids, "task", params)
        + " ORDER BY g.folded_name",
        params,
    ):
        found.setdefault((task_id, period), []).append((agency_id, name))
    return [
        replace(row, coordinators=tuple(n for i, n in found.get((row.task_id, row.period), []) if i != row.agency_id))
        for row in rows
    ]


def narrowed_by_search(
    reader: Reader, criteria: AssignmentFilter, lookups: WordLookups | None = None
) -> AssignmentFilter | None:
    """``criteria`` for reading, with where each word of its search is found (:func:`word_matches`), or
    None when some word is in no task, agency name or directive number, so nothing can match.

    A word found in few enough tasks is then matched by agency and task ids, from the index, instead of
    joining each row walked to its task, agency and directive (see :mod:`tracker.store.search`). A word
    in no agency's name becomes a list of tasks, which the database reads through the tasks' index
    rather than walking the due-date index for them (a page of "521/tb" at 1M: 0.23 s by the walk).
    ``lookups`` keeps words found a moment ago (see :class:`WordLookups`)."""
    words = search_words(criteria.search)
    if not words:
        return criteria
    matches = tuple(lookups.matches(reader, words) if lookups is not None else word_matches(reader, words))
    if any(match.nowhere for match in matches):
        return None
    return replace(criteria, word_matches=matches)


def _count_dated(reader: Reader, where: str, params: dict[str, Any]) -> int:
    joiner = " AND " if where else " WHERE "
    sql = (
        "SELECT count(*) FROM assignment a JOIN task t ON t.id = a.task_id JOIN directive d ON d.id = t.directive_id"
        f" JOIN agency g ON g.id = a.agency_id{where}{joiner}a.due_on IS NOT NULL"
    )
    return int(reader.scalar(sql, params))


_COUNT_JOINS = (
    " JOIN task t ON t.id = a.task_id JOIN directive d ON d.id = t.directive_id JOIN agency g ON g.id = a.agency_id"
)


def count_assignments(
    reader: Reader, criteria: AssignmentFilter, as_of: date, lookups: WordLookups | None = None
) -> int:
    readable = narrowed_by_search(reader, criteria, lookups)
    if readable is None:
        return 0
    criteria = readable
    params: dict[str, Any] = {}
    # On SQLite a search is counted by task and agency ids (0.2-0.45 s at 1M instead of 0.45-0.67 s). With
    # the morning filters it reads the open-rows index when only open rows can match, and otherwise makes
    # one pass over the table: the state index lacks the task and agency ids, and fetching a fifth of the
    # table row by row is slower (0.4 s instead of 1.6 s).
    by_ids = reader.backend.counts_search_by_ids and bool(criteria.search)
    narrowed = criteria.agency_ids is not None or criteria.task_ids is not None
    timed = criteria.overdue or criteria.due_within is not None
    if by_ids and timed and not narrowed and nothing_closed_after(reader, as_of):
        # A search in the morning filters when only open rows can match: the open-rows index holds their
        # task and agency ids (0.45 -> 0.19 s at 1M for "so noi").
        where, _ = where_clause(criteria, as_of, params, search_by_ids=True, open_now=True)
        hint = reader.backend.index_hint("ix_assignment_open")
        return int(reader.scalar(f"SELECT count(*) FROM assignment a{hint}{where}", params))
    where, needs_joins = where_clause(criteria, as_of, params, search_by_ids=by_ids)
    join = _COUNT_JOINS if needs_joins else ""
    scan = reader.backend.no_index() if by_ids and not narrowed and timed else ""
    if timed and not scan and (reader.backend.sums_timed_counts_with_search or not criteria.search):
        # A sum of one count per disjoint term of the morning filters, rather than their OR. Each term is a
        # range of the state index, counted there. With the OR, SQLite's MULTI-INDEX OR keeps every
        # matching row id in memory to drop duplicates (megabytes at 1M rows), and PostgreSQL's BitmapOr
        # visits the table (0.14 s against 0.02 s at 1M); the terms cannot overlap. (On PostgreSQL a
        # search would repeat its joins in every term.)
        params.clear()
        where, needs_joins = where_clause(
            replace(criteria, overdue=False, due_within=None), as_of, params, search_by_ids=by_ids
        )
        join = _COUNT_JOINS if needs_joins else ""
        glue = " AND " if where else " WHERE "
        # With nothing else to narrow them, every term is a range of the state index. SQLite's planner
        # would count "completed after the as-of date, due this week" along the due-date index instead,
        # fetching every row due that week from the table (the morning count at 1M: 119 -> 24-43 ms).
        hint = "" if where else reader.backend.index_hint("ix_assignment_state")
        counts = [
            f"(SELECT count(*) FROM assignment a{hint}{join}{where}{glue}{term})"
            for term in _timing_terms(criteria, params, as_of)
        ]
        return int(reader.scalar("SELECT " + " + ".join(counts), params))
    return int(reader.scalar(f"SELECT count(*) FROM assignment a{scan}{join}{where}", params))


def get_assignment_row(reader: Reader, assignment_id: int, as_of: date, due_soon_days: int) -> AssignmentRow:
    if not 0 < assignment_id < 2**63:  # beyond what the database's integers hold: no such record
        raise NotFoundError(key="limits.no_such_assignment", id=assignment_id)
    found = reader.rows(f"{_ROW_SELECT} WHERE a.id = :id", {"id": assignment_id})
    if not found:
        raise NotFoundError(key="limits.no_such_assignment", id=assignment_id)
    return _row(reader, found[0], as_of, due_soon_days)


def status_counts(reader: Reader, as_of: date) -> dict[Status, int]:
    """How many assignments have each status at ``as_of``.

    Every count is a few rows or one range of a covering index, on both backends. Done on time and done
    late come from ``completion_tally`` (a few thousand rows kept by triggers), not from the completed
    assignments themselves: two thirds of a mature table, 0.16-0.3 s at 1M on SQLite.
    """
    params = {"as_of": as_of}
    done, on_time = reader.rows(
        "SELECT coalesce(sum(assignments), 0), coalesce(sum(CASE WHEN on_time THEN assignments ELSE 0 END), 0) "
        "FROM completion_tally WHERE completed_on <= :as_of AND live_until > :as_of",
        params,
    )[0]
    withdrawn, withdrawn_standing = reader.rows(
        "SELECT count(*), coalesce(sum(CASE WHEN due_on IS NULL THEN 1 ELSE 0 END), 0) FROM assignment "
        "WHERE withdrawn_on <= :as_of",
        params,
    )[0]
    # Standing: every assignment with no due date less those withdrawn. "Not withdrawn" is no range of an
    # index, and fetching each row with no due date to look at its withdrawal took 20-35 ms at 1M.
    no_due = reader.scalar("SELECT count(*) FROM assignment WHERE due_on IS NULL")
    standing = int(no_due) - int(withdrawn_standing)

    def open_count(due: str) -> int:
        """Open at the as-of date and ``due``: one count per disjoint term, not their OR (see
        count_assignments)."""
        terms = (f"(SELECT count(*) FROM assignment a WHERE {term})" for term in open_terms(due))
        return int(reader.scalar("SELECT " + " + ".join(terms), params))

    overdue = open_count("a.due_on < :as_of")
    if reader.backend.counts_whole_table_cheaply:
        # What the others leave: SQLite counts a whole table from its smallest index's pages (6-10 ms at
        # 1M), while counting open rows from an early as-of date reads every later completion.
        total = int(reader.scalar("SELECT count(*) FROM assignment"))
        in_progress = total - int(withdrawn) - standing - int(done) - overdue
    else:
        in_progress = open_count("a.due_on >= :as_of")
    return {
        Status.OVERDUE: overdue,
        Status.IN_PROGRESS: in_progress,
        Status.DONE_ON_TIME: int(on_time),
        Status.DONE_LATE: int(done) - int(on_time),
        Status.STANDING: standing,
        Status.WITHDRAWN: int(withdrawn),
    }


@dataclass(frozen=True)
class AgencyScore:
    """One agency's record at an as-of date. Withdrawn assignments count in no rate."""

    agency_id: int
    agency: str
    jurisdiction: str
    assigned: int
    done_on_time: int
    done_late: int
    in_progress: int
    overdue: int
    standing: int
    withdrawn: int

    @property
    def due(self) -> int:
        """Assignments whose deadline has passed or that are done: the base of the on-time rate."""
        return self.done_on_time + self.done_late + self.overdue

    @property
    def on_time_rate(self) -> float | None:
        return self.done_on_time / self.due if self.due else None


def agency_scoreboard(
    reader: Reader,
    as_of: date,
    *,
    due_from: date | None = None,
    due_to: date | None = None,
    agency_ids: Sequence[int] | None = None,
) -> list[AgencyScore]:
    """Per agency: counts of each status at ``as_of``, for assignments due in [due_from, due_to] if given
    (standing ones then excluded); one aggregate query, ordered by on-time rate then name."""
    params: dict[str, Any] = {"as_of": as_of}
    conditions: list[str] = []
    if due_from is not None:
        params["due_from"] = due_from
        conditions.append("a.due_on >= :due_from")
    if due_to is not None:
        params["due_to"] = due_to
        conditions.append("a.due_on <= :due_to")
    if agency_ids is not None:
        conditions.append(_in("a.agency_id", list(agency_ids), "agency", params))
    where = " WHERE " + " AND ".join(conditions) if conditions else ""
    # Group by agency and derived status (streamed from the covering agency index), pivot here.
    counts: dict[int, dict[str, int]] = {}
    sql = f"SELECT a.agency_id, {STATUS_SQL} AS status, count(*) FROM assignment a{where} GROUP BY a.agency_id, status"
    for agency_id, status, count in reader.rows(sql, params):
        counts.setdefault(agency_id, {})[status] = int(count)
    if not counts:
        return []
    names = {
        row[0]: (row[1], row[2])
        for row in reader.rows_for_ids(
            "SELECT g.id, g.name, j.code FROM agency g JOIN jurisdiction j ON j.id = g.jurisdiction_id "
            "WHERE g.id IN ({ids})",
            counts,
        )
    }
    scores = []
    for agency_id, by_status in counts.items():
        name, code = names[agency_id]
        scores.append(
            AgencyScore(
                agency_id=agency_id,
                agency=name,
                jurisdiction=code,
                assigned=sum(by_status.values()) - by_status.get(Status.WITHDRAWN.value, 0),
                done_on_time=by_status.get(Status.DONE_ON_TIME.value, 0),
                done_late=by_status.get(Status.DONE_LATE.value, 0),
                in_progress=by_status.get(Status.IN_PROGRESS.value, 0),
                overdue=by_status.get(Status.OVERDUE.value, 0),
                standing=by_status.get(Status.STANDING.value, 0),
                withdrawn=by_status.get(Status.WITHDRAWN.value, 0),
            )
        )
    scores.sort(key=lambda s: (-(s.on_time_rate or 0.0), s.agency))
    return scores


@dataclass(frozen=True)
class DirectiveProgress:
    """One directive's assignments at an as-of date (withdrawn ones not counted)."""

    directive_id: int
    jurisdiction: str
    number: str
    issued_on: date | None
    title: str
    total: int
    done: int
    overdue: int

    @property
    def share_done(self) -> float:
        return self.done / self.total if self.total else 0.0


def directive_progress(reader: Reader, as_of: date) -> list[DirectiveProgress]:
    """Every directive with done/total and its overdue count, newest first."""
    sql = f"""SELECT t.directive_id, {STATUS_SQL} AS status, count(*) FROM assignment a
        JOIN task t ON t.id = a.task_id GROUP BY t.directive_id, status"""
    counts: dict[int, dict[str, int]] = {}
    for directive_id, status, count in reader.rows(sql, {"as_of": as_of}):
        counts.setdefault(int(directive_id), {})[status] = int(count)
    found = reader.rows(
        "SELECT d.id, j.code, d.number, d.issued_on, d.title FROM directive d "
        "JOIN jurisdiction j ON j.id = d.jurisdiction_id"
    )
    progress = []
    for directive_id, code, number, issued_on, title in found:
        by_status = counts.get(int(directive_id), {})
        total = sum(by_status.values()) - by_status.get(Status.WITHDRAWN.value, 0)
        done = by_status.get(Status.DONE_ON_TIME.value, 0) + by_status.get(Status.DONE_LATE.value, 0)
        progress.append(
            DirectiveProgress(
                int(directive_id),
                code,
                number,
                reader.to_date(issued_on),
                title or "",
                total,
                done,
                by_status.get(Status.OVERDUE.value, 0),
            )
        )
    progress.sort(key=lambda p: (p.issued_on or date.min, p.number), reverse=True)
    return progress


@dataclass(frozen=True)
class RecurringTask:
    """A task with per-period assignments (a recurring report), for choosing a submissions matrix."""

    task_id: int
    directive: str
    ref: str
    text: str


def recurring_tasks(reader: Reader) -> list[RecurringTask]:
    sql = """SELECT t.id, d.number, t.ref, t.text FROM task t JOIN directive d ON d.id = t.directive_id
        WHERE EXISTS (SELECT 1 FROM assignment a WHERE a.task_id = t.id AND a.period <> '')
        ORDER BY d.number, t.ref"""
    return [RecurringTask(int(r[0]), r[1], r[2], r[3]) for r in reader.rows(sql)]


def agency_names(reader: Reader) -> list[tuple[int, str, str, str]]:
    """(id, name, jurisdiction code, aliases joined by "; ") of every agency, for pickers."""
    aliases: dict[int, list[str]] = {}
    for agency_id, alias in reader.rows("SELECT agency_id, alias FROM agency_alias"):
        aliases.setdefault(int(agency_id), []).append(alias)
    found = reader.rows(
        "SELECT g.id, g.name, j.code, g.short_name FROM agency g JOIN jurisdiction j ON j.id = g.jurisdiction_id "
        "ORDER BY g.folded_name, j.code"
    )
    return [
        (int(row[0]), row[1], row[2], "; ".join(filter(None, [row[3], *aliases.get(int(row[0]), [])]))) for row in found
    ]


def periods(reader: Reader) -> list[str]:
    """Every period that has assignments, newest first."""
    return [row[0] for row in reader.rows("SELECT DISTINCT period FROM assignment WHERE period <> '' ORDER BY 1 DESC")]
