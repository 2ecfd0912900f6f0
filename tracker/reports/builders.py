"""The reports the secretariat hands upward: the submissions table of a recurring obligation for one
period (the appendix of the monthly reform report, generated), the agency scoreboard, and one
directive's progress."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from tracker.core import provinces
from tracker.core.errors import AmbiguousNameError, NotFoundError, TrackerError
from tracker.core.status import Status
from tracker.core.text import fold, one_line
from tracker.i18n import t
from tracker.reports.tables import Report
from tracker.store import names, queries
from tracker.store.queries import AssignmentFilter
from tracker.store.reader import Reader


def find_task_id(reader: Reader, text: str) -> int:
    """A task by id, by "DIRECTIVE:REF", or by a ref that only one directive uses."""
    if text.strip().isdigit():
        return int(text)
    number, sep, ref = text.rpartition(":")
    if sep:
        directive_id = names.find_directive_id(reader, number)
        found = reader.rows("SELECT id FROM task WHERE directive_id = :d AND ref = :r", {"d": directive_id, "r": ref})
    else:
        found = reader.rows("SELECT id FROM task WHERE ref = :r", {"r": text.strip()})
    if len(found) == 1:
        return int(found[0][0])
    if not found:
        raise NotFoundError(key="report.task_not_found", task=text)
    raise AmbiguousNameError(key="report.task_ambiguous", task=text)


def letterhead(reader: Reader, jurisdiction_id: int | None) -> tuple[list[str], str]:
    """The DOCX issuer lines and place for a jurisdiction ("UBND tỉnh Quảng Ninh", "Văn phòng"; "Quảng Ninh"),
    from its name. With no jurisdiction given, the only one in the database, if there is just one."""
    if jurisdiction_id is None:
        found = reader.rows("SELECT code, name FROM jurisdiction ORDER BY id LIMIT 2")
    else:
        found = reader.rows("SELECT code, name FROM jurisdiction WHERE id = :j", {"j": jurisdiction_id})
    if len(found) != 1:
        return [], ""
    name = provinces.display_name(str(found[0][0]), one_line(str(found[0][1])))
    issuer, place = provinces.letterhead(name)
    return [issuer, "Văn phòng"], place


def jurisdiction_names(reader: Reader) -> dict[str, str]:
    """Code -> the name a person reads, for every jurisdiction."""
    return {
        str(code): provinces.display_name(str(code), str(name))
        for code, name in reader.rows("SELECT code, name FROM jurisdiction")
    }


_PERIOD = re.compile(r"(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])|H([12])))?")


def check_period(period: str) -> str:
    """``period`` if it is one a recurring task has (2020-02, 2020-Q3, 2020-H1, 2020), else an error."""
    text = period.strip().upper()
    if not _PERIOD.fullmatch(text):
        raise TrackerError(key="error.period_invalid", period=period)
    return text


def find_directive(reader: Reader, number: str) -> int:
    """A directive by its number written in any case, with or without diacritics ("34/kh-ubnd"), as
    search finds it; or by id."""
    try:
        return names.find_directive_id(reader, number)
    except NotFoundError:
        wanted = fold(number).replace(" ", "")
        found = [
            int(row[0])
            for row in reader.rows("SELECT id, number FROM directive")
            if fold(str(row[1])).replace(" ", "") == wanted
        ]
        if len(found) == 1:
            return found[0]
        if found:
            raise AmbiguousNameError(key="error.directive_ambiguous", number=number) from None
        raise NotFoundError(key="error.directive_unknown", number=number) from None


def submissions(reader: Reader, task_text: str, period: str, as_of: date, lang: str) -> Report:
    """Every lead agency of one recurring obligation and period: submitted on time, late, or not."""
    period = check_period(period)
    task_id = find_task_id(reader, task_text)
    title_row = reader.rows(
        "SELECT t.ref, t.text, d.number, d.jurisdiction_id FROM task t JOIN directive d ON d.id = t.directive_id "
        "WHERE t.id = :t",
        {"t": task_id},
    )[0]
    rows = reader.rows(
        "SELECT g.name, g.kind, a.due_on, a.completed_on, a.result_ref, a.withdrawn_on FROM assignment a "
        "JOIN agency g ON g.id = a.agency_id WHERE a.task_id = :t AND a.period = :p AND a.role = 'lead' "
        "ORDER BY g.name",
        {"t": task_id, "p": period},
    )
    if not rows:
        raise NotFoundError(key="report.no_period_assignments", task=task_text, period=period)
    header = [
        t(k, lang)
        for k in (
            "report.no",
            "col.agency",
            "report.on_time",
            "report.late",
            "report.missing",
            "report.received",
            "report.reference",
        )
    ]
    buckets: dict[str, list[list[object]]] = {"department": [], "district": []}
    totals = {"on_time": 0, "late": 0, "missing": 0}
    for name, kind, due, done, reference, withdrawn in rows:
        due_on, completed = reader.to_date(due), reader.to_date(done)
        if reader.to_date(withdrawn) is not None and reader.to_date(withdrawn) <= as_of:  # type: ignore[operator]
            continue
        if completed is not None and completed <= as_of:
            key = "on_time" if due_on is None or completed <= due_on else "late"
        else:
            key, completed, reference = "missing", None, ""
        totals[key] += 1
        marks = ["X" if key == k else "" for k in ("on_time", "late", "missing")]
        bucket = "district" if kind == "district" else "department"
        buckets[bucket].append([name, *marks, completed, reference])
    report_rows: list[list[object]] = []
    groups: set[int] = set()
    for bucket, label in (("department", "report.group_provincial"), ("district", "report.group_district")):
        if not buckets[bucket]:
            continue
        groups.add(len(report_rows))
        report_rows.append(["", t(label, lang), "", "", "", "", ""])
        report_rows += [[index, *row] for index, row in enumerate(buckets[bucket], start=1)]
    report_rows.append(["", t("report.total", lang), totals["on_time"], totals["late"], totals["missing"], "", ""])
    groups.add(len(report_rows) - 1)
    title = t("report.submissions_title", lang, number=title_row[2], ref=title_row[0], period=period)
    missing = [row[0] for rows_ in buckets.values() for row in rows_ if row[3] == "X"]
    notes = [t("report.submitted_count", lang, submitted=totals["on_time"] + totals["late"], missing=totals["missing"])]
    if missing:
        notes.append(t("report.missing_list", lang, names=", ".join(one_line(str(m)) for m in missing)))
    issuer, place = letterhead(reader, int(title_row[3]))
    return Report(title, header, report_rows, notes=notes, group_rows=groups, dated=as_of, issuer=issuer, place=place)


@dataclass(frozen=True)
class Submission:
    """One cell of the submissions matrix: "on_time", "late", "missing", "pending" (not yet due, not
    received) or "withdrawn"; with the date received, if any."""

    mark: str
    received: date | None = None
    reference: str = ""


@dataclass
class SubmissionMatrix:
    """Agencies x periods for one recurring obligation: document 002's appendix, for every period."""

    title: str
    periods: list[str]
    agencies: list[tuple[str, str]]
    """(name, kind), provincial agencies first, then districts, each by name."""
    cells: dict[tuple[int, str], Submission] = field(default_factory=dict)
    """(agency index, period) -> submission; absent where the agency had nothing to send."""

    def totals(self, period: str) -> dict[str, int]:
        marks = [c.mark for (_, p), c in self.cells.items() if p == period]
        return {mark: marks.count(mark) for mark in ("on_time", "late", "missing", "pending")}


