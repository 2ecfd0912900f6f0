"""Building the daily digests: one per agency with overdue or due-soon assignments where it leads (a
section for those it coordinates), and one summary for the secretariat. Plain text and HTML."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from html import escape

from tracker.core.status import Status
from tracker.core.text import one_line
from tracker.i18n import t
from tracker.store import queries
from tracker.store.queries import AssignmentFilter, AssignmentRow
from tracker.store.reader import Reader


@dataclass
class Digest:
    key: str
    """What this digest is, for the sent log: "agency:<id>" or "summary"."""
    to: list[str]
    subject: str
    text: str
    html: str
    agency: str = ""


@dataclass
class DigestPlan:
    as_of: date
    digests: list[Digest] = field(default_factory=list)
    agencies_without_contact: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Directive:
    issued_on: date | None
    title: str


def _facts(reader: Reader, rows: Sequence[AssignmentRow]) -> dict[int, _Directive]:
    ids = sorted({row.directive_id for row in rows})
    found: dict[int, _Directive] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        params = {f"d{i}": d for i, d in enumerate(chunk)}
        marks = ", ".join(f":d{i}" for i in range(len(chunk)))
        for directive_id, issued_on, title in reader.rows(
            f"SELECT id, issued_on, title FROM directive WHERE id IN ({marks})", params
        ):
            found[directive_id] = _Directive(reader.to_date(issued_on), title)
    return found


def _contacts(reader: Reader) -> dict[int, list[str]]:
    contacts: dict[int, list[str]] = defaultdict(list)
    for agency_id, email in reader.rows("SELECT agency_id, email FROM agency_contact ORDER BY id"):
        contacts[agency_id].append(email)
    return contacts


class _Lines:
    """Renders assignments as digest lines, each once (the summary repeats the agencies' lines) and
    with each directive's heading rendered once."""

    def __init__(self, facts: dict[int, _Directive], as_of: date, lang: str) -> None:
        self.facts = facts
        self.as_of = as_of
        self.lang = lang
        self.heads: dict[int, tuple[str, str]] = {}
        self.lines: dict[tuple[object, ...], tuple[str, str]] = {}
        self.deadline_word = t("show.deadline", lang)
        self.overdue_template = t("status.days_overdue", lang, days="{days}")
        self.due_in_template = t("status.due_in", lang, days="{days}")

    def head(self, row: AssignmentRow) -> tuple[str, str]:
        found = self.heads.get(row.directive_id)
        if found is None:
            directive = self.facts[row.directive_id]
            issued = f" {t('show.issued', self.lang)} {directive.issued_on:%d/%m/%Y}" if directive.issued_on else ""
            text = f"{row.directive}{issued} - {one_line(directive.title)}"
            found = self.heads[row.directive_id] = (text, escape(text))
        return found

    def line(self, row: AssignmentRow) -> tuple[str, str]:
        """One assignment as text (several lines) and as an HTML table row. The agencies of one task and
        period share a line, so it is rendered once."""
        key = (row.task_id, row.period, row.due_on, row.deadline_text)
        found = self.lines.get(key)
        if found is not None:
            return found
        head, head_html = self.head(row)
        task = f"{row.ref}: {one_line(row.task)}"
        due = f"{row.due_on:%d/%m/%Y}" if row.due_on else "-"
        deadline = f"{due} (\u201c{one_line(row.deadline_text)}\u201d)" + (f", {row.period}" if row.period else "")
        if row.status is Status.OVERDUE:
            state = self.overdue_template.format(days=row.days_overdue)
        else:
            state = self.due_in_template.format(days=(row.due_on - self.as_of).days) if row.due_on else ""
        found = self.lines[key] = (
            f"- {head}\n  {task}\n  {self.deadline_word}: {deadline} - {state}\n",
            f"<tr><td>{head_html}</td><td>{escape(task)}</td><td>{escape(deadline)}</td><td>{escape(state)}</td></tr>",
        )
        return found


def _section(title: str, rows: list[AssignmentRow], lines: _Lines) -> tuple[str, str]:
    if not rows:
        return "", ""
    rendered = [lines.line(row) for row in rows]
    lang = lines.lang
    text = f"\n{title.upper()} ({len(rows)})\n" + "".join(line[0] for line in rendered)
    head = "".join(f"<th>{escape(t(k, lang))}</th>" for k in ("col.directive", "col.task", "col.due", "col.status"))
    html = (
        f"<h3>{escape(title)} ({len(rows)})</h3><table border='1' cellpadding='4' cellspacing='0'>"
        f"<tr>{head}</tr>{''.join(line[1] for line in rendered)}</table>"
    )
    return text, html


def _subject(name: str, overdue: int, soon: int, as_of: date, lang: str) -> str:
    counts = t("mail.counts", lang, overdue=overdue, soon=soon)
    return one_line(f"{t('mail.prefix', lang)} {name}: {counts} ({as_of:%d/%m/%Y})")


def _page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>{body}</body></html>"


def build_digests(
    reader: Reader,
    as_of: date,
    *,
    due_within: int = 7,
    only_overdue: bool = False,
    agency_ids: Sequence[int] | None = None,
    secretariat: Sequence[str] = (),
    lang: str = "vi",
) -> DigestPlan:
    """Every digest due at ``as_of``, built from one query of open assignments."""
    criteria = AssignmentFilter(overdue=True, due_within=None if only_overdue else due_within, agency_ids=agency_ids)
    rows = list(queries.list_assignments(reader, criteria, as_of, due_soon_days=due_within))
    lines = _Lines(_facts(reader, rows), as_of, lang)
    contacts = _contacts(reader)
    by_agency: dict[int, dict[str, list[AssignmentRow]]] = defaultdict(lambda: defaultdict(list))
    names: dict[int, str] = {}
    for row in rows:
        names[row.agency_id] = row.agency
        part = "coordinating" if row.role == "coordinating" else row.status.value
        by_agency[row.agency_id][part].append(row)
    plan = DigestPlan(as_of)
    summary_counts: list[tuple[str, int, int]] = []
    for agency_id, parts in sorted(by_agency.items(), key=lambda item: names[item[0]]):
        overdue = parts.get(Status.OVERDUE.value, [])
        soon = parts.get(Status.IN_PROGRESS.value, [])
        coordinating = parts.get("coordinating", [])
        name = names[agency_id]
        if not overdue and not soon:
            continue  # only coordinating: it hears about them from the lead agencies
        summary_counts.append((name, len(overdue), len(soon)))
        addresses = contacts.get(agency_id, [])
        if not addresses:
            plan.agencies_without_contact.append(name)
            continue
        sections = [
            _section(t("mail.overdue", lang), overdue, lines),
            _section(t("mail.due_soon", lang), soon, lines),
            _section(t("mail.coordinating", lang), coordinating, lines),
        ]
        intro = t("mail.intro", lang, agency=one_line(name), as_of=f"{as_of:%d/%m/%Y}")
        footer = t("mail.footer", lang)
        plan.digests.append(
            Digest(
                key=f"agency:{agency_id}",
                to=list(addresses),
                subject=_subject(name, len(overdue), len(soon), as_of, lang),
                text=intro + "\n" + "".join(s[0] for s in sections) + "\n" + footer + "\n",
                html=_page(f"<p>{escape(intro)}</p>" + "".join(s[1] for s in sections) + f"<p>{escape(footer)}</p>"),
                agency=name,
            )
        )
    if secretariat and agency_ids is None:
        plan.digests.append(_summary(rows, summary_counts, plan, lines, as_of, secretariat, lang))
    return plan


def _summary(
    rows: list[AssignmentRow],
    counts: list[tuple[str, int, int]],
    plan: DigestPlan,
    lines: _Lines,
    as_of: date,
    secretariat: Sequence[str],
    lang: str,
) -> Digest:
    overdue_rows = [row for row in rows if row.status is Status.OVERDUE and row.role == "lead"]
    total_overdue = sum(c[1] for c in counts)
    total_soon = sum(c[2] for c in counts)
    table_text = "".join(f"- {one_line(name)}: {t('mail.counts', lang, overdue=o, soon=s)}\n" for name, o, s in counts)
    table_html = "".join(f"<tr><td>{escape(name)}</td><td>{o}</td><td>{s}</td></tr>" for name, o, s in counts)
    missing = ""
    if plan.agencies_without_contact:
        missing = t("mail.no_contact", lang) + " " + ", ".join(plan.agencies_without_contact) + "\n"
    section_text, section_html = _section(t("mail.overdue", lang), overdue_rows, lines)
    intro = t("mail.summary_intro", lang, as_of=f"{as_of:%d/%m/%Y}")
    html_counts = (
        f"<table border='1' cellpadding='4' cellspacing='0'><tr><th>{escape(t('col.agency', lang))}</th>"
        f"<th>{escape(t('short.overdue', lang))}</th><th>{escape(t('status.due_soon', lang))}</th></tr>"
        f"{table_html}</table>"
    )
    return Digest(
        key="summary",
        to=list(secretariat),
        subject=_subject(t("mail.summary", lang), total_overdue, total_soon, as_of, lang),
        text=f"{intro}\n\n{table_text}{missing}{section_text}",
        html=_page(f"<p>{escape(intro)}</p>{html_counts}<p>{escape(missing)}</p>{section_html}"),
    )
