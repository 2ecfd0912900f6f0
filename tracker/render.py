"""Rich renderings shared by the command line (no Textual here)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text

from tracker.core.deadlines import DEFAULT_RULES, DeadlineRules, parse_deadline
from tracker.core.errors import TrackerError
from tracker.core.recurrence import occurrences
from tracker.core.status import Status
from tracker.core.text import one_line, strip_controls
from tracker.i18n import t
from tracker.store.queries import AssignmentRow

if TYPE_CHECKING:  # the services bring SQLModel: about 28 MB and 0.3 s that reading does not need
    from tracker.services.details import AssignmentDetails


def status_label(row: AssignmentRow, lang: str) -> tuple[str, str]:
    """A short status label and its Rich style."""
    reading = row.reading
    if reading.status is Status.OVERDUE:
        return t("status.days_overdue", lang, days=reading.days_overdue), "bold red"
    if reading.status is Status.DONE_LATE:
        return t("status.days_late", lang, days=reading.days_overdue), "yellow"
    if reading.status is Status.IN_PROGRESS and reading.due_soon:
        return t("status.due_soon", lang), "bold yellow"
    style = {Status.DONE_ON_TIME: "green", Status.WITHDRAWN: "dim", Status.STANDING: "cyan"}.get(reading.status, "")
    return t(f"status.{reading.status.value}", lang), style


def _day(value: object) -> str:
    return f"{value:%d/%m/%Y}" if value is not None else "-"


def _moment(value: datetime) -> str:
    """A stored timestamp (UTC; SQLite returns it without a zone) in local time."""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return f"{aware.astimezone():%d/%m/%Y %H:%M}"


def _names(names: list[str], limit: int = 6) -> str:
    if len(names) <= limit:
        return ", ".join(names) or "-"
    return ", ".join(names[: limit - 1]) + f", … (+{len(names) - limit + 1})"


def _log_table(title: str, columns: tuple[str, ...], rows: list[tuple[str, ...]], lang: str) -> Table:
    """A titled table of recorded events; every cell is shown without control sequences."""
    table = Table(title=t(title, lang), title_justify="left", header_style="bold")
    for column in columns:
        table.add_column(t(f"col.{column}", lang))
    for row in rows:
        table.add_row(*(Text(strip_controls(cell)) for cell in row))
    return table


def render_details(details: AssignmentDetails, lang: str) -> Group:
    row = details.row
    label, style = status_label(row, lang)
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()

    def add(key: str, value: str | Text) -> None:
        facts.add_row(t(key, lang), value if isinstance(value, Text) else Text(strip_controls(value)))

    add("show.assignment", f"#{row.id}  ({t('show.version', lang)} {row.version})")
    issued = f" {t('show.issued', lang)} {_day(details.directive_issued_on)}" if details.directive_issued_on else ""
    add("show.directive", f"{details.directive_kind} {row.directive}{issued} - {one_line(details.directive_title)}")
    add("show.task", f"{row.ref}: {details.task_text}")
    add("show.agency", f"{row.agency} ({t('role.' + row.role, lang)})")
    if row.role == "coordinating" or len(details.lead_agencies) > 1:
        add("show.lead", _names(details.lead_agencies))
    if details.coordinating_agencies:
        add("show.coordinating", _names(details.coordinating_agencies))
    if row.period:
        add("show.period", row.period)
    deadline = f"{_day(row.due_on)}  ({t('show.original', lang)}: \u201c{row.deadline_text}\u201d"
    if details.original_due_on != row.due_on:
        deadline += f"; {t('show.first_due', lang)} {_day(details.original_due_on)}"
    add("show.deadline", deadline + ")")
    add("show.status", Text(f"{label}  ({t('show.as_of', lang)} {_day(details.as_of)})", style=style))
    if row.completed_on:
        add("show.completed", _day(row.completed_on))
    if row.result_ref:
        add("show.result", row.result_ref)
    if row.note:
        add("show.note", row.note)
    if details.withdrawal:
        w = details.withdrawal
        add("show.withdrawal", f"{_day(row.withdrawn_on)}: {w.reason} {w.decision_ref} ({w.actor})")
    parts: list[Table | Text] = [facts]
    if details.changes:
        parts.append(
            _log_table(
                "show.changes",
                ("old", "new", "reason", "decision", "by", "at"),
                [
                    (
                        _day(c.old_due_on),
                        _day(c.new_due_on),
                        c.reason,
                        c.decision_ref or c.source,
                        c.actor,
                        _moment(c.changed_at),
                    )
                    for c in details.changes
                ],
                lang,
            )
        )
    if details.history:
        parts.append(
            _log_table(
                "show.history",
                ("at", "by", "action", "field", "old", "new"),
                [
                    (_moment(h.at), h.actor, h.action, h.field, h.old_value or "", h.new_value or "")
                    for h in details.history
                ],
                lang,
            )
        )
    return Group(*parts)


def deadline_reading(text: str, lang: str, start: date, rules: DeadlineRules = DEFAULT_RULES) -> str:
    """How the parser reads a deadline, for a form to show as it is typed: "→ 30/04/2020", the next
    occurrences of a recurring deadline, "→ standing", or "✗ " and the parser's message."""
    if not text.strip():
        return ""
    try:
        deadline = parse_deadline(text, rules)
    except TrackerError as error:
        return f"✗ {error}"
    if deadline.rule is not None:
        upcoming = occurrences(deadline.rule, start, date(start.year + 2, start.month, 1), rules)[:3]
        shown = ", ".join(f"{o.period}: {o.due_on:%d/%m/%Y}" for o in upcoming)
        return f"→ {t('ui.reading_recurring', lang)} {shown} …"
    if deadline.due_on is not None:
        return f"→ {deadline.due_on:%d/%m/%Y}"
    return f"→ {t('status.standing', lang)}"