def submission_matrix(reader: Reader, task_id: int, as_of: date) -> SubmissionMatrix:
    title_row = reader.rows(
        "SELECT t.ref, t.text, d.number FROM task t JOIN directive d ON d.id = t.directive_id WHERE t.id = :t",
        {"t": task_id},
    )
    if not title_row:
        raise NotFoundError(key="report.task_id_not_found", id=task_id)
    rows = reader.rows(
        "SELECT g.id, g.name, g.kind, a.period, a.due_on, a.completed_on, a.result_ref, a.withdrawn_on "
        "FROM assignment a JOIN agency g ON g.id = a.agency_id "
        "WHERE a.task_id = :t AND a.role = 'lead' AND a.period <> ''",
        {"t": task_id},
    )
    agencies = sorted({(r[1], r[2]) for r in rows}, key=lambda a: (a[1] == "district", fold(a[0])))
    index = {agency: i for i, agency in enumerate(agencies)}
    matrix = SubmissionMatrix(
        f"{title_row[0][2]} {title_row[0][0]}: {one_line(title_row[0][1])}", sorted({r[3] for r in rows}), agencies
    )
    for _, name, kind, period, due, done, reference, withdrawn in rows:
        due_on, completed, withdrawn_on = reader.to_date(due), reader.to_date(done), reader.to_date(withdrawn)
        if withdrawn_on is not None and withdrawn_on <= as_of:
            cell = Submission("withdrawn")
        elif completed is not None and completed <= as_of:
            late = due_on is not None and completed > due_on
            cell = Submission("late" if late else "on_time", completed, reference or "")
        elif due_on is not None and due_on < as_of:
            cell = Submission("missing")
        else:
            cell = Submission("pending")
        matrix.cells[(index[(name, kind)], period)] = cell
    return matrix


