"""The terminal UI for secretariat staff: the assignments list with its filters, the detail of the
selected assignment, and the actions on it.

State belongs to the UI thread: workers read (pages, counts, details) or write (an edit) and post
their results as messages; the handlers here put them on screen. The selection is an assignment id:
reloads, edits, conflicts and new filters keep it where it can be found, and say so when it left."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.command import CommandPalette
from textual.containers import Horizontal, VerticalScroll
from textual.css.query import NoMatches
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, LoadingIndicator, Static
from textual.worker import get_current_worker

from tracker.api import Tracker
from tracker.core.errors import ConflictError, TrackerError
from tracker.core.status import Status
from tracker.core.text import fold
from tracker.i18n import t
from tracker.services import views
from tracker.services.views import (
    ORDERS,
    PAGE_SIZE,
    AssignmentFilter,
    AssignmentRow,
    ListSource,
    Page,
    Superseded,
    View,
)
from tracker.ui.assignment_list import AssignmentList, province_short, search_words, status_word
from tracker.ui.commands import TrackerCommands
from tracker.ui.detail import render_detail
from tracker.ui.dialogs import (
    FormDialog,
    HelpScreen,
    as_of_dialog,
    done_dialog,
    extend_dialog,
    note_dialog,
    reopen_dialog,
    subject_line,
    withdraw_dialog,
)
from tracker.ui.keybar import KeyBar
from tracker.ui.picker import Choice, PickerDialog
from tracker.ui.text_input import TextInput

SEARCH_COUNT_DELAY_S = 0.15
"""A search's count (most of a second at 1M) starts once the typing has paused this long."""

FIND_PAGES = 20
"""After a reload, the selected assignment is looked for in this many pages of the new list."""

POLL_S = 2.0
"""How often the UI asks the database whether someone else changed it."""

COMMANDS = [
    ("search", "/"), ("toggle_overdue", "o"), ("toggle_due_soon", "w"), ("pick_agency", "g"),
    ("pick_status", "s"), ("pick_period", "p"), ("sort", "S"), ("clear", "Esc"), ("done", "d"),
    ("reopen", "r"), ("extend", "e"), ("withdraw", "x"), ("note", "n"), ("as_of", "t"), ("scoreboard", "a"),
    ("directives", "v"), ("submissions", "m"), ("new_directive", "N"), ("new_agency", "A"), ("export", "E"),
    ("refresh", "F5"),
    ("language", "l"), ("help", "?"),
]  # fmt: skip
"""(action, key) pairs offered in the command palette."""

MAIN_SCREEN_ACTIONS = {action for action, _ in COMMANDS if action != "help"} | {"toggle_detail"}

MAIN_KEYS = [
    ("/", "ui.key_search"), ("o", "ui.key_overdue"), ("w", "ui.key_due_soon"), ("d", "ui.key_done"),
    ("e", "ui.key_extend"), ("g", "ui.key_agency"), ("t", "ui.key_as_of"),
    ("a", "ui.key_scoreboard"), ("v", "ui.key_directives"), ("?", "ui.key_help"), ("q", "ui.key_quit"),
]  # fmt: skip

ID_SEARCH = re.compile(r"#\s*(\d+)")
ID_TYPED = re.compile(r"#\s*\d*")
"""A jump being typed ("#", "#27"): no search, whatever the next key is."""

DialogFor = Callable[[AssignmentRow], FormDialog | None]
"""The dialog of an edit on an assignment as read (None: the edit asks nothing)."""
Edit = Callable[[AssignmentRow, dict[str, Any]], object]
"""An edit of an assignment as read, with the dialog's values; it checks the version read."""
Said = Callable[[AssignmentRow, dict[str, Any]], str]
Retry = Callable[[AssignmentRow, str], Awaitable[None]]
"""Opens an edit's dialog again on the assignment as it is now, with what was typed and the problem."""


class Loaded(Message):
    """A view's first page, with the page that holds the kept assignment if it was read too; ``pending``
    names the kept assignment when it is still looked for further down (see :class:`Found`)."""

    def __init__(self, page: Page, found: tuple[int, list[Page]] | None, keep: int | None, pending: bool) -> None:
        self.page, self.found, self.keep, self.pending = page, found, keep, pending
        super().__init__()


class Found(Message):
    """Where the kept assignment is in ``view`` (None: not in its first pages)."""

    def __init__(self, view: View, keep: int, found: tuple[int, list[Page]] | None) -> None:
        self.view, self.keep, self.found = view, keep, found
        super().__init__()


class Counted(Message):
    def __init__(self, view: View, total: int) -> None:
        self.view, self.total = view, total
        super().__init__()


class StatusCounts(Message):
    def __init__(self, as_of: date, counts: dict[Status, int]) -> None:
        self.as_of, self.counts = as_of, counts
        super().__init__()


