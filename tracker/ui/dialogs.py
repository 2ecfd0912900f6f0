"""Small modal forms: each names what it acts on, asks for a few fields and returns them read (a date
as a ``date``), or None when cancelled. A field that cannot be read keeps the dialog open, with what
was typed, and its error under the field; a save that fails (a conflict) opens the dialog again with
what was typed (:meth:`FormDialog.keep_typed`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from tracker.core.deadlines import DeadlineRules, parse_date, parse_deadline
from tracker.core.errors import TrackerError
from tracker.i18n import t
from tracker.services.views import AssignmentRow
from tracker.ui.text_input import TextInput


class FieldError(Exception):
    """A field's value cannot be used: the text to show under it."""


Reader = Callable[[str], Any]
"""Reads a field's text into its value, or raises :class:`FieldError`."""


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    value: str = ""
    read: Reader | None = None
    shows_reading: bool = False
    """Show, as it is typed, how the value is read (a date)."""
    question: Callable[[Any], str] | None = None
    """A value that can be right but is unusual (a completion after the as-of date, a file that exists):
    the text asking about it, shown under the field; "" when there is nothing to ask. OK (or Enter)
    again with the same value saves it."""


def read_date(lang: str) -> Reader:
    def read(text: str) -> date:
        try:
            return parse_date(text.strip())
        except TrackerError:
            raise FieldError(t("ui.not_a_date", lang, value=text.strip())) from None

    return read


def read_deadline_date(lang: str, rules: DeadlineRules) -> Reader:
    """A due date written as a date or as a deadline ("trước 30/6/2020"): the reader ``N`` uses."""

    def read(text: str) -> date:
        try:
            deadline = parse_deadline(text.strip(), rules)
        except TrackerError:
            raise FieldError(t("ui.not_a_date", lang, value=text.strip())) from None
        if deadline.due_on is None or deadline.rule is not None:
            raise FieldError(t("ui.not_one_date", lang, value=text.strip()))
        return deadline.due_on

    return read


def required(lang: str, label: str) -> Reader:
    def read(text: str) -> str:
        if not text.strip():
            raise FieldError(t("ui.field_required", lang, field=label))
        return text.strip()

    return read


def subject_line(row: AssignmentRow, province: str = "") -> str:
    """What a dialog acts on: "#272 · Sở Nội vụ · 3.1.a Xây dựng kế hoạch …"."""
    agency = f"{row.agency} ({province})" if province else row.agency
    return f"#{row.id} · {agency} · {row.directive} {row.ref} {row.task}"


TYPE_AHEAD_BINDINGS = [
    Binding("tab", "app.focus_next", show=False, priority=True),
    Binding("shift+tab", "app.focus_previous", show=False, priority=True),
]
"""Tab handled the moment it is read, as the keys typed after it go straight to the focused field: a
Tab typed ahead then moves the focus before the next letters arrive."""


