"""``tracker draft FILE --review``: the draft's tasks beside the text they came from, to fix and accept.

The clerk moves through the tasks (the source panel shows and marks the paragraphs each comes from),
fixes a task's ref, lead, coordinating agencies or deadline (its due date read again by the one
deadline reader), drops a task or takes it back, and accepts. Accepting writes the kept tasks to a
file in the import format and imports it with :meth:`Tracker.import_file`, the one write path: all
or nothing, its summary or its problems shown here (problems keep the screen open). When the only
problems are agencies the list lacks, the clerk is asked, explicitly, whether to create them (what
``tracker import --create-agencies`` does).

A standalone Textual app: it reads and writes through :mod:`tracker.api` alone.
"""

from __future__ import annotations

import copy
import dataclasses
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label, Static

from tracker.core.catalogue import t
from tracker.core.deadlines import DeadlineRules, parse_date, parse_deadline
from tracker.core.errors import TrackerError
from tracker.core.text import for_terminal, one_line
from tracker.ui.text_input import TextInput

if TYPE_CHECKING:
    from tracker.api import Tracker
    from tracker.drafting.model import Draft, DraftTask
    from tracker.importing.assignments import ImportReport

_NARROW = 100
"""Below this width the detail of a task takes fewer lines and the table fewer columns."""


def split_names(text: str) -> list[str]:
    """``"Sở Nội vụ; Sở Tư pháp"`` -> the names, in order, each once, without empty ones."""
    names: list[str] = []
    for part in text.split(";"):
        name = one_line(part)
        if name and name not in names:
            names.append(name)
    return names


@dataclass
class ReviewedTask:
    """A task of the draft as the clerk has it now."""

    task: DraftTask
    dropped: bool = False
    edited: bool = False


@dataclass
class Outcome:
    """What an accept gave: the report of the import (or a problem that stopped it before)."""

    report: ImportReport | None = None
    problem: TrackerError | None = None
    creatable: ImportReport | None = None
    """The dry run with agencies created, when the plain import failed: ok means that creating the
    missing agencies is all it takes."""
    paths: list[str] = field(default_factory=list)


