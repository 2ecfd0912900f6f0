"""Small modal forms: each asks for a few fields and returns them, or None when cancelled."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from tracker.core.deadlines import parse_date
from tracker.core.errors import TrackerError
from tracker.i18n import t


class FormDialog(ModalScreen[dict[str, str] | None]):
    """A title, some labelled inputs (a date field shows how it was read, live), OK and Cancel."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(
        self,
        title: str,
        fields: list[tuple[str, str, str]],
        lang: str,
        date_fields: set[str],
        validate: Callable[[dict[str, str]], str | None] | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.fields = fields  # (name, label, initial value)
        self.lang = lang
        self.date_fields = date_fields
        self.validate = validate
        """Returns an error to show (the dialog then stays open), or None to accept the values."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            yield Static(self.title_text, id="dialog-title")
            for name, label, value in self.fields:
                yield Label(label)
                yield Input(value=value, id=f"field-{name}")
                if name in self.date_fields:
                    yield Static(self._reading(value), id=f"reading-{name}", classes="reading")
            yield Static("", id="dialog-error")
            with Horizontal(id="dialog-buttons"):
                yield Button(t("ui.ok", self.lang), variant="primary", id="ok")
                yield Button(t("ui.cancel", self.lang), id="cancel")

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def _reading(self, value: str) -> str:
        if not value.strip():
            return ""
        try:
            return "→ " + f"{parse_date(value):%d/%m/%Y}"
        except TrackerError as error:
            return f"✗ {error}"

    def on_input_changed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("field-")
        if name in self.date_fields:
            self.query_one(f"#reading-{name}", Static).update(self._reading(event.value))

    def on_input_submitted(self) -> None:
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self._submit()
        else:
            self.dismiss(None)

    def _submit(self) -> None:
        values = {name: self.query_one(f"#field-{name}", Input).value for name, _, _ in self.fields}
        for name in self.date_fields:
            try:
                parse_date(values[name])
            except TrackerError as error:
                self.query_one("#dialog-error", Static).update(str(error))
                return
        problem = self.validate(values) if self.validate is not None else None
        if problem:
            self.query_one("#dialog-error", Static).update(problem)
            return
        self.dismiss(values)

    def action_cancel(self) -> None:
        self.dismiss(None)


def done_dialog(lang: str, as_of: date) -> FormDialog:
    return FormDialog(
        t("ui.done_title", lang),
        [("on", t("ui.field_received", lang), f"{as_of:%d/%m/%Y}"), ("ref", t("ui.field_ref", lang), "")],
        lang,
        {"on"},
    )


def extend_dialog(lang: str, current: date | None) -> FormDialog:
    return FormDialog(
        t("ui.extend_title", lang),
        [
            ("to", t("ui.field_new_date", lang), f"{current:%d/%m/%Y}" if current else ""),
            ("reason", t("ui.field_reason", lang), ""),
            ("decision", t("ui.field_decision", lang), ""),
        ],
        lang,
        {"to"},
    )


def withdraw_dialog(lang: str, as_of: date) -> FormDialog:
    return FormDialog(
        t("ui.withdraw_title", lang),
        [
            ("on", t("ui.field_effective", lang), f"{as_of:%d/%m/%Y}"),
            ("reason", t("ui.field_reason", lang), ""),
            ("decision", t("ui.field_decision", lang), ""),
        ],
        lang,
        {"on"},
    )


def note_dialog(lang: str, current: str) -> FormDialog:
    return FormDialog(t("ui.note_title", lang), [("note", t("ui.field_note", lang), current)], lang, set())


def as_of_dialog(lang: str, current: date) -> FormDialog:
    return FormDialog(t("ui.as_of_title", lang), [("as_of", t("ui.field_as_of", lang), f"{current:%d/%m/%Y}")],
                      lang, {"as_of"})  # fmt: skip


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "close", show=False)]

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(t("ui.help_title", self.lang), id="dialog-title")
            yield Static(t("ui.help_text", self.lang), id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)