class FormDialog(ModalScreen[dict[str, Any] | None]):
    """A title, what it acts on, labelled inputs (a date shows how it is read, live), OK and Cancel."""

    BINDINGS = [Binding("escape", "cancel", show=False), *TYPE_AHEAD_BINDINGS]

    def __init__(
        self,
        title: str,
        fields: list[Field],
        lang: str,
        *,
        subject: str = "",
        notice: str = "",
        ok_label: str = "",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.fields = fields
        self.lang = lang
        self.subject = subject
        self.notice = notice
        self.ok_label = ok_label or t("ui.ok", lang)
        self._asked: dict[str, Any] = {}
        """The values whose question the clerk has seen, by field: the same value again is confirmed."""
        self.typed: dict[str, str] = {}
        """The text of each field when OK read them all: what opens the dialog again after a conflict."""
        self.problem = ""
        """Why the dialog is open again (a conflict), shown above its fields."""

    def keep_typed(self, typed: dict[str, str], problem: str) -> None:
        """Before it opens: its fields hold ``typed`` (what the clerk typed the time before), and it says
        ``problem`` (why that was not saved)."""
        self.fields = [replace(field, value=typed.get(field.name, field.value)) for field in self.fields]
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.title_text, id="dialog-title")
            if self.subject:
                yield Static(self.subject, id="dialog-subject")
            if self.notice:
                yield Static(self.notice, id="dialog-notice")
            if self.problem:
                yield Static(self.problem, id="dialog-error", classes="problem")
            with VerticalScroll(id="dialog-fields"):
                for field in self.fields:
                    with Horizontal(classes="field"):
                        yield Label(field.label, classes="field-label")
                        yield TextInput(value=field.value, id=f"field-{field.name}", compact=True)
                    note = Static(self._reading(field, field.value), id=f"note-{field.name}", classes="reading")
                    note.display = bool(self._reading(field, field.value))
                    yield note
            with Horizontal(id="dialog-buttons"):
                yield Button(self.ok_label, variant="primary", id="ok", compact=True)
                yield Button(t("ui.cancel", self.lang), id="cancel", compact=True)

    def on_mount(self) -> None:
        # Now, before the keys typed after the one that opened it; a confirmation (no field) focuses OK.
        self.set_focus(self.query(Input).first() if self.fields else self.query_one("#ok", Button))

    def _reading(self, field: Field, text: str) -> str:
        if not field.shows_reading or not text.strip() or field.read is None:
            return ""
        try:
            value = field.read(text)
        except FieldError as error:
            return f"✗ {error}"
        return f"→ {value:%d/%m/%Y}" if isinstance(value, date) else ""

    def _show(self, name: str, text: str, error: bool) -> None:
        note = self.query_one(f"#note-{name}", Static)
        note.update(text)
        note.display = bool(text)
        note.set_class(error, "error")

    def on_input_changed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("field-")
        field = next((f for f in self.fields if f.name == name), None)
        if field is not None:
            reading = self._reading(field, event.value)
            self._show(name, reading, reading.startswith("✗"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self._submit()
        else:
            self.dismiss(None)

    def _submit(self) -> None:
        values: dict[str, Any] = {}
        first_wrong: Input | None = None
        for field in self.fields:
            widget = self.query_one(f"#field-{field.name}", Input)
            text = widget.value
            try:
                values[field.name] = field.read(text) if field.read is not None else text.strip()
            except FieldError as error:
                self._show(field.name, f"✗ {error}", True)
                first_wrong = first_wrong or widget
            else:
                if not field.shows_reading:
                    self._show(field.name, "", False)
        if first_wrong is None:
            first_wrong = self._ask(values)
        if first_wrong is not None:
            first_wrong.focus()
            return
        self.typed = {field.name: self.query_one(f"#field-{field.name}", Input).value for field in self.fields}
        self.dismiss(values)

    def _ask(self, values: dict[str, Any]) -> Input | None:
        """The first field whose value raises a question not yet seen for that value (shown under it)."""
        for field in self.fields:
            question = field.question(values[field.name]) if field.question is not None else ""
            if question and self._asked.get(field.name, ...) != values[field.name]:
                self._asked[field.name] = values[field.name]
                self._show(field.name, f"⚠ {question}", True)
                return self.query_one(f"#field-{field.name}", Input)
        return None

    def action_cancel(self) -> None:
        self.dismiss(None)


def confirm_dialog(title: str, lang: str, *, subject: str, notice: str, ok_label: str) -> FormDialog:
    """A question with no field: OK (focused, Enter) says yes, Cancel or Esc no."""
    return FormDialog(title, [], lang, subject=subject, notice=notice, ok_label=ok_label)


def reopen_dialog(lang: str, subject: str, row: AssignmentRow) -> FormDialog:
    """Reopen a done assignment: the completion recorded, and that it goes."""
    on = f"{row.completed_on:%d/%m/%Y}" if row.completed_on else "-"
    ref = row.result_ref or t("msg.no_report_number", lang)
    return confirm_dialog(t("ui.reopen_title", lang), lang, subject=subject,
                          notice=t("ui.reopen_notice", lang, on=on, ref=ref),
                          ok_label=t("cmd.reopen", lang))  # fmt: skip


def after_as_of(lang: str, as_of: date) -> Callable[[Any], str]:
    def question(value: Any) -> str:
        if isinstance(value, date) and value > as_of:
            return t("ui.done_after_as_of", lang, on=f"{value:%d/%m/%Y}", as_of=f"{as_of:%d/%m/%Y}")
        return ""

    return question


def done_dialog(lang: str, subject: str, as_of: date, row: AssignmentRow) -> FormDialog:
    """Mark done; on an assignment already done, the recorded completion shows and is what the
    fields start from, and OK says it replaces it. A completion after the as-of date is asked about."""
    notice, ok, on, ref = "", "", f"{as_of:%d/%m/%Y}", ""
    if row.completed_on is not None:
        notice = t("ui.already_done", lang, on=f"{row.completed_on:%d/%m/%Y}",
                   ref=row.result_ref or t("msg.no_report_number", lang))  # fmt: skip
        ok, on, ref = t("ui.replace", lang), f"{row.completed_on:%d/%m/%Y}", row.result_ref
    return FormDialog(
        t("ui.done_again_title" if row.completed_on else "ui.done_title", lang),
        [Field("on", t("ui.field_received", lang), on, read_date(lang), True, after_as_of(lang, as_of)),
         Field("ref", t("ui.field_ref", lang), ref)],
        lang, subject=subject, notice=notice, ok_label=ok,
    )  # fmt: skip


def extend_dialog(lang: str, subject: str, current: date | None, rules: DeadlineRules) -> FormDialog:
    reason = t("ui.field_reason", lang)
    return FormDialog(
        t("ui.extend_title", lang),
        [
            Field("to", t("ui.field_new_date", lang), f"{current:%d/%m/%Y}" if current else "",
                  read_deadline_date(lang, rules), True),
            Field("reason", reason, "", required(lang, reason)),
            Field("decision", t("ui.field_decision", lang)),
        ],
        lang, subject=subject,
    )  # fmt: skip


def withdraw_dialog(lang: str, subject: str, as_of: date) -> FormDialog:
    reason = t("ui.field_reason", lang)
    return FormDialog(
        t("ui.withdraw_title", lang),
        [
            Field("on", t("ui.field_effective", lang), f"{as_of:%d/%m/%Y}", read_date(lang), True),
            Field("reason", reason, "", required(lang, reason)),
            Field("decision", t("ui.field_decision", lang)),
        ],
        lang, subject=subject, notice=t("ui.withdraw_notice", lang), ok_label=t("cmd.withdraw", lang),
    )  # fmt: skip


def note_dialog(lang: str, subject: str, current: str) -> FormDialog:
    return FormDialog(t("ui.note_title", lang), [Field("note", t("ui.field_note", lang), current)], lang,
                      subject=subject)  # fmt: skip


def as_of_dialog(lang: str, current: date) -> FormDialog:
    return FormDialog(t("ui.as_of_title", lang),
                      [Field("as_of", t("ui.field_as_of", lang), f"{current:%d/%m/%Y}", read_date(lang), True)],
                      lang)  # fmt: skip


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "close", show=False)]

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            yield Static(t("ui.help_title", self.lang), id="dialog-title")
            yield Static(t("ui.help_text", self.lang), id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)
