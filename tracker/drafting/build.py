"""Putting a draft together: header, outline, and for each task its agencies, roles and deadline.

Which sections hold tasks: the leaves of the outline (a section with numbered parts is the heading
of its parts, which inherit its agency and deadline), except under headings that state aims or
report past work ("MỤC ĐÍCH, YÊU CẦU", "KẾT QUẢ THỰC HIỆN", "ĐÁNH GIÁ CHUNG"). In a report (Báo cáo)
only the sections headed as tasks ("PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 3 NĂM 2020") hold tasks, and the
tasks that name no agency are the reporting agency's own.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tracker.core.catalogue import t
from tracker.core.deadlines import DeadlineRules
from tracker.core.errors import TrackerError
from tracker.drafting.agencies import KnownNames, Mention, find_mentions
from tracker.drafting.cleaning import clean_lines, is_heading_case, paragraphs, split_closing
from tracker.drafting.deadlines import FoundDeadline, find_deadline, heading_deadline
from tracker.drafting.folding import fold_keep
from tracker.drafting.header import read_header
from tracker.drafting.model import Draft, DraftTask
from tracker.drafting.reading import read_lines
from tracker.drafting.roles import Roles, read_roles
from tracker.drafting.sections import Section, outline

_TASK_HEADING = re.compile(
    r"phuong huong|(?<!ket qua thuc hien )nhiem vu|to chuc thuc hien|giai phap|phan cong|trach nhiem"
)
_NOT_TASKS = re.compile(
    r"^(?:muc dich|yeu cau|can cu|quan diem|muc tieu|ket qua|danh gia|tinh hinh|uu diem|ton tai|han che|"
    r"nguyen nhan|bai hoc|thuc trang|nhung ton tai|nhung han che|nhung ket qua)"
)
_REPORTER = re.compile(r"\s*(?:xin\s+)?bao cao(?![\w])")


@dataclass
class _Context:
    leads: list[Mention] = field(default_factory=list)
    coordinating: list[Mention] = field(default_factory=list)
    deadline: FoundDeadline | None = None
    deadline_from_heading: bool = False
    included: bool = True


def draft_file(
    path: Path,
    known: KnownNames | None = None,
    *,
    lang: str = "vi",
    rules: DeadlineRules | None = None,
    jurisdiction: str = "",
) -> Draft:
    """The draft of the document at ``path``; a file that cannot be read is a :class:`TrackerError`."""
    draft = draft_lines(read_lines(path), known, lang=lang, rules=rules, jurisdiction=jurisdiction)
    draft.path = path
    return draft


def draft_lines(
    lines: list[str],
    known: KnownNames | None = None,
    *,
    lang: str = "vi",
    rules: DeadlineRules | None = None,
    jurisdiction: str = "",
) -> Draft:
    rules = rules or DeadlineRules()
    cleaned = clean_lines(lines)
    header = read_header(cleaned)
    body, closing = split_closing(paragraphs(cleaned[header.body_start :]))
    draft = Draft(
        number=header.number,
        issued_on=header.issued_on,
        kind=header.kind,
        title=header.title,
        issuer=_known_name(header.issuer, known),
        province=header.province,
        jurisdiction=jurisdiction,
        paragraphs=body,
    )
    report = header.kind == "Báo cáo"
    reporter = _reporter(closing, known) if report else None
    if reporter is not None and not draft.issuer:
        draft.issuer = reporter.name
        draft.doubts.append(t("draft.note.issuer_from_closing", lang, issuer=reporter.name))
    for field_name, value in (
        ("number", draft.number),
        ("issued_on", draft.issued_on),
        ("kind", draft.kind),
        ("issuer", draft.issuer),
        ("title", draft.title),
    ):
        if not value:
            draft.doubts.append(t(f"draft.note.no_{field_name}", lang))
    _, roots = outline(body)
    if not roots:
        draft.problem = TrackerError(key="draft.error.no_sections", found=_found(draft, lang))
        return draft
    left_out: list[str] = []
    for root in roots:
        _visit(root, _Context(included=not report), draft, known, rules, lang, reporter, left_out)
    _unique_refs(draft, roots)
    if left_out:
        draft.doubts.append(t("draft.note.left_out", lang, refs=", ".join(left_out)))
    if not draft.tasks:
        draft.problem = TrackerError(key="draft.error.no_tasks", found=_found(draft, lang), sections=len(roots))
    return draft


def _found(draft: Draft, lang: str) -> str:
    parts = [
        p for p in (draft.kind, draft.number, draft.issued_on.strftime("%d/%m/%Y") if draft.issued_on else "") if p
    ]
    return " ".join(parts) if parts else t("draft.nothing_in_header", lang)


def _known_name(name: str, known: KnownNames | None) -> str:
    return (known.resolve(name) if known and name else None) or name


def _reporter(closing: list[str], known: KnownNames | None) -> Mention | None:
    """The agency of "…, Sở Nội vụ báo cáo Chủ tịch UBND tỉnh./." in a report's closing sentence."""
    for paragraph in closing[:2]:
        folded = fold_keep(paragraph)
        for mention in find_mentions(paragraph, known):
            if not mention.group and _REPORTER.match(folded, mention.end):
                return mention
    return None