class DetailRead(Message):
    def __init__(self, assignment_id: int, content: Any) -> None:
        self.assignment_id, self.content = assignment_id, content
        super().__init__()


class Changed(Message):
    """An edit ended: ``error`` is None when it was saved. After a conflict, ``fresh`` is the assignment
    as it is now and ``again`` opens the edit's dialog on it with what was typed (see ``_change``)."""

    def __init__(
        self, assignment_id: int | None, text: str, error: TrackerError | None, fresh: AssignmentRow | None = None,
        again: Retry | None = None,
    ) -> None:  # fmt: skip
        self.assignment_id, self.text, self.error = assignment_id, text, error
        self.fresh, self.again = fresh, again
        super().__init__()


class DatabaseChanged(Message):
    """What the database's change mark is now (see :func:`tracker.services.views.change_mark`)."""

    def __init__(self, mark: object) -> None:
        self.mark = mark
        super().__init__()


class Exported(Message):
    """A list export ended: ``count`` rows went into ``path``, or ``error`` says why not."""

    def __init__(self, path: Path, count: int, error: TrackerError | None) -> None:
        self.path, self.count, self.error = path, count, error
        super().__init__()


class SearchBox(TextInput):
    """The search field under the list. Hidden, it cannot take the focus: a key typed then is the
    list's, never a letter of an unseen search."""

    def allow_focus(self) -> bool:
        return self.display and super().allow_focus()


class Facts(Message):
    def __init__(self, provinces: dict[str, str], empty: bool, agencies: int = 0) -> None:
        self.provinces, self.empty, self.agencies = provinces, empty, agencies
        super().__init__()