class EditTask(ModalScreen[bool]):
    """Ref, lead, coordinating and deadline of one task; Enter saves, Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", show=False)]
    DEFAULT_CSS = """
    EditTask { align: center middle; }
    EditTask > Vertical { width: 90%; max-width: 100; height: auto; max-height: 100%;
                          border: round $accent; padding: 0 1; background: $surface; }
    EditTask Label { height: 1; }
    EditTask Input { height: 1; border: none; padding: 0 1; background: $boost; margin-bottom: 1; }
    EditTask Input:focus { border: none; background: $primary 40%; }
    EditTask .edit-title { text-style: bold; }
    EditTask #edit-due { height: auto; color: $text-muted; }
    EditTask #edit-error { height: auto; color: $error; }
    EditTask #edit-keys { height: 1; color: $text-muted; }
    """

    def __init__(self, reviewed: ReviewedTask, others: list[str], rules: DeadlineRules, lang: str, focus: str) -> None:
        super().__init__()
        self.reviewed = reviewed
        self.others = others
        """The refs of the other kept tasks."""
        self.rules = rules
        self.lang = lang
        self.first = focus

    def compose(self) -> ComposeResult:
        task, lang = self.reviewed.task, self.lang
        with Vertical():
            yield Label(for_terminal(t("draft.review.edit_title", lang, ref=task.ref)), classes="edit-title")
            yield Label(t("draft.review.field_ref", lang))
            yield TextInput(task.ref, id="edit-ref")
            yield Label(t("draft.review.field_lead", lang))
            yield TextInput("; ".join(task.lead), id="edit-lead")
            yield Label(t("draft.review.field_coordinating", lang))
            yield TextInput("; ".join(task.coordinating), id="edit-coordinating")
            yield Label(t("draft.review.field_deadline", lang))
            yield TextInput(task.deadline, id="edit-deadline")
            yield Static(id="edit-due")
            yield Static(id="edit-error")
            yield Static(t("draft.review.edit_keys", lang), id="edit-keys")

    def on_mount(self) -> None:
        self.query_one(f"#edit-{self.first}", Input).focus()
        self._show_due(self.query_one("#edit-deadline", Input).value)

    def _show_due(self, wording: str) -> None:
        due = self.query_one("#edit-due", Static)
        try:
            deadline = parse_deadline(wording, self.rules)
        except TrackerError as error:
            due.update(for_terminal(error.text(self.lang)))
            return
        due.update(t("draft.review.due_reads", self.lang, due=_due_text(deadline.due_on, deadline.rule, self.lang)))

    @on(Input.Changed, "#edit-deadline")
    def _deadline_changed(self, event: Input.Changed) -> None:
        self._show_due(event.value)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        lang = self.lang
        ref = one_line(self.query_one("#edit-ref", Input).value)
        leads = split_names(self.query_one("#edit-lead", Input).value)
        coordinating = [n for n in split_names(self.query_one("#edit-coordinating", Input).value) if n not in leads]
        wording = one_line(self.query_one("#edit-deadline", Input).value)
        problem = ""
        focus = ""
        if not ref:
            problem, focus = t("draft.review.error_ref_empty", lang), "ref"
        elif ref in self.others:
            problem, focus = t("draft.review.error_ref_taken", lang, ref=ref), "ref"
        elif not leads:
            problem, focus = t("draft.review.error_no_lead", lang), "lead"
        due_on = None
        if not problem:
            try:
                deadline = parse_deadline(wording, self.rules)
                due_on = deadline.due_on
            except TrackerError as error:
                problem, focus = error.text(lang), "deadline"
        if problem:
            self.query_one("#edit-error", Static).update(for_terminal(problem))
            self.query_one(f"#edit-{focus}", Input).focus()
            return
        task = self.reviewed.task
        changed = (ref, leads, coordinating, wording) != (task.ref, task.lead, task.coordinating, task.deadline)
        task.ref, task.lead, task.coordinating, task.deadline, task.due_on = ref, leads, coordinating, wording, due_on
        self.reviewed.edited = self.reviewed.edited or changed
        self.dismiss(changed)

    def action_cancel(self) -> None:
        self.dismiss(False)


class EditHeader(ModalScreen[bool]):
    """The directive's number, date of issue, kind, issuer and title; Enter saves, Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", show=False)]
    DEFAULT_CSS = EditTask.DEFAULT_CSS.replace("EditTask", "EditHeader")
    FIELDS = ("number", "issued_on", "kind", "issuer", "title")

    def __init__(self, draft: Draft, lang: str) -> None:
        super().__init__()
        self.draft = draft
        self.lang = lang

    def compose(self) -> ComposeResult:
        draft, lang = self.draft, self.lang
        values = {
            "number": draft.number,
            "issued_on": f"{draft.issued_on:%d/%m/%Y}" if draft.issued_on else "",
            "kind": draft.kind,
            "issuer": draft.issuer,
            "title": draft.title,
        }
        with Vertical():
            yield Label(t("draft.review.header_title", lang), classes="edit-title")
            for name in self.FIELDS:
                yield Label(t(f"draft.review.field_{name}", lang))
                yield TextInput(values[name], id=f"edit-{name}")
            yield Static(id="edit-error")
            yield Static(t("draft.review.edit_keys", lang), id="edit-keys")

    def on_mount(self) -> None:
        self.query_one("#edit-number", Input).focus()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        values = {name: one_line(self.query_one(f"#edit-{name}", Input).value) for name in self.FIELDS}
        problem, focus = "", ""
        issued_on = None
        if not values["number"]:
            problem, focus = t("draft.review.error_no_number", self.lang), "number"
        elif values["issued_on"]:
            try:
                issued_on = parse_date(values["issued_on"])
            except TrackerError as error:
                problem, focus = error.text(self.lang), "issued_on"
        if problem:
            self.query_one("#edit-error", Static).update(for_terminal(problem))
            self.query_one(f"#edit-{focus}", Input).focus()
            return
        draft = self.draft
        before = (draft.number, draft.issued_on, draft.kind, draft.issuer, draft.title)
        draft.number, draft.issued_on = values["number"], issued_on
        draft.kind, draft.issuer, draft.title = values["kind"], values["issuer"], values["title"]
        self.dismiss(before != (draft.number, draft.issued_on, draft.kind, draft.issuer, draft.title))

    def action_cancel(self) -> None:
        self.dismiss(False)