def _included(section: Section, inherited: bool) -> bool:
    heading = fold_keep(section.heading).strip()
    if len(heading) > 120 and not is_heading_case(section.heading):
        return inherited  # a paragraph, not a heading
    if _TASK_HEADING.search(heading) and "ket qua" not in heading[:40]:
        return True
    if _NOT_TASKS.match(heading):
        return False
    return inherited


def _section_roles(section: Section, known: KnownNames | None) -> tuple[Roles, str]:
    """The section's own roles and the words of its task."""
    head = read_roles(section.heading, known)
    if head.addressed_only and section.body:
        body_text = " ".join(section.body)
        roles = read_roles(body_text, known)
        if not roles.leads:
            roles.leads = head.leads
        return roles, body_text
    roles = read_roles(section.text, known)
    return roles, section.text[roles.text_start :]


def _visit(
    section: Section,
    context: _Context,
    draft: Draft,
    known: KnownNames | None,
    rules: DeadlineRules,
    lang: str,
    reporter: Mention | None,
    left_out: list[str],
) -> None:
    included = _included(section, context.included)
    roles, text = _section_roles(section, known)
    own = _Context(included=included)
    if roles.leads:
        own.leads, own.coordinating = roles.leads, roles.coordinating
    else:
        lead_names = {m.name for m in context.leads}
        own.leads = context.leads
        own.coordinating = _merge(context.coordinating, [m for m in roles.coordinating if m.name not in lead_names])
    found = find_deadline(text, rules)
    if found is None and section.children:
        found = heading_deadline(section.heading, rules)
        own.deadline_from_heading = found is not None
    own.deadline = found or context.deadline
    if found is None:
        own.deadline_from_heading = context.deadline_from_heading
    if section.children:
        for child in section.children:
            _visit(child, own, draft, known, rules, lang, reporter, left_out)
        return
    if not included:
        return
    notes: list[str] = []
    leads = own.leads
    if not leads and reporter is not None:
        leads = [reporter]
        notes.append(t("draft.note.lead_is_reporter", lang, agency=reporter.name))
    if not leads:
        left_out.append(section.ref)
        return
    deadline = own.deadline
    if deadline is not None and deadline.others:
        notes.append(t("draft.note.other_deadlines", lang, others="; ".join(deadline.others)))
    if deadline is not None and own.deadline_from_heading:
        notes.append(t("draft.note.deadline_from_heading", lang, deadline=deadline.wording))
    if known:
        unknown = [m.name for m in (*leads, *own.coordinating) if not m.known]
        if unknown:
            notes.append(t("draft.note.unknown_agencies", lang, names="; ".join(unknown)))
    draft.tasks.append(
        DraftTask(
            ref=section.ref,
            text=_task_text(text) or _task_text(section.text),
            lead=[m.name for m in leads],
            coordinating=[m.name for m in own.coordinating],
            deadline=deadline.wording if deadline and deadline.deadline.kind != "standing" else "",
            due_on=deadline.deadline.due_on if deadline else None,
            doubts=" ".join(notes),
            line=section.line,
            span=1 + len(section.body),
        )
    )


def _merge(first: list[Mention], second: list[Mention]) -> list[Mention]:
    names = {m.name for m in first}
    return [*first, *(m for m in second if m.name not in names)]


def _task_text(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" :;,-")
    return re.sub(r"\s*\./\.\s*$", ".", text)


def _unique_refs(draft: Draft, roots: list[Section]) -> None:
    """Two tasks with the same short ref ("2.1" under I and under II) get their full path ("II.2.1")."""
    by_line = {s.line: s for root in roots for s in root.walk()}
    counts = Counter(task.ref for task in draft.tasks)
    for task in draft.tasks:
        if counts[task.ref] > 1:
            task.ref = by_line[task.line].long_ref
