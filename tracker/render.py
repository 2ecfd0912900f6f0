"""Rich renderings shared by the command line (no Textual here)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime
from itertools import groupby
from typing import TYPE_CHECKING

from rich.console import Group
from rich.style import Style
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
    from tracker.services.details import AssignmentDetails, AuditLine


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


ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def day(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value is not None else "-"


def moment(value: datetime) -> str:
    """A stored timestamp (UTC; SQLite returns it without a zone) in local time."""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return f"{aware.astimezone():%d/%m/%Y %H:%M}"


def shown_value(value: str | None, lang: str) -> str:
    """An audit log value as a clerk reads it: dates day first, roles and empty values in words."""
    if value is None or value == "":
        return t("ui.history_empty", lang)
    found = ISO_DAY.match(value)
    if found:
        return f"{found.group(3)}/{found.group(2)}/{found.group(1)}"
    words = value.split()
    if words and words[0] in ("lead", "coordinating"):  # a creation: "lead 2020-01"
        role = t(f"role.{words[0]}", lang)
        return f"{role}, {t('show.period', lang).lower()} {words[1]}" if len(words) > 1 else role
    return one_line(strip_controls(value))


def field_word(name: str, lang: str) -> str:
    """A stored field's name in words ("completed_on" → "ngày hoàn thành")."""
    try:
        return t(f"ui.field_word.{name}", lang)
    except KeyError:
        return name


def _action(name: str, lang: str) -> str:
    try:
        return t(f"ui.action.{name}", lang)
    except KeyError:
        return name


def history_lines(history: list[AuditLine], lang: str) -> list[str]:
    """One line per change: when, who, what, and each field's new (and old) value."""
    lines = []
    for (at, actor, action), entries in groupby(history, key=lambda h: (moment(h.at), h.actor, h.action)):
        parts = []
        for entry in entries:
            if not entry.field:
                if entry.new_value:
                    parts.append(shown_value(entry.new_value, lang))
                continue
            new = shown_value(entry.new_value, lang)
            if entry.old_value:
                parts.append(f"{field_word(entry.field, lang)} {shown_value(entry.old_value, lang)} → {new}")
            else:
                parts.append(f"{field_word(entry.field, lang)} {new}")
        what = _action(action, lang) + (": " + ", ".join(parts) if parts else "")
        lines.append(f"{at} · {actor or '-'} · {what}")
    return lines


def names(found: list[str], limit: int = 6) -> str:
    if len(found) <= limit:
        return ", ".join(found) or "-"
    return ", ".join(found[: limit - 1]) + f", … (+{len(found) - limit + 1})"


def detail_view(
    details: AssignmentDetails,
    lang: str,
    *,
    status: tuple[str, str | Style] | None = None,
    contacts: Sequence[str] = (),
    province: str = "",
    version: bool = False,
) -> Group:
    """An assignment's facts, its deadline changes and its history, as lines a clerk reads
    ("15/06/2020 09:12 · root · hoàn thành: ngày 08/06/2020, báo cáo 1875/BC-SYT"). ``status``: the
    face's own label and style (the UI's short words), else :func:`status_label`'s."""
    row = details.row
    label, style = status or status_label(row, lang)
    facts = Table.grid(padding=(0, 1))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()

    def add(key: str, value: str | Text) -> None:
        facts.add_row(t(key, lang), value if isinstance(value, Text) else Text(strip_controls(value)))

    add("show.assignment", f"#{row.id}  ({t('show.version', lang)} {row.version})" if version else f"#{row.id}")
    issued = f" {t('show.issued', lang)} {day(details.directive_issued_on)}" if details.directive_issued_on else ""
    title = one_line(details.directive_title)
    directive = " ".join(part for part in (one_line(details.directive_kind), f"{row.directive}{issued}") if part)
    add("show.directive", f"{directive} - {title}" if title else directive)
    add("show.task", f"{row.ref}: {details.task_text}")
    add("show.agency", f"{row.agency} ({t('role.' + row.role, lang)})")
    if province:
        add("col.province", province)
    if contacts:
        add("ui.detail_contacts", ", ".join(contacts))
    if row.role == "coordinating" or len(details.lead_agencies) > 1:
        add("show.lead", names(details.lead_agencies))
    if details.coordinating_agencies:
        add("show.coordinating", names(details.coordinating_agencies))
    if row.period:
        add("show.period", row.period)
    deadline = f"{day(row.due_on)}  ({t('show.original', lang)}: \u201c{row.deadline_text}\u201d"
    if details.original_due_on != row.due_on:
        deadline += f"; {t('show.first_due', lang)} {day(details.original_due_on)}"
    add("show.deadline", deadline + ")")
    add("show.status", Text(f"{label}  ({t('show.as_of', lang)} {day(details.as_of)})", style=style))
    if row.completed_on:
        add("show.completed", day(row.completed_on))
    if row.result_ref:
        add("show.result", row.result_ref)
    if row.note:
        add("show.note", row.note)
    if details.withdrawal:
        w = details.withdrawal
        add("show.withdrawal", f"{day(row.withdrawn_on)}: {w.reason} {w.decision_ref} ({w.actor})")
    parts: list[Table | Text] = [facts]
    if details.changes:
        parts.append(Text(f"\n{t('show.changes', lang)}", style="bold"))
        for c in details.changes:
            why = " · ".join(filter(None, [c.reason, c.decision_ref or c.source]))
            parts.append(Text(f"{moment(c.changed_at)} · {c.actor or '-'} · {day(c.old_due_on)} → "
                              f"{day(c.new_due_on)}" + (f" · {why}" if why else "")))  # fmt: skip
    if details.history:
        parts.append(Text(f"\n{t('show.history', lang)}", style="bold"))
        parts.extend(Text(line) for line in history_lines(details.history, lang))
    return Group(*parts)


def deadline_reading(text: str, lang: str, start: date, rules: DeadlineRules = DEFAULT_RULES) -> str:
    """How the parser reads a deadline, for a form to show as it is typed: "→ 30/04/2020", the next
    occurrences of a recurring deadline, "→ standing", or "✗ " and the parser's message."""
    if not text.strip():
        return ""
    try:
        deadline = parse_deadline(text, rules)
    except TrackerError as error:
        return f"✗ {error.text(lang)}"
    if deadline.rule is not None:
        upcoming = occurrences(deadline.rule, start, date(start.year + 2, start.month, 1), rules)[:3]
        shown = ", ".join(f"{o.period}: {o.due_on:%d/%m/%Y}" for o in upcoming)
        return f"→ {t('ui.reading_recurring', lang)} {shown} …"
    if deadline.due_on is not None:
        return f"→ {deadline.due_on:%d/%m/%Y}"
    return f"→ {t('status.standing', lang)}"
