"""The terminal UI for secretariat staff: the assignments list with its filters, the detail of the
selected assignment, and the actions on it."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Input, LoadingIndicator, Static
from textual.worker import get_current_worker

from tracker.core.deadlines import parse_date
from tracker.core.errors import ConflictError, TrackerError
from tracker.core.status import Status
from tracker.i18n import t
from tracker.store import queries
from tracker.store.queries import ORDERS, AssignmentFilter, AssignmentRow
from tracker.ui.assignment_list import AssignmentList, Shape
from tracker.ui.collector import collect_less_often, freeze_long_lived_objects
from tracker.ui.dialogs import (
    FormDialog,
    HelpScreen,
    as_of_dialog,
    done_dialog,
    extend_dialog,
    note_dialog,
    withdraw_dialog,
)
from tracker.ui.footer import Footer
from tracker.ui.frames import compose_now
from tracker.ui.keys import relabel
from tracker.ui.memory import limit_malloc_arenas
from tracker.ui.model import ListModel, Superseded, View
from tracker.ui.picker import Choice, PickerDialog

SEARCH_COUNT_DELAY_S = 0.15
"""A search's count (most of a second at 1M) starts once the typing has paused this long; its first
page is read at every keystroke."""

COMMANDS = [
    ("search", "/"), ("toggle_overdue", "o"), ("toggle_due_soon", "w"), ("pick_agency", "g"),
    ("pick_status", "s"), ("pick_period", "p"), ("sort", "S"), ("clear", "Esc"), ("done", "d"),
    ("reopen", "r"), ("extend", "e"), ("withdraw", "x"), ("note", "n"), ("as_of", "t"), ("scoreboard", "a"),
    ("directives", "v"), ("submissions", "m"), ("new_directive", "N"), ("new_agency", "A"), ("language", "l"),
    ("help", "?"),
]  # fmt: skip
"""(action, key) pairs offered in the command palette."""

MAIN_SCREEN_ACTIONS = {action for action, _ in COMMANDS if action != "help"} | {"toggle_detail"}


class TrackerApp(App[None]):
    CSS_PATH = Path(__file__).with_name("tracker.tcss")
    TITLE = "tracker"

    BINDINGS = [
        Binding("slash", "search", "/"),
        Binding("o", "toggle_overdue", "o"),
        Binding("w", "toggle_due_soon", "w"),
        Binding("escape", "clear", "Esc", show=False),
        Binding("enter", "toggle_detail", "↵", show=False),
        Binding("d", "done", "d"),
        Binding("e", "extend", "e"),
        Binding("r", "reopen", "r", show=False),
        Binding("x", "withdraw", "x", show=False),
        Binding("n", "note", "n", show=False),
        Binding("g", "pick_agency", "g"),
        Binding("s", "pick_status", "s", show=False),
        Binding("p", "pick_period", "p", show=False),
        Binding("S", "sort", "S", show=False),
        Binding("t", "as_of", "t"),
        Binding("a", "scoreboard", "a"),
        Binding("v", "directives", "v"),
        Binding("m", "submissions", "m", show=False),
        Binding("N", "new_directive", "N", show=False),
        Binding("A", "new_agency", "A", show=False),
        Binding("l", "language", "l", show=False),
        Binding("question_mark", "help", "?"),
        Binding("q", "quit", "q"),
    ]

    def __init__(self, tracker: Any, as_of: date, lang: str) -> None:
        limit_malloc_arenas()  # before the worker threads start
        freeze_long_lived_objects()  # the modules loaded so far; the widgets follow after the first rows
        collect_less_often()
        super().__init__()
        self.tracker = tracker
        self.lang = lang
        # The morning chase list first: what is overdue or falls due this week. Esc shows everything.
        self.morning = AssignmentFilter(overdue=True, due_within=tracker.settings.due_soon_days)
        self.model = ListModel(tracker.url, View(self.morning, as_of), tracker.settings.due_soon_days)
        self._requested = self.model.view
        """The view of the latest load asked for (the model's view is the latest one shown)."""
        self._detail_open = False
        self._detail_timer: Any = None
        self._loading_timer: Any = None
        self._counting_as_of: date | None = None
        self._started = False
        self._labels: dict[tuple[str, int], str] = {}
        """Chip labels of chosen agencies and directives, by id."""
        self._bars: dict[str, Text] = {}
        """What the summary and chips bars show (see :meth:`_show_line`)."""

    # --- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="summary")
        yield Static(id="chips")
        with Horizontal(id="main"):
            yield AssignmentList(self.model, self.lang, id="list")
            with VerticalScroll(id="detail"):
                yield Static(id="detail-text")
        yield LoadingIndicator(id="loading")
        yield Input(placeholder=t("ui.search_placeholder", self.lang), id="search")
        yield Footer()

    WIDE = 110
    """From this width the detail stands beside the list; below it, Enter switches between them."""

    def on_resize(self) -> None:
        self._layout()

    def _layout(self) -> None:
        wide = self.size.width >= self.WIDE
        self.query_one("#detail").display = wide or self._detail_open
        self.query_one("#list").display = wide or not self._detail_open

    def action_toggle_detail(self) -> None:
        if self.size.width >= self.WIDE:
            return
        self._detail_open = not self._detail_open
        self._layout()
        if not self._detail_open:
            self.query_one("#list", AssignmentList).focus()

    def on_mount(self) -> None:
        self.query_one("#search", Input).display = False
        self.query_one("#list", AssignmentList).focus()
        self._apply_labels()
        self._layout()
        self.reload(self.model.view)
        self._start_recount()  # the summary's counts read beside the first page, not after it

    def _apply_labels(self) -> None:
        self.sub_title = t("ui.subtitle", self.lang)
        relabel(self, dict((
            ("search", "ui.key_search"),
            ("toggle_overdue", "ui.key_overdue"),
            ("toggle_due_soon", "ui.key_due_soon"),
            ("done", "ui.key_done"),
            ("extend", "ui.key_extend"),
            ("pick_agency", "ui.key_agency"),
            ("as_of", "ui.key_as_of"),
            ("scoreboard", "ui.key_scoreboard"),
            ("directives", "ui.key_directives"),
            ("help", "ui.key_help"),
            ("quit", "ui.key_quit"),
        )), self.lang)  # fmt: skip

    # --- loading -------------------------------------------------------------------------------

    LOADING_DELAY_S = 0.1
    """The loading indicator shows only for a load that takes longer than this: most take a few
    milliseconds, and showing and hiding it would flicker and lay the screen out twice."""

    def _loading(self, started: bool) -> None:
        """Start or end a load: the indicator appears once the load has taken :attr:`LOADING_DELAY_S`."""
        if self._loading_timer is not None:
            self._loading_timer.stop()
            self._loading_timer = None
        indicator = self.query_one("#loading")
        if started:
            self._loading_timer = self.set_timer(self.LOADING_DELAY_S, lambda: setattr(indicator, "display", True))
        elif indicator.display:
            indicator.display = False

    def _with_criteria(self, **changes: Any) -> View:
        """The latest view asked for, with ``changes``: a key pressed while a load is under way (a search
        keystroke's, say) builds on that load's view, not on the one still on screen."""
        return replace(self._requested, criteria=replace(self._requested.criteria, **changes))

    def reload(self, view: View) -> None:
        self._requested = view
        self._loading(True)
        listing = self.query_one("#list", AssignmentList)
        self._load(view, listing, *listing.frame_shape())

    @work(thread=True, exclusive=True, group="reload")
    def _load(self, view: View, listing: AssignmentList, shape: Shape, rows: int) -> None:
        """The first page goes on screen as soon as it is read (its visible lines drawn here); the count
        of matching rows follows."""
        try:
            view = self.model.load_first(view)
            listing.draw_ahead(shape, rows)
            drawn = threading.Event()
            self.call_from_thread(self._loaded, drawn)
            if self.model.total_known:
                return
            # Counting beside the frame that draws the rows would slow that frame down (a count reads
            # every matching row), so it starts once the rows are on screen; for a search, once the
            # clerk has stopped typing for a moment.
            drawn.wait(self.FRAME_WAIT_S)
            worker = get_current_worker()
            if view.criteria.search and worker.cancelled_event.wait(SEARCH_COUNT_DELAY_S):
                return
            if not worker.is_cancelled and self.model.count(view):
                self.call_from_thread(self._counted)
        except Superseded:
            return
        except TrackerError as error:
            self.call_from_thread(self.notify, str(error), severity="error")
            self.call_from_thread(self._loaded)

    FRAME_WAIT_S = 0.25
    """How long a load waits at most for the frame showing its rows before it counts them."""

    def _loaded(self, drawn: threading.Event | None = None) -> None:
        """The first page of a load is in the model: show it, and set ``drawn`` once it is on screen."""
        self._loading(False)
        self._show_summary()
        listing = self.query_one("#list", AssignmentList)
        listing.reset()
        if drawn is not None:
            listing.call_when_drawn(drawn.set)
        if not self._started:
            self._started = True
            self.call_after_refresh(freeze_long_lived_objects)  # once the first screen is drawn
        if self.model.counts_stale():
            self._start_recount()
        # The rows are drawn already (see _load): show them in a frame now, not at the next tick.
        compose_now(listing.screen, [listing, *self.query("#summary, #chips")])

    def _counted(self) -> None:
        with contextlib.suppress(NoMatches):
            self.query_one("#list", AssignmentList).grow()
            self._show_summary()

    def _start_recount(self) -> None:
        """Count the statuses at the view's as-of date, unless that count is already under way."""
        if self._counting_as_of != self.model.view.as_of:
            self._counting_as_of = self.model.view.as_of
            self._recount()

    @work(thread=True, exclusive=True, group="counts")
    def _recount(self) -> None:
        try:
            self.model.recount()
        finally:
            self.call_from_thread(self._summary_if_open)

    def _summary_if_open(self) -> None:
        self._counting_as_of = None
        with contextlib.suppress(NoMatches):  # the app may have closed while counting
            self._show_summary()

    def _show_summary(self) -> None:
        counts = {} if self.model.counts_stale() else self.model.counts
        as_of = self.model.view.as_of
        summary = Text()
        summary.append(f" {t('ui.as_of', self.lang)} {as_of:%d/%m/%Y} ", style="bold reverse")
        summary.append("  ")
        if not counts:
            summary.append("…", style="dim")  # the counts follow in a moment
        order = [Status.OVERDUE, Status.IN_PROGRESS, Status.DONE_ON_TIME, Status.DONE_LATE, Status.STANDING,
                 Status.WITHDRAWN]  # fmt: skip
        for status in order if counts else ():
            style = "bold red" if status is Status.OVERDUE and counts[status] else ""
            summary.append(f"{t('short.' + status.value, self.lang)} ", style=style)
            summary.append(f"{counts[status]}", style=style or "bold")
            summary.append(" · " if status is not order[-1] else "")
        self._show_line("#summary", summary)
        criteria = self.model.view.criteria
        chips = Text()
        if criteria.overdue:
            chips.append(f" {t('status.overdue', self.lang)} ", style="white on red")
            chips.append(" ")
        if criteria.due_within is not None:
            chips.append(f" {t('ui.chip_due_within', self.lang, days=criteria.due_within)} ", style="black on yellow")
            chips.append(" ")
        if criteria.search:
            chips.append(f" / {criteria.search} ", style="black on cyan")
            chips.append(" ")
        for label in self._chip_labels(criteria):
            chips.append(f" {label} ", style="black on cyan")
            chips.append(" ")
        shown = self.model.total if self.model.total_known else f"{self.model.total}+"
        chips.append(t("ui.shown", self.lang, count=shown), style="dim")
        if criteria != AssignmentFilter():
            chips.append("  " + t("ui.clear_hint", self.lang), style="dim")
        self._show_line("#chips", chips)

    def _show_line(self, selector: str, text: Text) -> None:
        """Show ``text`` in the one-line bar ``selector``, unless it shows that already: the frame that
        brings a search's rows need not draw the bars again."""
        if self._bars.get(selector) != text:
            self._bars[selector] = text
            self.query_one(selector, Static).update(text, layout=False)  # one line, always

    def _chip_labels(self, criteria: AssignmentFilter) -> list[str]:
        labels = []
        if criteria.agency_ids:
            labels.append(self._labels.get(("agency", criteria.agency_ids[0]), "?"))
        if criteria.directive_ids:
            labels.append(self._labels.get(("directive", criteria.directive_ids[0]), "?"))
        if criteria.statuses:
            labels.append(", ".join(t(f"status.{s.value}", self.lang) for s in criteria.statuses))
        if criteria.period:
            labels.append(f"{t('col.period', self.lang)} {criteria.period}")
        if criteria.order != "due":
            labels.append(f"⇅ {t('ui.sort_' + criteria.order, self.lang)}")
        return labels

    # --- detail --------------------------------------------------------------------------------

    DETAIL_DELAY_S = 0.12
    """The detail follows the cursor once it rests, so holding an arrow key stays smooth."""

    def on_assignment_list_highlighted(self, message: AssignmentList.Highlighted) -> None:
        if self._detail_timer is not None:
            self._detail_timer.stop()
        row = message.row
        if not message.moving:
            # A new list: its first row's detail once the rows are on screen. Read and laid out before
            # that frame, the detail (a layout of the screen and a table) delayed the rows by 20-40 ms.
            self.query_one("#list", AssignmentList).call_when_drawn(lambda: self._show_detail(row))
            return
        self._detail_timer = self.set_timer(self.DETAIL_DELAY_S, lambda: self._show_detail(row))

    def _show_detail(self, row: AssignmentRow | None) -> None:
        if row is None:
            self._set_detail(t("list.none", self.lang) if self.model.total == 0 else "")
        elif self.is_running:
            self._load_detail(row.id, self.model.view.as_of)

    @work(thread=True, exclusive=True, group="detail")
    def _load_detail(self, assignment_id: int, as_of: date) -> None:
        from tracker.render import render_details
        from tracker.services.details import assignment_details

        try:
            details = assignment_details(self.tracker, assignment_id, as_of)
        except TrackerError as error:
            self.call_from_thread(self._set_detail, str(error))
            return
        self.call_from_thread(self._set_detail, render_details(details, self.lang))

    def _set_detail(self, content: Any) -> None:
        with contextlib.suppress(NoMatches):  # the app may have closed while the detail was loading
            self.query_one("#detail-text", Static).update(content)

    # --- filters -------------------------------------------------------------------------------

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "search":
            return
        # Each keystroke reads its first page at once (some 30 ms at 1M); a newer keystroke supersedes
        # it, and the count waits until the typing pauses (see _load).
        search = event.value.strip() or None
        if search != self._requested.criteria.search:
            self.reload(self._with_criteria(search=search))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            self.query_one("#list", AssignmentList).focus()

    def action_toggle_overdue(self) -> None:
        self.reload(self._with_criteria(overdue=not self._requested.criteria.overdue))

    def action_toggle_due_soon(self) -> None:
        current = self._requested.criteria.due_within
        self.reload(
            self._with_criteria(due_within=None if current is not None else self.tracker.settings.due_soon_days)
        )

    def action_clear(self) -> None:
        if self._detail_open:
            self.action_toggle_detail()
            return
        search = self.query_one("#search", Input)
        if search.has_focus and search.value:
            search.value = ""
            return
        search.value = ""
        search.display = False
        self.query_one("#list", AssignmentList).focus()
        if self._requested.criteria != AssignmentFilter():
            self.reload(View(AssignmentFilter(), self._requested.as_of))

    def action_as_of(self) -> None:
        def chosen(values: dict[str, str] | None) -> None:
            if values:
                day = parse_date(values["as_of"])
                self.reload(View(self._requested.criteria, day))

        self.push_screen(as_of_dialog(self.lang, self.model.view.as_of), chosen)

    def action_language(self) -> None:
        self.lang = "en" if self.lang == "vi" else "vi"
        self.query_one("#list", AssignmentList).lang = self.lang
        self.query_one("#search", Input).placeholder = t("ui.search_placeholder", self.lang)
        self._apply_labels()
        self._show_summary()
        self.query_one("#list", AssignmentList).refresh()
        self._show_detail(self.query_one("#list", AssignmentList).current)

    def action_scoreboard(self) -> None:
        from tracker.ui.scoreboard import ScoreboardScreen

        self.push_screen(ScoreboardScreen(self.tracker.url, self.model.view.as_of, self.lang))

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.lang))

    def action_pick_agency(self) -> None:
        agencies = queries.agency_names(self.tracker.reader)
        choices = [Choice(f"{name}  ({code})", (agency_id, name), also) for agency_id, name, code, also in agencies]

        def chosen(value: object | None) -> None:
            if isinstance(value, tuple):
                agency_id, name = value
                self._labels[("agency", agency_id)] = name
                self.reload(self._with_criteria(agency_ids=[agency_id]))

        self.push_screen(PickerDialog(t("ui.pick_agency", self.lang), choices, t("ui.pick_hint", self.lang)), chosen)

    def action_pick_status(self) -> None:
        choices = [Choice(t(f"status.{status.value}", self.lang), status) for status in Status]

        def chosen(value: object | None) -> None:
            if isinstance(value, Status):
                self.reload(self._with_criteria(statuses=[value], overdue=False, due_within=None))

        self.push_screen(PickerDialog(t("ui.pick_status", self.lang), choices), chosen)

    def action_pick_period(self) -> None:
        periods = queries.periods(self.tracker.reader)
        choices = [Choice(period, period) for period in periods]

        def chosen(value: object | None) -> None:
            if isinstance(value, str):
                self.reload(self._with_criteria(period=value))

        self.push_screen(PickerDialog(t("ui.pick_period", self.lang), choices, "2020-02"), chosen)

    def action_sort(self) -> None:
        current = self._requested.criteria.order
        self.reload(self._with_criteria(order=ORDERS[(ORDERS.index(current) + 1) % len(ORDERS)]))

    def action_directives(self) -> None:
        from tracker.ui.directives import DirectivesScreen

        screen = DirectivesScreen(self.tracker.url, self.model.view.as_of, self.lang)

        def chosen(directive_id: int | None) -> None:
            if directive_id is None:
                return
            found = next((p for p in screen.progress if p.directive_id == directive_id), None)
            self._labels[("directive", directive_id)] = found.number if found else str(directive_id)
            self.reload(self._with_criteria(directive_ids=[directive_id], overdue=False, due_within=None))

        self.push_screen(screen, chosen)

    def action_submissions(self) -> None:
        from tracker.ui.submissions import SubmissionsScreen

        self.push_screen(SubmissionsScreen(self.tracker.url, self.model.view.as_of, self.lang))

    def _jurisdiction_hint(self) -> str:
        row = self.query_one("#list", AssignmentList).current
        return row.jurisdiction if row is not None else ""

    def action_new_directive(self) -> None:
        from tracker.api import TaskSpec
        from tracker.store import names
        from tracker.ui.forms import DirectiveForm

        def check(agencies: list[str], jurisdiction: str) -> None:
            reader = self.tracker.reader
            names.resolve_agencies(reader, agencies, names.find_jurisdiction_id(reader, jurisdiction or None))

        def save(values: dict[str, str], tasks: list[TaskSpec]) -> Any:
            return self.tracker.add_directive(
                values["number"], tasks, issued_on=values["issued_on"] or None, title=values["title"] or None,
                kind=values["kind"] or None, jurisdiction=values["jurisdiction"] or None,
            )  # fmt: skip

        def saved(tally: Any) -> None:
            if tally is not None:
                self.notify(t("ui.directive_saved", self.lang, created=tally.created, updated=tally.updated))
                if tally.record_changes:
                    changes = "; ".join(tally.record_changes)
                    self.notify(t("ui.records_changed", self.lang, changes=changes), severity="warning", timeout=12)
                self._after_change()

        form = DirectiveForm(self.lang, self.model.view.as_of, self.tracker.settings.deadline_rules,
                             self._jurisdiction_hint(), check, save)  # fmt: skip
        self.push_screen(form, saved)

    def action_new_agency(self) -> None:
        from tracker.ui.forms import agency_dialog, split_names

        def chosen(values: dict[str, str] | None) -> None:
            if not values:
                return
            try:
                self.tracker.agency(
                    values["name"].strip(), kind=values["kind"].strip(), short_name=values["short_name"] or None,
                    aliases=split_names(values["aliases"]), emails=split_names(values["emails"]),
                    jurisdiction=values["jurisdiction"].strip() or None,
                )  # fmt: skip
            except TrackerError as error:
                self.notify(str(error), severity="error", timeout=8)
            else:
                self.notify(t("ui.agency_saved", self.lang, name=values["name"].strip()))

        self.push_screen(agency_dialog(self.lang, self._jurisdiction_hint()), chosen)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The list's keys work on the main screen only: not under a dialog or on another screen."""
        return not (action in MAIN_SCREEN_ACTIONS and len(self.screen_stack) > 1)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command palette (Ctrl+P): every action of the main screen, by name, in the UI's language."""
        yield from super().get_system_commands(screen)
        if screen is not self.screen_stack[0]:
            return
        for action, key in COMMANDS:
            yield SystemCommand(t(f"cmd.{action}", self.lang), t("ui.key_is", self.lang, keys=key),
                                getattr(self, f"action_{action}"))  # fmt: skip

    # --- actions -------------------------------------------------------------------------------

    def _selected(self) -> AssignmentRow | None:
        row = self.query_one("#list", AssignmentList).current
        if row is None:
            self.notify(t("ui.nothing_selected", self.lang), severity="warning")
        return row

    def _change(self, row: AssignmentRow, dialog: FormDialog | None, change: Any, message: str) -> None:
        """Ask (if there is a dialog), apply the change checking the version that was read, reload."""

        def run(values: dict[str, str] | None) -> None:
            if dialog is not None and values is None:
                return
            try:
                change(values or {})
            except ConflictError as error:
                self.notify(f"{t('ui.conflict', self.lang)} {error}", severity="error", timeout=8)
            except TrackerError as error:
                self.notify(str(error), severity="error", timeout=8)
            else:
                self.notify(message)
            self._after_change()

        if dialog is None:
            run(None)
        else:
            self.push_screen(dialog, run)

    def _after_change(self) -> None:
        """Re-read the list and the counts after an edit (in a worker), keeping the cursor's place."""
        self._loading(True)
        self._refresh_after_change(self.model.view, self.query_one("#list", AssignmentList).cursor)

    @work(thread=True, exclusive=True, group="reload")
    def _refresh_after_change(self, view: View, cursor: int) -> None:
        try:
            self.model.refresh(view, recount=True)
        except Superseded:
            return
        except TrackerError as error:
            self.call_from_thread(self.notify, str(error), severity="error")
        self.call_from_thread(self._refreshed, cursor)

    def _refreshed(self, cursor: int) -> None:
        with contextlib.suppress(NoMatches):  # the app may have closed meanwhile
            self._loading(False)
            self._show_summary()
            assignment_list = self.query_one("#list", AssignmentList)
            assignment_list.virtual_size = assignment_list.virtual_size.with_height(self.model.total + 1)
            assignment_list.cursor = min(cursor, max(0, self.model.total - 1))
            assignment_list.refresh()
            self._show_detail(assignment_list.current)

    def action_done(self) -> None:
        row = self._selected()
        if row is None:
            return
        self._change(
            row,
            done_dialog(self.lang, self.model.view.as_of),
            lambda v: self.tracker.complete(row.id, v["on"], ref=v["ref"], expected_version=row.version),
            t("msg.done", self.lang, id=row.id, on=""),
        )

    def action_reopen(self) -> None:
        row = self._selected()
        if row is not None:
            self._change(row, None, lambda v: self.tracker.reopen(row.id, expected_version=row.version),
                         t("msg.reopened", self.lang, id=row.id))  # fmt: skip

    def action_extend(self) -> None:
        row = self._selected()
        if row is None:
            return
        self._change(
            row,
            extend_dialog(self.lang, row.due_on),
            lambda v: self.tracker.extend(row.id, v["to"], reason=v["reason"], decision=v["decision"],
                                          expected_version=row.version),
            t("msg.extended", self.lang, id=row.id, to=""),
        )  # fmt: skip

    def action_withdraw(self) -> None:
        row = self._selected()
        if row is None:
            return
        self._change(
            row,
            withdraw_dialog(self.lang, self.model.view.as_of),
            lambda v: self.tracker.withdraw(row.id, reason=v["reason"], on=v["on"], decision=v["decision"],
                                            expected_version=row.version),
            t("msg.withdrawn", self.lang, id=row.id),
        )  # fmt: skip

    def action_note(self) -> None:
        row = self._selected()
        if row is None:
            return
        self._change(
            row,
            note_dialog(self.lang, row.note),
            lambda v: self.tracker.note(row.id, v["note"], expected_version=row.version),
            t("msg.noted", self.lang, id=row.id),
        )

    def on_unmount(self) -> None:
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self.model.close()