class Question(ModalScreen[bool]):
    """A yes-or-no question: y answers yes; n or Escape answers no. Nothing else does."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", show=False),
        Binding("n", "answer(False)", show=False),
        Binding("escape", "answer(False)", show=False),
    ]
    DEFAULT_CSS = """
    Question { align: center middle; }
    Question > Static { width: 90%; max-width: 90; height: auto; max-height: 90%; border: round $warning;
                        padding: 0 1; background: $surface; }
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.text)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class DraftReviewApp(App[None]):
    """Review a draft and import what the clerk accepts."""

    TITLE = "tracker draft --review"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit('ref')", show=False),
        Binding("l", "edit('lead')", show=False),
        Binding("c", "edit('coordinating')", show=False),
        Binding("d", "edit('deadline')", show=False),
        Binding("r", "edit('ref')", show=False),
        Binding("x,delete", "drop", show=False),
        Binding("h", "edit_header", show=False),
        Binding("a,ctrl+s", "accept", show=False),
        Binding("q,escape", "leave", show=False),
    ]
    CSS = """
    Screen { layout: vertical; }
    #head { height: auto; max-height: 2; padding: 0 1; background: $boost; text-style: bold; }
    #doubts { height: auto; max-height: 3; padding: 0 1; color: $warning; }
    #panes { height: 1fr; }
    #left { width: 1fr; }
    #tasks { height: 1fr; }
    #task { height: auto; max-height: 50%; padding: 0 1; border-top: solid $primary; }
    #source { width: 1fr; border-left: solid $primary; padding: 0 1; }
    #source:focus-within, #source:focus { border-left: thick $accent; }
    .paragraph { height: auto; padding-left: 1; }
    .paragraph.current { background: $accent 30%; text-style: bold; padding-left: 0; border-left: outer $accent; }
    #messages { height: auto; max-height: 8; padding: 0 1; border-top: solid $primary; display: none; }
    #messages.shown { display: block; }
    #messages.problem { color: $error; }
    #keys { height: auto; max-height: 2; padding: 0 1; background: $boost; color: $text-muted; }
    """

    def __init__(
        self,
        tracker: Tracker,
        draft: Draft,
        lang: str = "vi",
        *,
        rules: DeadlineRules | None = None,
    ) -> None:
        super().__init__()
        self.tracker = tracker
        self.draft = copy.copy(draft)
        self.lang = lang
        self.rules = rules or tracker.settings.deadline_rules
        self.reviewed = [ReviewedTask(copy.deepcopy(task)) for task in draft.tasks]
        self.imported: ImportReport | None = None
        self.busy = False
        self.changed = False
        self.current: list[int] = []

    # --- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="head")
        yield Static(id="doubts")
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield DataTable(id="tasks", cursor_type="row", zebra_stripes=True)
                yield Static(id="task")
            with VerticalScroll(id="source"):
                for index, paragraph in enumerate(self.draft.paragraphs):
                    yield Static(for_terminal(paragraph), classes="paragraph", id=f"p{index}")
        with VerticalScroll(id="messages"):
            yield Static(id="message")
        yield Static(t("draft.review.keys", self.lang), id="keys")

    def on_mount(self) -> None:
        path = self.draft.path.name if self.draft.path else ""
        self.title = t("draft.review.title", self.lang, path=path)
        doubts = self.query_one("#doubts", Static)
        if self.draft.doubts:
            doubts.update(for_terminal(t("draft.review.doubts", self.lang, doubts=self.draft.doubts_text)))
        else:
            doubts.display = False
        self._fill()
        self.query_one("#tasks", DataTable).focus()

    def on_resize(self) -> None:
        self._fill()

    def _head(self) -> str:
        draft, lang = self.draft, self.lang
        missing = t("draft.review.missing", lang)
        kept = sum(1 for r in self.reviewed if not r.dropped)
        return for_terminal(
            t(
                "draft.review.head",
                lang,
                kind=draft.kind or missing,
                number=draft.number or missing,
                issued=f"{draft.issued_on:%d/%m/%Y}" if draft.issued_on else missing,
                issuer=draft.issuer or missing,
                kept=kept,
                total=len(self.reviewed),
            )
        )

    def _fill(self) -> None:
        """(Re)draw the table at the current width, keeping the cursor's row."""
        table = self.query_one("#tasks", DataTable)
        row = table.cursor_row if table.row_count else 0
        table.clear(columns=True)
        width = max(30, self.query_one("#left").size.width or self.size.width // 2)
        due_width = max(10, *(len(t(k, self.lang)) for k in ("draft.review.standing_short", "draft.review.recurring")))
        ref_width = min(10, max([len(r.task.ref) for r in self.reviewed] + [3]) + 2)
        lead_width = max(8, width - ref_width - due_width - 8)  # cell padding and the scrollbar
        table.add_column(t("draft.review.col_ref", self.lang), width=ref_width, key="ref")
        table.add_column(t("draft.review.col_lead", self.lang), width=lead_width, key="lead")
        table.add_column(t("draft.review.col_due", self.lang), width=due_width, key="due")
        for index, reviewed in enumerate(self.reviewed):
            task = reviewed.task
            style = "strike dim" if reviewed.dropped else ("italic" if reviewed.edited else "")
            mark = "✗ " if reviewed.dropped else ("* " if reviewed.edited else "")
            lead = "; ".join(task.lead)
            if len(lead) > lead_width:
                lead = lead[: lead_width - 1] + "…"
            table.add_row(
                Text(for_terminal(mark + task.ref), style=style),
                Text(for_terminal(lead), style=style),
                Text(_due_text(task.due_on, _rule_of(task, self.rules), self.lang, short=True), style=style),
                key=str(index),
            )
        self.query_one("#head", Static).update(self._head())
        if self.reviewed:
            table.move_cursor(row=min(row, len(self.reviewed) - 1))
            self._show(table.cursor_row)
        else:
            self.query_one("#task", Static).update(t("draft.review.no_tasks", self.lang))

    @on(DataTable.RowHighlighted, "#tasks")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show(event.cursor_row)

    def _show(self, index: int) -> None:
        """The task's detail under the table, and its paragraphs marked (and in view) in the source."""
        if not 0 <= index < len(self.reviewed):
            return
        reviewed = self.reviewed[index]
        task, lang = reviewed.task, self.lang
        narrow = self.size.width < _NARROW
        lines = [
            Text.assemble((t("draft.review.label_lead", lang) + ": ", "bold"), for_terminal("; ".join(task.lead))),
            Text.assemble(
                (t("draft.review.label_coordinating", lang) + ": ", "bold"),
                for_terminal("; ".join(task.coordinating)) or "—",
            ),
            Text.assemble(
                (t("draft.review.label_deadline", lang) + ": ", "bold"),
                for_terminal(task.deadline) or "—",
                f" → {_due_text(task.due_on, _rule_of(task, self.rules), lang)}",
            ),
        ]
        text = task.text if not narrow or len(task.text) <= 160 else task.text[:159] + "…"
        lines.insert(0, Text.assemble((t("draft.review.label_text", lang) + ": ", "bold"), for_terminal(text)))
        if task.doubts:
            lines.append(
                Text.assemble((t("draft.review.label_doubts", lang) + ": ", "bold yellow"), for_terminal(task.doubts))
            )
        if reviewed.dropped:
            lines.append(Text(t("draft.review.dropped", lang), style="bold red"))
        self.query_one("#task", Static).update(Text("\n").join(lines))
        for number in self.current:
            self.query_one(f"#p{number}").remove_class("current")
        count = len(self.draft.paragraphs)
        self.current = [n for n in range(task.line, task.line + max(1, task.span)) if 0 <= n < count]
        for number in self.current:
            self.query_one(f"#p{number}").add_class("current")
        if self.current:
            self.query_one("#source", VerticalScroll).scroll_to_widget(
                self.query_one(f"#p{self.current[0]}"), animate=False, top=True
            )

    def _say(self, text: str, *, problem: bool = False) -> None:
        box = self.query_one("#messages", VerticalScroll)
        box.add_class("shown")
        box.set_class(problem, "problem")
        self.query_one("#message", Static).update(for_terminal(text))
        box.scroll_home(animate=False)

    # --- actions -------------------------------------------------------------------------------

    def _cursor(self) -> int | None:
        table = self.query_one("#tasks", DataTable)
        if not self.reviewed or not 0 <= table.cursor_row < len(self.reviewed):
            return None
        return table.cursor_row

    def _asking(self) -> bool:
        """A dialog is open: the keys of the screen under it do nothing."""
        return isinstance(self.screen, ModalScreen)

    def _locked(self) -> bool:
        if self._asking():
            return True
        if self.imported is not None:
            self._say(t("draft.review.already_imported", self.lang))
            return True
        return self.busy

    def action_edit(self, focus: str) -> None:
        index = self._cursor()
        if index is None or self._locked():
            return
        others = [r.task.ref for i, r in enumerate(self.reviewed) if i != index and not r.dropped]

        def done(changed: bool | None) -> None:
            if changed:
                self.changed = True
            self._fill()

        self.push_screen(EditTask(self.reviewed[index], others, self.rules, self.lang, focus), done)

    def action_edit_header(self) -> None:
        if self._locked():
            return

        def done(changed: bool | None) -> None:
            if changed:
                self.changed = True
            self._fill()

        self.push_screen(EditHeader(self.draft, self.lang), done)

    def action_drop(self) -> None:
        index = self._cursor()
        if index is None or self._locked():
            return
        reviewed = self.reviewed[index]
        if reviewed.dropped and any(r.task.ref == reviewed.task.ref for r in self.reviewed if not r.dropped):
            self._say(t("draft.review.error_ref_taken", self.lang, ref=reviewed.task.ref), problem=True)
            return
        reviewed.dropped = not reviewed.dropped
        self.changed = True
        self._fill()

    @on(DataTable.RowSelected, "#tasks")
    def _selected(self) -> None:
        self.action_edit("ref")

    def action_leave(self) -> None:
        if self._asking():
            return
        if self.imported is not None or not self.reviewed or self.busy:
            self.exit()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit()

        self.push_screen(Question(t("draft.review.ask_leave", self.lang)), answered)

    def action_accept(self) -> None:
        if self._locked():
            return
        if not any(not r.dropped for r in self.reviewed):
            self._say(t("draft.review.nothing_kept", self.lang), problem=True)
            return
        self.busy = True
        self._say(t("draft.review.importing", self.lang))
        self._run_import(create=False)

    def accepted(self) -> Draft:
        """The draft with the kept tasks, as the clerk has them."""
        kept = copy.copy(self.draft)
        kept.tasks = [r.task for r in self.reviewed if not r.dropped]
        return kept

    def _import_file(self) -> Draft:
        """What is imported: the kept tasks without the drafter's doubts, which the clerk has seen here."""
        kept = self.accepted()
        kept.doubts = []
        kept.tasks = [dataclasses.replace(task, doubts="") for task in kept.tasks]
        return kept

    @work(thread=True, exclusive=True, group="import")
    def _run_import(self, create: bool) -> None:
        outcome = self.import_draft(create=create)
        self.call_from_thread(self._imported, outcome, create)

    def import_draft(self, *, create: bool) -> Outcome:
        """Import the kept tasks through the import path; when that fails and ``create`` is false, a dry
        run with the missing agencies created says whether creating them is all it takes."""
        from tracker.drafting.writing import render

        outcome = Outcome()
        stem = self.draft.path.name if self.draft.path else "draft"
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"{stem}.draft.json"
            outcome.paths = [str(path), folder]
            path.write_text(render(self._import_file(), "json"), encoding="utf-8")
            try:
                outcome.report = self.tracker.import_file(path, file_format="json", create_agencies=create)
                if not outcome.report.ok and not create:
                    outcome.creatable = self.tracker.import_file(
                        path, file_format="json", create_agencies=True, dry_run=True
                    )
            except TrackerError as error:
                outcome.problem = error
        return outcome

    def _problem_lines(self, report: ImportReport, paths: list[str]) -> list[str]:
        """The import's problems, each naming the task by its ref rather than the file's JSON path."""
        from tracker.importing.problems import said

        refs = [r.task.ref for r in self.reviewed if not r.dropped]

        def by_ref(match: re.Match[str]) -> str:
            index = int(match.group(1))
            if index >= len(refs):
                return match.group(0)
            return t("draft.review.problem_task", self.lang, ref=refs[index]) + ", "

        lines = []
        for line in report.errors:
            text = said(line, self.lang)
            for path in paths:
                text = text.replace(path + ":", "").replace(path, "")
            lines.append("• " + re.sub(r"directives\[0\]\.tasks\[(\d+)\]:?", by_ref, text))
        return lines

    def _imported(self, outcome: Outcome, created: bool) -> None:
        self.busy = False
        lang = self.lang
        if outcome.problem is not None:
            text = outcome.problem.text(lang)
            for path in outcome.paths:
                text = text.replace(path, "")
            self._say(t("draft.review.failed", lang, count=1) + "\n• " + text, problem=True)
            return
        report = outcome.report
        assert report is not None
        if report.ok:
            self.imported = report
            report.path = self.draft.path.name if self.draft.path else report.path
            self._say(t("draft.review.imported", lang, summary=report.summary(lang)))
            return
        lines = self._problem_lines(report, outcome.paths)
        self._say("\n".join([t("draft.review.failed", lang, count=len(lines)), *lines]), problem=True)
        creatable = outcome.creatable
        if created or creatable is None or not creatable.ok or not creatable.agencies_created:
            return
        question = t("draft.review.ask_create", lang, count=creatable.agencies_created, problems="\n".join(lines))

        def answered(yes: bool | None) -> None:
            if yes:
                self.busy = True
                self._say(t("draft.review.importing", lang))
                self._run_import(create=True)

        self.push_screen(Question(question), answered)


def _rule_of(task: DraftTask, rules: DeadlineRules) -> str | None:
    """The task's recurrence, when its deadline wording has one (the draft keeps no rule)."""
    if task.due_on is not None or not task.deadline:
        return None
    try:
        return parse_deadline(task.deadline, rules).rule
    except TrackerError:
        return None


def _due_text(due_on: object, rule: str | None, lang: str, *, short: bool = False) -> str:
    if due_on is not None:
        return f"{due_on:%d/%m/%Y}"
    if rule is not None:
        return t("draft.review.recurring", lang)
    return t("draft.review.standing_short" if short else "draft.review.standing", lang)