class TrackerApp(App[None]):
    CSS_PATH = Path(__file__).with_name("tracker.tcss")
    TITLE = "tracker"
    COMMANDS = {TrackerCommands}

    BINDINGS = [
        Binding("slash", "search", show=False, priority=True),
        Binding("o", "toggle_overdue", show=False, priority=True),
        Binding("w", "toggle_due_soon", show=False, priority=True),
        Binding("escape", "clear", show=False),
        Binding("enter", "toggle_detail", show=False),
        Binding("d", "done", show=False, priority=True),
        Binding("e", "extend", show=False, priority=True),
        Binding("r", "reopen", show=False, priority=True),
        Binding("x", "withdraw", show=False, priority=True),
        Binding("n", "note", show=False, priority=True),
        Binding("g", "pick_agency", show=False, priority=True),
        Binding("s", "pick_status", show=False, priority=True),
        Binding("p", "pick_period", show=False, priority=True),
        Binding("S", "sort", show=False, priority=True),
        Binding("t", "as_of", show=False, priority=True),
        Binding("a", "scoreboard", show=False, priority=True),
        Binding("v", "directives", show=False, priority=True),
        Binding("m", "submissions", show=False, priority=True),
        Binding("N", "new_directive", show=False, priority=True),
        Binding("A", "new_agency", show=False, priority=True),
        Binding("E", "export", show=False, priority=True),
        Binding("f5", "refresh", show=False),
        Binding("l", "language", show=False, priority=True),
        Binding("question_mark", "help", show=False, priority=True),
        Binding("q", "quit", show=False),
    ]

    def __init__(self, tracker: Tracker, as_of: date, lang: str) -> None:
        super().__init__()
        self.tracker = tracker
        self.lang = lang
        self.due_soon_days = tracker.settings.due_soon_days
        # The morning chase list first: what is overdue or falls due this week. Esc shows everything.
        self.morning = AssignmentFilter(overdue=True, due_within=self.due_soon_days)
        self.source = ListSource(tracker.url, self.due_soon_days)
        from tracker.ui.model import ListModel

        self.model = ListModel(View(self.morning, as_of))
        self._requested = self.model.view
        """The view of the latest load asked for (the model's view is the latest one shown)."""
        self._detail_open = False
        self._detail_timer: Timer | None = None
        self._loading_timer: Timer | None = None
        self._labels: dict[tuple[str, int], str] = {}
        self.provinces: dict[str, str] = {}
        self.empty = False
        self._mark: object = None
        self._poll_reader: views.Reader | None = None
        self._agencies: list[views.AgencyChoice] | None = None
        self._pending_keep: int | None = None
        self._agency_count = 0
        """How many agencies a database without directives holds (its first steps say it)."""
        self._last_highlighted: int | None = None
        """The last assignment the list highlighted, kept while a filter shows no row."""
        """The assignment a load keeps selected while it is looked for past the first page."""
        self._busy = False

    # --- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="summary")
        yield Static(id="chips")
        with Horizontal(id="main"):
            yield AssignmentList(self.model, self.source, self.lang, id="list")
            with VerticalScroll(id="detail"):
                yield Static(id="detail-text")
        yield Static(id="welcome")
        yield LoadingIndicator(id="loading")
        yield SearchBox(placeholder=t("ui.search_placeholder", self.lang), id="search")
        yield KeyBar(MAIN_KEYS, self.lang, id="keys")

    WIDE = 110
    """From this width the detail stands beside the list; below it, Enter switches between them."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]
    """The screen's class follows its width on every resize; the stylesheet lays the panes out by it."""

    @property
    def closing(self) -> bool:
        """The app is shutting down: a worker's result that arrives now has no screen left to update."""
        return not self.is_running or not self.screen_stack

    @property
    def main(self) -> Screen[Any]:
        """The list's screen, under any dialog or other screen shown over it: a change from elsewhere
        (another clerk's, a worker's result) updates it even while a dialog is open."""
        return self.screen_stack[0]

    def _layout(self) -> None:
        self.main.query_one("#main").set_class(self._detail_open, "-show-detail")
        self.main.query_one("#main").display = not self.empty
        self.main.query_one("#welcome").display = self.empty

    def action_toggle_detail(self) -> None:
        if self.size.width >= self.WIDE:
            return
        self._detail_open = not self._detail_open
        self._layout()
        if not self._detail_open:
            self._focus_list()

    def _focus_list(self) -> None:
        """The list takes the keys from now on: at once, not after the keys already typed (which
        ``Widget.focus`` would wait for)."""
        self.main.set_focus(self.main.query_one("#list", AssignmentList))

    def _back_on_the_list(self, screen: Screen[Any]) -> None:
        """A dialog or screen over the list closed: the keys go to the list's highlighted row again,
        not to the search box, whatever had the focus when it opened."""
        if screen is self.main and not self.closing:
            self._focus_list()

    def on_mount(self) -> None:
        self.main.query_one("#search", Input).display = False
        self.main.query_one("#loading").display = False
        self._focus_list()
        self.screen_change_signal.subscribe(self, self._back_on_the_list, immediate=True)
        self.sub_title = t("ui.subtitle", self.lang)
        self._layout()
        self._read_facts()
        self.reload(self.model.view)
        self._start_recount(self.model.view.as_of)
        self._check_changed()  # the mark to compare the next polls with
        self.set_interval(POLL_S, self._poll)

    # --- facts about the database ----------------------------------------------------------------

    @work(thread=True, exclusive=True, group="facts")
    def _read_facts(self) -> None:
        with views.open_reader(self.tracker.url) as reader:
            provinces = views.jurisdiction_names(reader)
            empty = views.is_empty(reader)
            agencies = views.agency_count(reader) if empty else 0
        self.post_message(Facts(provinces, empty, agencies))

    def on_facts(self, message: Facts) -> None:
        if self.closing:
            return
        several_before = len(self.provinces) > 1
        self.provinces = message.provinces
        listing = self.main.query_one("#list", AssignmentList)
        listing.provinces = message.provinces if len(message.provinces) > 1 else {}
        listing.refresh()
        if several_before != (len(message.provinces) > 1):
            self._show_detail(listing.current)  # the detail names the province only where there are several
        self.empty = message.empty
        self._agency_count = message.agencies
        self.main.query_one("#welcome", Static).update(self._welcome())
        self._layout()

    def _welcome(self) -> str:
        """The first steps an empty database shows: with its agencies counted, once it has some."""
        where = views.where(self.tracker.url)
        if self._agency_count:
            return t("ui.welcome_with_agencies", self.lang, url=where, count=self._agency_count)
        return t("ui.welcome", self.lang, url=where)

    def province(self, code: str) -> str:
        return self.provinces.get(code, code)

    # --- loading -------------------------------------------------------------------------------

    LOADING_DELAY_S = 0.1

    def _loading(self, started: bool) -> None:
        if self._loading_timer is not None:
            self._loading_timer.stop()
            self._loading_timer = None
        indicator = self.main.query_one("#loading")
        if started:
            self._loading_timer = self.set_timer(self.LOADING_DELAY_S, lambda: setattr(indicator, "display", True))
        elif indicator.display:
            indicator.display = False

    def _with_criteria(self, **changes: Any) -> View:
        """The latest view asked for, with ``changes``: a key pressed while a load is under way builds on
        that load's view, not on the one still on screen."""
        return replace(self._requested, criteria=replace(self._requested.criteria, **changes))

    def reload(self, view: View, *, keep: int | None = None) -> None:
        """Show ``view``; the selected assignment stays selected if it is in it (``keep`` names another)."""
        listing = self.main.query_one("#list", AssignmentList)
        current = listing.current
        if keep is None:  # a search that matched nothing keeps the row highlighted before it
            keep = current.id if current is not None else self._last_highlighted
        self._requested = view
        self.source.want(view)
        self._loading(True)
        near = listing.cursor if view == self.model.view else 0
        self._load(view, keep, near)

    @work(thread=True, exclusive=True, group="reload")
    def _load(self, view: View, keep: int | None, near: int) -> None:
        """The first page goes on screen as soon as it is read, with the kept assignment selected when it
        is there or on the page where it was (after an edit); otherwise it is looked for once the rows
        are counted (for a search, once the typing pauses), a few pages at most."""
        worker = get_current_worker()
        try:
            page = self.source.first_page(view)
            found = None
            missing = keep is not None and not any(row.id == keep for row in page.rows) and not page.last
            if missing and near >= PAGE_SIZE:
                found = self.source.find(view, keep, near, 0)  # type: ignore[arg-type]
            pending = missing and found is None
            if worker.is_cancelled:
                return
            self.post_message(Loaded(page, found, keep, pending))
            if page.last:
                return
            if view.criteria.search and worker.cancelled_event.wait(SEARCH_COUNT_DELAY_S):
                return
            total = self.source.count(view)
            if total is None or worker.is_cancelled:
                return
            self.post_message(Counted(view, total))
            if pending and keep is not None:
                self.post_message(Found(view, keep, self.source.find(view, keep, 0, FIND_PAGES)))
        except Superseded:
            return
        except TrackerError as error:
            self.post_message(Changed(None, "", error))

    def on_loaded(self, message: Loaded) -> None:
        if self.closing:
            return
        self._loading(False)
        self.model.show(message.page)
        self._pending_keep = message.keep if message.pending else None
        cursor = 0
        if message.found is not None:
            cursor, pages = message.found
            for page in pages:
                self.model.add(page)
        elif message.keep is not None and not message.pending:
            index = self.model.index_of(message.keep)
            if index is not None:
                cursor = index
            elif self.model.total:
                self.notify(t("ui.left_view", self.lang, id=message.keep), timeout=6)
        listing = self.main.query_one("#list", AssignmentList)
        listing.search_words = search_words(self.model.view.criteria.search)
        listing.shown(cursor)
        self._show_summary()
        if self.model.counts_stale():
            self._start_recount(self.model.view.as_of)

    def on_found(self, message: Found) -> None:
        """The kept assignment, looked for further down: selected, unless the clerk has moved meanwhile."""
        if self.closing:
            return
        if message.view != self.model.view or self._pending_keep != message.keep:
            return
        self._pending_keep = None
        if message.found is None:
            if self.model.total:
                self.notify(t("ui.left_view", self.lang, id=message.keep), timeout=6)
            return
        index, pages = message.found
        for page in pages:
            self.model.add(page)
        self.main.query_one("#list", AssignmentList).move_to(index)

    def on_counted(self, message: Counted) -> None:
        if self.closing:
            return
        if self.model.counted(message.view, message.total):
            self.main.query_one("#list", AssignmentList).grew()
            self._show_summary()

    def _start_recount(self, as_of: date) -> None:
        self._recount(as_of)

    @work(thread=True, exclusive=True, group="counts")
    def _recount(self, as_of: date) -> None:
        self.post_message(StatusCounts(as_of, self.source.status_counts(as_of)))

    def on_status_counts(self, message: StatusCounts) -> None:
        if self.closing:
            return
        self.model.counts, self.model.counted_as_of = message.counts, message.as_of
        self._show_summary()

    # --- someone else changed the database ----------------------------------------------------------

    def _poll(self) -> None:
        if not self._busy:
            self._check_changed()

    @work(thread=True, exclusive=True, group="poll")
    def _check_changed(self) -> None:
        if self._poll_reader is None:  # one connection for every poll (SQLite's mark is per connection)
            self._poll_reader = views.open_reader(self.tracker.url)
        self.post_message(DatabaseChanged(views.change_mark(self._poll_reader)))

    def on_database_changed(self, message: DatabaseChanged) -> None:
        if self.closing:
            return
        changed = self._mark is not None and message.mark != self._mark
        self._mark = message.mark
        if changed:
            self.action_refresh()

    def action_refresh(self) -> None:
        """Read the list, the counts and the detail again, keeping the selection."""
        self.source.forget_lookups()
        self._agencies = None
        self._read_facts()
        self.reload(self._requested)
        self._start_recount(self._requested.as_of)

    # --- the bars ------------------------------------------------------------------------------

    def _show_summary(self) -> None:
        counts = {} if self.model.counts_stale() else self.model.counts
        as_of = self.model.view.as_of
        summary = Text()
        summary.append(f" {t('ui.as_of', self.lang)} {as_of:%d/%m/%Y} ", style="bold reverse")
        summary.append("  ")
        if not counts:
            summary.append("…", style="dim")
        order = [Status.OVERDUE, Status.IN_PROGRESS, Status.DONE_ON_TIME, Status.DONE_LATE, Status.STANDING,
                 Status.WITHDRAWN]  # fmt: skip
        for status in order if counts else ():
            style = "bold red" if status is Status.OVERDUE and counts.get(status) else ""
            summary.append(f"{status_word(status, self.lang)} ", style=style)
            summary.append(f"{counts.get(status, 0)}", style=style or "bold")
            summary.append(" · " if status is not order[-1] else "")
        self.main.query_one("#summary", Static).update(summary)
        criteria = self.model.view.criteria
        chips = Text()
        if criteria.overdue:
            chips.append(f" {status_word(Status.OVERDUE, self.lang)} ", style="white on red")
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
        named = self._agencies_named(criteria.search) if criteria.search and not criteria.agency_ids else []
        if named:
            names = ", ".join(dict.fromkeys(a.name for a in named[:3]))
            chips.append("  ")
            chips.append(t("ui.agency_matches", self.lang, names=names, count=len(named)), style="bold cyan")
        if criteria != AssignmentFilter():
            chips.append("  " + t("ui.clear_hint", self.lang), style="dim")
        self.main.query_one("#chips", Static).update(chips)

    def _chip_labels(self, criteria: AssignmentFilter) -> list[str]:
        labels = []
        if criteria.agency_ids:
            labels.append(self._labels.get(("agency", criteria.agency_ids[0]), "?"))
        if criteria.directive_ids:
            labels.append(self._labels.get(("directive", criteria.directive_ids[0]), "?"))
        if criteria.task_ids:
            labels.append(self._labels.get(("task", criteria.task_ids[0]), "?"))
        if criteria.statuses:
            labels.append(", ".join(status_word(s, self.lang) for s in criteria.statuses))
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
        if row is not None:
            self._last_highlighted = row.id
        if message.moving and row is not None and row.id != self._pending_keep:
            self._pending_keep = None  # the clerk moved: the cursor stays where they put it
        if not message.moving:
            self._show_detail(row)
            return
        self._detail_timer = self.set_timer(self.DETAIL_DELAY_S, lambda: self._show_detail(row))

    def _show_detail(self, row: AssignmentRow | None) -> None:
        if row is None:
            self._set_detail(t("list.none", self.lang) if self.model.total == 0 else "")
        elif self.is_running:
            self._load_detail(row.id, self.model.view.as_of, self.lang)

    @work(thread=True, exclusive=True, group="detail")
    def _load_detail(self, assignment_id: int, as_of: date, lang: str) -> None:
        from tracker.services.details import assignment_details

        try:
            details = assignment_details(self.tracker, assignment_id, as_of)
            contacts = views.agency_contacts(self.tracker.reader, details.row.agency_id)
        except TrackerError as error:
            self.post_message(DetailRead(assignment_id, error.text(lang)))
            return
        province = self.province(details.row.jurisdiction) if len(self.provinces) > 1 else ""
        self.post_message(DetailRead(assignment_id, render_detail(details, lang, contacts, province)))

    def on_detail_read(self, message: DetailRead) -> None:
        if self.closing:
            return
        current = self.main.query_one("#list", AssignmentList).current
        if current is not None and current.id == message.assignment_id:
            self._set_detail(message.content)

    def _set_detail(self, content: Any) -> None:
        with contextlib.suppress(NoMatches):  # the app closed meanwhile
            self.main.query_one("#detail-text", Static).update(content)

    # --- filters -------------------------------------------------------------------------------

    def action_search(self) -> None:
        """Show the search box and give it the keys now: the letters typed right after `/`, however
        fast, are the search's, not hotkeys."""
        search = self.main.query_one("#search", Input)
        search.display = True
        self.main.set_focus(search)

    def _close_search(self) -> None:
        search = self.main.query_one("#search", Input)
        search.value = ""
        search.display = False
        self._focus_list()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "search" or not event.input.display:
            return  # a closed search box's last letters: the search is gone
        text = event.value.strip()
        if ID_TYPED.fullmatch(text):
            return  # "#272": a jump, on Enter
        search = text or None
        if search != self._requested.criteria.search:
            self.reload(self._with_criteria(search=search))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "search":
            return
        jump = ID_SEARCH.fullmatch(event.value.strip())
        if jump:
            self._jump_to(int(jump.group(1)))
            self._close_search()
        self._focus_list()

    def _jump_to(self, assignment_id: int) -> None:
        """Select assignment ``assignment_id``: in the list shown if it is there, else among the
        assignments of its task."""
        index = self.model.index_of(assignment_id)
        if index is not None:
            self.main.query_one("#list", AssignmentList).move_to(index)
            return
        try:
            row = views.assignment_row(self.tracker.reader, assignment_id, self._requested.as_of, self.due_soon_days)
        except TrackerError:
            self.notify(t("ui.no_such_id", self.lang, id=assignment_id), severity="warning")
            return
        self._labels[("task", row.task_id)] = f"{row.directive} {row.ref}"
        view = View(AssignmentFilter(task_ids=[row.task_id]), self._requested.as_of)
        self.reload(view, keep=assignment_id)

    def action_toggle_overdue(self) -> None:
        self.reload(self._with_criteria(overdue=not self._requested.criteria.overdue))

    def action_toggle_due_soon(self) -> None:
        current = self._requested.criteria.due_within
        self.reload(self._with_criteria(due_within=None if current is not None else self.due_soon_days))

    def action_clear(self) -> None:
        """Close the detail (narrow screens), else clear every filter, the search too, even while the
        search box has the focus: what the chip "Esc: bỏ lọc" says."""
        if self._detail_open and not self.main.query_one("#search", Input).has_focus:
            self.action_toggle_detail()
            return
        self._close_search()
        if self._requested.criteria != AssignmentFilter():
            self.reload(View(AssignmentFilter(), self._requested.as_of))

    async def action_as_of(self) -> None:
        def chosen(values: dict[str, Any] | None) -> None:
            if values:
                self.reload(View(self._requested.criteria, values["as_of"]))

        await self.push_screen(as_of_dialog(self.lang, self.model.view.as_of), chosen)

    def action_language(self) -> None:
        self.lang = "en" if self.lang == "vi" else "vi"
        listing = self.main.query_one("#list", AssignmentList)
        listing.lang = self.lang
        self.main.query_one("#search", Input).placeholder = t("ui.search_placeholder", self.lang)
        self.main.query_one("#keys", KeyBar).set_lang(self.lang)
        self.main.query_one("#welcome", Static).update(self._welcome())
        self.sub_title = t("ui.subtitle", self.lang)
        self._show_summary()
        listing.refresh()
        self._show_detail(listing.current)

    def action_scoreboard(self) -> None:
        from tracker.ui.scoreboard import ScoreboardScreen

        def chosen(agency: tuple[int, str] | None) -> None:
            if agency is not None:
                self._labels[("agency", agency[0])] = agency[1]
                self.reload(View(AssignmentFilter(agency_ids=[agency[0]]), self._requested.as_of))

        self.push_screen(ScoreboardScreen(self.tracker.url, self.model.view.as_of, self.lang, self.provinces), chosen)

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.lang))

    def action_command_palette(self) -> None:
        if not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(CommandPalette(placeholder=t("ui.palette_placeholder", self.lang), id="--command-palette"))

    def _agency_choices(self) -> list[views.AgencyChoice]:
        if self._agencies is None:  # a few thousand at most; read again after a refresh
            self._agencies = views.agency_choices(self.tracker.reader)
        return self._agencies

    def _agencies_named(self, search: str) -> list[views.AgencyChoice]:
        """The agencies whose name (or alias) holds every word of ``search``: a search for "so noi vu"
        finds the rows whose task text names the agency too; these are the agency itself."""
        words = fold(search).split()
        return [a for a in self._agency_choices() if all(w in fold(f"{a.name} {a.also}") for w in words)]

    async def action_pick_agency(self) -> None:
        several = len(self.provinces) > 1
        choices = [
            Choice(f"{a.name}  ({province_short(a.jurisdiction)})" if several else a.name, (a.id, a.name),
                   f"{a.also} {a.jurisdiction}")
            for a in self._agency_choices()
        ]  # fmt: skip
        search = self._requested.criteria.search or ""
        initial = search if search and self._agencies_named(search) else ""

        def chosen(value: object | None) -> None:
            if isinstance(value, tuple):
                agency_id, name = value
                self._labels[("agency", agency_id)] = name
                # Picked from a search that named it: the agency's rows, not the texts that mention it.
                search = None if initial else self._requested.criteria.search
                self.reload(self._with_criteria(agency_ids=[agency_id], search=search))
                if initial:
                    self._close_search()

        picker = PickerDialog(t("ui.pick_agency", self.lang), choices, t("ui.pick_hint", self.lang), initial)
        await self.push_screen(picker, chosen)

    async def action_pick_status(self) -> None:
        choices = [Choice(status_word(status, self.lang), status) for status in Status]

        def chosen(value: object | None) -> None:
            if isinstance(value, Status):
                self.reload(self._with_criteria(statuses=[value], overdue=False, due_within=None))

        await self.push_screen(PickerDialog(t("ui.pick_status", self.lang), choices), chosen)

    async def action_pick_period(self) -> None:
        choices = [Choice(period, period) for period in views.periods(self.tracker.reader)]

        def chosen(value: object | None) -> None:
            if isinstance(value, str):
                self.reload(self._with_criteria(period=value))

        await self.push_screen(PickerDialog(t("ui.pick_period", self.lang), choices, "2020-02"), chosen)

    def action_sort(self) -> None:
        current = self._requested.criteria.order
        self.reload(self._with_criteria(order=ORDERS[(ORDERS.index(current) + 1) % len(ORDERS)]))

    def action_directives(self) -> None:
        from tracker.ui.directives import DirectivesScreen

        screen = DirectivesScreen(self.tracker.url, self.model.view.as_of, self.lang, self.provinces)

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
        row = self.main.query_one("#list", AssignmentList).current
        if row is not None:
            return row.jurisdiction
        return next(iter(self.provinces), "") if len(self.provinces) == 1 else ""

    async def action_new_directive(self) -> None:
        from tracker.ui.forms import DirectiveForm

        def saved(tally: Any) -> None:
            if tally is not None:
                self.notify(t("ui.directive_saved", self.lang, created=tally.created, updated=tally.updated))
                if tally.record_changes:
                    changes = "; ".join(tally.record_changes)
                    self.notify(t("ui.records_changed", self.lang, changes=changes), severity="warning", timeout=12)
                self.empty = False
                self.action_refresh()

        form = DirectiveForm(self.tracker, self.lang, self.model.view.as_of, self._jurisdiction_hint())
        await self.push_screen(form, saved)

    async def action_new_agency(self) -> None:
        from tracker.ui.forms import AgencyForm

        def saved(name: str | None) -> None:
            if name:
                self.notify(t("ui.agency_saved", self.lang, name=name))
                self._read_facts()  # no directive yet: the first steps stay, counting the agencies
                self.action_refresh()

        await self.push_screen(AgencyForm(self.tracker, self.lang, self._jurisdiction_hint()), saved)

    async def action_export(self) -> None:
        """Export the rows of the filter shown (all of them, not only the pages read) in a worker."""
        from tracker.ui.export import list_export_dialog

        view = self.model.view
        shown = str(self.model.total) if self.model.total_known else f"{self.model.total}+"

        def chosen(values: dict[str, Any] | None) -> None:
            if values:
                self._loading(True)
                self.notify(t("ui.exporting", self.lang))
                self._export(view, values["path"])

        await self.push_screen(list_export_dialog(self.lang, view.as_of, shown), chosen)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, view: View, path: Path) -> None:
        from tracker.importing.export import export_records, write_records
        from tracker.ui.export import LIST_SUFFIXES

        try:
            rows = self.tracker.assignments(view.criteria, as_of=view.as_of)
            records = export_records(self.tracker.reader, rows)
            write_records(path, LIST_SUFFIXES[path.suffix.lower()], records)
        except TrackerError as error:
            self.post_message(Exported(path, 0, error))
        except OSError as error:
            problem = TrackerError(key="ui.export_failed", problem=error.strerror or str(error))
            self.post_message(Exported(path, 0, problem))
        else:
            self.post_message(Exported(path.resolve(), len(records), None))

    def on_exported(self, message: Exported) -> None:
        self._loading(False)
        if message.error is not None:
            self.notify(message.error.text(self.lang), severity="error", timeout=10)
        else:
            self.notify(t("ui.exported", self.lang, count=message.count, path=str(message.path)), timeout=10)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The list's keys work on the main screen only: not under a dialog or on another screen, and
        not while the search box has the focus (a letter typed there is part of the search; Esc
        clears it, with the other filters).

        They are priority bindings: the app handles each the moment it reads it, before the keys typed
        after it, so a dialog a key opens is on screen, focused, when those keys arrive (typing ahead
        into a dialog is safe)."""
        if action not in MAIN_SCREEN_ACTIONS and action != "help":
            return True
        if len(self.screen_stack) > 1:
            return False
        if isinstance(self.focused, Input):
            return action == "clear"  # Esc types nothing: it clears the search and the filters
        return True

    def palette_commands(self) -> Iterable[tuple[str, str, Callable[[], object]]]:
        """(name, help, callback) of every action of the main screen, in the UI's language."""
        for action, key in COMMANDS:
            yield t(f"cmd.{action}", self.lang), t("ui.key_is", self.lang, keys=key), getattr(self, f"action_{action}")

    # --- actions -------------------------------------------------------------------------------

    def _selected(self) -> AssignmentRow | None:
        row = self.main.query_one("#list", AssignmentList).current
        if row is None:
            self.notify(t("ui.nothing_selected", self.lang), severity="warning")
        return row

    async def _change(
        self, row: AssignmentRow, dialog_for: DialogFor, change: Edit, said: Said, *,
        typed: dict[str, str] | None = None, problem: str = "",
    ) -> None:  # fmt: skip
        """Ask (if there is a dialog), then apply the change in a worker, checking the version read.

        When someone else changed the assignment meanwhile, nothing is saved and what the clerk typed is
        not lost: the dialog opens again on the assignment as it is now (its new version), filled in
        with what was typed and saying why, so OK saves it on that version."""
        dialog = dialog_for(row)
        if dialog is not None and typed:
            dialog.keep_typed(typed, problem)

        def run(values: dict[str, Any] | None) -> None:
            if dialog is not None and values is None:
                return
            values = values or {}
            kept = dialog.typed if dialog is not None else {}

            async def again(fresh: AssignmentRow, why: str) -> None:
                await self._change(fresh, dialog_for, change, said, typed=kept, problem=why)

            self._busy = True
            self._loading(True)
            self._write(row.id, lambda: change(row, values), said(row, values), self.model.view.as_of,
                        again if kept else None)  # fmt: skip

        if dialog is None:
            run(None)
        else:
            await self.push_screen(dialog, run)

    @work(thread=True, group="write")
    def _write(self, assignment_id: int, change: Callable[[], object], text: str, as_of: date,
               again: Retry | None) -> None:  # fmt: skip
        try:
            change()
        except ConflictError as error:
            fresh = None
            if again is not None:
                with contextlib.suppress(TrackerError):  # gone meanwhile: the message alone says so
                    fresh = views.assignment_row(self.tracker.reader, assignment_id, as_of, self.due_soon_days)
            self.post_message(Changed(assignment_id, text, error, fresh, again))
        except TrackerError as error:
            self.post_message(Changed(assignment_id, text, error))
        else:
            self.post_message(Changed(assignment_id, text, None))

    def on_changed(self, message: Changed) -> None:
        self._busy = False
        self._loading(False)
        error = message.error
        if isinstance(error, ConflictError) and message.fresh is not None and message.again is not None:
            said = t("ui.conflict_kept", self.lang, id=message.assignment_id, ok=t("ui.ok", self.lang))
            self.call_later(message.again, message.fresh, said)
        elif isinstance(error, ConflictError):
            self.notify(t("ui.conflict", self.lang, id=message.assignment_id), severity="error", timeout=10)
        elif error is not None:
            self.notify(error.text(self.lang), severity="error", timeout=10)
        else:
            self.notify(message.text)
        if message.assignment_id is not None:
            self.source.forget_lookups()
            self.reload(self._requested, keep=message.assignment_id)
            self._start_recount(self._requested.as_of)

    def _subject(self, row: AssignmentRow) -> str:
        return subject_line(row, self.province(row.jurisdiction) if len(self.provinces) > 1 else "")

    async def action_done(self) -> None:
        row = self._selected()
        if row is None:
            return
        as_of = self.model.view.as_of
        await self._change(
            row,
            lambda r: done_dialog(self.lang, self._subject(r), as_of, r),
            lambda r, v: self.tracker.complete(r.id, v["on"], ref=v["ref"], expected_version=r.version),
            lambda r, v: t("msg.done", self.lang, id=r.id, on=f"{v['on']:%d/%m/%Y}"),
        )

    async def action_reopen(self) -> None:
        row = self._selected()
        if row is None:
            return
        # Only a done assignment can be reopened: on another, the service's refusal is the answer.
        await self._change(
            row,
            lambda r: reopen_dialog(self.lang, self._subject(r), r) if r.completed_on is not None else None,
            lambda r, v: self.tracker.reopen(r.id, expected_version=r.version),
            lambda r, v: t("msg.reopened", self.lang, id=r.id),
        )

    async def action_extend(self) -> None:
        row = self._selected()
        if row is None:
            return
        rules = self.tracker.settings.deadline_rules
        await self._change(
            row,
            lambda r: extend_dialog(self.lang, self._subject(r), r.due_on, rules),
            lambda r, v: self.tracker.extend(r.id, v["to"], reason=v["reason"], decision=v["decision"],
                                             expected_version=r.version),
            lambda r, v: t("msg.extended", self.lang, id=r.id, to=f"{v['to']:%d/%m/%Y}"),
        )  # fmt: skip

    async def action_withdraw(self) -> None:
        row = self._selected()
        if row is None:
            return
        as_of = self.model.view.as_of
        await self._change(
            row,
            lambda r: withdraw_dialog(self.lang, self._subject(r), as_of),
            lambda r, v: self.tracker.withdraw(r.id, reason=v["reason"], on=v["on"], decision=v["decision"],
                                               expected_version=r.version),
            lambda r, v: t("ui.msg_withdrawn", self.lang, id=r.id, on=f"{v['on']:%d/%m/%Y}"),
        )  # fmt: skip

    async def action_note(self) -> None:
        row = self._selected()
        if row is None:
            return
        await self._change(
            row,
            lambda r: note_dialog(self.lang, self._subject(r), r.note),
            lambda r, v: self.tracker.note(r.id, v["note"], expected_version=r.version),
            lambda r, v: t("msg.noted", self.lang, id=r.id),
        )

    def on_unmount(self) -> None:
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self.source.close()
        if self._poll_reader is not None:
            self._poll_reader.close()
