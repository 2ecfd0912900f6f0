"""The directives screen: each directive with done/total, its overdue count and a progress bar.
Enter shows the directive's assignments in the main list; `/` narrows the list by number or title.
A national database holds tens of thousands of directives: the table shows the first few hundred
(newest first) of what matches."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Static

from tracker.core.text import fold
from tracker.i18n import t
from tracker.services import views
from tracker.services.views import DirectiveProgress
from tracker.ui.assignment_list import province_short
from tracker.ui.keybar import KeyBar
from tracker.ui.scoreboard import fit, rate_bar
from tracker.ui.screen_base import DataScreen
from tracker.ui.text_input import TextInput


class DirectivesScreen(DataScreen[int | None]):
    """Returns the chosen directive's id (Enter), or None (Esc)."""

    BINDINGS = [
        Binding("escape,b", "back", show=False),
        Binding("slash", "find", show=False),
    ]

    MAX_ROWS = 500
    AUTO_FOCUS = "#directives"

    def __init__(self, url: str, as_of: date, lang: str, provinces: dict[str, str] | None = None) -> None:
        super().__init__(url, as_of, lang, provinces)
        self.progress: list[DirectiveProgress] = []
        self.shown: list[DirectiveProgress] = []
        self.folded: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(t("ui.directives_title", self.lang, as_of=f"{self.as_of:%d/%m/%Y}"), classes="screen-title")
        yield TextInput(placeholder=t("ui.find_directive", self.lang), id="directive-find")
        yield DataTable(id="directives", cursor_type="row", zebra_stripes=True)
        yield Static("", id="directives-more")
        yield KeyBar([("↵", "ui.key_open_directive"), ("/", "ui.key_search"), ("b", "ui.key_back")], self.lang)

    def on_mount(self) -> None:
        self.query_one("#directive-find", Input).display = False
        table = self.query_one(DataTable)
        for key in ("col.directive", "ui.col_issued", "ui.col_done_total", "ui.col_progress", "ui.word.overdue",
                    "ui.col_title"):  # fmt: skip
            table.add_column(t(key, self.lang), key=key)
        self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        with views.open_reader(self.url) as reader:
            progress = views.directive_progress(reader, self.as_of)
        self.app.call_from_thread(self._show, progress)

    def _show(self, progress: list[DirectiveProgress]) -> None:
        self.progress = progress
        self.folded = [fold(f"{p.number} {p.title}") for p in progress]
        self._fill("")

    def _fill(self, query: str) -> None:
        words = fold(query).split()
        matching = [p for p, text in zip(self.progress, self.folded, strict=True) if all(w in text for w in words)]
        self.shown = matching[: self.MAX_ROWS]
        more = len(matching) - len(self.shown)
        self.query_one("#directives-more", Static).update(t("ui.more_rows", self.lang, count=more) if more else "")
        table = self.query_one(DataTable)
        table.clear()
        for item in self.shown:
            number = Text(fit(item.number, 22))
            province = self.province(item.jurisdiction)
            if province:
                number.append(f" {province_short(province)}", style="dim")
            overdue = Text(str(item.overdue), style="bold red" if item.overdue else "")
            table.add_row(number, f"{item.issued_on:%d/%m/%Y}" if item.issued_on else "", f"{item.done}/{item.total}",
                          rate_bar(item.share_done if item.total else None), overdue, fit(item.title, 60))  # fmt: skip

    def action_choose(self) -> None:
        row = self.query_one(DataTable).cursor_row
        if 0 <= row < len(self.shown):
            self.dismiss(self.shown[row].directive_id)

    def action_find(self) -> None:
        find = self.query_one("#directive-find", Input)
        find.display = True
        find.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def on_input_submitted(self) -> None:
        self.query_one(DataTable).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_choose()

    def action_back(self) -> None:
        self.dismiss(None)
