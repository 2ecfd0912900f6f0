"""The directives screen: each directive with done/total, its overdue count and a progress bar.
Enter shows the directive's assignments in the main list."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Static

from tracker.i18n import t
from tracker.store.queries import DirectiveProgress, directive_progress
from tracker.store.reader import Reader
from tracker.ui.scoreboard import fit, rate_bar
from tracker.ui.screen_base import DataScreen


class DirectivesScreen(DataScreen[int | None]):
    """Returns the chosen directive's id (Enter), or None (Esc)."""

    BINDINGS = [
        Binding("escape,b", "back", "Back"),
    ]

    def __init__(self, url: str, as_of: date, lang: str) -> None:
        super().__init__(url, as_of, lang)
        self.progress: list[DirectiveProgress] = []

    def compose(self) -> ComposeResult:
        yield Static(t("ui.directives_title", self.lang, as_of=f"{self.as_of:%d/%m/%Y}"), classes="screen-title")
        yield DataTable(id="directives", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("col.directive", "ui.col_issued", "ui.col_done_total", "ui.col_progress", "short.overdue",
                    "ui.col_title"):  # fmt: skip
            table.add_column(t(key, self.lang), key=key)
        self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        with Reader(self.url) as reader:
            progress = directive_progress(reader, self.as_of)
        self.app.call_from_thread(self._show, progress)

    def _show(self, progress: list[DirectiveProgress]) -> None:
        self.progress = progress
        table = self.query_one(DataTable)
        for item in progress:
            number = Text(fit(item.number, 22))
            number.append(f" {item.jurisdiction}", style="dim")
            overdue = Text(str(item.overdue), style="bold red" if item.overdue else "")
            table.add_row(number, f"{item.issued_on:%d/%m/%Y}" if item.issued_on else "", f"{item.done}/{item.total}",
                          rate_bar(item.share_done if item.total else None), overdue, fit(item.title, 60))  # fmt: skip

    def action_choose(self) -> None:
        row = self.query_one(DataTable).cursor_row
        if 0 <= row < len(self.progress):
            self.dismiss(self.progress[row].directive_id)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_choose()

    def action_back(self) -> None:
        self.dismiss(None)