def agencies(reader: Reader, as_of: date, due_from: date | None, due_to: date | None, lang: str) -> Report:
    scores = queries.agency_scoreboard(reader, as_of, due_from=due_from, due_to=due_to)
    header = [
        t(k, lang)
        for k in (
            "col.agency",
            "report.jurisdiction",
            "score.assigned",
            "short.done_on_time",
            "short.done_late",
            "short.in_progress",
            "short.overdue",
            "score.rate",
        )
    ]
    shown = jurisdiction_names(reader)
    rows: list[list[object]] = [
        [
            s.agency,
            shown.get(s.jurisdiction, s.jurisdiction),
            s.assigned,
            s.done_on_time,
            s.done_late,
            s.in_progress,
            s.overdue,
            s.on_time_rate,
        ]
        for s in scores
    ]
    sums = [sum(int(row[i]) for row in rows) for i in range(2, 7)]  # type: ignore[call-overload]
    due = sums[1] + sums[2] + sums[4]
    rows.append([t("report.total", lang), "", *sums, (sums[1] / due) if due else None])
    span = (
        t(
            "report.range",
            lang,
            start=f"{due_from:%d/%m/%Y}" if due_from else "…",
            end=f"{due_to:%d/%m/%Y}" if due_to else "…",
        )
        if due_from or due_to
        else t("report.range_all", lang)
    )
    title = t("report.agencies_title", lang, as_of=f"{as_of:%d/%m/%Y}")
    issuer, place = letterhead(reader, None)
    return Report(
        title,
        header,
        rows,
        notes=[span, t("report.rate_note", lang)],
        group_rows={len(rows) - 1},
        chart=(0, 7),
        dated=as_of,
        issuer=issuer,
        place=place,
    )


def directive(reader: Reader, number: str, as_of: date, lang: str) -> Report:
    directive_id = find_directive(reader, number)
    rows = list(queries.list_assignments(reader, AssignmentFilter(directive_ids=[directive_id]), as_of))
    rows.sort(key=lambda r: (r.ref, r.role != "lead", r.agency, r.period))
    header = [
        t(k, lang)
        for k in (
            "report.ref",
            "col.task",
            "col.agency",
            "col.role",
            "col.due",
            "col.period",
            "col.status",
            "report.received",
            "report.reference",
        )
    ]
    table: list[list[object]] = [
        [
            r.ref,
            r.task,
            r.agency,
            t(f"role.{r.role}", lang),
            r.due_on,
            r.period,
            _status(r.status, r.days_overdue, lang),
            r.completed_on,
            r.result_ref,
        ]
        for r in rows
    ]
    counts = {status: sum(1 for r in rows if r.status is status) for status in Status}
    notes = [", ".join(f"{t('short.' + s.value, lang)}: {n}" for s, n in counts.items() if n)]
    first = rows[0] if rows else None
    title = t("report.directive_title", lang, number=first.directive if first else number, as_of=f"{as_of:%d/%m/%Y}")
    jurisdiction = reader.rows("SELECT jurisdiction_id FROM directive WHERE id = :d", {"d": directive_id})[0][0]
    issuer, place = letterhead(reader, int(jurisdiction))
    return Report(title, header, table, notes=notes, dated=as_of, issuer=issuer, place=place)


def _status(status: Status, days: int, lang: str) -> str:
    if status is Status.OVERDUE:
        return t("status.days_overdue", lang, days=days)
    if status is Status.DONE_LATE:
        return t("status.days_late", lang, days=days)
    return t(f"status.{status.value}", lang)
