"""Forms that create records: a directive with its tasks (the deadline field shows the parser's reading
as it is typed), and an agency. A record that exists already is not changed silently: the form says
so, shows what saving would change, and saves on a second confirmation (the change is audited by the
service that writes it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from tracker.api import TaskSpec, Tracker
from tracker.core.changes import AuditEntry
from tracker.core.deadlines import parse_date, parse_deadline
from tracker.core.errors import TrackerError
from tracker.core.recurrence import periods_start
from tracker.core.text import fold
from tracker.i18n import t
from tracker.render import deadline_reading
from tracker.services import views
from tracker.ui.detail import field_word, shown_value
from tracker.ui.dialogs import TYPE_AHEAD_BINDINGS
from tracker.ui.text_input import TextInput

DIRECTIVE_FIELDS = ("number", "issued_on", "kind", "title", "jurisdiction")
TASK_FIELDS = ("ref", "text", "lead", "coordinating", "deadline")


def split_names(text: str) -> list[str]:
    return [part.strip() for part in text.replace(",", ";").split(";") if part.strip()]


def describe(audits: list[AuditEntry], lang: str) -> str:
    """ "trích yếu: "cũ" → "mới"; ngày ban hành: …" for a preview."""
    return "; ".join(
        f"{field_word(a.field, lang)}: {shown_value(a.old, lang)} → {shown_value(a.new, lang)}" for a in audits
    )


def _error_text(error: TrackerError, lang: str) -> str:
    return error.text(lang)


class _Form(ModalScreen[Any]):
    """A form whose save runs in a worker: the form says it is saving, then closes with what the save
    returned, or stays open with its error."""

    class Saved(Message):
        def __init__(self, result: object, error: TrackerError | None) -> None:
            self.result, self.error = result, error
            super().__init__()

    _saving = False

    def _value(self, name: str) -> str:
        return self.query_one(f"#field-{name}", Input).value.strip()

    def _error(self, message: str) -> None:
        self.query_one("#dialog-error", Static).update(message)

    def _save_in_a_worker(self, save: Callable[[], object], result: Callable[[object], object]) -> None:
        if self._saving:
            return
        self._saving = True
        self._error(t("ui.saving", self.lang))  # type: ignore[attr-defined]

        def run() -> None:
            try:
                done = save()
            except TrackerError as error:
                self.post_message(self.Saved(None, error))
            else:
                self.post_message(self.Saved(result(done), None))

        self.run_worker(run, thread=True, group="save")

    def on__form_saved(self, message: _Form.Saved) -> None:
        self._saving = False
        if message.error is not None:
            self._error(_error_text(message.error, self.lang))  # type: ignore[attr-defined]
        else:
            self.dismiss(message.result)


class DirectiveForm(_Form):
    """A directive and its tasks. "Add task" checks the task and lists it; "Save" writes the directive
    and every listed task in one transaction (the form stays open, with the error, on any).
    Returns the service's tally, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", show=False),
        Binding("ctrl+t", "add_task", show=False),
        Binding("ctrl+s", "save", show=False),
        *TYPE_AHEAD_BINDINGS,
    ]

    def __init__(self, tracker: Tracker, lang: str, as_of: date, jurisdiction: str) -> None:
        super().__init__()
        self.tracker = tracker
        self.lang = lang
        self.as_of = as_of
        self.rules = tracker.settings.deadline_rules
        self.jurisdiction = jurisdiction
        self.tasks: list[TaskSpec] = []
        self._confirmed: str | None = None
        """The preview the clerk has seen: a second Save that would make the same changes saves."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog", classes="form"):
            yield Static(t("ui.directive_form_title", self.lang), id="dialog-title")
            for name in DIRECTIVE_FIELDS:
                yield Label(t(f"ui.field_{name}", self.lang))
                yield TextInput(value=self.jurisdiction if name == "jurisdiction" else "", id=f"field-{name}",
                            compact=True)  # fmt: skip
                if name == "issued_on":
                    yield Static("", id="reading-issued_on", classes="reading")
            yield Static(t("ui.task_section", self.lang), classes="section")
            for name in TASK_FIELDS:
                yield Label(t(f"ui.field_task_{name}", self.lang))
                yield TextInput(id=f"field-{name}", compact=True)
                if name == "deadline":
                    yield Static("", id="reading-deadline", classes="reading")
            yield Static("", id="task-list")
            yield Static("", id="dialog-error")
            with Horizontal(id="dialog-buttons"):
                yield Button(t("ui.add_task", self.lang), id="add-task", compact=True)
                yield Button(t("ui.save", self.lang), variant="primary", id="save", compact=True)
                yield Button(t("ui.cancel", self.lang), id="cancel", compact=True)

    def on_mount(self) -> None:
        # Not scrolled to: the form is not laid out yet, so "centre the field" would scroll its title
        # and first label off the top. It opens at its top, the first field focused.
        self.set_focus(self.query_one("#field-number", Input), scroll_visible=False)

    def _start(self) -> date:
        try:
            issued = self._value("issued_on")
            return periods_start(parse_date(issued)) or self.as_of if issued else self.as_of
        except TrackerError:
            return self.as_of

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "field-deadline":
            reading = deadline_reading(event.value, self.lang, self._start(), self.rules)  # its error says why
            self.query_one("#reading-deadline", Static).update(reading)
        elif event.input.id == "field-issued_on":
            value = event.value.strip()
            try:
                reading = f"→ {parse_date(value):%d/%m/%Y}" if value else ""
            except TrackerError:
                reading = "✗ " + t("ui.not_a_date", self.lang, value=value)
            self.query_one("#reading-issued_on", Static).update(reading)

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
        if values["deadline"]:
            try:
                parse_deadline(values["deadline"], self.rules)
            except TrackerError as error:  # what is wrong with it ("31/2/2027 is not a date ..."), not only that it is
                self._error(error.text(self.lang))
                return False
        try:
            views.check_agencies(self.tracker.reader, split_names(values["lead"]) + split_names(values["coordinating"]),
                                 self._value("jurisdiction"))  # fmt: skip
        except TrackerError as error:
            self._error(_error_text(error, self.lang))
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

    def _preview(self, values: dict[str, str]) -> str | None:
        """What saving would change in a directive that exists already; None when it is new."""
        reader = self.tracker.reader
        issued = None
        if values["issued_on"]:
            try:
                issued = parse_date(values["issued_on"])
            except TrackerError:
                issued = None
        incoming = {"issued_on": issued, "title": values["title"], "kind": values["kind"]}
        changes = views.directive_preview(reader, values["number"], values["jurisdiction"], incoming)
        if changes is None:
            return None
        lines = [t("ui.directive_exists", self.lang, number=values["number"])]
        if changes:
            lines.append(t("ui.would_change", self.lang, changes=describe(changes, self.lang)))
        for task in self.tasks:
            task_changes = views.task_preview(reader, values["number"], values["jurisdiction"], task.ref, task.text)
            if task_changes:
                lines.append(t("ui.task_would_change", self.lang, ref=task.ref,
                               changes=describe(task_changes, self.lang)))  # fmt: skip
        if len(lines) == 1:
            lines.append(t("ui.nothing_would_change", self.lang))
        lines.append(t("ui.save_again", self.lang))
        return "\n".join(lines)

    def action_save(self) -> None:
        if any(self._value(name) for name in TASK_FIELDS) and not self.action_add_task():
            return
        if not self._value("number"):
            self._error(t("ui.required", self.lang, fields=t("ui.field_number", self.lang)))
            return
        if self._value("issued_on"):
            try:
                parse_date(self._value("issued_on"))
            except TrackerError:
                self._error(t("ui.not_a_date", self.lang, value=self._value("issued_on")))
                return
        if not self.tasks:
            self._error(t("ui.no_tasks", self.lang))
            return
        values = {name: self._value(name) for name in DIRECTIVE_FIELDS}
        preview = self._preview(values)
        if preview is not None and preview != self._confirmed:
            self._confirmed = preview
            self._error(preview)
            return
        tasks = list(self.tasks)
        self._save_in_a_worker(
            lambda: self.tracker.add_directive(
                values["number"], tasks, issued_on=values["issued_on"] or None, title=values["title"] or None,
                kind=values["kind"] or None, jurisdiction=values["jurisdiction"] or None,
            ),
            lambda tally: tally,
        )  # fmt: skip

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "add-task":
            self.action_add_task()
        elif event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


KIND_WORDS = ("sở", "ban", "ngành", "huyện", "thị xã", "thành phố", "trung ương", "báo", "đài", "khác")
"""The kinds a clerk may type (the service reads these and the English codes)."""
KIND_NAMES = {"department": "sở, ban, ngành", "district": "huyện", "central": "trung ương", "media": "báo, đài",
              "other": "khác", "group": "nhóm"}  # fmt: skip


def kind_name(code: str, lang: str) -> str:
    return KIND_NAMES.get(code, code) if lang == "vi" else code


class AgencyForm(_Form):
    """Name, kind, short name, aliases, contact emails and province of an agency. Returns the name
    saved, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", show=False), *TYPE_AHEAD_BINDINGS]

    FIELDS = ("name", "kind", "short_name", "aliases", "emails", "jurisdiction")

    def __init__(self, tracker: Tracker, lang: str, jurisdiction: str) -> None:
        super().__init__()
        self.tracker = tracker
        self.lang = lang
        self.jurisdiction = jurisdiction
        self._confirmed: str | None = None

    def compose(self) -> ComposeResult:
        initial = {"kind": "sở" if self.lang == "vi" else "department", "jurisdiction": self.jurisdiction}
        labels = {
            "name": t("ui.field_agency_name", self.lang),
            "kind": t("ui.field_agency_kind", self.lang, kinds=", ".join(KIND_WORDS) if self.lang == "vi" else
                      "department, district, central, media, other"),
            "short_name": t("ui.field_short_name", self.lang),
            "aliases": t("ui.field_aliases", self.lang),
            "emails": t("ui.field_emails", self.lang),
            "jurisdiction": t("ui.field_jurisdiction", self.lang),
        }  # fmt: skip
        with VerticalScroll(id="dialog", classes="form"):
            yield Static(t("ui.agency_form_title", self.lang), id="dialog-title")
            for name in self.FIELDS:
                yield Label(labels[name])
                yield TextInput(value=initial.get(name, ""), id=f"field-{name}", compact=True)
            yield Static("", id="dialog-error")
            with Horizontal(id="dialog-buttons"):
                yield Button(t("ui.ok", self.lang), variant="primary", id="ok", compact=True)
                yield Button(t("ui.cancel", self.lang), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#field-name", Input), scroll_visible=False)  # at its top, as above

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.action_save()
        else:
            self.dismiss(None)

    def _problem(self) -> str | None:
        if not self._value("name"):
            return t("ui.required", self.lang, fields=t("ui.field_agency_name", self.lang))
        kind = fold(self._value("kind"))
        codes = set(KIND_NAMES)
        if kind and kind not in codes and kind not in {fold(w) for w in KIND_WORDS} | {"so, ban, nganh", "bao, dai"}:
            return t("ui.bad_kind", self.lang, kinds=", ".join(KIND_WORDS) if self.lang == "vi" else ", ".join(codes))
        bad = [e for e in split_names(self._value("emails")) if "@" not in e or " " in e]
        return t("ui.bad_email", self.lang, value=bad[0]) if bad else None

    def _preview(self) -> str | None:
        found = views.existing_agency(self.tracker.reader, self._value("name"), self._value("jurisdiction"))
        if found is None:
            return None
        from tracker.services.agencies import agency_kind

        kind = agency_kind(self._value("kind")) or ""
        changes = []
        if kind and kind != found.kind:
            changes.append(f"{t('ui.field_word.kind', self.lang)}: {kind_name(found.kind, self.lang)} → "
                           f"{kind_name(kind, self.lang)}")  # fmt: skip
        short = self._value("short_name")
        if short and short != found.short_name:
            changes.append(f"{t('ui.field_word.short_name', self.lang)}: {found.short_name or '-'} → {short}")
        known = {fold(a) for a in found.aliases}
        added = [a for a in split_names(self._value("aliases")) if fold(a) not in known]
        if added:
            changes.append(f"{t('ui.field_word.aliases', self.lang)}: + {', '.join(added)}")
        emails = [e for e in split_names(self._value("emails")) if e.lower() not in {x.lower() for x in found.emails}]
        if emails:
            changes.append(f"{t('ui.field_word.emails', self.lang)}: + {', '.join(emails)}")
        lines = [t("ui.agency_exists", self.lang, name=found.name)]
        lines.append(t("ui.would_change", self.lang, changes="; ".join(changes)) if changes
                     else t("ui.nothing_would_change", self.lang))  # fmt: skip
        lines.append(t("ui.save_again", self.lang))
        return "\n".join(lines)

    def action_save(self) -> None:
        problem = self._problem()
        if problem:
            self._error(problem)
            return
        missing = views.missing_province(self.tracker.reader, self._value("jurisdiction"))
        if missing is None:
            preview = self._preview()
        else:
            preview = t("ui.province_will_be_created", self.lang, name=missing[1], code=missing[0],
                        ok=t("ui.ok", self.lang))  # fmt: skip
        if preview is not None and preview != self._confirmed:
            self._confirmed = preview
            self._error(preview)
            return
        name, kind, short = self._value("name"), self._value("kind"), self._value("short_name") or None
        aliases, emails = split_names(self._value("aliases")), split_names(self._value("emails"))
        jurisdiction = missing[0] if missing else self._value("jurisdiction") or None

        def save() -> None:
            if missing is not None:  # the clerk saw that the province comes with the agency, and confirmed
                self.tracker.add_jurisdiction(*missing)
            self.tracker.agency(name, kind=kind, short_name=short, aliases=aliases, emails=emails,
                                jurisdiction=jurisdiction)  # fmt: skip

        self._save_in_a_worker(save, lambda _: name)

    def action_cancel(self) -> None:
        self.dismiss(None)
