"""Deadlines as calendar events (iCalendar, RFC 5545), for Outlook, Thunderbird or a phone.

One all-day event per dated assignment, on its due date, with a reminder at 08:00 the day
before. The UID is stable (the assignment's id and the database's jurisdiction), so importing a newer
file updates events instead of doubling them; an extended deadline moves its event. Done assignments
are marked as such in the summary, withdrawn ones are cancelled. Standing duties have no date and are
left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from tracker.core.status import Status
from tracker.core.text import one_line
from tracker.i18n import t
from tracker.store.queries import AssignmentRow
from tracker.store.reader import Reader

PRODUCT_ID = "-//tracker//Theo doi nhiem vu//VI"


def _directive_titles(reader: Reader, ids: Iterable[int]) -> dict[int, tuple[str, date | None]]:
    return {
        int(row[0]): (str(row[1] or ""), reader.to_date(row[2]))
        for row in reader.rows_for_ids("SELECT id, title, issued_on FROM directive WHERE id IN ({ids})", ids)
    }


def calendar_bytes(reader: Reader, rows: list[AssignmentRow], lang: str = "vi", stamp: datetime | None = None) -> bytes:
    """The .ics file for ``rows``; ``stamp`` (the DTSTAMP of every event) defaults to now."""
    from icalendar import Alarm, Calendar, Event

    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    titles = _directive_titles(reader, (r.directive_id for r in rows))
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", t("ics.name", lang))
    for row in rows:
        if row.due_on is None:
            continue
        title, issued_on = titles.get(row.directive_id, ("", None))
        event = Event()
        event.add("uid", f"assignment-{row.id}-{row.jurisdiction}@tracker")
        event.add("dtstamp", stamp)
        event.add("dtstart", row.due_on)
        event.add("dtend", row.due_on + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        event.add("sequence", row.version)
        mark = "✓ " if row.status in (Status.DONE_ON_TIME, Status.DONE_LATE) else ""
        role = "" if row.role == "lead" else f" ({t('role.coordinating', lang).lower()})"
        event.add("summary", one_line(f"{mark}{row.agency}{role}: {row.task}"[:200]))
        lines = [
            f"{t('col.task', lang)}: {one_line(row.task)}",
            f"{t('col.directive', lang)}: {row.directive}"
            + (f" ({issued_on:%d/%m/%Y})" if issued_on else "")
            + (f" — {one_line(title)}" if title else ""),
            f"{t('col.deadline', lang)}: {one_line(row.deadline_text) or f'{row.due_on:%d/%m/%Y}'}",
        ]
        if row.period:
            lines.append(f"{t('col.period', lang)}: {row.period}")
        if row.completed_on is not None and row.status in (Status.DONE_ON_TIME, Status.DONE_LATE):
            lines.append(
                f"{t('status.' + row.status.value, lang).capitalize()}: {row.completed_on:%d/%m/%Y} {row.result_ref}"
            )
        event.add("description", "\n".join(lines))
        event.add("categories", [row.directive])
        if row.status is Status.WITHDRAWN:
            event.add("status", "CANCELLED")
        elif row.completed_on is None:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", one_line(f"{row.agency}: {row.task}"[:200]))
            alarm.add("trigger", timedelta(hours=-16))  # 08:00 the day before
            event.add_component(alarm)
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def write_calendar(path: Path, reader: Reader, rows: list[AssignmentRow], lang: str = "vi") -> int:
    """Write the calendar; returns how many events it holds."""
    data = calendar_bytes(reader, rows, lang)
    path.write_bytes(data)
    return sum(1 for r in rows if r.due_on is not None)
