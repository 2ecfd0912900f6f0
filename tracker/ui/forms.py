"""Forms that create records: a directive with its tasks (the deadline field shows the parser's reading
as it is typed), and an agency."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from tracker.api import TaskSpec
from tracker.core.deadlines import DeadlineRules, parse_date, parse_deadline
from tracker.core.errors import TrackerError
from tracker.i18n import t
from tracker.render import deadline_reading
from tracker.store.models import AgencyKind
from tracker.ui.dialogs import FormDialog

DIRECTIVE_FIELDS = ("number", "issued_on", "kind", "title", "jurisdiction")
TASK_FIELDS = ("ref", "text", "lead", "coordinating", "deadline")


def split_names(text: str) -> list[str]:
    return [part.strip() for part in text.replace(",", ";").split(";") if part.strip()]


class DirectiveForm(ModalScreen[Any]):
    """A directive and its tasks. "Add task" checks the task and lists it; "Save" writes the directive
    and every listed task in one transaction (``save`` raises, and the form stays open, on any error).
    Returns what ``save`` returned, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", show=False),
        Binding("ctrl+t", "add_task", show=False),
        Binding("ctrl+s", "save", show=False),
    ]

    def __init__(
        self,
        lang: str,
        as_of: date,
        rules: DeadlineRules,
        jurisdiction: str,
        check_agencies: Callable[[list[str], str], None],
        save: Callable[[dict[str, str], list[TaskSpec]], Any],
    ) -> None:
        super().__init__()
        self.lang = lang
        self.as_of = as_of
        self.rules = rules
        self.jurisdiction = jurisdiction
        self.check_agencies = check_agencies
        self.save = save
        self.tasks: list[TaskSpec] = []

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog", classes="form"):
            yield Static(t("ui.directive_form_title", self.lang), id="dialog-title")
            for name in DIRECTIVE_FIELDS:
                yield Label(t(f"ui.field_{name}", self.lang))
                yield Input(value=self.jurisdiction if name == "jurisdiction" else "", id=f"field-{name}")
                if name == "issued_on":
                    yield Static("", id="reading-issued_on", classes="reading")
            yield Static(t("ui.task_section", self.lang), classes="section")
            for name in TASK_FIELDS:
                yield Label(t(f"ui.field_task_{name}", self.lang))
                yield Input(id=f"field-{name}")
                if name == "deadline":
                    yield Static("", id="reading-deadline", classes="reading")
            yield Static("", id="task-list")
            yield Static("", id="dialog-error")
            with Horizontal(id="dialog-buttons"):
                yield Button(t("ui.add_task", self.lang), id="add-task")
                yield Button(t("ui.save", self.lang), variant="primary", id="save")
                yield Button(t("ui.cancel", self.lang), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#field-number", Input).focus()

    def _value(self, name: str) -> str:
        return self.query_one(f"#field-{name}", Input).value.strip()

    def _start(self) -> date:
        try:
            return parse_date(self._value("issued_on")) if self._value("issued_on") else self.as_of
        except TrackerError:
            return self.as_of

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "field-deadline":
            reading = deadline_reading(event.value, self.lang, self._start(), self.rules)
            self.query_one("#reading-deadline", Static).update(reading)
        elif event.input.id == "field-issued_on":
            value = event.value.strip()
            try:
                reading = f"→ {parse_date(value):%d/%m/%Y}" if value else ""
            except TrackerError as error:
                reading = f"✗ {error}"
            self.query_one("#reading-issued_on", Static).update(reading)

    def _error(self, message: str) -> None:
        self.query_one("#dialog-error", Static).update(message)

    def action_add_task(self) -> bool:
        """Check the task fields and move the task to the list; False (with the error shown) if wrong."""
        values = {name: self._value(name) for name in TASK_FIELDS}
        missing = [name for name in ("ref", "text", "lead") if not values[name]]
        if missing:
            self._error(
                t("ui.required", self.lang, fields=", ".join(t(f"ui.field_task_{m}", self.lang) for m in missing))
            )
            return False
        if any(task.ref == values["ref"] for task in self.tasks):
            self._error(t("ui.duplicate_ref", self.lang, ref=values["ref"]))
            return False
        try:
            if values["deadline"]:
                parse_deadline(values["deadline"], self.rules)
            self.check_agencies(
                split_names(values["lead"]) + split_names(values["coordinating"]), self._value("jurisdiction")
            )
        except TrackerError as error:
            self._error(str(error))
            return False
        self.tasks.append(TaskSpec(values["ref"], values["text"], split_names(values["lead"]),
                                   split_names(values["coordinating"]), values["deadline"] or None))  # fmt: skip
        for name in TASK_FIELDS:
            self.query_one(f"#field-{name}", Input).value = ""
        self.query_one("#task-list", Static).update(
            "\n".join(f"{task.ref}. {task.text} — {', '.join(task.lead)} — {task.due or '…'}" for task in self.tasks)
        )
        self._error("")
        self.query_one("#field-ref", Input).focus()
        return True

    def action_save(self) -> None:
        if any(self._value(name) for name in TASK_FIELDS) and not self.action_add_task():
            return
        if not self._value("number"):
            self._error(t("ui.required", self.lang, fields=t("ui.field_number", self.lang)))
            return
        if not self.tasks:
            self._error(t("ui.no_tasks", self.lang))
            return
        values = {name: self._value(name) for name in DIRECTIVE_FIELDS}
        try:
            result = self.save(values, list(self.tasks))
        except TrackerError as error:
            self._error(str(error))
            return
        self.dismiss(result)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "add-task":
            self.action_add_task()
        elif event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


AGENCY_KINDS = [kind.value for kind in AgencyKind if kind is not AgencyKind.GROUP]


def agency_dialog(lang: str, jurisdiction: str) -> FormDialog:
    """Name, kind, short name, aliases, contact emails and province of a new agency."""

    def validate(values: dict[str, str]) -> str | None:
        if not values["name"].strip():
            return t("ui.required", lang, fields=t("ui.field_agency_name", lang))
        if values["kind"].strip() not in AGENCY_KINDS:
            return t("ui.bad_kind", lang, kinds=", ".join(AGENCY_KINDS))
        bad = [e for e in split_names(values["emails"]) if "@" not in e or " " in e]
        return t("ui.bad_email", lang, value=bad[0]) if bad else None

    fields = [
        ("name", t("ui.field_agency_name", lang), ""),
        ("kind", t("ui.field_agency_kind", lang, kinds=", ".join(AGENCY_KINDS)), AgencyKind.DEPARTMENT.value),
        ("short_name", t("ui.field_short_name", lang), ""),
        ("aliases", t("ui.field_aliases", lang), ""),
        ("emails", t("ui.field_emails", lang), ""),
        ("jurisdiction", t("ui.field_jurisdiction", lang), jurisdiction),
    ]
    return FormDialog(t("ui.agency_form_title", lang), fields, lang, set(), validate)
